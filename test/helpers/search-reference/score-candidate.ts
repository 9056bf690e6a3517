import {
  CAPABILITIES,
  DISEASE_AREA_EN,
  investigatorLevelLabel,
  type Locale,
  reasonText,
  type SiteSearchItem,
  STALE_AFTER_DAYS,
  titleLabel,
} from '@ctp/contracts';
import type { HospitalCapacity, SpecialtyCapacity } from '../../../packages/domain/src/capacity/load-capacity.ts';
import type { SitePerformance } from '../../../packages/domain/src/capacity/site-performance.ts';
import { inLocale, joinNames, nameIn, personIn } from '../../../packages/domain/src/presentation/in-locale.ts';
import type { ConditionEntry } from '../../../packages/domain/src/vocabulary/condition-vocabulary.ts';
import { lookupCondition } from '../../../packages/domain/src/vocabulary/condition-vocabulary.ts';
import { type ConditionExperience, RECENT_YEARS } from './registry-experience.ts';
import { type ConditionHit, includesText, specialtyNameMatches, type TermHit } from './site-match.ts';

export type Candidate = {
  h: HospitalCapacity;
  hits: TermHit[];
  /** Condition terms of the query and the condition filter, with what each found here. */
  conditionHits: ConditionHit[];
  /** The query names this hospital exactly (an alias as recorded), so it ranks first. */
  alias: string | null;
  relevance: number;
  /** Specialties the query is about (matched by text or by the filters); all when neither applies. */
  relevant: SpecialtyCapacity[];
  focused: boolean;
};

const DAY = 86_400_000;

export function specName(s: SpecialtyCapacity, locale: Locale): string {
  return inLocale(locale, { zh: s.nameAsFiled ?? s.name, en: s.nameEn });
}

const entryName = (e: ConditionEntry, locale: Locale) => inLocale(locale, e);

/** A filed area in the reader's language: the vocabulary's English name when the area is exactly one of its terms. */
function areaLabel(area: string, locale: Locale): string {
  return inLocale(locale, { zh: area, en: lookupCondition(area)?.en ?? area });
}

/** Every form of a filed area a free-text term may have hit (as filed, the English of the search document). */
const areaTexts = (area: string) => [area, DISEASE_AREA_EN[area], lookupCondition(area)?.en];

const joined = (values: string[], locale: Locale, max: number) => joinNames(locale, values, max);

/** One sentence per condition: the filed areas it found, or the broader area it went through, or the specialty. */
function conditionReason(hit: ConditionHit, relevant: Set<SpecialtyCapacity>, locale: Locale): string | null {
  const inScope = (s: SpecialtyCapacity) => relevant.has(s);
  const within = hit.areas.filter((a) => a.relation === 'within' && inScope(a.spec));
  const parents = hit.areas
    .filter((a) => a.relation === 'parent' && inScope(a.spec))
    .sort((a, b) => a.distance - b.distance);
  const specs = (list: SpecialtyCapacity[]) =>
    joined(
      list.map((s) => specName(s, locale)),
      locale,
      2,
    );
  if (within.length)
    return reasonText(locale, 'diseaseMatch', {
      disease: joined(
        within.map((a) => areaLabel(a.area.diseaseArea, locale)),
        locale,
        3,
      ),
      specialty: specs(within.map((a) => a.spec)),
    });
  if (parents.length)
    return reasonText(locale, 'diseaseViaParent', {
      query: entryName(hit.term.entry, locale),
      area: areaLabel(parents[0]!.area.diseaseArea, locale),
      specialty: specs(parents.filter((p) => p.areaEntry === parents[0]!.areaEntry).map((a) => a.spec)),
    });
  const mapped = hit.mapped.filter(inScope);
  if (mapped.length)
    return reasonText(locale, 'diseaseViaSpecialty', {
      query: entryName(hit.term.entry, locale),
      specialty: specs(mapped),
    });
  return null;
}

