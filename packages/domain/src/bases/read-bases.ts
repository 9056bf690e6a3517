import {
  type BaseFocusArea,
  type BaseListItem,
  type BaseMemberView,
  type BaseStatus,
  isBaseMember,
  keepsWholeBase,
  POLICIES,
} from '@ctp/contracts';
import {
  baseMembers,
  bases,
  baseTrials,
  baseVersions,
  organisations,
  registrySites,
  trialSiteEnrolment,
  trialSites,
  trials,
  users,
} from '@ctp/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ActorCtx, Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { decodeOffsetCursor, nextOffsetCursor } from '../offset-cursor.ts';
import { computeBaseFigures } from './base-figures.ts';
import { loadBase } from './load-base.ts';

function reader(ctx: Ctx) {
  if (!POLICIES.readBases.allows(ctx.actor)) throw forbidden();
}

/** Public contract `bases.list` {q?, status?, focus?, limit?, cursor?} → {items, total, nextCursor}. */
export function listBases({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { q?: string; status?: BaseStatus; focus?: BaseFocusArea; limit: number; cursor?: string };
}): { items: BaseListItem[]; total: number; nextCursor: string | null } {
  reader(ctx);
  const offset = decodeOffsetCursor(input.cursor);
  const lead = organisations;
  const rows = ctx.db
    .select({ base: bases, leadName: lead.nameZh, leadNameEn: lead.nameEn })
    .from(bases)
    .innerJoin(lead, eq(lead.id, bases.leadOrgId))
    .where(input.status ? eq(bases.status, input.status) : undefined)
    .orderBy(desc(bases.updatedAt), bases.id)
    .all();
  const q = input.q?.trim().toLowerCase();
  const memberNames = q
    ? memberNamesByBase(
        ctx,
        rows.map((r) => r.base.id),
      )
    : new Map<string, string>();
  const matching = rows.filter(({ base, leadName, leadNameEn }) => {
    if (input.focus && !(JSON.parse(base.focusJson) as string[]).includes(input.focus)) return false;
    if (!q) return true;
    const hay = [base.nameZh, base.nameEn, leadName, leadNameEn, base.summary, memberNames.get(base.id)]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return hay.includes(q);
  });
  const page = matching.slice(offset, offset + input.limit);
  const ids = page.map((r) => r.base.id);
  const counts = (table: typeof baseMembers | typeof baseTrials) =>
    new Map(
      ids.length
        ? ctx.db
            .select({ id: table.baseId, n: sql<number>`count(*)` })
            .from(table)
            .where(inArray(table.baseId, ids))
            .groupBy(table.baseId)
            .all()
            .map((c) => [c.id, c.n])
        : [],
    );
  const members = counts(baseMembers);
  const linked = counts(baseTrials);
  return {
    items: page.map(({ base, leadName, leadNameEn }) => ({
      id: base.id,
      nameZh: base.nameZh,
      nameEn: base.nameEn,
      status: base.status,
      focusAreas: JSON.parse(base.focusJson) as BaseFocusArea[],
      leadOrgName: leadName,
      leadOrgNameEn: leadNameEn,
      memberCount: members.get(base.id) ?? 0,
      trialCount: linked.get(base.id) ?? 0,
      foundedOn: base.foundedOn,
      isDemo: base.isDemo,
    })),
    total: matching.length,
    nextCursor: nextOffsetCursor(offset, input.limit, matching.length),
  };
}

function memberNamesByBase(ctx: Ctx, ids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!ids.length) return out;
  for (const m of ctx.db
    .select({ id: baseMembers.baseId, zh: organisations.nameZh, en: organisations.nameEn })
    .from(baseMembers)
    .innerJoin(organisations, eq(organisations.id, baseMembers.orgId))
    .where(inArray(baseMembers.baseId, ids))
    .all())
    out.set(m.id, `${out.get(m.id) ?? ''} ${m.zh} ${m.en ?? ''}`);
  return out;
}

