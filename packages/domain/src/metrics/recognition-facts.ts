import { type Db, recognitionRequests } from '@ctp/db';
import { isNotNull } from 'drizzle-orm';
import type { WorkingCalendar } from '../clock/working-days.ts';
import { recognitionFigures } from '../recognition/figures.ts';
import type { RecognitionFact, SiteFact } from './facts.ts';

const RECOGNISED = new Set(['recognised', 'recognised_with_conditions']);

/**
 * Recognition (互认) decisions as metric facts, from the mutual-recognition workflow's own figures (issue 6):
 * working days accepted → decided with its clock stops, and the days saved against the same committee's median
 * full-review time. Every decided request is a fact; `recognised` marks the ones that count as an approval.
 */
export function loadRecognitionFacts(
  db: Db,
  sites: ReadonlyMap<string, SiteFact>,
  _cal: WorkingCalendar,
): { available: boolean; facts: RecognitionFact[] } {
  const siteOf = new Map(
    db
      .select({ id: recognitionRequests.id, siteId: recognitionRequests.trialSiteId })
      .from(recognitionRequests)
      .where(isNotNull(recognitionRequests.decidedDate))
      .all()
      .map((r) => [r.id, r.siteId]),
  );
  const facts: RecognitionFact[] = [];
  for (const f of recognitionFigures(db)) {
    const site = sites.get(siteOf.get(f.requestId) ?? '');
    if (!site) continue;
    facts.push({
      id: f.requestId,
      committeeId: f.committeeId,
      committeeName: f.committeeName,
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
      decidedDate: f.decidedDate,
      workingDays: f.recognitionDays,
      calendarUnknown: f.calendarUnknown,
      daysSaved: f.daysSaved,
      recognised: RECOGNISED.has(f.outcome),
    });
  }
  return { available: true, facts };
}
