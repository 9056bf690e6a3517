import { CALENDAR_REMINDER_FROM } from '@ctp/contracts';
import { type Db, inquiries, memberships, organisations, submissions, type Tx, trialSites, trials } from '@ctp/db';
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { addDays, shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { notifier } from '../notifications/notify.ts';
import { inTransaction } from '../transaction.ts';
import { nextStepOf } from '../trials/next-step.ts';

/** Days before an inquiry's reply deadline that the hospital is reminded. */
export const DEADLINE_REMINDER_DAYS = 2;
/** Days before an approval's continuing-review date that the site and sponsor are reminded. */
export const FOLLOW_UP_REMINDER_DAYS = 30;

/**
 * Creates the time-driven notifications: a reply deadline near for open inquiries, and a milestone overdue against
 * the stage targets for running sites. Idempotent (one per recipient and event, by dedupe key), so the server can
 * run it on a timer and at start. Reminders are messages derived from records, not changes to them: not audited.
 */
export function sweepReminders(db: Db, now: number): { created: number } {
  const today = shanghaiDate(now);
  let created = 0;
  inTransaction(db, (tx) => {
    const notifyOrg = notifier(tx);
    const near = tx
      .select({ inquiry: inquiries, title: trials.titleZh, titleEn: trials.titleEn })
      .from(inquiries)
      .innerJoin(trials, eq(trials.id, inquiries.trialId))
      .where(and(eq(inquiries.status, 'sent'), lte(inquiries.replyBy, addDays(today, DEADLINE_REMINDER_DAYS))))
      .all();
    for (const { inquiry, title, titleEn } of near) {
      created += notifyOrg(
        { orgId: inquiry.hospitalOrgId, roles: ['site_admin'] },
        {
          kind: 'inquiry_deadline_near',
          params: { trial: title, trialEn: titleEn ?? title, replyBy: inquiry.replyBy },
          link: '/inquiries',
          dedupeKey: `deadline:${inquiry.id}`,
          now,
        },
      );
    }
    const running = tx
      // Only the columns used: at national scale these are ~100 000 rows, and whole rows cost more than the sweep.
      .select({
        site: {
          id: trialSites.id,
          state: trialSites.state,
          selectedDate: trialSites.selectedDate,
          ethicsApprovedDate: trialSites.ethicsApprovedDate,
          sivDate: trialSites.sivDate,
          hospitalOrgId: trialSites.hospitalOrgId,
        },
        trial: { id: trials.id, titleZh: trials.titleZh, titleEn: trials.titleEn, sponsorOrgId: trials.sponsorOrgId },
      })
      .from(trialSites)
      .innerJoin(trials, eq(trials.id, trialSites.trialId))
      .where(
        inArray(trialSites.state, ['selected', 'ethics_submitted', 'ethics_approved', 'contract_signed', 'initiated']),
      )
      .all();
    for (const { site, trial } of running) {
      const next = nextStepOf(site, today);
      if (!next?.overdue) continue;
      const n = {
        kind: 'milestone_overdue' as const,
        params: {
          trial: trial.titleZh,
          trialEn: trial.titleEn ?? trial.titleZh,
          step: next.step,
          dueDate: next.dueDate ?? '',
        },
        link: `/trials/${trial.id}`,
        dedupeKey: `overdue:${site.id}:${next.step}`,
        now,
      };
      created += notifyOrg({ orgId: trial.sponsorOrgId, roles: ['sponsor', 'site_admin'] }, n);
      if (site.hospitalOrgId !== trial.sponsorOrgId)
        created += notifyOrg({ orgId: site.hospitalOrgId, roles: ['site_admin'] }, { ...n, link: '/trial-sites' });
    }
    // Continuing review (跟踪审查) due within FOLLOW_UP_REMINDER_DAYS of an approval's follow-up date.
    const dueSoon = tx
      .select({
        sub: { id: submissions.id, followUpDate: submissions.followUpDate },
        trial: { id: trials.id, titleZh: trials.titleZh, titleEn: trials.titleEn, sponsorOrgId: trials.sponsorOrgId },
        site: { hospitalOrgId: trialSites.hospitalOrgId },
        hospital: { nameZh: organisations.nameZh, nameEn: organisations.nameEn },
      })
      .from(submissions)
      .innerJoin(trials, eq(trials.id, submissions.trialId))
      .innerJoin(trialSites, eq(trialSites.id, submissions.trialSiteId))
      .innerJoin(organisations, eq(organisations.id, trialSites.hospitalOrgId))
      .where(
        and(
          inArray(submissions.outcome, ['approved', 'approved_with_modifications']),
          lte(submissions.followUpDate, addDays(today, FOLLOW_UP_REMINDER_DAYS)),
          inArray(trialSites.state, [
            'ethics_approved',
            'contract_signed',
            'initiated',
            'enrolling',
            'enrolment_closed',
          ]),
        ),
      )
      .all();
    for (const { sub, trial, site, hospital } of dueSoon) {
      const n = {
        kind: 'followup_due' as const,
        params: {
          trial: trial.titleZh,
          trialEn: trial.titleEn ?? trial.titleZh,
          hospital: hospital.nameZh,
          hospitalEn: hospital.nameEn ?? hospital.nameZh,
          dueDate: sub.followUpDate ?? '',
        },
        link: '/trial-sites',
        dedupeKey: `followup:${sub.id}:${sub.followUpDate}`,
        now,
      };
      created += notifyOrg({ orgId: site.hospitalOrgId, roles: ['site_admin'] }, n);
      created += notifyOrg({ orgId: trial.sponsorOrgId, roles: ['sponsor'] }, { ...n, link: `/trials/${trial.id}` });
    }
    created += remindCalendarPending(tx, notifyOrg, today, now);
  });
  return { created };
}

/**
 * From 1 November, while next year's official schedule is not known, the platform admins and every EC secretary
 * (whose review clocks will run into it) are told, once per year and person (issue 11).
 */
function remindCalendarPending(tx: Tx, notifyOrg: ReturnType<typeof notifier>, today: string, now: number): number {
  if (today.slice(5) < CALENDAR_REMINDER_FROM) return 0;
  const nextYear = Number(today.slice(0, 4)) + 1;
  if (loadWorkingCalendar(tx).knowsYear(nextYear)) return 0;
  const orgs = tx
    .selectDistinct({ orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(and(inArray(memberships.role, ['admin', 'ec_secretary']), isNull(memberships.revokedAt)))
    .all();
  let created = 0;
  for (const { orgId, role } of orgs)
    created += notifyOrg(
      { orgId, roles: [role] },
      {
        kind: 'calendar_year_pending',
        params: { year: nextYear },
        link: '/calendar',
        dedupeKey: `calendar-pending:${nextYear}`,
        now,
      },
    );
  return created;
}