/** Reasons for what the text matched, strongest evidence first. */
function matchReasons(c: Candidate, locale: Locale): string[] {
  const { h } = c;
  const out: { weight: number; text: string }[] = [];
  if (c.alias) out.push({ weight: 2, text: reasonText(locale, 'aliasMatch', { alias: nameIn(locale, c.alias) }) });
  const seen = new Set<string>();
  for (const hit of [...c.hits].sort((a, b) => b.weight - a.weight)) {
    // The exact name match says it all; the single words of the name need no sentence each.
    if (c.alias && (hit.column === 'names' || hit.column === 'initials')) continue;
    const key = `${hit.text}\u0000${hit.column}`;
    if (seen.has(key) || (seen.has(hit.text) && hit.column !== 'names')) continue;
    seen.add(key);
    seen.add(hit.text);
    let text: string | null = null;
    if (hit.column === 'names') text = reasonText(locale, 'nameMatch', { term: nameIn(locale, hit.text) });
    else if (hit.column === 'initials') text = reasonText(locale, 'pinyinMatch', { term: hit.text });
    else if (hit.column === 'capabilities') {
      const cap = CAPABILITIES.find((x) => includesText([x.zh, x.en], hit.text) && h.capabilities.includes(x.code));
      if (cap) text = reasonText(locale, 'capabilityMatch', { capability: inLocale(locale, cap) });
    } else if (hit.column === 'investigators') {
      const pi = h.investigators.find((i) => i.name.includes(hit.text));
      if (pi)
        text = reasonText(locale, 'investigatorMatch', {
          name: personIn(locale, pi.name),
          title: titleLabel(pi.title, locale),
        });
    } else if (hit.column === 'diseases') {
      const spec = c.relevant.find((s) => s.diseaseAreas.some((d) => includesText(areaTexts(d.diseaseArea), hit.text)));
      const area = spec?.diseaseAreas.find((d) => includesText(areaTexts(d.diseaseArea), hit.text));
      if (spec && area)
        text = reasonText(locale, 'diseaseMatch', {
          disease: areaLabel(area.diseaseArea, locale),
          specialty: specName(spec, locale),
        });
    } else {
      const spec = c.relevant.find((s) => specialtyNameMatches(s, hit.text));
      if (spec) text = reasonText(locale, 'specialtyMatch', { specialty: specName(spec, locale) });
    }
    if (text) out.push({ weight: hit.weight, text });
  }
  const relevant = new Set(c.relevant);
  for (const hit of c.conditionHits) {
    const text = conditionReason(hit, relevant, locale);
    if (text) out.push({ weight: 0.6, text });
  }
  return out.sort((a, b) => b.weight - a.weight).map((r) => r.text);
}

/**
 * Patients seen a year in what the query is about: the areas a condition matched (only those: a 病种 filter for 肺癌
 * counts 肺癌, not every disease of the specialties that treat it), else the areas a free-text term hit, else all
 * areas of the relevant specialties.
 */
function annualPatients(c: Candidate): number {
  if (c.conditionHits.length) {
    // The filter is the narrower statement ("肿瘤" asked, 肺癌 filtered: count 肺癌).
    const onlyFilter = c.conditionHits.some((x) => x.fromFilter);
    // An area row is one object per specialty and area: count each once.
    const counted = new Set<object>();
    let n = 0;
    for (const hit of c.conditionHits) {
      if (onlyFilter && !hit.fromFilter) continue;
      for (const a of hit.areas) {
        if (counted.has(a.area) || !c.relevant.includes(a.spec)) continue;
        counted.add(a.area);
        n += a.area.annualPatients ?? 0;
      }
    }
    return n;
  }
  const diseaseTerms: string[] = [];
  for (const x of c.hits) if (x.column === 'diseases') diseaseTerms.push(x.text);
  let n = 0;
  for (const s of c.relevant)
    for (const d of s.diseaseAreas)
      if (!diseaseTerms.length || diseaseTerms.some((t) => includesText(areaTexts(d.diseaseArea), t)))
        n += d.annualPatients ?? 0;
  return n;
}

/** The figures a candidate is ranked by; reasons are written only for the page that is returned. */
export type Fit = {
  score: number;
  freeSlots: number;
  best: SpecialtyCapacity | undefined;
  patients: number;
  senior: SpecialtyCapacity['investigators'][number] | undefined;
  /** Registry points added (0 without a searched condition). */
  registryPts: number;
};

/** The searched condition's registry history at a hospital, when the query or filter names a vocabulary entry. */
export type RegistryFit = { entry: ConditionEntry; experience: ConditionExperience };

/** Registry history weighs little beside capacity and relevance: a sponsor's past is evidence, not availability. */
export const REGISTRY_POINTS_PER_TRIAL = 0.5;
export const REGISTRY_POINTS_MAX = 5;

export function registryPoints(r: RegistryFit | null): number {
  if (!r) return 0;
  return Math.min(REGISTRY_POINTS_MAX, REGISTRY_POINTS_PER_TRIAL * r.experience.recent);
}

/**
 * Score, with a query: relevance up to 55 (the weakest term's best evidence: name > pinyin > specialty > PI >
 * disease area > broader disease area > mapped specialty > capability), free slots in the best relevant specialty up
 * to 15 (full at 30), annual patients in the matched areas up to 10 (full at 10 000), a senior PI there 10 (正高) or
 * 6 (副高), capacity confirmed in the last 90 days 10. Without a query the non-text parts (45) are scaled to 100.
 * With a searched condition, registry trials in it in the last five years add 0.5 each, at most 5 (issue 13).
 */
export function fitOf(c: Candidate, hasQuery: boolean, registry: RegistryFit | null = null): Fit {
  let best: SpecialtyCapacity | undefined;
  let freeSlots = 0;
  let senior: Fit['senior'];
  let associate: Fit['senior'];
  for (const s of c.relevant) {
    if (!best || s.freeSlots > best.freeSlots) best = s;
    freeSlots += s.freeSlots;
    for (const p of s.investigators) {
      if (!senior && p.level === '正高') senior = p;
      if (!associate && p.level === '副高') associate = p;
    }
  }
  senior ??= associate;
  const capacityPts = best ? 15 * (Math.min(best.freeSlots, 30) / 30) : 0;
  const patients = annualPatients(c);
  const volumePts = 10 * (Math.min(patients, 10_000) / 10_000);
  const piPts = senior ? (senior.level === '正高' ? 10 : 6) : 0;
  const freshPts = c.h.stale ? 0 : 10;
  const rest = capacityPts + volumePts + piPts + freshPts; // out of 45
  const registryPts = registryPoints(registry);
  const raw = (hasQuery ? 55 * c.relevance + rest : (rest / 45) * 100) + registryPts;
  return { score: Math.max(0, Math.min(100, Math.round(raw))), freeSlots, best, patients, senior, registryPts };
}

