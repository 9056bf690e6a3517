import type { SponsorClass } from '@ctp/contracts';
import type { MetricFacts } from './facts.ts';

/** Slicing the facts: by district, hospital or specialty, and by the commission's filters. */

type Keyed = { hospitalId: string; district: string | null; specialtyCode?: string; specialtyCodes?: string[] };
export type Grouping = 'district' | 'hospital' | 'specialty';

/** The facts of one group (district, hospital or specialty code): every list narrowed the same way. */
export function factsOf(facts: MetricFacts, pred: (row: Keyed) => boolean): MetricFacts {
  return {
    specialties: facts.specialties.filter((f) => pred({ ...f, specialtyCode: f.code })),
    investigators: facts.investigators.filter(pred),
    sites: facts.sites.filter(pred),
    submissions: facts.submissions.filter(pred),
    recognitions: facts.recognitions.filter(pred),
    recognitionAvailable: facts.recognitionAvailable,
  };
}

export function groupKeys(facts: MetricFacts, by: Grouping): { key: string; label: string }[] {
  const out = new Map<string, string>();
  for (const f of facts.specialties) {
    if (by === 'district') out.set(f.district ?? '—', f.district ?? '—');
    else if (by === 'hospital') out.set(f.hospitalId, f.hospitalName);
    else out.set(f.code, f.name);
  }
  for (const s of facts.sites) {
    if (by === 'district') out.set(s.district ?? '—', s.district ?? '—');
    else if (by === 'hospital') out.set(s.hospitalId, s.hospitalName);
    else out.set(s.specialtyCode, s.specialtyName);
  }
  return [...out].map(([key, label]) => ({ key, label }));
}

export function inGroup(by: Grouping, key: string) {
  return (row: Keyed) =>
    by === 'district'
      ? (row.district ?? '—') === key
      : by === 'hospital'
        ? row.hospitalId === key
        : row.specialtyCode === key || (row.specialtyCodes?.includes(key) ?? false);
}

export type FactFilter = {
  district?: string;
  hospitalId?: string;
  committeeHospitalId?: string;
  committeeId?: string;
  specialtyCode?: string;
  trialType?: string;
  phase?: string;
  sponsorClass?: SponsorClass;
  /** Only these trials (a base's or a project's): narrows sites and reviews, like the other trial filters. */
  trialIds?: ReadonlySet<string>;
};

/** Narrows the facts to the commission's filters; trial filters narrow sites and reviews, not the filed capacity. */
export function filterFacts(facts: MetricFacts, f: FactFilter): MetricFacts {
  const place = (r: { hospitalId: string; district: string | null }) =>
    (!f.district || r.district === f.district) &&
    (!f.hospitalId || r.hospitalId === f.hospitalId) &&
    (!f.committeeHospitalId || r.hospitalId === f.committeeHospitalId);
  const trial = (r: { trialId: string; trialType: string; phase: string; sponsorClass: SponsorClass }) =>
    (!f.trialIds || f.trialIds.has(r.trialId)) &&
    (!f.trialType || r.trialType === f.trialType) &&
    (!f.phase || r.phase === f.phase) &&
    (!f.sponsorClass || r.sponsorClass === f.sponsorClass);
  const spec = (code: string) => !f.specialtyCode || code === f.specialtyCode;
  return {
    specialties: facts.specialties.filter((x) => place(x) && spec(x.code)),
    investigators: facts.investigators.filter(
      (x) => place(x) && (!f.specialtyCode || x.specialtyCodes.includes(f.specialtyCode)),
    ),
    sites: facts.sites.filter((x) => place(x) && trial(x) && spec(x.specialtyCode)),
    submissions: facts.submissions.filter(
      (x) => place(x) && trial(x) && spec(x.specialtyCode) && (!f.committeeId || x.committeeId === f.committeeId),
    ),
    recognitions: facts.recognitions.filter(
      (x) => place(x) && trial(x) && spec(x.specialtyCode) && (!f.committeeId || x.committeeId === f.committeeId),
    ),
    recognitionAvailable: facts.recognitionAvailable,
  };
}
