import {
  type AliasKind,
  HOSPITAL_LEVELS,
  HOSPITAL_TYPES,
  type HospitalLevel,
  type HospitalType,
  isEcRole,
  ROLE_ORG_KINDS,
  universityOf,
} from '@ctp/contracts';
import type { Db } from '@ctp/db';
import { ethicsCommittees, memberships, organisationAliases, organisations, users } from '@ctp/db';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { hashPassword } from '../auth/password.ts';
import type { AuditCtx } from '../context.ts';
import { newId } from '../ids.ts';
import { normaliseInstitutionName } from '../organisations/normalise-name.ts';
import { inTransaction } from '../transaction.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { seedDemoBases } from './demo-bases.ts';
import { demoNumber, seedDemoCapacity } from './demo-capacity.ts';
import { seedDemoCommittees } from './demo-committees.ts';
import { seedDemoHistory } from './demo-history.ts';
import { seedDemoProjects } from './demo-projects.ts';
import { isDemoProviderKey, seedDemoProviders } from './demo-providers.ts';
import { seedDemoRecognition } from './demo-recognition.ts';
import { seedDemoRegistries } from './demo-registries.ts';
import { seedDemoTrials } from './demo-trials.ts';
import { ensureReferenceData } from './reference-catalogue.ts';
import { type AliasRef, type HospitalRef, loadAliases, loadHospitals } from './reference-data.ts';

export const hospitalId = (code: string) => `hosp-${code}`;
export const committeeId = (code: string) => `ec-${code}`;

/** Organisations that are not hospitals. Sponsor and CRO names are invented and say so. */
const OTHER_ORGS = [
  { key: 'platform', kind: 'platform', nameZh: 'CTP 平台运营中心', nameEn: 'CTP Platform Operations' },
  {
    key: 'commission',
    kind: 'commission',
    nameZh: '南京市卫生健康委员会',
    nameEn: 'Nanjing Municipal Health Commission',
  },
  {
    key: 'sponsor-zijin',
    kind: 'sponsor',
    nameZh: '紫金山生物医药有限公司（演示）',
    nameEn: 'Zijinshan Biopharma Co., Ltd. (demo)',
  },
  {
    key: 'sponsor-qinhuai',
    kind: 'sponsor',
    nameZh: '秦淮创新药业股份有限公司（演示）',
    nameEn: 'Qinhuai Innovative Pharma (demo)',
  },
  {
    key: 'cro-changjiang',
    kind: 'cro',
    nameZh: '长江临床研究服务有限公司（演示）',
    nameEn: 'Changjiang Clinical Research Services (demo)',
  },
  // Real Nanjing universities, members of the demo collaborative bases (issue 18; the bases themselves are invented).
  { key: 'univ-nju', kind: 'university', nameZh: '南京大学', nameEn: 'Nanjing University' },
  { key: 'univ-seu', kind: 'university', nameZh: '东南大学', nameEn: 'Southeast University' },
  { key: 'univ-njmu', kind: 'university', nameZh: '南京医科大学', nameEn: 'Nanjing Medical University' },
  { key: 'univ-cpu', kind: 'university', nameZh: '中国药科大学', nameEn: 'China Pharmaceutical University' },
  { key: 'univ-njucm', kind: 'university', nameZh: '南京中医药大学', nameEn: 'Nanjing University of Chinese Medicine' },
] as const;

const orgIdOf = (key: string) =>
  OTHER_ORGS.some((o) => o.key === key) || isDemoProviderKey(key) ? `org-${key}` : hospitalId(key);

function levelOf(raw: string): HospitalLevel | null {
  if ((HOSPITAL_LEVELS as readonly string[]).includes(raw)) return raw as HospitalLevel;
  return raw.startsWith('三级') ? '三级' : null; // "三级（甲等未核实）" → 三级; "unknown" → not shown
}

function typeOf(raw: string): HospitalType | null {
  return (HOSPITAL_TYPES as readonly string[]).includes(raw) ? (raw as HospitalType) : null;
}

