import { POLICIES } from '@ctp/contracts';
import type { Actor, Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';

/** Tokens and webhooks belong to the actor's organisation; only its sponsor, trial office or commission users keep them. */
export function integrationsManager(ctx: Ctx): Actor {
  if (!POLICIES.manageIntegrations.allows(ctx.actor) || !ctx.actor) throw forbidden();
  // A token's own calls never create further tokens or webhooks: a leaked token cannot mint itself successors.
  if (ctx.actor.apiTokenId) throw forbidden();
  return ctx.actor;
}
