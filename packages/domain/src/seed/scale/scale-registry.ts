import { DISEASE_AREA_EN, REGISTRY_STATUSES } from '@ctp/contracts';
import {
  bulkInserter,
  type DbHandle,
  organisations,
  registryImports,
  registrySites,
  registryTrialConditions,
  registryTrials,
} from '@ctp/db';
import { eq } from 'drizzle-orm';
import { normaliseInstitutionName } from '../../organisations/normalise-name.ts';
import { cityKey } from '../../registry/resolution/places.ts';
import type { Rng } from './prng.ts';
import { DISEASES } from './scale-capacity.ts';

const PHASES = ['phase1', 'phase2', 'phase3', 'phase4'] as const;

/**
 * Registry history as an import would leave it: one import log row, then CT.gov and CTR trials with conditions and
 * locations, most resolved to platform hospitals (as the alias rule would), some queued names left unresolved.
 */
export function generateRegistry(handle: DbHandle, count: number, rng: Rng, now: number, actorUserId: string): number {
  const hospitals = handle.db
    .select({
      id: organisations.id,
      nameZh: organisations.nameZh,
      nameEn: organisations.nameEn,
      city: organisations.city,
    })
    .from(organisations)
    .where(eq(organisations.kind, 'hospital'))
    .all();
  const importId = Number(
    handle.sqlite
      .prepare(
        'insert into registry_imports (source, file_name, sha256, outcome, summary_json, errors_json, actor_user_id, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        'ctgov',
        'scale-generated.json',
        rng.hex(64),
        'completed',
        JSON.stringify({ created: count }),
        '[]',
        actorUserId,
        now,
        now,
      ).lastInsertRowid,
  );
  void registryImports;
  const insTrial = bulkInserter(handle.sqlite, registryTrials, [
    'id',
    'source',
    'registryId',
    'briefTitle',
    'status',
    'statusRaw',
    'phasesJson',
    'enrolment',
    'leadSponsor',
    'startDate',
    'lastUpdateDate',
    'rawHash',
    'importId',
    'createdAt',
    'updatedAt',
  ]);
  const insCondition = bulkInserter(handle.sqlite, registryTrialConditions, ['registryTrialId', 'kind', 'term']);
  const insSite = bulkInserter(handle.sqlite, registrySites, [
    'registryTrialId',
    'ordinal',
    'facilityRaw',
    'nameNorm',
    'city',
    'cityKey',
    'country',
    'siteStatus',
    'hospitalId',
    'resolution',
    'resolutionMethod',
    'resolutionScore',
  ]);
  const firstId = Number(handle.sqlite.prepare('select coalesce(max(id), 0) from registry_trials').pluck().get()) + 1;
  const year = new Date(now).getUTCFullYear();
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const isCtgov = i % 2 === 0;
    const disease = rng.pick(DISEASES);
    const start = `${year - rng.int(0, 8)}-${String(rng.int(1, 12)).padStart(2, '0')}`;
    const status = rng.chance(0.3) ? 'recruiting' : rng.pick(REGISTRY_STATUSES);
    insTrial({
      id,
      source: isCtgov ? 'ctgov' : 'ctr',
      registryId: isCtgov ? `NCT9${String(i).padStart(7, '0')}` : `CTR20${String(90_000_000 + i)}`,
      briefTitle: isCtgov
        ? `A study of drug ${i} in ${DISEASE_AREA_EN[disease]}`
        : `${disease}受试者中评价药物${i}的临床研究`,
      status,
      statusRaw: status.toUpperCase(),
      phasesJson: JSON.stringify([rng.pick(PHASES)]),
      enrolment: rng.int(20, 800),
      leadSponsor: `Sponsor ${rng.int(1, 400)}`,
      startDate: start,
      lastUpdateDate: `${year}-01-01`,
      rawHash: rng.hex(64),
      importId,
      createdAt: now,
      updatedAt: now,
    });
    insCondition({
      registryTrialId: id,
      kind: 'condition',
      term: isCtgov ? DISEASE_AREA_EN[disease]!.split(' ').slice(0, 2).join(' ') : disease,
    });
    const sites = rng.sample(hospitals, Math.min(hospitals.length, rng.int(2, 8)));
    sites.forEach((h, ordinal) => {
      const resolved = rng.chance(0.85);
      const facility = isCtgov ? (h.nameEn ?? h.nameZh) : h.nameZh;
      insSite({
        registryTrialId: id,
        ordinal,
        facilityRaw: resolved ? facility : `${facility} Branch ${rng.int(1, 9)}`,
        nameNorm: normaliseInstitutionName(facility),
        city: h.city,
        cityKey: cityKey(h.city),
        country: 'China',
        siteStatus: status === 'recruiting' ? 'RECRUITING' : null,
        hospitalId: resolved ? h.id : null,
        resolution: resolved ? 'resolved' : 'rejected',
        resolutionMethod: resolved ? 'alias' : null,
        resolutionScore: resolved ? 1 : null,
      });
    });
  }
  return count;
}
