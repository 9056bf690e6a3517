import { createHash } from 'node:crypto';
import { INVESTIGATOR_TITLES, TITLE_LEVEL } from '@ctp/contracts';
import {
  hospitalCapabilities,
  hospitalSpecialties,
  investigatorSpecialties,
  investigators,
  organisations,
  specialtyCatalogue,
  specialtyDiseaseAreas,
  type Tx,
} from '@ctp/db';
import { eq } from 'drizzle-orm';
import { rebuildHospitalSearchDocument } from '../capacity/search-document.ts';
import { newId } from '../ids.ts';
import {
  DEMO_CAPABILITIES,
  DEMO_SPECIALTIES,
  GIVEN_NAMES,
  STALE_DEMO_HOSPITALS,
  SURNAMES,
} from './demo-capacity-data.ts';
import { demoAnnualPatients, demoAreasOf, demoHospitalKind } from './demo-volumes.ts';

const DAY = 86_400_000;

/** A stable pseudo-random integer in [min, max], so the invented numbers are the same on every seed. */
export function demoNumber(seed: string, min: number, max: number): number {
  const n = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return min + (n % (max - min + 1));
}

function isoDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Seeds every demo hospital's specialties, disease areas, investigators and capabilities (invented numbers on real
 * hospitals), then indexes each hospital for search. `piUserId` links the demo investigator account to a PI record.
 */
export function seedDemoCapacity(
  tx: Tx,
  now: number,
  hospitalIdOf: (code: string) => string,
  piUserId: string | null,
): void {
  const catalogue = new Map(
    tx
      .select()
      .from(specialtyCatalogue)
      .all()
      .map((c) => [c.code, c]),
  );
  let nameIndex = 0;
  for (const [code, specialtyCodes] of Object.entries(DEMO_SPECIALTIES)) {
    const hospitalId = hospitalIdOf(code);
    const org = tx
      .select({ nameZh: organisations.nameZh, hospitalType: organisations.hospitalType, level: organisations.level })
      .from(organisations)
      .where(eq(organisations.id, hospitalId))
      .get();
    if (!org) continue;
    const kind = demoHospitalKind(org);
    for (const [i, specialtyCode] of specialtyCodes.entries()) {
      const cat = catalogue.get(specialtyCode);
      if (!cat) throw new Error(`demo specialty ${specialtyCode} is not in the catalogue`);
      const seed = `${code}:${specialtyCode}`;
      const specId = newId();
      const isPhase1 = specialtyCode.startsWith('phase1');
      tx.insert(hospitalSpecialties)
        .values({
          id: specId,
          hospitalOrgId: hospitalId,
          specialtyCode,
          nameAsFiled: null,
          filingDate: isoDate(now - demoNumber(`${seed}:filed`, 400, 2600) * DAY),
          scope: cat.scope,
          trialBeds: isPhase1 ? demoNumber(`${seed}:beds`, 12, 40) : demoNumber(`${seed}:beds`, 0, 12),
          maxConcurrentTrials: demoNumber(`${seed}:max`, 4, code === 'jsch' && specialtyCode === 'oncology' ? 60 : 30),
          createdAt: now + i,
          updatedAt: now + i,
        })
        .run();
      const areas = demoAreasOf(kind, specialtyCode);
      // A cancer hospital treats every cancer its specialties list; elsewhere a department files its main few.
      const filed =
        kind === 'cancer' ? areas.length : demoNumber(`${seed}:areas`, Math.min(2, areas.length), areas.length);
      for (const area of areas.slice(0, filed)) {
        tx.insert(specialtyDiseaseAreas)
          .values({
            hospitalSpecialtyId: specId,
            diseaseArea: area,
            annualPatients: demoAnnualPatients({
              kind,
              tertiaryA: org.level === '三级甲等',
              specialtyCode,
              area,
              jitter: demoNumber(`${seed}:${area}`, 0, 1000) / 1000,
            }),
          })
          .run();
      }
      const piCount = demoNumber(`${seed}:pis`, 1, 3);
      for (let p = 0; p < piCount; p++) {
        const linkDemoPi = code === 'jsph' && specialtyCode === 'oncology' && p === 0 && piUserId !== null;
        const name = linkDemoPi
          ? '吴研究'
          : `${SURNAMES[nameIndex % SURNAMES.length]}${GIVEN_NAMES[(nameIndex * 7) % GIVEN_NAMES.length]}`;
        nameIndex++;
        // Mostly senior staff; every so often a 主治医师, who is flagged as not eligible to lead a drug trial.
        const title = linkDemoPi
          ? '主任医师'
          : INVESTIGATOR_TITLES[[0, 0, 1, 1, 0, 2][demoNumber(`${seed}:${p}:t`, 0, 5)]!]!;
        const invId = newId();
        tx.insert(investigators)
          .values({
            id: invId,
            hospitalOrgId: hospitalId,
            userId: linkDemoPi ? piUserId : null,
            name,
            title,
            level: TITLE_LEVEL[title],
            gcpTrainingDate: isoDate(now - demoNumber(`${seed}:${p}:gcp`, 30, 1300) * DAY),
            maxConcurrentTrials: demoNumber(`${seed}:${p}:max`, 3, 10),
            createdAt: now,
            updatedAt: now,
          })
          .run();
        tx.insert(investigatorSpecialties).values({ investigatorId: invId, hospitalSpecialtyId: specId }).run();
      }
    }
    for (const capabilityCode of DEMO_CAPABILITIES[code] ?? []) {
      tx.insert(hospitalCapabilities).values({ hospitalOrgId: hospitalId, capabilityCode, createdAt: now }).run();
    }
    const confirmedDaysAgo = STALE_DEMO_HOSPITALS.has(code)
      ? demoNumber(`${code}:conf`, 100, 200)
      : demoNumber(`${code}:conf`, 1, 45);
    tx.update(organisations)
      .set({
        capacityConfirmedAt: now - confirmedDaysAgo * DAY,
        contactName: `${SURNAMES[demoNumber(`${code}:c`, 0, SURNAMES.length - 1)]}老师`,
        contactPhone: `025-8${demoNumber(`${code}:tel`, 1000000, 9999999)}`,
        contactEmail: `gcp@${code}.demo.ctp`,
      })
      .where(eq(organisations.id, hospitalId))
      .run();
    rebuildHospitalSearchDocument(tx, hospitalId);
  }
}
