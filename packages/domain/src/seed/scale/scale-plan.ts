/**
 * The sizes of a generated database (issue 16). National: about 1 500 NMPA-filed institutions and what hangs off
 * them; province: about 300. Everything else scales with the hospital count, so a test can ask for 30.
 */
export type ScalePlan = {
  name: string;
  hospitals: number;
  specialtiesPerHospital: number;
  investigatorsPerSpecialty: number;
  sponsors: number;
  cros: number;
  trials: number;
  /** Average sites per trial; the total is about trials × this. */
  sitesPerTrial: number;
  /** Submissions to reach in all (initial reviews first, then amendments, continuing reviews, SAE reports). */
  submissions: number;
  registryTrials: number;
  /** Sites of the one trial `trials.board` is measured on (issue 16: a sponsor with 200 sites). */
  boardTrialSites: number;
  /** Share of all trial sites placed at the demo's 江苏省人民医院, whose EC queue is measured (≈ 5 000 submissions). */
  busyHospitalShare: number;
  seed: number;
};

export const SCALE_NAMES = ['national', 'province'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export function scalePlan(name: ScaleName | 'custom', hospitals?: number, seed = 16): ScalePlan {
  const n = name === 'national' ? 1500 : name === 'province' ? 300 : (hospitals ?? 30);
  const f = n / 1500;
  return {
    name,
    hospitals: n,
    specialtiesPerHospital: 20,
    investigatorsPerSpecialty: 2,
    sponsors: Math.max(5, Math.round(400 * f)),
    cros: Math.max(2, Math.round(60 * f)),
    trials: Math.max(20, Math.round(50_000 * f)),
    sitesPerTrial: 6,
    submissions: Math.max(40, Math.round(500_000 * f)),
    registryTrials: Math.max(20, Math.round(20_000 * f)),
    boardTrialSites: Math.min(200, n - 1),
    busyHospitalShare: 0.01,
    seed,
  };
}
