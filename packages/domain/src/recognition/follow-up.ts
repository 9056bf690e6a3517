import {
  ackActInput,
  canActForCommittee,
  isEcRole,
  RECOGNISING_OUTCOMES,
  raiseObjectionInput,
  resolveObjectionInput,
  runsCommittee,
  saeReadInput,
} from '@ctp/contracts';
import {
  ethicsCommittees,
  recognitionAcks,
  recognitionObjections,
  recognitionRequests,
  safetyReportReceipts,
  submissions,
  trials,
  users,
} from '@ctp/db';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { bindAcknowledgedVersions } from '../documents/site-bindings.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { notifyOrg } from '../notifications/notify.ts';
import { inTransaction } from '../transaction.ts';
import { loadRequest } from './request-access.ts';

/**
 * `recognition.objections.raise`: the participating EC raises a structured objection to the protocol (category,
 * text) — the local review cannot change the protocol, so it goes back to the lead EC; the lead EC and the sponsor
 * are notified.
 */
export function raiseObjection({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof raiseObjectionInput> }) {
  const input = raiseObjectionInput.parse(raw);
  const { req, trial } = loadRequest(ctx.db, input.requestId);
  if (!runsCommittee(ctx.actor, req.committeeId)) {
    if (ctx.actor && isEcRole(ctx.actor.role) && !canActForCommittee(ctx.actor, req.committeeId))
      throw forbidden('NOT_OWN_COMMITTEE');
    throw forbidden('ROLE_REQUIRED');
  }
  const now = ctx.now();
  const id = newId();
  inTransaction(ctx.db, (tx) => {
    const row = {
      id,
      requestId: req.id,
      trialId: req.trialId,
      committeeId: req.committeeId,
      leadCommitteeId: req.leadCommitteeId,
      category: input.category,
      text: input.text,
      state: 'open' as const,
      raisedBy: ctx.actor.userId,
      createdAt: now,
    };
    tx.insert(recognitionObjections).values(row).run();
    writeAuditEvent(tx, ctx, {
      action: 'recognition.objection_raise',
      entityType: 'recognition_request',
      entityId: req.id,
      after: { objectionId: id, category: input.category, text: input.text },
    });
    const lead = tx.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, req.leadCommitteeId)).get()!;
    const params = { trial: trial.titleZh, category: input.category };
    const link = `/recognition/requests/${req.id}`;
    notifyOrg(
      tx,
      { orgId: lead.hospitalOrgId, roles: ['ec_secretary', 'ec_chair'] },
      {
        kind: 'recognition_objection',
        params,
        link,
        now,
      },
    );
    notifyOrg(
      tx,
      { orgId: trial.sponsorOrgId, roles: ['sponsor', 'site_admin'] },
      {
        kind: 'recognition_objection',
        params,
        link,
        now,
      },
    );
  });
  return { id };
}

/** `recognition.objections.resolve`: the lead EC records how an objection was resolved. */
export function resolveObjection({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof resolveObjectionInput> }) {
  const input = resolveObjectionInput.parse(raw);
  const o = ctx.db.select().from(recognitionObjections).where(eq(recognitionObjections.id, input.id)).get();
  if (!o) throw notFound();
  if (!runsCommittee(ctx.actor, o.leadCommitteeId)) throw forbidden('NOT_LEAD_COMMITTEE');
  if (input.version !== undefined && input.version !== o.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  if (o.state === 'resolved') throw new DomainError('PRECONDITION_FAILED', 'OBJECTION_RESOLVED');
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const changed = tx
      .update(recognitionObjections)
      .set({
        state: 'resolved',
        resolution: input.resolution,
        resolvedBy: ctx.actor.userId,
        resolvedAt: now,
        version: o.version + 1,
      })
      .where(and(eq(recognitionObjections.id, o.id), eq(recognitionObjections.version, o.version)))
      .run().changes;
    if (!changed) throw new DomainError('CONFLICT', 'STALE_VERSION');
    writeAuditEvent(tx, ctx, {
      action: 'recognition.objection_resolve',
      entityType: 'recognition_request',
      entityId: o.requestId,
      before: { objectionId: o.id, state: o.state },
      after: { objectionId: o.id, state: 'resolved', resolution: input.resolution },
    });
    const c = tx.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, o.committeeId)).get()!;
    const trial = tx.select().from(trials).where(eq(trials.id, o.trialId)).get()!;
    notifyOrg(
      tx,
      { orgId: c.hospitalOrgId, roles: ['ec_secretary', 'ec_chair'] },
      {
        kind: 'recognition_objection',
        params: { trial: trial.titleZh, category: o.category },
        link: `/recognition/requests/${o.requestId}`,
        now,
      },
    );
    return { id: o.id, state: 'resolved' as const, version: o.version + 1 };
  });
}

