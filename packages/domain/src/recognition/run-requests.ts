import {
  acceptRecognitionInput,
  checklistInput,
  decideRecognitionInput,
  LOCAL_CHECKLIST_ITEMS,
  type LocalChecklistItem,
  packetInput,
  RECOGNISING_OUTCOMES,
  recordText,
  requestActionInput,
  respondRecognitionInput,
} from '@ctp/contracts';
import {
  ethicsCommittees,
  organisations,
  recognitionClockStops,
  recognitionRequests,
  type Tx,
  trialSites,
} from '@ctp/db';
import { and, desc, eq, like } from 'drizzle-orm';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { type BoundVersion, bindRecognisedVersions } from '../documents/site-bindings.ts';
import { DomainError } from '../errors.ts';
import { insertDraftSubmission } from '../ethics/create-submission.ts';
import { newId } from '../ids.ts';
import { notifyOrg } from '../notifications/notify.ts';
import { inTransaction } from '../transaction.ts';
import { markEthicsApproved, markEthicsSubmitted } from '../trials/record-progress.ts';
import { authoriseRecognitionStep } from './policy.ts';
import { loadRequest } from './request-access.ts';
import { applyRecognitionStep, closeRecognitionClockStop } from './request-steps.ts';

const result = (r: { id: string; state: string; version: number }) => ({
  id: r.id,
  state: r.state,
  version: r.version,
});

/**
 * Public contract `recognition.requests.submitPacket`: the participating site (trial office, PI, or the sponsor for
 * it) submits its local packet — only local feasibility: PI qualification and load, capacity and equipment, local ICF
 * clauses, fees and insurance. The packet was pre-filled from the hospital's local-context profile.
 */
export function submitPacket({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof packetInput> }) {
  const input = packetInput.parse(raw);
  const loaded = loadRequest(ctx.db, input.id);
  authoriseRecognitionStep(ctx.actor, loaded, 'submit_packet', { version: input.version });
  const { req, site } = loaded;
  const previous = JSON.parse(req.packetJson) as Record<string, unknown>;
  const packet = {
    ...previous,
    piQualification: input.piQualification,
    piCurrentLoad: input.piCurrentLoad,
    capacityAndEquipment: input.capacityAndEquipment,
    localIcfClauses: input.localIcfClauses ?? '',
    feesAndInsurance: input.feesAndInsurance,
    notes: input.notes ?? '',
  };
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = applyRecognitionStep(tx, ctx, req, 'submit_packet', {
      now,
      patch: { packetJson: JSON.stringify(packet), packetSubmittedAt: now },
    });
    notifyOrg(
      tx,
      { orgId: site.hospitalOrgId, roles: ['ec_secretary'], exceptUserId: ctx.actor.userId },
      {
        kind: 'recognition_requested',
        params: { trial: loaded.trial.titleZh, committee: '' },
        link: `/recognition/requests/${req.id}`,
        now,
      },
    );
    return result(updated);
  });
}

/**
 * Public contract `recognition.requests.accept`: the participating EC's secretary accepts the packet; the EC's clock
 * starts today (day 0; 7 working days by default) and the site is marked ethics-submitted.
 */
export function acceptRecognition({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof acceptRecognitionInput> }) {
  const input = acceptRecognitionInput.parse(raw);
  const loaded = loadRequest(ctx.db, input.id);
  authoriseRecognitionStep(ctx.actor, loaded, 'accept', { version: input.version });
  const now = ctx.now();
  const today = shanghaiDate(now);
  return inTransaction(ctx.db, (tx) => {
    const updated = applyRecognitionStep(tx, ctx, loaded.req, 'accept', {
      now,
      patch: { acceptedDate: today },
    });
    const site = tx.select().from(trialSites).where(eq(trialSites.id, loaded.site.id)).get()!;
    if (site.state === 'selected') markEthicsSubmitted(tx, ctx, site, today, now);
    return result(updated);
  });
}

type ChecklistAnswer = { item: LocalChecklistItem; answer: 'ok' | 'issue' | 'na'; note?: string | undefined };

