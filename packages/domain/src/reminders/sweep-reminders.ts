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
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
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

/** Rows of a large table (trial sites, submissions) read per slice of the sweep, by rowid range. */
export const SWEEP_SLICE_ROWS = 5_000;

/**
 * Creates the time-driven notifications: a reply deadline near for open inquiries, and a milestone overdue against
 * the stage targets for running sites. Idempotent (one per recipient and event, by dedupe key), so the server can
 * run it on a timer and at start. Reminders are messages derived from records, not changes to them: not audited.
 */
export function sweepReminders(db: Db, now: number): { created: number } {
  const slices = reminderSlices(db, now, SWEEP_SLICE_ROWS);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/**
 * The same sweep, giving the event loop back between slices (issue 16): at national scale it reads ~80 000 running
 * sites and ~77 000 approvals every 15 minutes, 3.5–4.5 s of CPU that held every request while it ran. Each slice is
 * its own transaction over a rowid range of one table; the dedupe keys make a slice re-done or a write landing
 * between slices harmless.
 */
export async function sweepRemindersInSlices(
  db: Db,
  now: number,
  {
    yieldToLoop = () => new Promise((resolve) => setImmediate(resolve)),
    sliceRows = SWEEP_SLICE_ROWS,
  }: { yieldToLoop?: () => Promise<void>; sliceRows?: number } = {},
): Promise<{ created: number }> {
  const slices = reminderSlices(db, now, sliceRows);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
    await yieldToLoop();
  }
}

/** The sweep as a sequence of transactions; yields between them. */
function* reminderSlices(db: Db, now: number, sliceRows: number): Generator<void, { created: number }> {
  const today = shanghaiDate(now);
  let created = 0;
  const remind = reminderSender(db);
  inTransaction(db, (tx) => {
    created += remindDeadlinesNear(tx, today, now, remind);
    created += remindCalendarPending(tx, today, now, remind);
  });
  for (const range of rowidRanges(db, trialSites, sliceRows)) {
    yield;
    inTransaction(db, (tx) => {
      created += remindOverdueMilestones(tx, today, now, remind, range);
    });
  }
  for (const range of rowidRanges(db, submissions, sliceRows)) {
    yield;
    inTransaction(db, (tx) => {
      created += remindFollowUpsDue(tx, today, now, remind, range);
    });
  }
  return { created };
}

type RowidRange = { from: number; to: number };

/** Consecutive rowid ranges of `size` covering the table as it stands (rows added later wait for the next sweep). */
function rowidRanges(db: Db, table: typeof trialSites | typeof submissions, size: number): RowidRange[] {
  const bounds = db
    .select({ min: sql<number | null>`min(${table}.rowid)`, max: sql<number | null>`max(${table}.rowid)` })
    .from(table)
    .get();
  const ranges: RowidRange[] = [];
  if (bounds?.min == null || bounds.max == null) return ranges;
  for (let from = bounds.min; from <= bounds.max; from += size) ranges.push({ from, to: from + size - 1 });
  return ranges;
}

const inRowids = (table: typeof trialSites | typeof submissions, r: RowidRange) =>
  sql`${table}.rowid between ${r.from} and ${r.to}`;

type Remind = ReturnType<typeof reminderSender>;

function remindDeadlinesNear(tx: Tx, today: string, now: number, remind: Remind): number {
  let created = 0;
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
      tx,
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
  return created;
}

function remindOverdueMilestones(tx: Tx, today: string, now: number, remind: Remind, range: RowidRange): number {
  let created = 0;
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
      and(
        inArray(trialSites.state, ['selected', 'ethics_submitted', 'ethics_approved', 'contract_signed', 'initiated']),
        inRowids(trialSites, range),
      ),
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
    created += remind(tx, { orgId: trial.sponsorOrgId, roles: ['sponsor', 'site_admin'] }, n);
    if (site.hospitalOrgId !== trial.sponsorOrgId)
      created += remind(tx, { orgId: site.hospitalOrgId, roles: ['site_admin'] }, { ...n, link: '/trial-sites' });
  }
  return created;
}

/** Continuing review (跟踪审查) due within FOLLOW_UP_REMINDER_DAYS of an approval's follow-up date. */
function remindFollowUpsDue(tx: Tx, today: string, now: number, remind: Remind, range: RowidRange): number {
  let created = 0;
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
        inRowids(submissions, range),
        inArray(submissions.outcome, ['approved', 'approved_with_modifications']),
        lte(submissions.followUpDate, addDays(today, FOLLOW_UP_REMINDER_DAYS)),
        inArray(trialSites.state, ['ethics_approved', 'contract_signed', 'initiated', 'enrolling', 'enrolment_closed']),
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
    created += remind(tx, { orgId: site.hospitalOrgId, roles: ['site_admin'] }, n);
    created += remind(tx, { orgId: trial.sponsorOrgId, roles: ['sponsor'] }, { ...n, link: `/trials/${trial.id}` });
  }
  return created;
}

/**
 * `notifyOrg` for a sweep that asks again every 15 minutes about every running site (issue 16: at national scale
 * the sweep held the server for half a minute): each organisation's recipients are read once per sweep, and a
 * reminder a user already has (same dedupe key) is not written again. Returns the recipients, as notifyOrg does.
 */
function reminderSender(db: Db) {
  const recipients = new Map<string, string[]>();
  const sent = new Set(
    db
      .select({ userId: notifications.userId, dedupeKey: notifications.dedupeKey })
      .from(notifications)
      .where(isNotNull(notifications.dedupeKey))
      .all()
      .map((r) => `${r.userId}\n${r.dedupeKey}`),
  );
  return (tx: Tx, target: { orgId: string; roles: Role[] }, n: Notice & { dedupeKey: string }): number => {
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
function remindCalendarPending(tx: Tx, today: string, now: number, remind: Remind): number {
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
      tx,
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
