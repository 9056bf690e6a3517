import { CAPABILITIES, DISEASE_AREA_EN } from '@ctp/contracts';
import {
  type Db,
  hospitalCapabilities,
  hospitalSpecialties,
  investigators,
  organisationAliases,
  organisations,
  replaceHospitalSearchDocument,
  specialtyCatalogue,
  specialtyDiseaseAreas,
  type Tx,
} from '@ctp/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';

/** Pinyin initials and full pinyin of a Chinese name: 江苏省肿瘤医院 → "jsszlyy jiangsushengzhongliuyiyuan". */
export function pinyinKeys(text: string): string[] {
  const han = text.replace(/[^\u3400-\u9fff]/gu, '');
  if (!han) return [];
  const initials = pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  const full = pinyin(han, { toneType: 'none', type: 'array' }).join('');
  return [initials, full];
}

/**
 * Rebuilds one hospital's search document from its profile. Called inside the transaction of every profile change
 * (and by the seed), so search never disagrees with the profile.
 */
export function rebuildHospitalSearchDocument(tx: Tx | Db, hospitalId: string): void {
  const org = tx.select().from(organisations).where(eq(organisations.id, hospitalId)).get();
  if (org?.kind !== 'hospital') return;
  const aliases = tx
    .select({ alias: organisationAliases.alias })
    .from(organisationAliases)
    .where(eq(organisationAliases.orgId, hospitalId))
    .all();
  const specs = tx
    .select({ id: hospitalSpecialties.id, nameAsFiled: hospitalSpecialties.nameAsFiled, cat: specialtyCatalogue })
    .from(hospitalSpecialties)
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .where(and(eq(hospitalSpecialties.hospitalOrgId, hospitalId), isNull(hospitalSpecialties.retiredAt)))
    .all();
  const specIds = specs.map((s) => s.id);
  const diseases = specIds.length
    ? tx
        .select({ d: specialtyDiseaseAreas.diseaseArea })
        .from(specialtyDiseaseAreas)
        .where(inArray(specialtyDiseaseAreas.hospitalSpecialtyId, specIds))
        .all()
    : [];
  const pis = tx
    .select({ name: investigators.name })
    .from(investigators)
    .where(and(eq(investigators.hospitalOrgId, hospitalId), isNull(investigators.retiredAt)))
    .all();
  const caps = tx
    .select({ code: hospitalCapabilities.capabilityCode })
    .from(hospitalCapabilities)
    .where(eq(hospitalCapabilities.hospitalOrgId, hospitalId))
    .all();
  const names = [org.nameZh, org.nameEn, org.shortName, ...aliases.map((a) => a.alias)].filter((n): n is string =>
    Boolean(n),
  );
  const specialtyTexts = specs
    .flatMap((s) => [s.cat.nameZh, s.cat.nameEn, s.nameAsFiled, ...s.cat.aliasesZh.split(';')])
    .filter((n): n is string => Boolean(n));
  const capTexts = caps.flatMap((c) => {
    const v = CAPABILITIES.find((x) => x.code === c.code);
    return v ? [v.zh, v.en] : [];
  });
  const initials = new Set(
    [...names, ...specs.map((s) => s.cat.nameZh), ...pis.map((p) => p.name)].flatMap(pinyinKeys),
  );
  // FTS tokens must not be glued across entries: separate them with " | ".
  replaceHospitalSearchDocument(tx, {
    hospitalId,
    names: [...new Set(names)].join(' | '),
    specialties: [...new Set(specialtyTexts)].join(' | '),
    // Chinese as filed, plus the English name where the dictionary has one ("lung cancer" finds 肺癌).
    diseases: [...new Set(diseases.flatMap((d) => [d.d, DISEASE_AREA_EN[d.d] ?? '']).filter(Boolean))].join(' | '),
    investigators: pis.map((p) => p.name).join(' | '),
    capabilities: capTexts.join(' | '),
    initials: [...initials].join(' '),
  });
}
