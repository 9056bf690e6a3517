import { CAPABILITY_CODES, type CapabilityCode, type setCapabilitiesInput } from '@ctp/contracts';
import { hospitalCapabilities, organisations } from '@ctp/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { auditProfileChange, authoriseHospital } from './profile-guard.ts';

type Input = z.output<typeof setCapabilitiesInput>;
const order = (codes: CapabilityCode[]) =>
  [...codes].sort((a, b) => CAPABILITY_CODES.indexOf(a) - CAPABILITY_CODES.indexOf(b));

/**
 * Sets the hospital's capability tags to exactly this set. Tags kept keep their note and date; an unchanged set
 * writes nothing (and so no audit row).
 */
export function setCapabilities({ ctx, input }: { ctx: Ctx; input: Input }): { capabilities: CapabilityCode[] } {
  authoriseHospital(ctx, input.hospitalId);
  const org = ctx.db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, input.hospitalId))
    .get();
  if (org?.kind !== 'hospital') throw notFound('ORG_NOT_FOUND');
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const current = tx
      .select({ code: hospitalCapabilities.capabilityCode })
      .from(hospitalCapabilities)
      .where(eq(hospitalCapabilities.hospitalOrgId, input.hospitalId))
      .all()
      .map((c) => c.code);
    const wanted = new Set(input.capabilities);
    const removed = current.filter((c) => !wanted.has(c));
    const added = input.capabilities.filter((c) => !current.includes(c));
    if (!removed.length && !added.length) return { capabilities: order(current) };
    if (removed.length) {
      tx.delete(hospitalCapabilities)
        .where(
          and(
            eq(hospitalCapabilities.hospitalOrgId, input.hospitalId),
            inArray(hospitalCapabilities.capabilityCode, removed),
          ),
        )
        .run();
    }
    for (const capabilityCode of added)
      tx.insert(hospitalCapabilities).values({ hospitalOrgId: input.hospitalId, capabilityCode, createdAt: now }).run();
    const after = order(input.capabilities);
    auditProfileChange(tx, ctx, input.hospitalId, {
      action: 'capability.set',
      entityType: 'organisation',
      entityId: input.hospitalId,
      before: { capabilities: order(current) },
      after: { capabilities: after },
    });
    return { capabilities: after };
  });
}