/**
 * `recognition.acks.act`: the recognising EC acknowledges an amendment the lead EC approved (its site's effective
 * versions move to the amendment's, bound in the same transaction), or objects with a reason (the objection goes to
 * the lead EC as well; the site keeps its versions).
 */
export function actOnAck({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof ackActInput> }) {
  const input = ackActInput.parse(raw);
  const ack = ctx.db.select().from(recognitionAcks).where(eq(recognitionAcks.id, input.id)).get();
  if (!ack) throw notFound();
  if (!runsCommittee(ctx.actor, ack.committeeId)) {
    if (ctx.actor && isEcRole(ctx.actor.role)) throw forbidden('NOT_OWN_COMMITTEE');
    throw forbidden('ROLE_REQUIRED');
  }
  if (input.version !== undefined && input.version !== ack.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  if (ack.state !== 'ack_pending') throw new DomainError('PRECONDITION_FAILED', 'ACK_DONE');
  const to = input.acknowledge ? ('acknowledged' as const) : ('objected' as const);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const changed = tx
      .update(recognitionAcks)
      .set({ state: to, note: input.note || null, actedBy: ctx.actor.userId, actedAt: now, version: ack.version + 1 })
      .where(
        and(
          eq(recognitionAcks.id, ack.id),
          eq(recognitionAcks.state, 'ack_pending'),
          eq(recognitionAcks.version, ack.version),
        ),
      )
      .run().changes;
    if (!changed) throw new DomainError('CONFLICT', 'STALE_VERSION');
    // Acknowledged: the site moves to the amendment's approved versions in this transaction; objected: it stays.
    const boundVersions = to === 'acknowledged' ? bindAcknowledgedVersions(tx, ctx, ack, shanghaiDate(now), now) : [];
    writeAuditEvent(tx, ctx, {
      action: 'recognition.ack',
      entityType: 'recognition_request',
      entityId: ack.requestId,
      before: { ackId: ack.id, state: ack.state },
      after: {
        ackId: ack.id,
        state: to,
        note: input.note ?? null,
        ...(to === 'acknowledged' ? { boundVersions } : {}),
      },
    });
    if (to === 'objected') {
      const req = tx.select().from(recognitionRequests).where(eq(recognitionRequests.id, ack.requestId)).get()!;
      const lead = tx.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, req.leadCommitteeId)).get()!;
      const trial = tx.select().from(trials).where(eq(trials.id, ack.trialId)).get()!;
      notifyOrg(
        tx,
        { orgId: lead.hospitalOrgId, roles: ['ec_secretary', 'ec_chair'] },
        {
          kind: 'recognition_objection',
          params: { trial: trial.titleZh, category: 'amendment' },
          link: `/recognition/requests/${ack.requestId}`,
          now,
        },
      );
    }
    return { id: ack.id, state: to, version: ack.version + 1 };
  });
}

/** `recognition.acks.list`: the EC's acknowledgement tasks (pending first). */
export function listAcks({ ctx }: { ctx: Ctx }) {
  const actor = ctx.actor;
  if (!actor || !isEcRole(actor.role) || !actor.committeeId) throw forbidden('ROLE_REQUIRED');
  return ctx.db
    .select({
      id: recognitionAcks.id,
      requestId: recognitionAcks.requestId,
      trialId: recognitionAcks.trialId,
      trialTitle: trials.titleZh,
      trialTitleEn: trials.titleEn,
      sourceSubmissionId: recognitionAcks.sourceSubmissionId,
      state: recognitionAcks.state,
      note: recognitionAcks.note,
      versionsJson: recognitionAcks.versionsJson,
      createdAt: recognitionAcks.createdAt,
      actedAt: recognitionAcks.actedAt,
      version: recognitionAcks.version,
    })
    .from(recognitionAcks)
    .innerJoin(trials, eq(trials.id, recognitionAcks.trialId))
    .where(eq(recognitionAcks.committeeId, actor.committeeId))
    .orderBy(desc(recognitionAcks.createdAt))
    .all()
    .map(({ versionsJson, ...a }) => ({ ...a, versions: JSON.parse(versionsJson) as unknown[] }))
    .sort((a, b) => Number(b.state === 'ack_pending') - Number(a.state === 'ack_pending'));
}

