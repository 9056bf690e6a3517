import { CTR_ID, NCT_ID, POLICIES, type RegistryPhase, type RegistryStatus, type TrialPhase } from '@ctp/contracts';
import { organisations, registrySites, registryTrialConditions, registryTrials } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { getTrial } from '../trials/read-trials.ts';
import {
  buildFhirBundle,
  CHICTR_SYSTEM,
  CTR_SYSTEM,
  type FhirPhase,
  type FhirStudyModel,
  type FhirStudyStatus,
  NCT_SYSTEM,
  PLATFORM_ID_SYSTEM,
} from './fhir-bundle.ts';

const PLATFORM_STATUS: Record<'planning' | 'active' | 'closed', FhirStudyStatus> = {
  planning: 'in-review',
  active: 'active',
  closed: 'completed',
};
const PLATFORM_PHASE: Record<TrialPhase, FhirPhase> = {
  I: 'phase-1',
  II: 'phase-2',
  III: 'phase-3',
  IV: 'phase-4',
  'I/II': 'phase-1-phase-2',
  'II/III': 'phase-2-phase-3',
  BE: 'n-a',
  NA: 'n-a',
};
const REGISTRY_STATUS: Record<RegistryStatus, FhirStudyStatus> = {
  not_yet_recruiting: 'approved',
  recruiting: 'active',
  enrolling_by_invitation: 'active',
  active_not_recruiting: 'closed-to-accrual',
  suspended: 'temporarily-closed-to-accrual',
  terminated: 'administratively-completed',
  completed: 'completed',
  withdrawn: 'withdrawn',
  // FHIR has no "unknown": the study is reported as registered, and the registry's own word goes in a note.
  unknown: 'approved',
};

function registryPhase(phases: RegistryPhase[]): { code: FhirPhase; text: string } {
  const has = (p: RegistryPhase) => phases.includes(p);
  const text = phases.join('/') || 'na';
  if (has('phase1') && has('phase2')) return { code: 'phase-1-phase-2', text };
  if (has('phase2') && has('phase3')) return { code: 'phase-2-phase-3', text };
  if (has('early_phase1')) return { code: 'early-phase-1', text };
  if (has('phase1')) return { code: 'phase-1', text };
  if (has('phase2')) return { code: 'phase-2', text };
  if (has('phase3')) return { code: 'phase-3', text };
  if (has('phase4')) return { code: 'phase-4', text };
  return { code: 'n-a', text };
}

/**
 * `GET /api/v1/trials/{id}/fhir`, `trials.fhir` and `ctp export fhir --trial <id>`: a platform trial (by its id, as
 * the reader may see it — sites narrowed like `trials.get`) or an imported registry trial (by its NCT or CTR number,
 * a public record).
 */
export function exportTrialFhir({ ctx, input }: { ctx: Ctx; input: { id: string } }): Record<string, unknown> {
  if (!ctx.isSystem && !POLICIES.readTrials.allows(ctx.actor)) throw forbidden();
  const timestamp = new Date(ctx.now()).toISOString();
  if (NCT_ID.test(input.id) || CTR_ID.test(input.id)) return buildFhirBundle(registryModel(ctx, input.id), timestamp);
  return buildFhirBundle(platformModel(ctx, input.id), timestamp);
}

function platformModel(ctx: Ctx, id: string): FhirStudyModel {
  const trial = getTrial({ ctx, input: { id } });
  const identifiers = [
    { system: PLATFORM_ID_SYSTEM, value: trial.id },
    ...(trial.nctNo ? [{ system: NCT_SYSTEM, value: trial.nctNo }] : []),
    ...(trial.ctrNo ? [{ system: CTR_SYSTEM, value: trial.ctrNo }] : []),
    ...(trial.chictrNo ? [{ system: CHICTR_SYSTEM, value: trial.chictrNo }] : []),
  ];
  return {
    key: `platform:${trial.id}`,
    identifiers,
    title: trial.titleZh,
    titleEn: trial.titleEn,
    status: PLATFORM_STATUS[trial.status as keyof typeof PLATFORM_STATUS],
    statusText: null,
    phase: { code: PLATFORM_PHASE[trial.phase as TrialPhase], text: trial.phase },
    conditions: trial.conditions,
    targetEnrolment: trial.targetEnrolment ?? null,
    enrolled: trial.sites.reduce((n, s) => n + s.enrolment.enrolled, 0),
    period: { start: trial.plannedStart, end: trial.plannedEnd },
    sponsor: { key: `org:${trial.sponsorOrgId}`, name: trial.sponsorNameEn ?? trial.sponsorName ?? trial.sponsorOrgId },
    sites: trial.sites.map((s) => ({
      key: `site:${s.id}`,
      name: `${s.hospitalName} · ${s.specialtyName}`,
      city: null,
      country: 'CN',
      hospital: { key: `org:${s.hospitalId}`, name: s.hospitalName },
      pi:
        s.investigatorId && s.piName
          ? { key: `investigator:${s.investigatorId}`, name: s.piName, title: s.piTitle }
          : null,
      state: s.state,
    })),
  };
}

function registryModel(ctx: Ctx, registryId: string): FhirStudyModel {
  const trial = ctx.db.select().from(registryTrials).where(eq(registryTrials.registryId, registryId)).get();
  if (!trial) throw notFound();
  const conditions = ctx.db
    .select({ term: registryTrialConditions.term })
    .from(registryTrialConditions)
    .where(eq(registryTrialConditions.registryTrialId, trial.id))
    .all()
    .filter((c, i, all) => all.findIndex((o) => o.term === c.term) === i)
    .map((c) => c.term);
  const sites = ctx.db
    .select({ site: registrySites, hospitalName: organisations.nameZh })
    .from(registrySites)
    .leftJoin(organisations, eq(organisations.id, registrySites.hospitalId))
    .where(eq(registrySites.registryTrialId, trial.id))
    .orderBy(asc(registrySites.ordinal))
    .all();
  return {
    key: `registry:${trial.source}:${trial.registryId}`,
    identifiers: [{ system: trial.source === 'ctgov' ? NCT_SYSTEM : CTR_SYSTEM, value: trial.registryId }],
    title: trial.officialTitle ?? trial.briefTitle,
    titleEn: null,
    status: REGISTRY_STATUS[trial.status as RegistryStatus],
    statusText: trial.statusRaw,
    phase: registryPhase(JSON.parse(trial.phasesJson) as RegistryPhase[]),
    conditions,
    targetEnrolment: trial.enrolment,
    enrolled: null,
    period: { start: fhirDate(trial.startDate), end: fhirDate(trial.completionDate) },
    sponsor: trial.leadSponsor ? { key: `sponsor:${trial.leadSponsor}`, name: trial.leadSponsor } : null,
    sites: sites.map(({ site, hospitalName }) => ({
      key: `registry-site:${site.id}`,
      name: site.facilityRaw,
      city: site.city,
      country: site.country,
      hospital: site.hospitalId && hospitalName ? { key: `org:${site.hospitalId}`, name: hospitalName } : null,
      pi: site.piName ? { key: `registry-pi:${site.id}`, name: site.piName, title: site.piTitle } : null,
      state: site.siteStatus,
    })),
  };
}

/** Registry dates are YYYY, YYYY-MM or YYYY-MM-DD: all valid FHIR dateTimes; anything else is left out. */
function fhirDate(value: string | null): string | null {
  return value && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? value : null;
}
