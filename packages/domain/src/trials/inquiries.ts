import {
  type AnswerInquiryInput,
  answerInquiryInput,
  canManageTrial,
  inquiryQuestions,
  POLICIES,
} from '@ctp/contracts';
import {
  hospitalSpecialties,
  inquiries,
  inquiryAttachments,
  organisations,
  specialtyCatalogue,
  trialSites,
  trials,
} from '@ctp/db';
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { areaMatchesInRegistry, areaMatchesOf, mappedSpecialties, scopeOf } from '../capacity/condition-areas.ts';
import { loadHospitalCapacity } from '../capacity/read-model-reads.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { notifyOrg } from '../notifications/notify.ts';
import { inTransaction } from '../transaction.ts';
import { type ConditionEntry, resolveCondition } from '../vocabulary/condition-vocabulary.ts';
import { attachmentsOf } from './inquiry-attachments.ts';
import { answersInquiry } from './policy.ts';
import { ensureCandidateSite, loadSpecialtyAndPi } from './select-site.ts';
import { applySiteStep, assertSiteTransition } from './site-lifecycle.ts';
import { loadTrial } from './trial-access.ts';

const sponsorOrg = alias(organisations, 'sponsor_org');

/**
 * Public contract `inquiries.send`: one feasibility inquiry per chosen hospital specialty; each becomes (or is)
 * a candidate site and moves to `inquiry_sent`. All or nothing: one specialty that cannot receive it refuses all.
 */
export function sendInquiry({
  ctx,
  input,
}: {
  ctx: ActorCtx;
  input: { trialId: string; hospitalSpecialtyIds: string[]; synopsis: string; questions?: string; replyBy: string };
}): { inquiryIds: string[] } {
  if (!POLICIES.signedIn.allows(ctx.actor)) throw forbidden();
  const trial = loadTrial(ctx.db, input.trialId);
  if (!canManageTrial(ctx.actor, trial)) throw notFound();
  const now = ctx.now();
  if (input.replyBy < shanghaiDate(now)) {
    throw new DomainError('VALIDATION', 'REPLY_BY_IN_PAST', {
      fieldErrors: [{ path: 'replyBy', message: 'REPLY_BY_IN_PAST' }],
    });
  }
  const specialties = [...new Set(input.hospitalSpecialtyIds)].map((id) => loadSpecialtyAndPi(ctx, id));
  for (const s of specialties) {
    const site = ctx.db
      .select()
      .from(trialSites)
      .where(and(eq(trialSites.trialId, trial.id), eq(trialSites.hospitalSpecialtyId, s.id)))
      .get();
    assertSiteTransition('send_inquiry', site?.state ?? 'candidate', 'sponsor');
  }
  return inTransaction(ctx.db, (tx) => {
    const ids: string[] = [];
    for (const s of specialties) {
      const site = applySiteStep(tx, ctx, ensureCandidateSite(tx, trial, s, now), 'send_inquiry', { now });
      const id = newId();
      tx.insert(inquiries)
        .values({
          id,
          trialId: trial.id,
          trialSiteId: site.id,
          hospitalOrgId: s.hospitalOrgId,
          sponsorOrgId: ctx.actor.orgId,
          synopsis: input.synopsis,
          questions: input.questions ?? null,
          replyBy: input.replyBy,
          status: 'sent',
          sentBy: ctx.actor.userId,
          sentAt: now,
        })
        .run();
      writeAuditEvent(tx, ctx, {
        action: 'inquiry.send',
        entityType: 'inquiry',
        entityId: id,
        after: { trialId: trial.id, trialSiteId: site.id, replyBy: input.replyBy },
      });
      notifyOrg(
        tx,
        { orgId: s.hospitalOrgId, roles: ['site_admin'] },
        {
          kind: 'inquiry_received',
          params: { trial: trial.titleZh, trialEn: trial.titleEn ?? trial.titleZh, replyBy: input.replyBy },
          link: '/inquiries',
          now,
        },
      );
      ids.push(id);
    }
    return { inquiryIds: ids };
  });
}

/**
 * Public contract `inquiries.answer`: the hospital's trial office says interested (with estimates) or declined
 * (with a reason). The site moves to `interested` / `declined`; the sponsor's users are told.
 */