/** Public contract `bases.get` {id}: the profile, its members, linked trials and figures computed from the records. */
export function getBase({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  reader(ctx);
  const base = loadBase(ctx.db, input.id);
  const members: BaseMemberView[] = ctx.db
    .select({ m: baseMembers, org: organisations })
    .from(baseMembers)
    .innerJoin(organisations, eq(organisations.id, baseMembers.orgId))
    .where(eq(baseMembers.baseId, base.id))
    .orderBy(organisations.kind, organisations.nameZh)
    .all()
    .map(({ m, org }) => ({
      orgId: org.id,
      kind: org.kind,
      nameZh: org.nameZh,
      nameEn: org.nameEn,
      isLead: org.id === base.leadOrgId,
      note: m.note,
      contact: m.contact,
    }));
  const linked = ctx.db
    .select({ trial: trials, sponsorName: organisations.nameZh, sponsorNameEn: organisations.nameEn })
    .from(baseTrials)
    .innerJoin(trials, eq(trials.id, baseTrials.trialId))
    .innerJoin(organisations, eq(organisations.id, trials.sponsorOrgId))
    .where(eq(baseTrials.baseId, base.id))
    .orderBy(desc(baseTrials.linkedAt))
    .all();
  const trialIds = linked.map((l) => l.trial.id);
  const siteRows = trialIds.length
    ? ctx.db
        .select({
          id: trialSites.id,
          trialId: trialSites.trialId,
          selectedDate: trialSites.selectedDate,
          sivDate: trialSites.sivDate,
          fpiDate: trialSites.fpiDate,
        })
        .from(trialSites)
        .where(inArray(trialSites.trialId, trialIds))
        .all()
    : [];
  const enrolledBySite = new Map(
    siteRows.length
      ? ctx.db
          .select({ id: trialSiteEnrolment.trialSiteId, n: sql<number>`sum(${trialSiteEnrolment.enrolled})` })
          .from(trialSiteEnrolment)
          .where(
            inArray(
              trialSiteEnrolment.trialSiteId,
              siteRows.map((s) => s.id),
            ),
          )
          .groupBy(trialSiteEnrolment.trialSiteId)
          .all()
          .map((r) => [r.id, r.n])
      : [],
  );
  const sites = siteRows.map((s) => ({ ...s, enrolled: enrolledBySite.get(s.id) ?? 0 }));
  const facts = linked.map(({ trial }) => ({
    trialId: trial.id,
    targetEnrolment: trial.targetEnrolment,
    sites: sites.filter((s) => s.trialId === trial.id),
  }));
  const memberHospitals = members.filter((m) => m.kind === 'hospital').map((m) => m.orgId);
  const registryTrials = memberHospitals.length
    ? (ctx.db
        .select({ n: sql<number>`count(distinct ${registrySites.registryTrialId})` })
        .from(registrySites)
        .where(inArray(registrySites.hospitalId, memberHospitals))
        .get()?.n ?? 0)
    : 0;
  const versions = ctx.db
    .select({ v: baseVersions, by: users.name })
    .from(baseVersions)
    .leftJoin(users, eq(users.id, baseVersions.changedBy))
    .where(eq(baseVersions.baseId, base.id))
    .orderBy(desc(baseVersions.version))
    .limit(50)
    .all()
    .map(({ v, by }) => ({ version: v.version, changedAt: v.changedAt, changedByName: by, reason: v.reason }));
  return {
    id: base.id,
    nameZh: base.nameZh,
    nameEn: base.nameEn,
    status: base.status,
    focusAreas: JSON.parse(base.focusJson) as BaseFocusArea[],
    foundedOn: base.foundedOn,
    leadOrgId: base.leadOrgId,
    contactName: base.contactName,
    contactPhone: base.contactPhone,
    contactEmail: base.contactEmail,
    summary: base.summary,
    isDemo: base.isDemo,
    version: base.version,
    members,
    trials: linked.map(({ trial, sponsorName, sponsorNameEn }) => {
      const own = sites.filter((s) => s.trialId === trial.id);
      return {
        id: trial.id,
        titleZh: trial.titleZh,
        titleEn: trial.titleEn,
        phase: trial.phase,
        status: trial.status,
        sponsorName,
        sponsorNameEn,
        sites: own.length,
        sitesActivated: own.filter((s) => s.sivDate).length,
        enrolled: own.reduce((n, s) => n + s.enrolled, 0),
        targetEnrolment: trial.targetEnrolment,
      };
    }),
    figures: computeBaseFigures(facts, registryTrials),
    versions,
    /** What the reader may do here (the same pure policy the server enforces). */
    can: {
      editWhole: keepsWholeBase(ctx.actor),
      editOwnPart: isBaseMember(ctx.actor, base.memberOrgIds),
      review: POLICIES.registerBases.allows(ctx.actor),
    },
  };
}

/** Trials a member may link: those its organisation sponsors or runs (the commission: all). */
export function linkableTrialsForBase({ ctx, input }: { ctx: ActorCtx; input: { id: string } }) {
  reader(ctx);
  const base = loadBase(ctx.db, input.id);
  const actor = ctx.actor;
  if (!keepsWholeBase(actor) && !isBaseMember(actor, base.memberOrgIds)) return [];
  const where = keepsWholeBase(actor)
    ? undefined
    : sql`(${trials.sponsorOrgId} = ${actor.orgId} or ${trials.croOrgId} = ${actor.orgId} or exists (select 1 from trial_sites s where s.trial_id = ${trials.id} and s.hospital_org_id = ${actor.orgId}))`;
  return ctx.db
    .select({ id: trials.id, titleZh: trials.titleZh, titleEn: trials.titleEn })
    .from(trials)
    .where(and(where))
    .orderBy(desc(trials.updatedAt))
    .limit(500)
    .all();
}
