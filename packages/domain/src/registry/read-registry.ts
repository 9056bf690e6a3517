import {
  POLICIES,
  REGISTRY_OPEN_STATUSES,
  type RegistryImportError,
  type RegistryImportSummary,
  type RegistryPhase,
  type RegistryStatus,
  type registryImportsInput,
  type registryTrialsOfHospitalInput,
  registryUrl,
} from '@ctp/contracts';
import {
  ethicsCommittees,
  organisations,
  registryEthicsDecisions,
  registryImports,
  registrySites,
  registryTrialConditions,
  registryTrials,
  trials,
  users,
} from '@ctp/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { getTrial } from '../trials/read-trials.ts';

/** `registry.imports`: the import log, newest first, with each import's summary. */
export function listRegistryImports({ ctx, input }: { ctx: Ctx; input: z.output<typeof registryImportsInput> }) {
  if (!POLICIES.manageRegistry.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  return ctx.db
    .select({ i: registryImports, actor: users.name })
    .from(registryImports)
    .leftJoin(users, eq(users.id, registryImports.actorUserId))
    .orderBy(desc(registryImports.id))
    .limit(input.limit)
    .all()
    .map(({ i, actor }) => ({
      id: i.id,
      source: i.source,
      fileName: i.fileName,
      sha256: i.sha256,
      outcome: i.outcome,
      summary: JSON.parse(i.summaryJson) as RegistryImportSummary,
      errors: JSON.parse(i.errorsJson) as RegistryImportError[],
      actor,
      startedAt: i.startedAt,
      finishedAt: i.finishedAt,
    }));
}

type TrialRow = typeof registryTrials.$inferSelect;

function conditionsOf(ctx: Ctx, ids: number[]) {
  const rows = ids.length
    ? ctx.db
        .select({
          trialId: registryTrialConditions.registryTrialId,
          kind: registryTrialConditions.kind,
          term: registryTrialConditions.term,
        })
        .from(registryTrialConditions)
        .where(inArray(registryTrialConditions.registryTrialId, ids))
        .orderBy(registryTrialConditions.id)
        .all()
    : [];
  return (id: number) => ({
    conditions: rows.filter((r) => r.trialId === id && r.kind === 'condition').map((r) => r.term),
    mesh: rows.filter((r) => r.trialId === id && r.kind === 'mesh').map((r) => r.term),
  });
}

function trialView(t: TrialRow) {
  return {
    id: t.id,
    source: t.source,
    registryId: t.registryId,
    url: registryUrl(t.source, t.registryId),
    briefTitle: t.briefTitle,
    officialTitle: t.officialTitle,
    status: t.status,
    statusRaw: t.statusRaw,
    phases: JSON.parse(t.phasesJson) as RegistryPhase[],
    phaseRaw: t.phaseRaw,
    enrolment: t.enrolment,
    leadSponsor: t.leadSponsor,
    startDate: t.startDate,
    completionDate: t.completionDate,
    lastUpdateDate: t.lastUpdateDate,
  };
}

const countBy = <T extends string | number>(values: T[]) => {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()]
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => b.n - a.n || String(a.key).localeCompare(String(b.key)));
};

/**
 * `registry.trialsOfHospital`: the registry trials with a location linked to this hospital, with counts by
 * condition, phase, status and start year over all of them, and one page filtered by `condition` (free text over
 * the raw conditions and MeSH terms) and `status`. `cursor` is the offset of the page; newest start first.
 */