export function answerInquiry({ ctx, input: raw }: { ctx: Ctx; input: AnswerInquiryInput }): void {
  const actor = ctx.actor;
  if (actor?.role !== 'site_admin') throw forbidden();
  const input = answerInquiryInput.parse(raw);
  const inquiry = ctx.db.select().from(inquiries).where(eq(inquiries.id, input.inquiryId)).get();
  if (!inquiry || !answersInquiry(actor, inquiry)) throw notFound();
  if (inquiry.status !== 'sent') throw new DomainError('CONFLICT', 'INQUIRY_ALREADY_ANSWERED');
  // One answer per numbered question (issue 14); a decline may leave them all unanswered.
  const questions = inquiryQuestions(inquiry.questions);
  const received = input.answers?.length ?? 0;
  if (received !== questions.length && (input.interested || received > 0))
    throw new DomainError('VALIDATION', 'INQUIRY_ANSWER_COUNT', {
      params: { expected: questions.length, received },
      fieldErrors: [{ path: 'answers', message: 'INQUIRY_ANSWER_COUNT' }],
    });
  const site = ctx.db.select().from(trialSites).where(eq(trialSites.id, inquiry.trialSiteId)).get()!;
  const step = input.interested ? 'answer_interested' : 'answer_declined';
  assertSiteTransition(step, site.state, 'site');
  if (input.interested && input.investigatorId) loadSpecialtyAndPi(ctx, site.hospitalSpecialtyId, input.investigatorId);
  const trial = loadTrial(ctx.db, inquiry.trialId);
  const hospital = ctx.db.select().from(organisations).where(eq(organisations.id, inquiry.hospitalOrgId)).get()!;
  const { inquiryId: _id, ...answer } = input;
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    const changed = tx
      .update(inquiries)
      .set({
        status: input.interested ? 'interested' : 'declined',
        answerJson: JSON.stringify(answer),
        answeredBy: actor.userId,
        answeredAt: now,
        version: inquiry.version + 1,
      })
      .where(and(eq(inquiries.id, inquiry.id), eq(inquiries.version, inquiry.version), eq(inquiries.status, 'sent')))
      .run().changes;
    if (changed === 0) throw new DomainError('CONFLICT', 'INQUIRY_ALREADY_ANSWERED');
    let current = site;
    if (input.interested && input.investigatorId) {
      current = tx
        .update(trialSites)
        .set({ investigatorId: input.investigatorId })
        .where(eq(trialSites.id, site.id))
        .returning()
        .get();
    }
    applySiteStep(tx, ctx, current, step, { now });
    // The files sent with the answer are the ones attached at this moment; the audit row names them.
    const attachmentIds = tx
      .select({ id: inquiryAttachments.id })
      .from(inquiryAttachments)
      .where(eq(inquiryAttachments.inquiryId, inquiry.id))
      .all()
      .map((a) => a.id);
    writeAuditEvent(tx, ctx, {
      action: 'inquiry.answer',
      entityType: 'inquiry',
      entityId: inquiry.id,
      before: { status: 'sent' },
      after: { ...answer, attachmentIds },
    });
    notifyOrg(
      tx,
      { orgId: inquiry.sponsorOrgId, roles: ['sponsor'] },
      {
        kind: 'inquiry_answered',
        params: {
          trial: trial.titleZh,
          trialEn: trial.titleEn ?? trial.titleZh,
          hospital: hospital.nameZh,
          hospitalEn: hospital.nameEn ?? hospital.nameZh,
          interested: input.interested ? 1 : 0,
        },
        link: `/trials/${trial.id}`,
        now,
      },
    );
  });
}

