import { type ActorRef, POLICIES } from '@ctp/contracts';

/** Pure: a shortlist is kept by the sponsor users of the organisation that owns it. */
export function canUseShortlist(actor: ActorRef | null, shortlist: { orgId: string }): boolean {
  return actor !== null && POLICIES.keepShortlists.allows(actor) && actor.orgId === shortlist.orgId;
}
