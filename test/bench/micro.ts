/**
 * `pnpm bench:micro`: in-process figures for the hot paths, printed, never asserted. Scales: the Nanjing demo (24 hospitals) and a
 * synthetic national-scale registry (1 500 hospitals × 15 specialties × 2 PIs, China has ~1 400 filed drug-trial
 * institutions), plus the audit chain at 100 000 events.
 */
import {
  hospitalSpecialties,
  investigatorSpecialties,
  investigators,
  organisations,
  specialtyCatalogue,
  specialtyDiseaseAreas,
} from '@ctp/db';
import { createTestDatabase } from '@ctp/db/testing';
import {
  type Ctx,
  hashPassword,
  hospitalId,
  inTransaction,
  LoginThrottle,
  rebuildHospitalSearchDocument,
  searchSites,
  seedDemo,
  verifyAuditChain,
  writeAuditEvent,
} from '@ctp/domain';
import { measureAliasTop1 } from '../helpers/alias-top1.ts';
import { benchRegistryImport } from './registry-import.ts';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `p50 ${q(0.5).toFixed(1)} ms · p95 ${q(0.95).toFixed(1)} ms · max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
}

function time(fn: () => void, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const QUERIES = [
  '肿瘤',
  '肺癌',
  '心内',
  'Drum Tower',
  'jsszl',
  'PET-CT',
  '乳腺癌 PET-CT',
  '',
  '非小细胞肺癌',
  'lung cancer',
  'Jiangsu Province Hospital',
];

async function main() {
  const handle = createTestDatabase();
  await seedDemo({ db: handle.db, ctx: { actor: null, now: Date.now, requestId: 'bench' }, withUsers: true });
  const ctx: Ctx = {
    actor: {
      userId: 'bench',
      email: 'b',
      name: 'b',
      sessionId: 's',
      membershipId: 'm',
      role: 'sponsor',
      orgId: 'org-sponsor-zijin',
      committeeId: null,
    },
    db: handle.db,
    now: Date.now,
    requestId: 'bench',
    locale: 'zh-CN',
    ip: null,
    userAgent: null,
    services: { loginThrottle: new LoginThrottle(), session: { idleMs: 1, absoluteMs: 1 } },
  };
  console.log('# CTP benchmarks', new Date().toISOString(), `node ${process.version}`);
  console.log('\n## sites.search on the Nanjing demo (24 hospitals)');
  for (const q of QUERIES)
    console.log(
      `${JSON.stringify(q).padEnd(18)} ${stats(time(() => searchSites({ ctx, input: { q, limit: 20 } }), 30))}`,
    );

  const first = (q: string) => searchSites({ ctx, input: { q, limit: 1 } }).items[0]?.hospitalId ?? null;
  const top1 = await measureAliasTop1(first, hospitalId);
  console.log(
    `alias top-1 (hospital-aliases.csv, aliases naming one hospital): ${top1.first}/${top1.total} = ${((top1.first / top1.total) * 100).toFixed(1)}%`,
  );

  // National scale: synthetic hospitals cloned from the catalogue.
  const HOSPITALS = 1500;
  const catalogue = handle.db
    .select()
    .from(specialtyCatalogue)
    .all()
    .filter((c) => c.parentCode);
  const diseases = [
    '肺癌',
    '乳腺癌',
    '胃癌',
    '高血压',
    '2型糖尿病',
    '脑卒中',
    '慢性肾脏病',
    '类风湿关节炎',
    '哮喘',
    '抑郁症',
  ];
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const t0 = performance.now();
  inTransaction(handle.db, (tx) => {
    const now = Date.now();
    for (let h = 0; h < HOSPITALS; h++) {
      const id = `syn-${h}`;
      tx.insert(organisations)
        .values({
          id,
          kind: 'hospital',
          nameZh: `合成第${h}人民医院`,
          nameEn: `Synthetic People's Hospital No. ${h}`,
          district: `区${h % 50}`,
          level: h % 3 ? '三级甲等' : '三级',
          totalBeds: 1000 + h,
          capacityConfirmedAt: now,
          isDemoData: true,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      for (let s = 0; s < 15; s++) {
        const cat = catalogue[(h * 7 + s * 11) % catalogue.length]!;
        const specId = `${id}-s${s}`;
        tx.insert(hospitalSpecialties)
          .values({
            id: specId,
            hospitalOrgId: id,
            specialtyCode: cat.code,
            scope: cat.scope,
            trialBeds: 4,
            maxConcurrentTrials: 5 + (h % 20),
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .run();
        tx.insert(specialtyDiseaseAreas)
          .values({
            hospitalSpecialtyId: specId,
            diseaseArea: diseases[(h + s) % diseases.length]!,
            annualPatients: 1000 + s * 10,
          })
          .onConflictDoNothing()
          .run();
        for (let p = 0; p < 2; p++) {
          const invId = `${specId}-p${p}`;
          tx.insert(investigators)
            .values({
              id: invId,
              hospitalOrgId: id,
              name: `${surnames[(h + s + p) % surnames.length]}医生${h}${s}${p}`,
              title: p ? '副主任医师' : '主任医师',
              level: p ? '副高' : '正高',
              maxConcurrentTrials: 5,
              createdAt: now,
              updatedAt: now,
            })
            .run();
          tx.insert(investigatorSpecialties)
            .values({ investigatorId: invId, hospitalSpecialtyId: specId })
            .onConflictDoNothing()
            .run();
        }
      }
      rebuildHospitalSearchDocument(tx, id);
    }
    // Like every mutation, the bulk load appends an audit row (which also moves the capacity cache on).
    writeAuditEvent(
      tx,
      { actor: null, now: Date.now, requestId: 'bench' },
      {
        action: 'seed.demo',
        entityType: 'system',
        entityId: 'bench-national',
        after: { hospitals: HOSPITALS, users: 0 },
      },
    );
  });
  console.log(
    `\n## sites.search at national scale (${HOSPITALS + 24} hospitals; built and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  for (const q of [...QUERIES, '合成第77人民医院'])
    console.log(
      `${JSON.stringify(q).padEnd(18)} ${stats(time(() => searchSites({ ctx, input: { q, limit: 20 } }), 10))}`,
    );

  console.log('\n## audit chain');
  const N = 100_000;
  const t1 = performance.now();
  inTransaction(handle.db, (tx) => {
    for (let i = 0; i < N; i++)
      writeAuditEvent(
        tx,
        { actor: null, now: Date.now, requestId: 'bench' },
        { action: 'seed.demo', entityType: 'system', entityId: String(i), after: { hospitals: 0, users: 0, i } },
      );
  });
  const writeMs = performance.now() - t1;
  console.log(
    `append ${N} events in one transaction: ${(writeMs / 1000).toFixed(2)} s (${((writeMs * 1000) / N).toFixed(0)} µs/event)`,
  );
  const t2 = performance.now();
  const verdict = verifyAuditChain(handle.db);
  console.log(`verify ${verdict.count} events: ${((performance.now() - t2) / 1000).toFixed(2)} s, ok=${verdict.ok}`);

  console.log('\n## password hashing (scrypt N=2^15, r=8)');
  const hashes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await hashPassword('correct horse battery staple');
    hashes.push(performance.now() - t);
  }
  console.log(`hash ${stats(hashes)}`);
}

await main();
await benchRegistryImport();