/** The result card: the fit with the sentences that explain it, in the caller's language. */
export function scoreCandidate(
  c: Candidate,
  fit: Fit,
  now: number,
  locale: Locale,
  perf: SitePerformance | null,
  extraReasons: string[],
  registry: RegistryFit | null = null,
  /** How many specialties the card carries (`specialtiesPerItem`); all by default. */
  specialtiesShown = Number.POSITIVE_INFINITY,
): SiteSearchItem {
  const { h } = c;
  const { best, patients, senior, freeSlots } = fit;
  const reasons = matchReasons(c, locale);
  if (best)
    reasons.push(
      best.freeSlots > 0
        ? reasonText(locale, 'freeSlots', { specialty: specName(best, locale), n: best.freeSlots })
        : reasonText(locale, 'noFreeSlots', { specialty: specName(best, locale) }),
    );
  if (patients > 0 && c.focused) reasons.push(reasonText(locale, 'patients', { n: patients.toLocaleString(locale) }));
  if (senior)
    reasons.push(
      reasonText(locale, 'seniorPi', {
        level: investigatorLevelLabel(senior.level, locale),
        name: personIn(locale, senior.name),
        title: titleLabel(senior.title, locale),
      }),
    );
  else if (c.focused) reasons.push(reasonText(locale, 'noEligiblePi'));
  if (perf?.startupMedianDays != null) reasons.push(reasonText(locale, 'startup', { n: perf.startupMedianDays }));
  if (perf?.enrolmentRate != null) reasons.push(reasonText(locale, 'enrolment', { n: perf.enrolmentRate }));
  if (perf?.ethicsMedianWorkingDays != null)
    reasons.push(reasonText(locale, 'ethics', { n: perf.ethicsMedianWorkingDays }));
  if (registry) reasons.push(...registryReasons(registry, fit, locale));
  if (h.hasPhase1Unit) reasons.push(reasonText(locale, 'phase1'));
  reasons.push(...extraReasons);
  const days = h.org.capacityConfirmedAt === null ? null : Math.floor((now - h.org.capacityConfirmedAt) / DAY);
  if (h.stale) reasons.push(reasonText(locale, 'stale', { days: days ?? '∞' }));
  else reasons.push(reasonText(locale, 'fresh', { days: STALE_AFTER_DAYS }));

  return {
    hospitalId: h.org.id,
    name: h.org.nameZh,
    nameEn: h.org.nameEn,
    district: h.org.district,
    level: h.org.level,
    score: fit.score,
    // One sentence once: two terms can find the same area ("Disease area: 肺癌" twice was a defect).
    reasons: [...new Set(reasons)],
    specialties: c.relevant.slice(0, specialtiesShown).map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      maxConcurrentTrials: s.maxConcurrentTrials,
      activeTrials: s.activeTrials,
      freeSlots: s.freeSlots,
      diseaseAreas: s.diseaseAreas.map((d) => d.diseaseArea),
      investigators: s.investigators.map((i) => ({
        id: i.id,
        name: i.name,
        title: i.title,
        level: i.level,
        freeSlots: i.freeSlots,
        eligibleToLeadDrugTrial: i.eligibleToLeadDrugTrial,
      })),
    })),
    specialtyCount: c.relevant.length,
    stale: h.stale,
    capacityConfirmedAt: h.org.capacityConfirmedAt,
    hasPhase1Unit: h.hasPhase1Unit,
    capabilities: h.capabilities,
    freeSlots,
    performance: perf,
  };
}

/** "近 5 年 12 项肺癌试验 (3 项在招)", the competing recruiting trials, and what the history added to the score. */
function registryReasons(r: RegistryFit, fit: Fit, locale: Locale): string[] {
  const { experience: x } = r;
  const condition = inLocale(locale, { zh: r.entry.zh, en: r.entry.en.toLowerCase() });
  const out = [
    reasonText(locale, x.recent === 1 ? 'registryHistoryOne' : 'registryHistory', {
      years: RECENT_YEARS,
      n: x.recent,
      condition,
      recruiting: x.recentRecruiting,
    }),
  ];
  if (x.competingRecruiting > 0)
    out.push(
      reasonText(locale, x.competingRecruiting === 1 ? 'registryCompetingOne' : 'registryCompeting', {
        n: x.competingRecruiting,
      }),
    );
  if (fit.registryPts > 0)
    out.push(
      reasonText(locale, 'registryWeight', {
        points: Number(fit.registryPts.toFixed(1)),
        per: REGISTRY_POINTS_PER_TRIAL,
        max: REGISTRY_POINTS_MAX,
        years: RECENT_YEARS,
      }),
    );
  return out;
}
