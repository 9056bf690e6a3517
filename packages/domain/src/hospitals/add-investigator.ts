import { type addInvestigatorInput, TITLE_LEVEL } from '@ctp/contracts';
import { investigators } from '@ctp/db';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import {
  checkSpecialtiesOfHospital,
  investigatorSnapshot,
  refuseDuplicateName,
  replaceInvestigatorSpecialties,
} from './investigator-snapshot.ts';
import { auditProfileChange, authoriseHospital, refuseFutureDates } from './profile-guard.ts';

type Input = z.output<typeof addInvestigatorInput>;

/** Adds a PI; the level follows from the title (a 主治医师 is kept but flagged as not eligible to lead a drug trial). */
export function addInvestigator({ ctx, input }: { ctx: Ctx; input: Input }): { id: string } {
  authoriseHospital(ctx, input.hospitalId);
  refuseFutureDates(ctx.now(), { gcpTrainingDate: input.gcpTrainingDate });
  checkSpecialtiesOfHospital(ctx.db, input.hospitalId, input.specialtyIds);
  const now = ctx.now();
  const id = newId();
  inTransaction(ctx.db, (tx) => {
    refuseDuplicateName(tx, input.hospitalId, input.name);
    const row = tx
      .insert(investigators)
      .values({
        id,
        hospitalOrgId: input.hospitalId,
        name: input.name,
        title: input.title,
        level: TITLE_LEVEL[input.title],
        gcpTrainingDate: input.gcpTrainingDate ?? null,
        maxConcurrentTrials: input.maxConcurrentTrials,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    replaceInvestigatorSpecialties(tx, id, input.specialtyIds);
    auditProfileChange(tx, ctx, input.hospitalId, {
      action: 'investigator.add',
      entityType: 'investigator',
      entityId: id,
      after: investigatorSnapshot(tx, row),
    });
  });
  return { id };
}
