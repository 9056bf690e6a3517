import type { MetricId, OverviewFigures } from '@ctp/contracts';

/** The headline figures in the order of DESIGN §5, with where each lives in the overview and whether lower is better. */
export const HEADLINE: { metric: MetricId; get: (f: OverviewFigures) => number | null; lowerIsBetter?: boolean }[] = [
  { metric: 'specialtyActivePct', get: (f) => f.conversion.specialtyActivePct },
  { metric: 'piActivePct', get: (f) => f.conversion.piActivePct },
  { metric: 'startupMedianDays', get: (f) => f.startup.medianDays, lowerIsBetter: true },
  { metric: 'ethicsMedianWorkingDays', get: (f) => f.ethics.medianWorkingDays, lowerIsBetter: true },
  { metric: 'ethicsP75WorkingDays', get: (f) => f.ethics.p75WorkingDays, lowerIsBetter: true },
  { metric: 'ethicsWithinClockPct', get: (f) => f.ethics.withinClockPct },
  { metric: 'recognitionAdoptionPct', get: (f) => f.recognition.adoptionPct },
  { metric: 'recognitionMedianWorkingDays', get: (f) => f.recognition.medianWorkingDays, lowerIsBetter: true },
  { metric: 'recognitionWorkingDaysSaved', get: (f) => f.recognition.workingDaysSaved },
  { metric: 'enrolmentAttainmentPct', get: (f) => f.enrolment.attainmentPct },
  { metric: 'nonEnrollingPct', get: (f) => f.enrolment.nonEnrollingPct, lowerIsBetter: true },
];