function hospitalRow(h: HospitalRef, now: number) {
  const filingNo = /药临床机构备字\d+/.exec(h.nmpa_drug_filing)?.[0] ?? null;
  const hasPhase1 = h.phase1_unit === 'yes';
  return {
    id: hospitalId(h.code),
    code: h.code,
    kind: 'hospital' as const,
    nameZh: h.name_zh,
    nameEn: h.name_en || null,
    shortName: h.short_zh || null,
    // The reference list is nanjing-hospitals.csv: every row is in Nanjing (registry name resolution needs it).
    city: '南京市',
    district: h.district || null,
    level: levelOf(h.level),
    hospitalType: typeOf(h.type),
    parentUniversity: universityOf(h.parent_university),
    address: h.address_zh || null,
    lat: h.lat ? Number(h.lat) : null,
    lon: h.lon ? Number(h.lon) : null,
    nmpaDrugFilingNo: filingNo,
    nmpaDrugFilingDate: null,
    deviceFilingNo: null,
    // Invented capacity, flagged by isDemoData; the reference data holds no capacity figures.
    phase1Beds: hasPhase1 ? demoNumber(`${h.code}:p1`, 16, 60) : null,
    phase1FilingDate: null,
    totalBeds: demoNumber(`${h.code}:beds`, 800, 4500),
    isDemoData: true,
    createdAt: now,
    updatedAt: now,
  };
}

/** What sort of name a reference alias is, from its source note ("ctgov", "name before 2018", …). */
function aliasKindOf(a: AliasRef): AliasKind {
  if (/former|before|until/i.test(a.source)) return 'former';
  if (/^(?:ctgov|ctr)\b/.test(a.source)) return 'registry';
  return a.lang === 'en' ? 'english' : 'other';
}

export type SeedResult = { seeded: boolean; hospitals: number; users: number };

/**
 * Seeds the Nanjing demo on an empty database: real hospitals (names, districts, levels, aliases from the
 * reference data) with invented capacity, their ethics committees, the commission, invented sponsors/CROs and —
 * unless `withUsers` is false (production) — the demo accounts. Does nothing when organisations already exist.
 */
