import { DEFAULT_INCENTIVE_WEIGHTS } from '@ctp/contracts';
import { describe, expect, it } from 'vitest';
import { scoreHospital } from '../incentive/score.ts';
import {
  isActiveOn,
  last12Months,
  type MetricFacts,
  median,
  pct,
  percentile,
  previousPeriod,
  type SiteFact,
  shiftMonths,
} from './facts.ts';
import { funnel, nonEnrolling, overviewOf, recognitionFigures, turnaround } from './figures.ts';

const site = (over: Partial<SiteFact>): SiteFact => ({
  id: 's',
  trialId: 't',
  trialTitle: 'T',
  trialTitleEn: null,
  trialType: 'drug',
  phase: 'III',
  sponsorClass: 'industry',
  hospitalId: 'h',
  hospitalName: 'H',
  district: '鼓楼区',
  specialtyId: 'sp',
  specialtyCode: 'oncology',
  specialtyName: '肿瘤',
  investigatorId: 'pi',
  role: 'participating',
  state: 'selected',
  inquiryDate: null,
  interested: false,
  selectedDate: null,
  ethicsApprovedDate: null,
  sivDate: null,
  fpiDate: null,
  closedDate: null,
  targetEnrolment: null,
  enrolment: [],
  isKeyProject: false,
  ...over,
});

