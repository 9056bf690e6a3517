import {
  DEFAULT_REVIEW_LIMIT_DAYS,
  type DelayAttribution,
  type DelayReason,
  type DelayStage,
  RUNNING_SITE_STATES,
  type SiteState,
  type SponsorClass,
} from '@ctp/contracts';
import {
  committeeSettings,
  type Db,
  ethicsCommittees,
  hospitalSpecialties,
  inquiries,
  investigatorSpecialties,
  investigators,
  organisations,
  specialtyCatalogue,
  submissions,
  trialSiteDelays,
  trialSiteEnrolment,
  trialSites,
  trials,
} from '@ctp/db';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { submissionClockStopsOf } from '../clock/clock-stops.ts';
import { shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { computeClock } from '../clock/working-days.ts';
import { keyProjectTrialIds } from '../trials/key-project-ids.ts';
import type { MetricFacts, SiteFact, SubmissionFact } from './facts.ts';
import { loadRecognitionFacts } from './recognition-facts.ts';

const sponsorOrg = alias(organisations, 'metric_sponsor_org');

function sponsorClassOf(sponsorKind: string, croOrgId: string | null): SponsorClass {
  if (sponsorKind === 'hospital') return 'investigator';
  return croOrgId ? 'cro' : 'industry';
}

/**
 * Loads the facts every metric is computed from, straight from the records the workflows write: filed specialties
 * and investigators (capacity registry), trial sites with their milestone dates and monthly enrolment, inquiries,
 * decided ethics submissions (their working days computed by the same clock the EC queue shows) and recognitions.
 */
export function loadMetricFacts(db: Db): MetricFacts {
  const hospitals = new Map(
    db
      .select({ id: organisations.id, name: organisations.nameZh, district: organisations.district })
      .from(organisations)
      .where(eq(organisations.kind, 'hospital'))
      .all()
      .map((h) => [h.id, h]),
  );
  const hospital = (id: string) => hospitals.get(id) ?? { id, name: id, district: null };

  const specialties = db
    .select({ s: hospitalSpecialties, name: specialtyCatalogue.nameZh })
    .from(hospitalSpecialties)
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .all()
    .map(({ s, name }) => ({
      id: s.id,
      hospitalId: s.hospitalOrgId,
      hospitalName: hospital(s.hospitalOrgId).name,
      district: hospital(s.hospitalOrgId).district,
      code: s.specialtyCode,
      name: s.nameAsFiled ?? name,
      maxConcurrentTrials: s.maxConcurrentTrials,
      // A filing without a recorded date counts as filed before the platform began.
      since: s.filingDate ?? '0000-01-01',
      retired: s.retiredAt === null ? null : shanghaiDate(s.retiredAt),
    }));
  const codeOfSpecialty = new Map(specialties.map((s) => [s.id, s.code]));

  const codesOfPi = new Map<string, string[]>();
  for (const r of db
    .select({
      investigatorId: investigatorSpecialties.investigatorId,
      hospitalSpecialtyId: investigatorSpecialties.hospitalSpecialtyId,
    })
    .from(investigatorSpecialties)
    .all()) {
    const code = codeOfSpecialty.get(r.hospitalSpecialtyId);
    if (!code) continue;
    const codes = codesOfPi.get(r.investigatorId);
    if (codes) codes.push(code);
    else codesOfPi.set(r.investigatorId, [code]);
  }
  const pis = db
    .select({
      id: investigators.id,
      hospitalOrgId: investigators.hospitalOrgId,
      name: investigators.name,
      retiredAt: investigators.retiredAt,
    })
    .from(investigators)
    .all()
    .map((i) => ({
      id: i.id,
      hospitalId: i.hospitalOrgId,
      hospitalName: hospital(i.hospitalOrgId).name,
      district: hospital(i.hospitalOrgId).district,
      name: i.name,
      specialtyCodes: codesOfPi.get(i.id) ?? [],
      // The registry keeps no start date for a PI: a PI counts from the start until retired.
      since: '0000-01-01',
      retired: i.retiredAt === null ? null : shanghaiDate(i.retiredAt),
    }));

  const enrolment = new Map<string, { month: string; enrolled: number }[]>();
  for (const e of db
    .select({
      trialSiteId: trialSiteEnrolment.trialSiteId,
      month: trialSiteEnrolment.month,
      enrolled: trialSiteEnrolment.enrolled,
    })
    .from(trialSiteEnrolment)
    .all()) {
    const months = enrolment.get(e.trialSiteId);
    if (months) months.push({ month: e.month, enrolled: e.enrolled });
    else enrolment.set(e.trialSiteId, [{ month: e.month, enrolled: e.enrolled }]);
  }
  const firstInquiry = new Map<string, { date: string; interested: boolean }>();
  for (const q of db
    .select({ trialSiteId: inquiries.trialSiteId, sentAt: inquiries.sentAt, status: inquiries.status })
    .from(inquiries)
    .all()) {
    const date = shanghaiDate(q.sentAt);
    const prev = firstInquiry.get(q.trialSiteId);
    const interested = q.status === 'interested' || (prev?.interested ?? false);
    if (!prev || date < prev.date) firstInquiry.set(q.trialSiteId, { date, interested });
    else prev.interested = interested;
  }
  const flagged = keyProjectTrialIds(db);

  // The newest delay reason of each site's stage is its current one (older rows are history).
  const delayReasons = new Map<string, Map<DelayStage, { reason: DelayReason; attribution: DelayAttribution }>>();
  for (const d of db
    .select({
      trialSiteId: trialSiteDelays.trialSiteId,
      stage: trialSiteDelays.stage,
      reason: trialSiteDelays.reason,
      attribution: trialSiteDelays.attribution,
    })
    .from(trialSiteDelays)
    .orderBy(asc(trialSiteDelays.recordedAt), asc(trialSiteDelays.id))
    .all()) {
    const own = delayReasons.get(d.trialSiteId) ?? new Map();
    own.set(d.stage, { reason: d.reason, attribution: d.attribution });
    delayReasons.set(d.trialSiteId, own);
  }

  const siteRows = db
    .select({
      site: {
        id: trialSites.id,
        trialId: trialSites.trialId,
        hospitalOrgId: trialSites.hospitalOrgId,
        hospitalSpecialtyId: trialSites.hospitalSpecialtyId,
        investigatorId: trialSites.investigatorId,
        role: trialSites.role,
        state: trialSites.state,
        selectedDate: trialSites.selectedDate,
        ethicsApprovedDate: trialSites.ethicsApprovedDate,
        sivDate: trialSites.sivDate,
        fpiDate: trialSites.fpiDate,
        closedDate: trialSites.closedDate,
        targetEnrolment: trialSites.targetEnrolment,
      },
      trialTitle: trials.titleZh,
      trialTitleEn: trials.titleEn,
      trialType: trials.type,
      phase: trials.phase,
      croOrgId: trials.croOrgId,
      sponsorKind: sponsorOrg.kind,
      specialtyCode: hospitalSpecialties.specialtyCode,
      specialtyName: specialtyCatalogue.nameZh,
    })
    .from(trialSites)
    .innerJoin(trials, eq(trials.id, trialSites.trialId))
    .innerJoin(sponsorOrg, eq(sponsorOrg.id, trials.sponsorOrgId))
    .innerJoin(hospitalSpecialties, eq(hospitalSpecialties.id, trialSites.hospitalSpecialtyId))
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .all();
  const sites: SiteFact[] = siteRows.map((r) => ({
    id: r.site.id,
    trialId: r.site.trialId,
    trialTitle: r.trialTitle,
    trialTitleEn: r.trialTitleEn,
    trialType: r.trialType,
    phase: r.phase,
    sponsorClass: sponsorClassOf(r.sponsorKind, r.croOrgId),
    hospitalId: r.site.hospitalOrgId,
    hospitalName: hospital(r.site.hospitalOrgId).name,
    district: hospital(r.site.hospitalOrgId).district,
    specialtyId: r.site.hospitalSpecialtyId,
    specialtyCode: r.specialtyCode,
    specialtyName: r.specialtyName,
    investigatorId: r.site.investigatorId,
    role: r.site.role,
    state: r.site.state,
    inquiryDate: firstInquiry.get(r.site.id)?.date ?? null,
    interested: firstInquiry.get(r.site.id)?.interested ?? false,
    selectedDate: r.site.selectedDate,
    ethicsApprovedDate: r.site.ethicsApprovedDate,
    sivDate: r.site.sivDate,
    fpiDate: r.site.fpiDate,
    closedDate: r.site.closedDate,
    targetEnrolment: r.site.targetEnrolment,
    enrolment: enrolment.get(r.site.id) ?? [],
    isKeyProject: flagged.has(r.site.trialId),
    running: (RUNNING_SITE_STATES as readonly SiteState[]).includes(r.site.state),
    delayReasons: [...(delayReasons.get(r.site.id) ?? [])].map(([stage, d]) => ({ stage, ...d })),
  }));
  const siteById = new Map(sites.map((s) => [s.id, s]));

  const cal = loadWorkingCalendar(db);
  const stops = submissionClockStopsOf(db);
  const subs: SubmissionFact[] = [];
  for (const r of db
    .select({
      sub: {
        id: submissions.id,
        committeeId: submissions.committeeId,
        trialSiteId: submissions.trialSiteId,
        type: submissions.type,
        reviewPath: submissions.reviewPath,
        acceptedDate: submissions.acceptedDate,
        decidedDate: submissions.decidedDate,
        outcome: submissions.outcome,
      },
      committeeName: ethicsCommittees.nameZh,
      limitDays: committeeSettings.reviewLimitDays,
    })
    .from(submissions)
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, submissions.committeeId))
    .leftJoin(committeeSettings, eq(committeeSettings.committeeId, submissions.committeeId))
    .where(and(isNotNull(submissions.acceptedDate), isNotNull(submissions.decidedDate)))
    .all()) {
    const site = siteById.get(r.sub.trialSiteId);
    if (!site) continue;
    const limitDays = r.limitDays ?? DEFAULT_REVIEW_LIMIT_DAYS;
    const clock = computeClock(cal, {
      accepted: r.sub.acceptedDate!,
      limitDays,
      stops: stops.get(r.sub.id) ?? [],
      until: r.sub.decidedDate!,
    });
    subs.push({
      id: r.sub.id,
      committeeId: r.sub.committeeId,
      committeeName: r.committeeName,
      hospitalId: site.hospitalId,
      hospitalName: site.hospitalName,
      district: site.district,
      specialtyCode: site.specialtyCode,
      trialId: site.trialId,
      trialTitle: site.trialTitle,
      trialTitleEn: site.trialTitleEn,
      trialType: site.trialType,
      phase: site.phase,
      sponsorClass: site.sponsorClass,
      trialSiteId: site.id,
      type: r.sub.type,
      reviewPath: r.sub.reviewPath,
      acceptedDate: r.sub.acceptedDate!,
      decidedDate: r.sub.decidedDate!,
      outcome: r.sub.outcome,
      workingDays: clock.usedDays,
      limitDays,
      calendarUnknown: clock.calendarUnknown,
    });
  }
  const recognition = loadRecognitionFacts(db, siteById, cal);
  return {
    specialties,
    investigators: pis,
    sites,
    submissions: subs,
    recognitions: recognition.facts,
    recognitionAvailable: recognition.available,
  };
}
