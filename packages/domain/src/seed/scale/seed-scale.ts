import {
  bulkInserter,
  type DbHandle,
  ethicsCommittees,
  hospitalSpecialties,
  investigatorSpecialties,
  organisations,
  recognitionAgreements,
  users,
} from '@ctp/db';
import { eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../../audit/write-audit-event.ts';
import { rebuildHospitalSearchDocument } from '../../capacity/search-document.ts';
import { inTransaction } from '../../transaction.ts';
import { seedDemo } from '../seed-demo.ts';
import { createRng } from './prng.ts';
import { dateOf, generateCapacity, type ScaleHospital } from './scale-capacity.ts';
import type { ScalePlan } from './scale-plan.ts';
import { generateRegistry } from './scale-registry.ts';
import { generateTrials, type TrialCounts } from './scale-trials.ts';

export type ScaleResult = TrialCounts & {
  hospitals: number;
  specialties: number;
  investigators: number;
  registryTrials: number;
};
export type ScaleProgress = (phase: string, fraction: number) => void;

/** The demo's ids the benchmark signs in as: the sponsor of the 200-site trial and the EC with the long queue. */
export const SCALE_BOARD_SPONSOR = 'org-sponsor-zijin';
export const SCALE_BUSY_HOSPITAL = 'hosp-jsph';
export const SCALE_BOARD_TRIAL = 'tr-0';
const SEED_USER = 'user-scale-seed';

/**
 * `ctp seed --scale national|province` (issue 16): the Nanjing demo (its accounts sign in to the benchmark), then a
 * deterministic national- or province-scale body of data written in bulk through the schema, one transaction per
 * part, the search index rebuilt for every generated hospital, and one `seed.scale` audit row at the end. Refuses a
 * database that already holds data.
 */
export async function seedScale({
  handle,
  plan,
  now = Date.now(),
  progress = () => {},
}: {
  handle: DbHandle;
  plan: ScalePlan;
  now?: number;
  progress?: ScaleProgress;
}): Promise<ScaleResult> {
  if (handle.db.select({ id: organisations.id }).from(organisations).limit(1).get())
    throw new Error('the scale seed needs an empty database (give it a new file)');
  const ctx = { actor: null, now: () => now, requestId: `seed:scale:${plan.name}` };
  progress('demo', 0);
  await seedDemo({ db: handle.db, ctx, withUsers: true, withHistory: false });
  const rng = createRng(plan.seed);

  const sponsors: string[] = [];
  const cros: string[] = [];
  inTransaction(handle.db, () => {
    bulkInserter(handle.sqlite, users, [
      'id',
      'email',
      'name',
      'passwordHash',
      'passwordChangedAt',
      'disabledAt',
      'createdAt',
      'updatedAt',
    ])({
      id: SEED_USER,
      email: 'scale-seed@ctp.invalid',
      name: '规模数据生成器',
      passwordHash: 'disabled',
      passwordChangedAt: now,
      disabledAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const insOrg = bulkInserter(handle.sqlite, organisations, [
      'id',
      'kind',
      'nameZh',
      'nameEn',
      'isDemoData',
      'createdAt',
      'updatedAt',
    ]);
    for (let i = 0; i < plan.sponsors; i++) {
      sponsors.push(`sp-${i}`);
      insOrg({
        id: `sp-${i}`,
        kind: 'sponsor',
        nameZh: `合成医药第${i}有限公司`,
        nameEn: `Synthetic Pharma ${i}`,
        isDemoData: true,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (let i = 0; i < plan.cros; i++) {
      cros.push(`cro-${i}`);
      insOrg({
        id: `cro-${i}`,
        kind: 'cro',
        nameZh: `合成临床研究服务第${i}公司`,
        nameEn: `Synthetic CRO ${i}`,
        isDemoData: true,
        createdAt: now,
        updatedAt: now,
      });
    }
  });

  progress('hospitals', 0.02);
  const demoHospitals = loadDemoHospitals(handle);
  const hospitals = inTransaction(handle.db, (tx) => {
    const all = generateCapacity(handle, plan, rng, now, demoHospitals);
    const generated = all.filter((h) => h.id.startsWith('hs-'));
    generated.forEach((h, i) => {
      rebuildHospitalSearchDocument(tx, h.id);
      if (i % 50 === 0) progress('search index', 0.02 + 0.1 * (i / generated.length));
    });
    return all;
  });

  const agreementId = handle.db.select({ id: recognitionAgreements.id }).from(recognitionAgreements).limit(1).get()?.id;
  if (!agreementId) throw new Error('the demo recognition agreement is missing');
  const counts = inTransaction(handle.db, () =>
    generateTrials({
      handle,
      plan,
      rng,
      now,
      today: dateOf(now),
      hospitals,
      sponsors: [...sponsors, 'org-sponsor-qinhuai'],
      cros,
      boardSponsorId: SCALE_BOARD_SPONSOR,
      busyHospitalId: SCALE_BUSY_HOSPITAL,
      agreementId,
      seedUserId: SEED_USER,
      progress: (done) => progress('trials and reviews', 0.12 + 0.78 * Math.min(1, done / plan.submissions)),
    }),
  );

  progress('registry', 0.9);
  const registryTrials = inTransaction(handle.db, () =>
    generateRegistry(handle, plan.registryTrials, rng, now, SEED_USER),
  );
  const specialties = hospitals.reduce((n, h) => n + h.specialties.length, 0);
  const investigators = hospitals.reduce(
    (n, h) => n + h.specialties.reduce((m, s) => m + s.investigators.length, 0),
    0,
  );
  const result: ScaleResult = { ...counts, hospitals: hospitals.length, specialties, investigators, registryTrials };
  inTransaction(handle.db, (tx) =>
    writeAuditEvent(tx, ctx, {
      action: 'seed.scale',
      entityType: 'system',
      entityId: plan.name,
      after: { seed: plan.seed, ...result },
    }),
  );
  progress('analyse', 0.97);
  handle.sqlite.exec('analyze');
  progress('done', 1);
  return result;
}

function loadDemoHospitals(handle: DbHandle): ScaleHospital[] {
  const specs = handle.db
    .select({
      id: hospitalSpecialties.id,
      hospitalId: hospitalSpecialties.hospitalOrgId,
      investigatorId: investigatorSpecialties.investigatorId,
    })
    .from(hospitalSpecialties)
    .leftJoin(investigatorSpecialties, eq(investigatorSpecialties.hospitalSpecialtyId, hospitalSpecialties.id))
    .where(isNull(hospitalSpecialties.retiredAt))
    .all();
  return handle.db
    .select({ id: organisations.id, district: organisations.district, committeeId: ethicsCommittees.id })
    .from(organisations)
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.hospitalOrgId, organisations.id))
    .where(eq(organisations.kind, 'hospital'))
    .all()
    .map((h) => {
      const bySpec = new Map<string, string[]>();
      for (const s of specs.filter((x) => x.hospitalId === h.id)) {
        const list = bySpec.get(s.id) ?? [];
        if (s.investigatorId) list.push(s.investigatorId);
        bySpec.set(s.id, list);
      }
      return {
        id: h.id,
        committeeId: h.committeeId,
        district: h.district ?? '',
        specialties: [...bySpec]
          .filter(([, invs]) => invs.length > 0)
          .map(([id, invs]) => ({ id, investigators: invs })),
      };
    });
}
