import { RECOGNISING_OUTCOMES, recognitionIdInput } from '@ctp/contracts';
import { ethicsCommittees, investigators, organisations } from '@ctp/db';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { type LetterContent, renderLetterPdf } from '../ethics/letter-pdf.ts';
import { effectiveVersionsOf } from '../ethics/read-submission-documents.ts';
import { loadSubmission } from '../ethics/submission-access.ts';
import { canReadRequest, loadRequest } from './request-access.ts';

/**
 * The recognition letter (互认确认批件) of a recognised request: the participating EC's approval of the site by
 * recognition, numbered at the decision, listing the versions the lead EC approved. Rendered on demand with the
 * ethics letter renderer from the records (so it always matches them).
 */
export function recognitionLetterContent(ctx: Ctx, requestId: string): LetterContent {
  const { req, trial, site, piUserId } = loadRequest(ctx.db, requestId);
  if (!canReadRequest(ctx.actor, req, trial, site, piUserId)) throw notFound();
  if (!req.letterNo || !(RECOGNISING_OUTCOMES as readonly string[]).includes(req.outcome ?? ''))
    throw new DomainError('PRECONDITION_FAILED', 'LETTER_NOT_ISSUED');
  const committee = ctx.db.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, req.committeeId)).get()!;
  const lead = ctx.db.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, req.leadCommitteeId)).get()!;
  const hospital = ctx.db.select().from(organisations).where(eq(organisations.id, site.hospitalOrgId)).get()!;
  const pi = site.investigatorId
    ? ctx.db
        .select({ name: investigators.name })
        .from(investigators)
        .where(eq(investigators.id, site.investigatorId))
        .get()
    : undefined;
  const leadSub = loadSubmission(ctx.db, req.leadSubmissionId);
  const recognisedFrom = `依据${lead.nameZh}的审查决定（受理号 ${leadSub.sub.acceptanceNo ?? '—'}）互认`;
  return {
    kind: 'approval',
    letterNo: req.letterNo,
    bilingual: ctx.locale === 'en',
    committeeName: committee.nameZh,
    committeeNameEn: committee.nameEn,
    hospitalName: hospital.nameZh,
    hospitalNameEn: hospital.nameEn,
    trialTitle: trial.titleZh,
    trialTitleEn: trial.titleEn,
    registryIds: [
      { label: 'CTR', value: trial.ctrNo },
      { label: 'NCT', value: trial.nctNo },
      { label: 'ChiCTR', value: trial.chictrNo },
    ].filter((r): r is { label: string; value: string } => Boolean(r.value)),
    piName: pi?.name ?? null,
    submissionType: 'initial',
    acceptanceNo: null,
    reviewPath: 'recognition',
    reviewDate: req.decidedDate,
    outcome: 'approved',
    conditions: [recognisedFrom, req.conditions].filter(Boolean).join('\n'),
    documents: effectiveVersionsOf(ctx.db, leadSub.site.id).map((v) => ({
      kind: v.kind,
      versionLabel: v.versionLabel,
      versionDate: v.versionDate,
      sha256: v.sha256,
    })),
    followUpDate: leadSub.sub.followUpDate,
    signerName: committee.nameZh,
    issueDate: req.decidedDate!,
    issuedAt: req.updatedAt,
  };
}

/** `recognition.requests.letter`: the recognition letter as a PDF, base64 (like the exports), for whoever may read the request. */
export async function recognitionLetterPdf({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof recognitionIdInput>;
}) {
  const input = recognitionIdInput.parse(raw);
  const content = recognitionLetterContent(ctx, input.id);
  const pdf = await renderLetterPdf(content);
  return { fileName: `${content.letterNo}.pdf`, base64: pdf.toString('base64') };
}