export function listHospitalRegistryTrials({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.output<typeof registryTrialsOfHospitalInput>;
}) {
  if (!POLICIES.readRegistry.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const hospital = ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.hospitalId), eq(organisations.kind, 'hospital')))
    .get();
  if (!hospital) throw notFound();
  const all = ctx.db
    .selectDistinct({ t: registryTrials })
    .from(registrySites)
    .innerJoin(registryTrials, eq(registryTrials.id, registrySites.registryTrialId))
    .where(eq(registrySites.hospitalId, hospital.id))
    .all()
    .map((r) => r.t)
    .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || b.id - a.id);
  const conditions = conditionsOf(
    ctx,
    all.map((t) => t.id),
  );

  let matching = all;
  if (input.condition) {
    const needle = input.condition.toLowerCase();
    matching = matching.filter((t) => {
      const c = conditions(t.id);
      return [...c.conditions, ...c.mesh].some((term) => term.toLowerCase().includes(needle));
    });
  }
  if (input.status) matching = matching.filter((t) => t.status === input.status);
  const offset = input.cursor ?? 0;
  const page = matching.slice(offset, offset + input.limit);
  const pageIds = page.map((t) => t.id);
  const sites = pageIds.length
    ? ctx.db
        .select({
          trialId: registrySites.registryTrialId,
          facility: registrySites.facilityRaw,
          piName: registrySites.piName,
          piTitle: registrySites.piTitle,
          siteStatus: registrySites.siteStatus,
        })
        .from(registrySites)
        .where(and(inArray(registrySites.registryTrialId, pageIds), eq(registrySites.hospitalId, hospital.id)))
        .all()
    : [];
  const siteCounts = pageIds.length
    ? ctx.db
        .select({ trialId: registrySites.registryTrialId, n: sql<number>`count(*)` })
        .from(registrySites)
        .where(inArray(registrySites.registryTrialId, pageIds))
        .groupBy(registrySites.registryTrialId)
        .all()
    : [];
  return {
    total: all.length,
    open: all.filter((t) => REGISTRY_OPEN_STATUSES.includes(t.status)).length,
    matching: matching.length,
    facets: {
      condition: countBy(all.flatMap((t) => conditions(t.id).conditions)).slice(0, 15),
      phase: countBy(all.flatMap((t) => JSON.parse(t.phasesJson) as RegistryPhase[])),
      status: countBy(all.map((t) => t.status as RegistryStatus)),
      year: countBy(all.map((t) => (t.startDate ?? t.lastUpdateDate)?.slice(0, 4) ?? ''))
        .filter((y) => y.key !== '')
        .sort((a, b) => b.key.localeCompare(a.key)),
    },
    items: page.map((t) => ({
      ...trialView(t),
      ...conditions(t.id),
      totalSites: siteCounts.find((s) => s.trialId === t.id)?.n ?? 0,
      sitesHere: sites.filter((s) => s.trialId === t.id).map(({ trialId: _, ...s }) => s),
    })),
    nextCursor: offset + input.limit < matching.length ? offset + input.limit : null,
  };
}

/**
 * `registry.ofTrial`: the registry records that carry the platform trial's NCT or CTR number (the link is the id
 * itself, so it never goes stale), for those who may see the trial.
 */
export function getTrialRegistryRecords({ ctx, input }: { ctx: Ctx; input: { trialId: string } }) {
  if (!POLICIES.readRegistry.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  getTrial({ ctx, input: { id: input.trialId } }); // NOT_FOUND unless the actor may see the trial
  const trial = ctx.db
    .select({ nct: trials.nctNo, ctr: trials.ctrNo })
    .from(trials)
    .where(eq(trials.id, input.trialId))
    .get()!;
  const ids = [trial.nct, trial.ctr].filter((x): x is string => !!x);
  if (!ids.length) return [];
  const rows = ctx.db.select().from(registryTrials).where(inArray(registryTrials.registryId, ids)).all();
  const conditions = conditionsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((t) => {
    const sites = ctx.db
      .select({ site: registrySites, hospitalName: organisations.nameZh, hospitalNameEn: organisations.nameEn })
      .from(registrySites)
      .leftJoin(organisations, eq(organisations.id, registrySites.hospitalId))
      .where(eq(registrySites.registryTrialId, t.id))
      .orderBy(registrySites.ordinal)
      .all();
    const ethics = ctx.db
      .select({ e: registryEthicsDecisions, committee: ethicsCommittees.nameZh })
      .from(registryEthicsDecisions)
      .leftJoin(ethicsCommittees, eq(ethicsCommittees.id, registryEthicsDecisions.committeeId))
      .where(eq(registryEthicsDecisions.registryTrialId, t.id))
      .orderBy(registryEthicsDecisions.ordinal)
      .all();
    return {
      ...trialView(t),
      ...conditions(t.id),
      sites: sites.map(({ site, hospitalName, hospitalNameEn }) => ({
        facility: site.facilityRaw,
        city: site.city,
        country: site.country,
        piName: site.piName,
        piTitle: site.piTitle,
        hospitalId: site.hospitalId,
        hospitalName,
        hospitalNameEn,
        resolution: site.resolution,
      })),
      ethics: ethics.map(({ e, committee }) => ({
        ecName: e.ecNameRaw,
        decision: e.decision,
        date: e.decisionDate,
        committeeId: e.committeeId,
        committeeName: committee,
      })),
    };
  });
}
