import { normaliseInstitutionName } from '../../organisations/normalise-name.ts';
import { cityKey, isChina } from './places.ts';
import { guardedSimilarity, type NameFeatures, nameFeatures, tokenSimilarity } from './similarity.ts';

/**
 * Registry location → platform hospital (issue 13). Pure: built once per import from the alias table, the
 * hospitals' cities and the admin's remembered decisions, then asked per location.
 *
 * Order: a remembered decision for this name (and city) → an exact normalised alias → a masked site name →
 * a fuzzy match above FUZZY_THRESHOLD, ahead of any other hospital by FUZZY_MARGIN, with the location's city
 * equal to the hospital's → otherwise the review queue. An exact alias with a city that disagrees is queued too:
 * "东南大学附属中大医院" listed in 天津市 is not linked. A wrong assignment is worse than a queued one.
 */

export const FUZZY_THRESHOLD = 0.85;
export const FUZZY_MARGIN = 0.1;
/** Candidates shown in the queue: the best hospitals scoring at least this much. */
const CANDIDATE_FLOOR = 0.3;
const MAX_CANDIDATES = 3;

export type AliasEntry = { hospitalId: string; alias: string };
export type HospitalPlace = { id: string; city: string | null };
export type RememberedDecision = {
  nameNorm: string;
  /** '*' for a rejection of the name in any city. */
  cityKey: string;
  decision: 'hospital' | 'rejected';
  hospitalId: string | null;
};

export type RegistryLocation = { name: string; city?: string | null; country?: string | null };
export type Candidate = { hospitalId: string; score: number; alias: string };
export type QueueReason = 'unknown_name' | 'city_disagrees' | 'below_threshold' | 'ambiguous' | 'no_city';

export type Resolution =
  | { kind: 'resolved'; hospitalId: string; method: 'alias' | 'fuzzy' | 'review'; score: number }
  | { kind: 'rejected'; reason: 'remembered' | 'masked_site' | 'empty_name' }
  | { kind: 'queued'; because: QueueReason; candidates: Candidate[] }
  | { kind: 'not_applicable' };

type IndexedAlias = { hospitalId: string; alias: string; features: NameFeatures };

/** Masked or placeholder sites: never a hospital, never queued ("Local Institution - 0266", "Research Site 12"). */
const MASKED_SITE =
  /^(?:local institution|investigational site|research site|study site|clinical site|site)\s*[-#:]?\s*\d*$/i;

export type Resolver = {
  resolve(location: RegistryLocation): Resolution & { nameNorm: string; cityKey: string };
  /** Best candidates for a name regardless of city (the queue shows them). */
  candidates(name: string): Candidate[];
};

export function buildResolver({
  aliases,
  hospitals,
  decisions,
}: {
  aliases: AliasEntry[];
  hospitals: HospitalPlace[];
  decisions: RememberedDecision[];
}): Resolver {
  const exact = new Map<string, Set<string>>();
  const indexed: IndexedAlias[] = [];
  for (const a of aliases) {
    const norm = normaliseInstitutionName(a.alias);
    if (!norm) continue;
    const ids = exact.get(norm) ?? new Set<string>();
    ids.add(a.hospitalId);
    exact.set(norm, ids);
    indexed.push({ hospitalId: a.hospitalId, alias: a.alias, features: nameFeatures(a.alias) });
  }
  const cityOf = new Map(hospitals.map((h) => [h.id, cityKey(h.city)]));
  const remembered = new Map(decisions.map((d) => [`${d.nameNorm}\u0000${d.cityKey}`, d]));
  const memo = new Map<string, Resolution>();

  /** Per hospital, its best alias by plain similarity (shown to the admin) and by the guarded score (trusted). */
  function rank(name: string) {
    const features = nameFeatures(name);
    const plain = new Map<string, Candidate>();
    const trusted = new Map<string, Candidate>();
    for (const a of indexed) {
      const keep = (into: Map<string, Candidate>, score: number) => {
        const prev = into.get(a.hospitalId);
        if (score > 0 && (!prev || score > prev.score))
          into.set(a.hospitalId, { hospitalId: a.hospitalId, score: Math.round(score * 1000) / 1000, alias: a.alias });
      };
      keep(plain, tokenSimilarity(features, a.features));
      keep(trusted, guardedSimilarity(features, a.features));
    }
    const order = (m: Map<string, Candidate>) =>
      [...m.values()].sort((x, y) => y.score - x.score || x.hospitalId.localeCompare(y.hospitalId));
    return { plain: order(plain), trusted: order(trusted) };
  }

  const shown = (ranked: Candidate[]) => ranked.filter((c) => c.score >= CANDIDATE_FLOOR).slice(0, MAX_CANDIDATES);

  function decide(name: string, nameNorm: string, city: string): Resolution {
    if (!nameNorm) return { kind: 'rejected', reason: 'empty_name' };
    const byCity = remembered.get(`${nameNorm}\u0000${city}`);
    if (byCity?.decision === 'hospital' && byCity.hospitalId)
      return { kind: 'resolved', hospitalId: byCity.hospitalId, method: 'review', score: 1 };
    if (byCity?.decision === 'rejected' || remembered.get(`${nameNorm}\u0000*`)?.decision === 'rejected')
      return { kind: 'rejected', reason: 'remembered' };

    const agrees = (hospitalId: string) => {
      const hospitalCity = cityOf.get(hospitalId) ?? '';
      return city === '' || hospitalCity === '' || hospitalCity === city;
    };
    const exactIds = exact.get(nameNorm);
    if (exactIds) {
      const ids = [...exactIds];
      const candidates = ids.map((hospitalId) => ({ hospitalId, score: 1, alias: name }));
      if (ids.length > 1) return { kind: 'queued', because: 'ambiguous', candidates };
      if (agrees(ids[0]!)) return { kind: 'resolved', hospitalId: ids[0]!, method: 'alias', score: 1 };
      return { kind: 'queued', because: 'city_disagrees', candidates };
    }
    if (MASKED_SITE.test(name.normalize('NFKC').trim())) return { kind: 'rejected', reason: 'masked_site' };

    const { plain, trusted } = rank(name);
    const candidates = shown(plain);
    const top = trusted[0];
    if (!top || top.score < FUZZY_THRESHOLD)
      return { kind: 'queued', because: plain.length > 0 ? 'below_threshold' : 'unknown_name', candidates };
    // Any other hospital close by plain similarity makes it a guess.
    const runnerUp = plain.find((c) => c.hospitalId !== top.hospitalId)?.score ?? 0;
    if (top.score - runnerUp < FUZZY_MARGIN) return { kind: 'queued', because: 'ambiguous', candidates };
    // A fuzzy match needs a city, and the hospital's: the name alone ("… of Nanjing Medical University") is no proof.
    if (city === '') return { kind: 'queued', because: 'no_city', candidates };
    if (cityOf.get(top.hospitalId) !== city) return { kind: 'queued', because: 'city_disagrees', candidates };
    return { kind: 'resolved', hospitalId: top.hospitalId, method: 'fuzzy', score: top.score };
  }

  return {
    resolve(location) {
      const nameNorm = normaliseInstitutionName(location.name);
      const city = cityKey(location.city);
      if (!isChina(location.country)) return { kind: 'not_applicable', nameNorm, cityKey: city };
      const key = `${nameNorm}\u0000${city}`;
      let resolution = memo.get(key);
      if (!resolution) {
        resolution = decide(location.name, nameNorm, city);
        memo.set(key, resolution);
      }
      return { ...resolution, nameNorm, cityKey: city };
    },
    candidates: (name) => shown(rank(name).plain),
  };
}
