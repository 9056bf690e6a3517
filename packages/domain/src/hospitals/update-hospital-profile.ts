import { HOSPITAL_PROFILE_FIELDS, type updateHospitalProfileInput } from '@ctp/contracts';
import { organisations } from '@ctp/db';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { auditProfileChange, authoriseHospital, diff, refuseFutureDates } from './profile-guard.ts';

type Input = z.output<typeof updateHospitalProfileInput>;
type ProfileSnapshot = Record<(typeof HOSPITAL_PROFILE_FIELDS)[number] | 'version', unknown>;

function snapshot(row: typeof organisations.$inferSelect): ProfileSnapshot {
  return {
    ...(Object.fromEntries(HOSPITAL_PROFILE_FIELDS.map((f) => [f, row[f]])) as Record<
      (typeof HOSPITAL_PROFILE_FIELDS)[number],
      unknown
    >),
    version: row.version,
  };
}

/**
 * The site admin edits the hospital's own profile (DESIGN §3 fields, filings, Phase I unit, beds, trial office
 * contacts). Absent fields stay as they are; null clears. Conditional on the version the form was loaded with.
 */
export function updateHospitalProfile({ ctx, input }: { ctx: Ctx; input: Input }): { version: number } {
  authoriseHospital(ctx, input.hospitalId);
  const row = ctx.db.select().from(organisations).where(eq(organisations.id, input.hospitalId)).get();
  if (row?.kind !== 'hospital') throw notFound('ORG_NOT_FOUND');
  if (row.version !== input.version) throw conflict();
  refuseFutureDates(ctx.now(), {
    nmpaDrugFilingDate: input.nmpaDrugFilingDate,
    phase1FilingDate: input.phase1FilingDate,
  });

  const patch = Object.fromEntries(
    HOSPITAL_PROFILE_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]),
  );
  const before = snapshot(row);
  const change = diff(before, { ...before, ...patch });
  if (!change.keys.length) return { version: row.version };

  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = tx
      .update(organisations)
      .set({ ...patch, updatedAt: now, version: sql`${organisations.version} + 1` })
      .where(and(eq(organisations.id, row.id), eq(organisations.version, input.version)))
      .returning()
      .get();
    if (!updated) throw conflict();
    auditProfileChange(tx, ctx, row.id, {
      action: 'hospital.update_profile',
      entityType: 'organisation',
      entityId: row.id,
      before: change.before,
      after: { ...change.after, version: updated.version },
    });
    return { version: updated.version };
  });
}
