import {
  DELAY_ATTRIBUTIONS,
  DELAY_REASONS,
  DELAY_STAGES,
  type DelayAttribution,
  type DelayReason,
  type DelayStage,
  STAGE_TARGET_DAYS,
} from '@ctp/contracts';
import { addDays, daysBetween } from '../clock/dates.ts';
import { inPeriod, type Period, pct, type SiteFact } from './facts.ts';

/** Start-up delays (DESIGN §5): stage targets missed in the period, and their reasons. */

const STAGE_START = { ethicsApproved: 'selectedDate', siv: 'ethicsApprovedDate', fpi: 'sivDate' } as const;
const STAGE_DONE = { ethicsApproved: 'ethicsApprovedDate', siv: 'sivDate', fpi: 'fpiDate' } as const;

export type StageDelay = {
  site: SiteFact;
  stage: DelayStage;
  targetDate: string;
  doneDate: string | null;
  /** Days past the target: to the milestone, or to the period end while it is still outstanding. */
  daysLate: number;
  reason: DelayReason | null;
  attribution: DelayAttribution | null;
};

/**
 * Stage targets that fell due in the period and were missed: the milestone came after the target date, or had not
 * come by the period end while the site was running (a stopped site is not delayed). Each with its current reason.
 */
export function stageDelays(sites: readonly SiteFact[], p: Period): StageDelay[] {
  const out: StageDelay[] = [];
  for (const site of sites)
    for (const stage of DELAY_STAGES) {
      const start = site[STAGE_START[stage]];
      if (!start) continue;
      const targetDate = addDays(start, STAGE_TARGET_DAYS[stage]);
      if (!inPeriod(targetDate, p) || targetDate >= p.to) continue;
      const done = site[STAGE_DONE[stage]];
      const reachedBy = done !== null && done <= p.to ? done : null;
      if (reachedBy !== null && reachedBy <= targetDate) continue;
      if (reachedBy === null && done === null && site.running === false) continue;
      const r = site.delayReasons?.find((d) => d.stage === stage);
      out.push({
        site,
        stage,
        targetDate,
        doneDate: reachedBy,
        daysLate: daysBetween(targetDate, reachedBy ?? p.to),
        reason: r?.reason ?? null,
        attribution: r?.attribution ?? null,
      });
    }
  return out;
}

/** Delays counted by reason and by attribution (`unrecorded` where no reason was given yet). */
export function delayBreakdown(delays: readonly StageDelay[]) {
  const byReason = Object.fromEntries([...DELAY_REASONS, 'unrecorded'].map((k) => [k, 0])) as Record<
    DelayReason | 'unrecorded',
    number
  >;
  const byAttribution = Object.fromEntries([...DELAY_ATTRIBUTIONS, 'unrecorded'].map((k) => [k, 0])) as Record<
    DelayAttribution | 'unrecorded',
    number
  >;
  const byStage = Object.fromEntries(DELAY_STAGES.map((k) => [k, 0])) as Record<DelayStage, number>;
  for (const d of delays) {
    byReason[d.reason ?? 'unrecorded']++;
    byAttribution[d.attribution ?? 'unrecorded']++;
    byStage[d.stage]++;
  }
  const recorded = delays.filter((d) => d.reason !== null).length;
  return {
    total: delays.length,
    recorded,
    recordedPct: pct(recorded, delays.length),
    byReason,
    byAttribution,
    byStage,
  };
}