/** `recognition.requests.saveChecklist`: the EC's local review checklist; saving it starts the local review. */
export function saveRecognitionChecklist({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof checklistInput> }) {
  const input = checklistInput.parse(raw);
  const loaded = loadRequest(ctx.db, input.id);
  authoriseRecognitionStep(ctx.actor, loaded, 'review', { version: input.version });
  const byItem = new Map<LocalChecklistItem, ChecklistAnswer>();
  for (const a of input.items) byItem.set(a.item, a);
  const items = LOCAL_CHECKLIST_ITEMS.filter((i) => byItem.has(i)).map((i) => byItem.get(i)!);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) =>
    result(
      applyRecognitionStep(tx, ctx, loaded.req, 'review', {
        now,
        patch: { checklistJson: JSON.stringify(items) },
      }),
    ),
  );
}

/** `recognition.requests.requestAction`: the EC asks the site for something; the clock stops until it answers. */
export function requestRecognitionAction({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof requestActionInput> }) {
  const input = requestActionInput.parse(raw);
  const loaded = loadRequest(ctx.db, input.id);
  authoriseRecognitionStep(ctx.actor, loaded, 'request_action', { version: input.version });
  const now = ctx.now();
  const today = shanghaiDate(now);
  return inTransaction(ctx.db, (tx) => {
    tx.insert(recognitionClockStops)
      .values({ requestId: loaded.req.id, fromDate: today, reason: input.questions, createdAt: now })
      .run();
    const updated = applyRecognitionStep(tx, ctx, loaded.req, 'request_action', {
      now,
      comment: input.questions,
    });
    notifyOrg(
      tx,
      { orgId: loaded.site.hospitalOrgId, roles: ['site_admin'] },
      {
        kind: 'recognition_decided',
        params: { trial: loaded.trial.titleZh, outcome: 'action_required' },
        link: `/recognition/requests/${loaded.req.id}`,
        now,
      },
    );
    return result(updated);
  });
}

/** `recognition.requests.respond`: the site answers; the clock runs again. */
export function respondToRecognition({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof respondRecognitionInput>;
}) {
  const input = respondRecognitionInput.parse(raw);
  const loaded = loadRequest(ctx.db, input.id);
  authoriseRecognitionStep(ctx.actor, loaded, 'respond', { version: input.version });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    closeRecognitionClockStop(tx, loaded.req.id, shanghaiDate(now));
    return result(applyRecognitionStep(tx, ctx, loaded.req, 'respond', { now, comment: input.answer }));
  });
}

/** Pure: the recognition letter number (互认函号) after `last`, e.g. `NJGLYY-HR-2026-0001`. */
export function formatRecognitionLetterNo(prefix: string, year: string, last: string | null): string {
  const n = last ? Number(last.slice(last.lastIndexOf('-') + 1)) + 1 : 1;
  return `${prefix}-HR-${year}-${String(n).padStart(4, '0')}`;
}

function nextLetterNo(tx: Tx, committeeId: string, year: string): string {
  const c = tx
    .select({ code: organisations.code })
    .from(ethicsCommittees)
    .innerJoin(organisations, eq(organisations.id, ethicsCommittees.hospitalOrgId))
    .where(eq(ethicsCommittees.id, committeeId))
    .get();
  const prefix = (c?.code ?? 'EC').toUpperCase();
  const last = tx
    .select({ no: recognitionRequests.letterNo })
    .from(recognitionRequests)
    .where(
      and(
        eq(recognitionRequests.committeeId, committeeId),
        like(recognitionRequests.letterNo, `${prefix}-HR-${year}-%`),
      ),
    )
    .orderBy(desc(recognitionRequests.letterNo))
    .limit(1)
    .get();
  return formatRecognitionLetterNo(prefix, year, last?.no ?? null);
}