/** The sponsor sees every answer of a trial side by side; a hospital sees its inbox. */
export function listInquiries({ ctx, input }: { ctx: Ctx; input: { trialId?: string } }) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  let where: SQL | undefined;
  if (actor.role === 'sponsor') {
    if (!input.trialId) where = eq(inquiries.sponsorOrgId, actor.orgId);
    else {
      const trial = loadTrial(ctx.db, input.trialId);
      if (!canManageTrial(actor, trial)) throw notFound();
      where = eq(inquiries.trialId, trial.id);
    }
  } else if (actor.role === 'site_admin') {
    where = and(
      eq(inquiries.hospitalOrgId, actor.orgId),
      input.trialId ? eq(inquiries.trialId, input.trialId) : undefined,
    );
  } else throw forbidden();
  const rows = ctx.db
    .select({
      inquiry: inquiries,
      trialTitle: trials.titleZh,
      trialTitleEn: trials.titleEn,
      trialPhase: trials.phase,
      hospitalName: organisations.nameZh,
      hospitalNameEn: organisations.nameEn,
      specialtyName: specialtyCatalogue.nameZh,
      specialtyNameEn: specialtyCatalogue.nameEn,
      hospitalSpecialtyId: trialSites.hospitalSpecialtyId,
      sponsorName: sponsorOrg.nameZh,
      sponsorNameEn: sponsorOrg.nameEn,
    })
    .from(inquiries)
    .innerJoin(sponsorOrg, eq(sponsorOrg.id, inquiries.sponsorOrgId))
    .innerJoin(trials, eq(trials.id, inquiries.trialId))
    .innerJoin(organisations, eq(organisations.id, inquiries.hospitalOrgId))
    .innerJoin(trialSites, eq(trialSites.id, inquiries.trialSiteId))
    .innerJoin(hospitalSpecialties, eq(hospitalSpecialties.id, trialSites.hospitalSpecialtyId))
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .where(where)
    .orderBy(desc(inquiries.sentAt))
    .all();
  const attachments = attachmentsOf(
    ctx,
    rows.map((r) => r.inquiry),
  );
  return rows.map((r) => ({
    id: r.inquiry.id,
    trialId: r.inquiry.trialId,
    trialTitle: r.trialTitle,
    trialTitleEn: r.trialTitleEn,
    trialPhase: r.trialPhase,
    trialSiteId: r.inquiry.trialSiteId,
    hospitalId: r.inquiry.hospitalOrgId,
    hospitalName: r.hospitalName,
    hospitalNameEn: r.hospitalNameEn,
    hospitalSpecialtyId: r.hospitalSpecialtyId,
    sponsorName: r.sponsorName,
    sponsorNameEn: r.sponsorNameEn,
    specialtyName: r.specialtyName,
    specialtyNameEn: r.specialtyNameEn,
    synopsis: r.inquiry.synopsis,
    questions: r.inquiry.questions,
    /** The sponsor's questions, numbered: the answer has one entry per question (`answer.answers`). */
    questionList: inquiryQuestions(r.inquiry.questions),
    attachments: attachments.get(r.inquiry.id) ?? [],
    replyBy: r.inquiry.replyBy,
    status: r.inquiry.status,
    answer: r.inquiry.answerJson ? (JSON.parse(r.inquiry.answerJson) as Omit<AnswerInquiryInput, 'inquiryId'>) : null,
    sentAt: r.inquiry.sentAt,
    answeredAt: r.inquiry.answeredAt,
  }));
}

/**
 * Candidate specialties to send an inquiry to, for a trial (from a shortlist's hospitals). With the trial, each row
 * says whether it treats the trial's indication (issue 14) by the rule search uses: a filed disease area in the
 * condition's scope (the condition, a subtype or a broader area), or the vocabulary's condition → specialty mapping.
 * The modal preselects those rows instead of leaving 40 unticked.
 */
export function inquiryTargets({ ctx, input }: { ctx: Ctx; input: { hospitalIds: string[]; trialId?: string } }) {
  if (!POLICIES.keepShortlists.allows(ctx.actor)) throw forbidden();
  let entries: ConditionEntry[] = [];
  if (input.trialId) {
    const trial = loadTrial(ctx.db, input.trialId);
    if (!canManageTrial(ctx.actor, trial)) throw notFound();
    const conditions = JSON.parse(trial.conditionsJson) as string[];
    entries = conditions.map((c) => resolveCondition(c)?.entry).filter((e): e is ConditionEntry => Boolean(e));
  }
  if (!input.hospitalIds.length) return [];
  const rows = ctx.db
    .select({
      id: hospitalSpecialties.id,
      hospitalId: hospitalSpecialties.hospitalOrgId,
      code: specialtyCatalogue.code,
      name: specialtyCatalogue.nameZh,
      nameEn: specialtyCatalogue.nameEn,
    })
    .from(hospitalSpecialties)
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .where(and(inArray(hospitalSpecialties.hospitalOrgId, input.hospitalIds), isNull(hospitalSpecialties.retiredAt)))
    .all();
  const treating = new Set<string>();
  if (entries.length) {
    const registry = loadHospitalCapacity(ctx.db, ctx.now());
    const wanted = new Set(input.hospitalIds);
    for (const e of entries) {
      const scope = scopeOf(e.id);
      // As in search: the mapped specialties stand in only where no site files the condition at all.
      const anyFiled = areaMatchesInRegistry(registry, scope).size > 0;
      for (const h of registry) {
        if (!wanted.has(h.org.id)) continue;
        for (const a of areaMatchesOf(h, scope)) treating.add(a.spec.id);
        if (!anyFiled) for (const s of mappedSpecialties(h, e.id)) treating.add(s.id);
      }
    }
  }
  return rows.map((r) => ({ ...r, treatsIndication: treating.has(r.id) }));
}
