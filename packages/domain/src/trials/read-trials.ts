import { type ActorRef, canManageTrial, POLICIES, type SiteState } from '@ctp/contracts';
import {
  type Db,
  hospitalSpecialties,
  inquiries,
  investigators,
  organisations,
  specialtyCatalogue,
  trialSiteEnrolment,
  trialSites,
  trials,
} from '@ctp/db';
import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { daysBetween, shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { withPinyin } from '../names/with-pinyin.ts';
import { lookupCondition } from '../vocabulary/condition-vocabulary.ts';
import { delayRecordsOf, delaysView } from './delays.ts';
import { keyProjectTrialIds } from './key-project-ids.ts';
import { nextStepOf } from './next-step.ts';
import { canReadTrial } from './policy.ts';
import type { TrialRow } from './trial-access.ts';

const sponsorOrg = alias(organisations, 'sponsor_org');

type EnrolmentCounts = { screened: number; enrolled: number; screenFailures: number; withdrawn: number };

/** Site rows with everything a board shows: names, PI, state, days in state, milestones, enrolment, next step. */
export function loadSiteBoard(db: Db, where: ReturnType<typeof and>, now: number) {
  const today = shanghaiDate(now);
  const rows = db
    .select({
      site: trialSites,
      trialTitle: trials.titleZh,
      trialTitleEn: trials.titleEn,
      trialPhase: trials.phase,
      trialSponsorOrgId: trials.sponsorOrgId,
      trialCroOrgId: trials.croOrgId,
      trialType: trials.type,
      sponsorName: sponsorOrg.nameZh,
      sponsorNameEn: sponsorOrg.nameEn,
      hospitalName: organisations.nameZh,
      hospitalNameEn: organisations.nameEn,
      specialtyName: specialtyCatalogue.nameZh,
      specialtyNameEn: specialtyCatalogue.nameEn,
      piName: investigators.name,
      piTitle: investigators.title,
      piUserId: investigators.userId,
    })
    .from(trialSites)
    .innerJoin(trials, eq(trials.id, trialSites.trialId))
    .innerJoin(sponsorOrg, eq(sponsorOrg.id, trials.sponsorOrgId))
    .innerJoin(organisations, eq(organisations.id, trialSites.hospitalOrgId))
    .innerJoin(hospitalSpecialties, eq(hospitalSpecialties.id, trialSites.hospitalSpecialtyId))
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .leftJoin(investigators, eq(investigators.id, trialSites.investigatorId))
    .where(where)
    .orderBy(desc(trialSites.updatedAt))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.site.id);
  const totals = new Map(
    db
      .select({
        id: trialSiteEnrolment.trialSiteId,
        screened: sql<number>`sum(${trialSiteEnrolment.screened})`,
        enrolled: sql<number>`sum(${trialSiteEnrolment.enrolled})`,
        screenFailures: sql<number>`sum(${trialSiteEnrolment.screenFailures})`,
        withdrawn: sql<number>`sum(${trialSiteEnrolment.withdrawn})`,
      })
      .from(trialSiteEnrolment)
      .where(inArray(trialSiteEnrolment.trialSiteId, ids))
      .groupBy(trialSiteEnrolment.trialSiteId)
      .all()
      .map((t) => [t.id, t]),
  );
  // Each month's counts as recorded (per month, not running totals), so the enrolment form opens at a month's saved values.
  const months = new Map<string, Record<string, EnrolmentCounts>>();
  for (const m of db
    .select({
      id: trialSiteEnrolment.trialSiteId,
      month: trialSiteEnrolment.month,
      screened: trialSiteEnrolment.screened,
      enrolled: trialSiteEnrolment.enrolled,
      screenFailures: trialSiteEnrolment.screenFailures,
      withdrawn: trialSiteEnrolment.withdrawn,
    })
    .from(trialSiteEnrolment)
    .where(inArray(trialSiteEnrolment.trialSiteId, ids))
    .all()) {
    const { id, month, ...counts } = m;
    months.set(id, { ...months.get(id), [month]: counts });
  }
  const openInquiries = new Map(
    db
      .select({ siteId: inquiries.trialSiteId, replyBy: inquiries.replyBy, id: inquiries.id, status: inquiries.status })
      .from(inquiries)
      .where(inArray(inquiries.trialSiteId, ids))
      .orderBy(desc(inquiries.sentAt))
      .all()
      .map((i) => [i.siteId, i]),
  );
  const delayRecords = delayRecordsOf(db, ids);
  return rows.map((r) => {
    const t = totals.get(r.site.id);
    const inquiry = openInquiries.get(r.site.id) ?? null;
    return {
      id: r.site.id,
      trialId: r.site.trialId,
      trialTitle: r.trialTitle,
      trialTitleEn: r.trialTitleEn,
      trialPhase: r.trialPhase,
      /** What the trial access rules read (`siteSideOf`, `mayRecordDelay`), so the web offers what the server allows. */
      trialAccess: { sponsorOrgId: r.trialSponsorOrgId, croOrgId: r.trialCroOrgId, type: r.trialType },
      sponsorName: r.sponsorName,
      sponsorNameEn: r.sponsorNameEn,
      hospitalId: r.site.hospitalOrgId,
      hospitalName: r.hospitalName,
      hospitalNameEn: r.hospitalNameEn,
      specialtyId: r.site.hospitalSpecialtyId,
      specialtyName: r.specialtyName,
      specialtyNameEn: r.specialtyNameEn,
      investigatorId: r.site.investigatorId,
      piName: r.piName,
      piTitle: r.piTitle,
      piUserId: r.piUserId,
      role: r.site.role,
      state: r.site.state as SiteState,
      daysInState: Math.max(0, daysBetween(shanghaiDate(r.site.stateChangedAt), today)),
      milestones: {
        selected: r.site.selectedDate,
        ethicsSubmitted: r.site.ethicsSubmittedDate,
        ethicsApproved: r.site.ethicsApprovedDate,
        contractSigned: r.site.contractSignedDate,
        siv: r.site.sivDate,
        fpi: r.site.fpiDate,
        lpi: r.site.lpiDate,
        closed: r.site.closedDate,
      },
      targetEnrolment: r.site.targetEnrolment,
      enrolment: {
        screened: t?.screened ?? 0,
        enrolled: t?.enrolled ?? 0,
        screenFailures: t?.screenFailures ?? 0,
        withdrawn: t?.withdrawn ?? 0,
      },
      /** The counts recorded for each month (YYYY-MM), per month. */
      enrolmentByMonth: months.get(r.site.id) ?? {},
      inquiry: inquiry ? { id: inquiry.id, status: inquiry.status, replyBy: inquiry.replyBy } : null,
      nextStep: nextStepOf(r.site, today, inquiry?.status === 'sent' ? inquiry.replyBy : null),
      /** Missed or overdue stage targets (DESIGN §5) with their current delay reason. */
      delays: delaysView(r.site, today, delayRecords.get(r.site.id) ?? []),
      version: r.site.version,
    };
  });
}
export type SiteBoardRow = ReturnType<typeof loadSiteBoard>[number];