/**
 * Public contract `recognition.requests.decide` {id, outcome, conditions?, reasons?}: the participating EC decides.
 * Every checklist item must be answered, and an unconditional recognition needs no open issue. `recognised`
 * (with or without local conditions) moves the site to `ethics_approved`, binds the lead's approved versions as the
 * site's effective versions and numbers the recognition letter;
 * `declined` opens a full initial submission at this EC for the site, linked, with the reasons — all in one
 * transaction. The sponsor and the lead EC are told.
 */
export function decideRecognition({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof decideRecognitionInput>;
}) {
  const input = decideRecognitionInput.parse(raw);
  const loaded = loadRequest(ctx.db, input.id);
  authoriseRecognitionStep(ctx.actor, loaded, 'decide', { version: input.version });
  const { req, trial } = loaded;
  const checklist = req.checklistJson ? (JSON.parse(req.checklistJson) as ChecklistAnswer[]) : [];
  if (LOCAL_CHECKLIST_ITEMS.some((i) => !checklist.some((c) => c.item === i)))
    throw new DomainError('PRECONDITION_FAILED', 'CHECKLIST_INCOMPLETE');
  if (input.outcome === 'recognised' && checklist.some((c) => c.answer === 'issue'))
    throw new DomainError('PRECONDITION_FAILED', 'CHECKLIST_HAS_ISSUES', {
      fieldErrors: [{ path: 'outcome', message: 'CHECKLIST_HAS_ISSUES' }],
    });
  const recognises = (RECOGNISING_OUTCOMES as readonly string[]).includes(input.outcome);
  const now = ctx.now();
  const today = shanghaiDate(now);
  return inTransaction(ctx.db, (tx) => {
    let letterNo: string | null = null;
    let fallbackSubmissionId: string | null = null;
    let boundVersions: BoundVersion[] = [];
    const site = tx.select().from(trialSites).where(eq(trialSites.id, loaded.site.id)).get()!;
    if (recognises) {
      letterNo = nextLetterNo(tx, req.committeeId, today.slice(0, 4));
      markEthicsApproved(tx, ctx, site, today, now);
      // The site's effective versions become the lead's approved ones, bound with this decision (DESIGN §4.2).
      boundVersions = bindRecognisedVersions(tx, ctx, req, today, now);
    } else if (input.outcome === 'declined') {
      fallbackSubmissionId = newId();
      insertDraftSubmission(
        tx,
        ctx,
        {
          id: fallbackSubmissionId,
          committeeId: req.committeeId,
          trialId: trial.id,
          trialSiteId: site.id,
          type: 'initial',
          title: recordText(ctx.locale, 'fallbackSubmissionTitle'),
          previousSubmissionId: null,
          state: 'draft',
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        },
        input.reasons,
      );
    }
    const updated = applyRecognitionStep(tx, ctx, req, 'decide', {
      now,
      patch: {
        outcome: input.outcome,
        conditions: input.conditions ?? null,
        reasons: input.reasons ?? null,
        decidedDate: today,
        letterNo,
        fallbackSubmissionId,
      },
      comment: input.conditions ?? input.reasons,
      audit: recognises ? { boundVersions } : undefined,
    });
    const params = { trial: trial.titleZh, outcome: input.outcome };
    const link = `/recognition/requests/${req.id}`;
    notifyOrg(
      tx,
      { orgId: site.hospitalOrgId, roles: ['site_admin', 'investigator'] },
      {
        kind: 'recognition_decided',
        params,
        link: fallbackSubmissionId ? `/ethics/submissions/${fallbackSubmissionId}` : link,
        now,
      },
    );
    notifyOrg(
      tx,
      { orgId: trial.sponsorOrgId, roles: ['sponsor', 'site_admin'] },
      {
        kind: 'recognition_decided',
        params,
        link: `/trials/${trial.id}/recognition`,
        now,
      },
    );
    const lead = tx.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, req.leadCommitteeId)).get()!;
    notifyOrg(
      tx,
      { orgId: lead.hospitalOrgId, roles: ['ec_secretary'] },
      { kind: 'recognition_decided', params, link, now },
    );
    return { ...result(updated), outcome: updated.outcome, letterNo, fallbackSubmissionId };
  });
}
