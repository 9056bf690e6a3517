import type { BaseFigures } from '@ctp/contracts';
import { median } from '../capacity/site-performance.ts';
import { daysBetween } from '../clock/dates.ts';

export type BaseTrialFact = {
  trialId: string;
  targetEnrolment: number | null;
  sites: { selectedDate: string | null; sivDate: string | null; fpiDate: string | null; enrolled: number }[];
};

/**
 * A base's figures from its linked trials (issue 18): pure, so that a test can check them against a hand count.
 * - a trial has *started* once any of its sites is initiated (SIV recorded); a site is *activated* at its SIV;
 * - start-up days: calendar days selected → first patient in, per site that has both (as the commission's figure);
 * - enrolment against target: patients enrolled at every site over the trials' targets.
 */
export function computeBaseFigures(
  trials: readonly BaseTrialFact[],
  registryTrialsOfMemberHospitals: number,
): BaseFigures {
  const sites = trials.flatMap((t) => t.sites);
  const enrolled = sites.reduce((n, s) => n + s.enrolled, 0);
  const enrolmentTarget = trials.reduce((n, t) => n + (t.targetEnrolment ?? 0), 0);
  const startup = sites.filter((s) => s.selectedDate && s.fpiDate).map((s) => daysBetween(s.selectedDate!, s.fpiDate!));
  return {
    trialsLinked: trials.length,
    trialsStarted: trials.filter((t) => t.sites.some((s) => s.sivDate)).length,
    sitesActivated: sites.filter((s) => s.sivDate).length,
    medianStartupDays: median(startup),
    enrolled,
    enrolmentTarget,
    enrolmentPct: enrolmentTarget > 0 ? Math.round((enrolled / enrolmentTarget) * 1000) / 10 : null,
    registryTrialsOfMemberHospitals,
  };
}
