import { POLICIES, tokenIdInput, tokensCreateInput, webhookIdInput, webhooksCreateInput } from '@ctp/contracts';
import {
  createApiToken,
  createWebhook,
  disableWebhook,
  listApiTokens,
  listWebhookDeliveries,
  listWebhooks,
  revokeApiToken,
} from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

const ok = { ok: true as const };

/** Public contract (issue 17): `tokens.create` {name, role, scopes, expiresAt} → {token (once), id}; list; revoke. */
export const tokensRouter = router({
  create: guarded(POLICIES.manageIntegrations)
    .input(tokensCreateInput)
    .mutation(({ ctx, input }) => createApiToken({ ctx: useCaseCtx(ctx), input })),
  list: guarded(POLICIES.manageIntegrations).query(({ ctx }) => listApiTokens({ ctx: useCaseCtx(ctx) })),
  revoke: guarded(POLICIES.manageIntegrations)
    .input(tokenIdInput)
    .mutation(({ ctx, input }) => {
      revokeApiToken({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
});

/** Public contract (issue 17): `webhooks.create` {url, events}; `webhooks.list`; `webhooks.deliveries` {webhookId}. */
export const webhooksRouter = router({
  create: guarded(POLICIES.manageIntegrations)
    .input(webhooksCreateInput)
    .mutation(({ ctx, input }) => createWebhook({ ctx: useCaseCtx(ctx), input })),
  list: guarded(POLICIES.manageIntegrations).query(({ ctx }) => listWebhooks({ ctx: useCaseCtx(ctx) })),
  deliveries: guarded(POLICIES.manageIntegrations)
    .input(webhookIdInput)
    .query(({ ctx, input }) => listWebhookDeliveries({ ctx: useCaseCtx(ctx), input })),
  disable: guarded(POLICIES.manageIntegrations)
    .input(webhookIdInput)
    .mutation(({ ctx, input }) => {
      disableWebhook({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
});
