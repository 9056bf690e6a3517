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
import { guarded, router } from '../trpc.ts';

const ok = { ok: true as const };

/** Public contract (issue 17): `tokens.create` {name, role, scopes, expiresAt} → {token (once), id}; list; revoke. */
export const tokensRouter = router({
  create: guarded(POLICIES.manageIntegrations)
    .input(tokensCreateInput)
    .mutation(({ ctx, input }) => createApiToken({ ctx: ctx.uc, input })),
  list: guarded(POLICIES.manageIntegrations).query(({ ctx }) => listApiTokens({ ctx: ctx.uc })),
  revoke: guarded(POLICIES.manageIntegrations)
    .input(tokenIdInput)
    .mutation(({ ctx, input }) => {
      revokeApiToken({ ctx: ctx.uc, input });
      return ok;
    }),
});

/** Public contract (issue 17): `webhooks.create` {url, events}; `webhooks.list`; `webhooks.deliveries` {webhookId}. */
export const webhooksRouter = router({
  create: guarded(POLICIES.manageIntegrations)
    .input(webhooksCreateInput)
    .mutation(({ ctx, input }) => createWebhook({ ctx: ctx.uc, input })),
  list: guarded(POLICIES.manageIntegrations).query(({ ctx }) => listWebhooks({ ctx: ctx.uc })),
  deliveries: guarded(POLICIES.manageIntegrations)
    .input(webhookIdInput)
    .query(({ ctx, input }) => listWebhookDeliveries({ ctx: ctx.uc, input })),
  disable: guarded(POLICIES.manageIntegrations)
    .input(webhookIdInput)
    .mutation(({ ctx, input }) => {
      disableWebhook({ ctx: ctx.uc, input });
      return ok;
    }),
});