function trialView(t: TrialRow, sponsorName: string | null, sponsorNameEn: string | null = null) {
  const conditions = JSON.parse(t.conditionsJson) as string[];
  return {
    id: t.id,
    sponsorOrgId: t.sponsorOrgId,
    sponsorName,
    sponsorNameEn,
    croOrgId: t.croOrgId,
    type: t.type,
    phase: t.phase,
    titleZh: t.titleZh,
    titleEn: t.titleEn,
    ctrNo: t.ctrNo,
    nctNo: t.nctNo,
    chictrNo: t.chictrNo,
    conditions,
    // For English pages: the vocabulary's English name, else the Chinese with its pinyin (issue 14).
    conditionsEn: conditions.map((c) => lookupCondition(c)?.en ?? withPinyin(c)),
    targetEnrolment: t.targetEnrolment,
    plannedStart: t.plannedStart,
    plannedEnd: t.plannedEnd,
    riskLevel: t.riskLevel,
    status: t.status,
    leadHospitalId: t.leadHospitalId,
    createdAt: t.createdAt,
  };
}

/** Public contract `trials.get`: the trial and its site board, for those who may read it. */
export function getTrial({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const actor = ctx.actor;
  // The CLI (`ctp export fhir`) acts as the platform itself and reads any trial whole.
  if (!ctx.isSystem && !POLICIES.signedIn.allows(actor)) throw forbidden();
  const row = ctx.db
    .select({ trial: trials, sponsorName: organisations.nameZh, sponsorNameEn: organisations.nameEn })
    .from(trials)
    .innerJoin(organisations, eq(organisations.id, trials.sponsorOrgId))
    .where(eq(trials.id, input.id))
    .get();
  if (!row) throw notFound();
  const sites = loadSiteBoard(ctx.db, and(eq(trialSites.trialId, row.trial.id)), ctx.now());
  // Another sponsor's trial is "not found", not "forbidden": its existence is confidential too.
  if (
    !ctx.isSystem &&
    !canReadTrial(
      actor,
      row.trial,
      sites.map((s) => s.hospitalId),
      sites.map((s) => s.piUserId),
    )
  )
    throw notFound();
  const manages = !ctx.isSystem && canManageTrial(actor, row.trial);
  // A signed-in actor here unless the caller is the system (checked above); a site's own hospital sees only its row.
  const seesEverySite = ctx.isSystem || manages || actor?.role === 'commission' || actor?.role === 'admin';
  const visibleSites = seesEverySite ? sites : sites.filter((s) => actor !== null && s.hospitalId === actor.orgId);
  return {
    ...trialView(row.trial, row.sponsorName, row.sponsorNameEn),
    canManage: manages,
    sites: visibleSites,
    /** A city key project (重点攻关项目, issue 7): everyone who sees the trial sees the commission's flag. */
    isKeyProject: keyProjectTrialIds(ctx.db, [row.trial.id]).has(row.trial.id),
  };
}

/** Public contract `trials.list`: the trials the actor may see, each with a count of sites by state. */
export function listTrials({ ctx, input }: { ctx: Ctx; input: { status?: 'planning' | 'active' | 'closed' } }) {
  const actor = ctx.actor as ActorRef | null;
  if (!actor) throw forbidden();
  let where: SQL | undefined;
  if (actor.role === 'sponsor') where = or(eq(trials.sponsorOrgId, actor.orgId), eq(trials.croOrgId, actor.orgId));
  else if (actor.role === 'commission' || actor.role === 'admin') where = undefined;
  else if (actor.role === 'site_admin')
    where = or(
      eq(trials.sponsorOrgId, actor.orgId),
      sql`exists (select 1 from trial_sites s where s.trial_id = ${trials.id} and s.hospital_org_id = ${actor.orgId})`,
    );
  else if (actor.role === 'investigator')
    where = sql`exists (select 1 from trial_sites s join investigators i on i.id = s.investigator_id where s.trial_id = ${trials.id} and i.user_id = ${actor.userId})`;
  else
    where = sql`exists (select 1 from trial_sites s where s.trial_id = ${trials.id} and s.hospital_org_id = ${actor.orgId})`;
  const rows = ctx.db
    .select({ trial: trials, sponsorName: organisations.nameZh, sponsorNameEn: organisations.nameEn })
    .from(trials)
    .innerJoin(organisations, eq(organisations.id, trials.sponsorOrgId))
    .where(and(where, input.status ? eq(trials.status, input.status) : undefined))
    .orderBy(desc(trials.updatedAt))
    .all();
  const counts = rows.length
    ? ctx.db
        .select({ trialId: trialSites.trialId, state: trialSites.state, n: sql<number>`count(*)` })
        .from(trialSites)
        .where(
          inArray(
            trialSites.trialId,
            rows.map((r) => r.trial.id),
          ),
        )
        .groupBy(trialSites.trialId, trialSites.state)
        .all()
    : [];
  const keyProjects = keyProjectTrialIds(
    ctx.db,
    rows.map((r) => r.trial.id),
  );
  return rows.map((r) => ({
    ...trialView(r.trial, r.sponsorName, r.sponsorNameEn),
    /** A city key project (重点攻关项目, issue 7). */
    isKeyProject: keyProjects.has(r.trial.id),
    sitesByState: Object.fromEntries(
      counts.filter((c) => c.trialId === r.trial.id).map((c) => [c.state, c.n]),
    ) as Partial<Record<SiteState, number>>,
  }));
}

/** The hospital's board (trial office) or the PI's own board. */
export function listSiteBoard({ ctx }: { ctx: Ctx }) {
  const actor = ctx.actor;
  if (!actor || (actor.role !== 'site_admin' && actor.role !== 'investigator')) throw forbidden();
  const where =
    actor.role === 'site_admin'
      ? and(eq(trialSites.hospitalOrgId, actor.orgId))
      : and(eq(trialSites.hospitalOrgId, actor.orgId), eq(investigators.userId, actor.userId));
  return loadSiteBoard(ctx.db, where, ctx.now());
}