/**
 * `recognition.safetyReports.list`: SAE/SUSAR reports filed once at the lead EC of trials this EC recognised
 * (delivered to every participating EC), with this EC's read receipt; for the lead EC, its own reports with every
 * participating EC's receipt.
 */
export function listSafetyReports({ ctx }: { ctx: Ctx }) {
  const actor = ctx.actor;
  if (!actor || !isEcRole(actor.role) || !actor.committeeId) throw forbidden('ROLE_REQUIRED');
  const committeeId = actor.committeeId;
  const requests = ctx.db
    .select()
    .from(recognitionRequests)
    .where(inArray(recognitionRequests.outcome, [...RECOGNISING_OUTCOMES]))
    .all();
  const asParticipant = requests.filter((r) => r.committeeId === committeeId);
  const asLead = requests.filter((r) => r.leadCommitteeId === committeeId);
  const trialIds = [...new Set([...asParticipant, ...asLead].map((r) => r.trialId))];
  if (trialIds.length === 0) return [];
  const reports = ctx.db
    .select({
      id: submissions.id,
      trialId: submissions.trialId,
      trialTitle: trials.titleZh,
      trialTitleEn: trials.titleEn,
      committeeId: submissions.committeeId,
      committeeName: ethicsCommittees.nameZh,
      title: submissions.title,
      submittedAt: submissions.submittedAt,
      state: submissions.state,
    })
    .from(submissions)
    .innerJoin(trials, eq(trials.id, submissions.trialId))
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, submissions.committeeId))
    .where(and(eq(submissions.type, 'sae'), inArray(submissions.trialId, trialIds), isNotNull(submissions.submittedAt)))
    .orderBy(desc(submissions.submittedAt))
    .all();
  const receipts = ctx.db
    .select({
      submissionId: safetyReportReceipts.submissionId,
      committeeId: safetyReportReceipts.committeeId,
      readAt: safetyReportReceipts.readAt,
      readByName: users.name,
      committeeName: ethicsCommittees.nameZh,
    })
    .from(safetyReportReceipts)
    .innerJoin(users, eq(users.id, safetyReportReceipts.readBy))
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, safetyReportReceipts.committeeId))
    .where(
      inArray(
        safetyReportReceipts.submissionId,
        reports.map((r) => r.id),
      ),
    )
    .all();
  return reports
    .filter(
      (r) =>
        asParticipant.some((q) => q.trialId === r.trialId && q.leadCommitteeId === r.committeeId) ||
        (r.committeeId === committeeId && asLead.some((q) => q.trialId === r.trialId)),
    )
    .map((r) => {
      const isLead = r.committeeId === committeeId;
      const expected = isLead ? asLead.filter((q) => q.trialId === r.trialId).map((q) => q.committeeId) : [];
      return {
        ...r,
        isLead,
        ownReadAt: receipts.find((x) => x.submissionId === r.id && x.committeeId === committeeId)?.readAt ?? null,
        /** The lead EC sees who has read it. */
        receipts: isLead ? receipts.filter((x) => x.submissionId === r.id) : [],
        expectedCommittees: expected.length,
      };
    });
}

/** `recognition.safetyReports.markRead`: a participating EC's read receipt of a delivered SAE/SUSAR report. */
export function markSafetyReportRead({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof saeReadInput> }) {
  const input = saeReadInput.parse(raw);
  const reports = listSafetyReports({ ctx }).filter((r) => r.id === input.submissionId && !r.isLead);
  if (reports.length === 0) throw notFound();
  if (reports[0]!.ownReadAt) return { readAt: reports[0]!.ownReadAt };
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    tx.insert(safetyReportReceipts)
      .values({
        submissionId: input.submissionId,
        committeeId: ctx.actor.committeeId!,
        readBy: ctx.actor.userId,
        readAt: now,
      })
      .onConflictDoNothing()
      .run();
    writeAuditEvent(tx, ctx, {
      action: 'recognition.sae_read',
      entityType: 'submission',
      entityId: input.submissionId,
      after: { committeeId: ctx.actor.committeeId, readAt: now },
    });
    return { readAt: now };
  });
}
