import { type ActorRef, POLICIES } from '@ctp/contracts';
import { type Db, shortlists } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { forbidden, notFound } from '../errors.ts';
import { canUseShortlist } from './policy.ts';

/** Loads a live shortlist the actor may use; another organisation's list is "not found", not "forbidden". */
export function loadOwnShortlist(db: Db, actor: ActorRef | null, id: string) {
  if (!POLICIES.keepShortlists.allows(actor)) throw forbidden();
  const row = db
    .select()
    .from(shortlists)
    .where(and(eq(shortlists.id, id), isNull(shortlists.archivedAt)))
    .get();
  if (!row || !canUseShortlist(actor, row)) throw notFound();
  return row;
}