export async function seedDemo({
  db,
  ctx,
  withUsers,
  withHistory = false,
  withRosters = true,
  withRegistries = withHistory,
}: {
  db: Db;
  ctx: AuditCtx;
  withUsers: boolean;
  /** 24 months of history for the commission's dashboards (issue 7); off in tests that expect a quiet demo. */
  withHistory?: boolean;
  /** The demo committees' rosters (issue 5); tests that build their own roster through the use-case pass false. */
  withRosters?: boolean;
  /** The real registry samples (issue 13), imported as the platform: registry history on the profiles. */
  withRegistries?: boolean;
}): Promise<SeedResult> {
  if (db.select({ id: organisations.id }).from(organisations).limit(1).get()) {
    return { seeded: false, hospitals: 0, users: 0 };
  }
  const hospitals = loadHospitals();
  const aliases = loadAliases();
  // One hash for every demo account: they share a published password anyway, and it keeps seeding fast.
  const passwordHash = withUsers ? await hashPassword(DEMO_PASSWORD) : '';
  const now = ctx.now();
  const codes = new Set(hospitals.map((h) => h.code));
  ensureReferenceData({ db, ctx });

  inTransaction(db, (tx) => {
    for (const o of OTHER_ORGS) {
      tx.insert(organisations)
        .values({
          id: orgIdOf(o.key),
          code: o.key,
          kind: o.kind,
          nameZh: o.nameZh,
          nameEn: o.nameEn,
          isDemoData: o.kind !== 'commission' && o.kind !== 'platform',
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    for (const h of hospitals) {
      tx.insert(organisations).values(hospitalRow(h, now)).run();
      tx.insert(ethicsCommittees)
        .values({
          id: committeeId(h.code),
          hospitalOrgId: hospitalId(h.code),
          nameZh: `${h.name_zh.replace(/（.*）$/, '')}医学伦理委员会`,
          nameEn: h.name_en ? `Medical Ethics Committee of ${h.name_en.replace(/\s*\(.*\)$/, '')}` : null,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    const seen = new Set<string>();
    const addAlias = (code: string, alias: string, lang: 'zh' | 'en', source: string | null, kind: AliasKind) => {
      const norm = normaliseInstitutionName(alias);
      if (!norm || seen.has(norm)) return;
      seen.add(norm);
      tx.insert(organisationAliases)
        .values({ orgId: hospitalId(code), alias, aliasNorm: norm, lang, source, kind })
        .run();
    };
    for (const h of hospitals) {
      addAlias(h.code, h.name_zh, 'zh', 'name', 'name');
      if (h.name_en) addAlias(h.code, h.name_en, 'en', 'name', 'name');
      if (h.short_zh) addAlias(h.code, h.short_zh, 'zh', 'short name', 'short');
    }
    for (const a of aliases)
      if (codes.has(a.code)) addAlias(a.code, a.alias, a.lang === 'en' ? 'en' : 'zh', a.source, aliasKindOf(a));

    let userCount = 0;
    let piUserId: string | null = null;
    // Invented service providers (issue 18) are demo data: with the demo accounts only, like the bases.
    const providerCount = withUsers ? seedDemoProviders(tx, now) : 0;
    if (withUsers) {
      for (const account of DEMO_ACCOUNTS) {
        const userId = newId();
        if (account.email === 'pi@demo.ctp') piUserId = userId;
        tx.insert(users)
          .values({
            id: userId,
            email: account.email,
            name: account.name,
            passwordHash,
            passwordChangedAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .run();
        for (const [i, m] of account.memberships.entries()) {
          const orgId = orgIdOf(m.org);
          const kind =
            OTHER_ORGS.find((o) => o.key === m.org)?.kind ?? (isDemoProviderKey(m.org) ? 'provider' : 'hospital');
          if (!ROLE_ORG_KINDS[m.role].includes(kind))
            throw new Error(`demo account ${account.email}: ${m.role} cannot belong to ${kind}`);
          tx.insert(memberships)
            .values({
              id: newId(),
              userId,
              orgId,
              role: m.role,
              committeeId: isEcRole(m.role) ? committeeId(m.org) : null,
              // The listed order is the default order: the first membership is active at sign-in.
              createdAt: now + i,
            })
            .run();
        }
        userCount++;
      }
    }
    seedDemoCapacity(tx, now, hospitalId, piUserId);
    writeAuditEvent(tx, ctx, {
      action: 'seed.demo',
      entityType: 'system',
      entityId: 'demo',
      after: {
        organisations: OTHER_ORGS.length + hospitals.length + providerCount,
        hospitals: hospitals.length,
        providers: providerCount,
        users: userCount,
      },
    });
  });
  // Trials go through the use-cases (their own transactions), after the organisations and users exist.
  if (withUsers) seedDemoTrials(db, { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } }, now);
  // With the history, the agreement dates from before it (its recognitions need the agreement in place first).
  if (withUsers)
    seedDemoRecognition(
      db,
      { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } },
      now,
      withHistory ? now - 760 * 86_400_000 : now,
    );
  if (withUsers && withRosters)
    seedDemoCommittees(db, { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } }, now);
  if (withUsers && withHistory)
    seedDemoHistory(db, { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } }, now);
  if (withUsers) seedDemoBases(db, { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } }, now);
  if (withRegistries) seedDemoRegistries(db, ctx);
  // Key technology projects link the demo trials: only with the history, since the shared test template (without it)
  // is expected to hold no key project (tests flag their own).
  if (withUsers && withHistory)
    seedDemoProjects(db, { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } }, now);
  return { seeded: true, hospitals: hospitals.length, users: withUsers ? DEMO_ACCOUNTS.length : 0 };
}
