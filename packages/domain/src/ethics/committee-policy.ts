import { type ActorRef, canActForCommittee, isEcRole } from '@ctp/contracts';
import { forbidden } from '../errors.ts';

// Resource-level access to a committee (CONVENTIONS §6). Who runs a committee (`runsCommittee`) is in contracts: the
// meeting page decides what to offer from the same rule.

/**
 * Authorise an act on a committee: one of `roles` *of that committee*. An EC role of another committee is refused
 * NOT_OWN_COMMITTEE; anyone else ROLE_REQUIRED.
 */
export function assertCommitteeRole(
  actor: ActorRef | null,
  committeeId: string,
  roles: readonly ('ec_secretary' | 'ec_chair' | 'ec_member')[],
): asserts actor is ActorRef {
  if (!actor || !isEcRole(actor.role)) throw forbidden('ROLE_REQUIRED');
  if (!canActForCommittee(actor, committeeId)) throw forbidden('NOT_OWN_COMMITTEE');
  if (!(roles as readonly string[]).includes(actor.role)) throw forbidden('ROLE_REQUIRED');
}