describe('metric statistics', () => {
  it('median and P75 interpolate like Excel PERCENTILE.INC; no data is null, not 0', () => {
    expect(median([5, 17])).toBe(11);
    expect(percentile([5, 17], 0.75)).toBe(14);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3.3);
    expect(median([])).toBeNull();
    expect(pct(1, 3)).toBe(33.3);
    expect(pct(0, 0)).toBeNull();
  });

  it('shifts periods by calendar months, clamping to the month end', () => {
    expect(shiftMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(shiftMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(previousPeriod({ from: '2025-10-01', to: '2025-10-31' })).toEqual({ from: '2025-09-01', to: '2025-09-30' });
    expect(last12Months('2025-10-31')).toEqual({ from: '2024-11-01', to: '2025-10-31' });
  });

  it('counts a review within the clock when its working days do not exceed the limit', () => {
    const sub = (workingDays: number) => ({ workingDays, limitDays: 15 }) as Parameters<typeof turnaround>[0][number];
    expect(turnaround([sub(15), sub(16), sub(3)])).toMatchObject({
      count: 3,
      within: 2,
      withinClockPct: 66.7,
      medianWorkingDays: 15,
    });
  });

  it('flags a site non-enrolling when no patient is in 90 days after SIV', () => {
    const p = { from: '2025-09-01', to: '2025-09-30' };
    const r = nonEnrolling(
      [
        site({ id: 'late', sivDate: '2025-07-01', fpiDate: '2025-09-30' }),
        site({ id: 'ok', sivDate: '2025-07-01', fpiDate: '2025-09-29' }),
        site({ id: 'later', sivDate: '2025-08-01' }),
      ],
      p,
    );
    expect(r.due.map((d) => [d.site.id, d.mark, d.isNonEnrolling])).toEqual([
      ['late', '2025-09-29', true],
      ['ok', '2025-09-29', false],
    ]);
    expect(r.pct).toBe(50);
  });

  it('is active from selection until closed', () => {
    const s = site({ selectedDate: '2025-01-10', closedDate: '2025-06-01' });
    expect([isActiveOn(s, '2025-01-09'), isActiveOn(s, '2025-01-10'), isActiveOn(s, '2025-06-01')]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('builds the activation funnel of the inquiry cohort', () => {
    const p = { from: '2025-01-01', to: '2025-12-31' };
    const f = funnel(
      [
        site({
          inquiryDate: '2025-02-01',
          interested: true,
          selectedDate: '2025-03-01',
          ethicsApprovedDate: '2025-04-01',
        }),
        site({ inquiryDate: '2025-02-01' }),
        site({ inquiryDate: '2024-12-01', selectedDate: '2025-01-05', fpiDate: '2025-05-01' }),
        site({ selectedDate: '2025-02-01' }),
      ],
      p,
    );
    expect(f).toEqual({ inquiry: 2, interested: 1, selected: 1, ethicsApproved: 1, siv: 0, fpi: 0 });
  });

  it('explains the incentive index term by term (start-up scores 100 within the 150-day targets)', () => {
    const facts: MetricFacts = {
      specialties: [
        {
          id: 'sp',
          hospitalId: 'h',
          hospitalName: 'H',
          district: null,
          code: 'oncology',
          name: '肿瘤',
          maxConcurrentTrials: 4,
          since: '2020-01-01',
          retired: null,
        },
        {
          id: 'sp2',
          hospitalId: 'h',
          hospitalName: 'H',
          district: null,
          code: 'cardio',
          name: '心内',
          maxConcurrentTrials: 4,
          since: '2020-01-01',
          retired: null,
        },
      ],
      investigators: [
        {
          id: 'pi',
          hospitalId: 'h',
          hospitalName: 'H',
          district: null,
          name: '张',
          specialtyCodes: ['oncology'],
          since: '0000-01-01',
          retired: null,
        },
      ],
      sites: [
        site({
          selectedDate: '2025-01-01',
          sivDate: '2025-05-01',
          fpiDate: '2025-06-30',
          targetEnrolment: 10,
          enrolment: [{ month: '2025-07', enrolled: 5 }],
        }),
      ],
      submissions: [],
      recognitions: [],
      recognitionAvailable: false,
    };
    const { terms, score } = scoreHospital(facts, { from: '2025-01-01', to: '2025-12-31' }, DEFAULT_INCENTIVE_WEIGHTS);
    const by = Object.fromEntries(terms.map((t) => [t.term, t]));
    expect(by.conversion).toMatchObject({ raw: 50, score: 50, contribution: 12.5 });
    expect(by.piActive).toMatchObject({ raw: 100, score: 100, contribution: 15 });
    // 1 Jan → 30 Jun = 180 days: 100 × 150 / 180 = 83.3.
    expect(by.startup).toMatchObject({ raw: 180, score: 83.3, contribution: 16.7 });
    expect(by.ethicsWithinClock).toMatchObject({ raw: null, score: 0 });
    expect(by.enrolment).toMatchObject({ raw: 50, score: 50, contribution: 5 });
    expect(by.enrolling).toMatchObject({ raw: 0, score: 100, contribution: 5 });
    expect(score).toBe(54.2);
  });

  it('counts recognition adoption against full approvals at participating sites, and sums the days saved', () => {
    const p = { from: '2025-01-01', to: '2025-12-31' };
    const rec = (id: string, workingDays: number, daysSaved: number | null, recognised = true) =>
      ({
        id,
        trialSiteId: id,
        decidedDate: '2025-06-01',
        workingDays,
        daysSaved,
        recognised,
      }) as MetricFacts['recognitions'][number];
    const full = (id: string, outcome: string) =>
      ({
        id,
        trialSiteId: id,
        decidedDate: '2025-05-01',
        type: 'initial',
        reviewPath: 'expedited',
        outcome,
        workingDays: 12,
        limitDays: 15,
      }) as MetricFacts['submissions'][number];
    const facts: MetricFacts = {
      specialties: [],
      investigators: [],
      sites: ['r1', 'r2', 'r3', 'f1', 'f2'].map((id) => site({ id })).concat(site({ id: 'lead', role: 'lead' })),
      submissions: [
        full('f1', 'approved'),
        full('f2', 'disapproved'),
        full('lead', 'approved'),
        full('r1', 'approved'),
      ],
      recognitions: [rec('r1', 4, 8), rec('r2', 6, null), rec('r3', 9, 0, false)],
      recognitionAvailable: true,
    };
    // Recognised r1, r2; full approvals at participating sites: f1 (r1's own earlier approval is not counted twice).
    const r = recognitionFigures(facts, p);
    expect(r.adoptionPct).toBe(66.7);
    expect(r.medianWorkingDays).toBe(5);
    expect(r.workingDaysSaved).toBe(8);
  });
});

describe('working-day figures over a year the calendar does not know (issue 11)', () => {
  it('carry calendarUnknown when any review counted ran through such a year, and only then', () => {
    const p = { from: '2027-01-01', to: '2027-01-31' };
    const review = (id: string, calendarUnknown: boolean) =>
      ({
        id,
        trialSiteId: id,
        decidedDate: '2027-01-15',
        type: 'initial',
        reviewPath: 'expedited',
        outcome: 'approved',
        workingDays: 12,
        limitDays: 15,
        calendarUnknown,
      }) as MetricFacts['submissions'][number];
    const facts = (unknown: boolean): MetricFacts => ({
      specialties: [],
      investigators: [],
      sites: [site({ id: 'a' }), site({ id: 'b' })],
      submissions: [review('a', false), review('b', unknown)],
      recognitions: [],
      recognitionAvailable: true,
    });
    expect(overviewOf(facts(true), p).figures.ethics.calendarUnknown).toBe(true);
    expect(overviewOf(facts(false), p).figures.ethics.calendarUnknown).toBe(false);
    // Reviews decided outside the period do not colour its figures.
    expect(overviewOf(facts(true), { from: '2026-01-01', to: '2026-01-31' }).figures.ethics.calendarUnknown).toBe(
      false,
    );
  });
});
