import type { Role } from '@ctp/contracts';
import { CALENDAR_REMINDER_FROM } from '@ctp/contracts';
import {
  type Db,
  inquiries,
  memberships,
  notifications,
  organisations,
  submissions,
  type Tx,
  trialSites,
  trials,
} from '@ctp/db';
import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { addDays, shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { insertNotifications, type Notice, orgRecipients } from '../notifications/notify.ts';
import { inTransaction } from '../transaction.ts';
import { nextStepOf } from '../trials/next-step.ts';

/** Days before an inquiry's reply deadline that the hospital is reminded. */
export const DEADLINE_REMINDER_DAYS = 2;
/** Days before an approval's continuing-review date that the site and sponsor are reminded. */
export const FOLLOW_UP_REMINDER_DAYS = 30;

/** The trial columns a reminder names. */
const reminderTrial = {
  id: trials.id,
  titleZh: trials.titleZh,
  titleEn: trials.titleEn,
  sponsorOrgId: trials.sponsorOrgId,
};

/**
 * Creates the time-driven notifications: a reply deadline near for open inquiries, and a milestone overdue against
 * the stage targets for running sites. Idempotent (one per recipient and event, by dedupe key), so the server can
 * run it on a timer and at start. Reminders are messages derived from records, not changes to them: not audited.
 */
export function sweepReminders(db: Db, now: number): { created: number } {
  const today = shanghaiDate(now);
  let created = 0;
  inTransaction(db, (tx) => {
    const remind = reminderSender(tx);
    // Only the columns a reminder needs: at national scale tens of thousands of rows are read every 15 minutes.
    const near = tx
      .select({
        inquiry: { id: inquiries.id, hospitalOrgId: inquiries.hospitalOrgId, replyBy: inquiries.replyBy },
        title: trials.titleZh,
        titleEn: trials.titleEn,
      })
      .from(inquiries)
      .innerJoin(trials, eq(trials.id, inquiries.trialId))
      .where(and(eq(inquiries.status, 'sent'), lte(inquiries.replyBy, addDays(today, DEADLINE_REMINDER_DAYS))))
      .all();
    for (const { inquiry, title, titleEn } of near) {
      created += remind(
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
      .select({
        site: {
          id: trialSites.id,
          hospitalOrgId: trialSites.hospitalOrgId,
          state: trialSites.state,
          selectedDate: trialSites.selectedDate,
          ethicsApprovedDate: trialSites.ethicsApprovedDate,
          sivDate: trialSites.sivDate,
        },
        trial: reminderTrial,
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
      created += remind({ orgId: trial.sponsorOrgId, roles: ['sponsor', 'site_admin'] }, n);
      if (site.hospitalOrgId !== trial.sponsorOrgId)
        created += remind({ orgId: site.hospitalOrgId, roles: ['site_admin'] }, { ...n, link: '/trial-sites' });
    }
    // Continuing review (跟踪审查) due within FOLLOW_UP_REMINDER_DAYS of an approval's follow-up date.
    const dueSoon = tx
      .select({
        sub: { id: submissions.id, followUpDate: submissions.followUpDate },
        trial: reminderTrial,
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
      created += remind({ orgId: site.hospitalOrgId, roles: ['site_admin'] }, n);
      created += remind({ orgId: trial.sponsorOrgId, roles: ['sponsor'] }, { ...n, link: `/trials/${trial.id}` });
    }
    created += remindCalendarPending(tx, today, now, remind);
  });
  return { created };
}

/**
 * `notifyOrg` for a sweep that asks again every 15 minutes about every running site (issue 16: at national scale
 * the sweep held the server for half a minute): each organisation's recipients are read once per sweep, and a
 * reminder a user already has (same dedupe key) is not written again. Returns the recipients, as notifyOrg does.
 */
function reminderSender(tx: Tx) {
  const recipients = new Map<string, string[]>();
  const sent = new Set(
    tx
      .select({ userId: notifications.userId, dedupeKey: notifications.dedupeKey })
      .from(notifications)
      .where(isNotNull(notifications.dedupeKey))
      .all()
      .map((r) => `${r.userId}\n${r.dedupeKey}`),
  );
  return (target: { orgId: string; roles: Role[] }, n: Notice & { dedupeKey: string }): number => {
    const key = `${target.orgId}\n${target.roles.join(',')}`;
    let users = recipients.get(key);
    if (!users) {
      users = orgRecipients(tx, target);
      recipients.set(key, users);
    }
    const fresh = users.filter((u) => !sent.has(`${u}\n${n.dedupeKey}`));
    insertNotifications(tx, fresh, n);
    for (const u of fresh) sent.add(`${u}\n${n.dedupeKey}`);
    return users.length;
  };
}

/**
 * From 1 November, while next year's official schedule is not known, the platform admins and every EC secretary
 * (whose review clocks will run into it) are told, once per year and person (issue 11).
 */
function remindCalendarPending(tx: Tx, today: string, now: number, remind: ReturnType<typeof reminderSender>): number {
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
    created += remind(
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
