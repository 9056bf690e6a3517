import { baseMembers, bases, type Db, type Tx } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../errors.ts';

export type LoadedBase = typeof bases.$inferSelect & { memberOrgIds: string[] };

export function loadBase(db: Db | Tx, id: string): LoadedBase {
  const base = db.select().from(bases).where(eq(bases.id, id)).get();
  if (!base) throw new DomainError('NOT_FOUND', 'BASE_NOT_FOUND');
  const memberOrgIds = db
    .select({ orgId: baseMembers.orgId })
    .from(baseMembers)
    .where(eq(baseMembers.baseId, id))
    .all()
    .map((m) => m.orgId);
  return { ...base, memberOrgIds };
}

/** The whole record as it is now: what a version keeps. */
export function snapshotOf(db: Db | Tx, id: string) {
  const base = db.select().from(bases).where(eq(bases.id, id)).get()!;
  const members = db.select().from(baseMembers).where(eq(baseMembers.baseId, id)).all();
  const { createdAt: _c, updatedAt: _u, ...rest } = base;
  return {
    ...rest,
    focusAreas: JSON.parse(base.focusJson) as string[],
    members: members.map((m) => ({ orgId: m.orgId, note: m.note, contact: m.contact })),
  };
}
