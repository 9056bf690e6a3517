import { evaluateChecklist, screenSubmissionInput, termList } from '@ctp/contracts';
import { organisations, submissionClockStops, submissions, type Tx } from '@ctp/db';
import { and, desc, eq, like } from 'drizzle-orm';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { committeeProcedures } from './committee-procedures.ts';
import { documentedKindsOf } from './screening-checklist.ts';
import { loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep } from './submission-policy.ts';
import { applySubmissionStep } from './submission-steps.ts';

/** Pure: the acceptance number (受理号) after `last` in a committee's year, e.g. `JSPH-2026-0001`. */
export function formatAcceptanceNo(prefix: string, year: string, last: string | null): string {
  const n = last ? Number(last.slice(last.lastIndexOf('-') + 1)) + 1 : 1;
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
}

/** Inside the (IMMEDIATE) transaction, so two acceptances at one committee can never draw the same number. */
function nextAcceptanceNo(tx: Tx, committeeId: string, hospitalOrgId: string, year: string): string {
  const hospital = tx
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, hospitalOrgId))
    .get();
  const prefix = (hospital?.code ?? 'EC').toUpperCase();
  const last = tx
    .select({ no: submissions.acceptanceNo })
    .from(submissions)
    .where(and(eq(submissions.committeeId, committeeId), like(submissions.acceptanceNo, `${prefix}-${year}-%`)))
    .orderBy(desc(submissions.acceptanceNo))
    .limit(1)
    .get();
  return formatAcceptanceNo(prefix, year, last?.no ?? null);
}

/**
 * Public contract `submissions.screen` {id, accept, reasons?, checklist?, comment?}: the committee's secretary
 * screens a submitted file (形式审查) against the committee's checklist for its type. Nothing is met by default: an
 * item is met by an uploaded document of its kind or by the secretary's tick, and the timeline event records which
 * (issue 14). Accepting with a required item unmet is refused (SCREENING_REQUIRED_UNMET). Accept → accepted with an
 * acceptance number and today's date (the review clock starts, day 0); return → returned for correction (退回补正)
 * with the reasons, the clock stopped until the applicant resubmits.
 */
export function screenSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof screenSubmissionInput> }) {
  const input = screenSubmissionInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  const { sub, site } = loaded;
  authoriseSubmissionStep(ctx.actor, loaded, input.accept ? 'accept' : 'return', { version: input.version });
  const expected = committeeProcedures(ctx.db, sub.committeeId).checklists[sub.type] ?? [];
  if (input.checklist) {
    // The ticked list must be the committee's current checklist for the type, item for item.
    const given = input.checklist.map((c) => c.item);
    const labels = expected.map((e) => e.label);
    if (
      given.length !== labels.length ||
      new Set(given).size !== given.length ||
      !given.every((g) => labels.includes(g))
    )
      throw new DomainError('VALIDATION', 'CHECKLIST_MISMATCH', {
        fieldErrors: [{ path: 'checklist', message: 'CHECKLIST_MISMATCH' }],
      });
  }
  const ticked = new Set((input.checklist ?? []).filter((c) => c.ok).map((c) => c.item));
  const checklist = evaluateChecklist(expected, ticked, documentedKindsOf(ctx.db, sub.id));
  const unmetRequired = checklist.filter((c) => c.required && !c.ok);
  if (input.accept && unmetRequired.length > 0)
    throw new DomainError('PRECONDITION_FAILED', 'SCREENING_REQUIRED_UNMET', {
      params: {
        items: termList(
          unmetRequired.map((c) => c.item),
          'items',
        ),
      },
    });
  const checklistDetail = checklist.length > 0 ? { checklist } : {};
  const now = ctx.now();
  const today = shanghaiDate(now);
  return inTransaction(ctx.db, (tx) => {
    if (input.accept) {
      const acceptanceNo = nextAcceptanceNo(tx, sub.committeeId, site.hospitalOrgId, today.slice(0, 4));
      const updated = applySubmissionStep(tx, ctx, sub, 'accept', {
        now,
        patch: { acceptanceNo, acceptedDate: today },
        comment: input.comment || undefined,
        ...(checklist.length > 0 ? { detail: checklistDetail } : {}),
      });
      return { id: updated.id, state: updated.state, version: updated.version, acceptanceNo };
    }
    const reasons = input.reasons ?? [];
    tx.insert(submissionClockStops)
      .values({ submissionId: sub.id, kind: 'returned', fromDate: today, reason: reasons.join('\n'), createdAt: now })
      .run();
    const updated = applySubmissionStep(tx, ctx, sub, 'return', {
      now,
      comment: input.comment || undefined,
      detail: { reasons, ...checklistDetail },
    });
    return { id: updated.id, state: updated.state, version: updated.version, acceptanceNo: null };
  });
}
