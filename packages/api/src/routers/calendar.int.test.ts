import type { DbHandle } from '@ctp/db';
import { sweepReminders } from '@ctp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingNoon, seedAcceptedSubmission } from '../../../../test/helpers/fixtures.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const at = beijingNoon;

/** Rows a refused calendar call must leave alone. */
function calendarState(db: DbHandle) {
  const q = (sql: string) => db.sqlite.prepare(sql).all();
  return {
    overrides: q('select * from calendar_overrides order by date'),
    years: q('select * from calendar_years order by year'),
    audit: q("select id from audit_events where action like 'calendar.%'"),
    events: q("select id from submission_events where step = 'due_date_moved'"),
  };
}

describe('the official working-day calendar (issue 11)', () => {
  let db: DbHandle;
  let admin: ReturnType<typeof callerAs>;
  let runningSince1Dec: string;
  let dueIntoJanuary: string;
  beforeAll(async () => {
    db = await createSeededDatabase();
    admin = callerAs(db, 'admin@demo.ctp', { now: at('2026-12-06') });
    runningSince1Dec = await seedAcceptedSubmission(db, '2026-12-01');
    dueIntoJanuary = await seedAcceptedSubmission(db, '2026-12-21');
  });

  it('lists the package years as complete and next year as pending', async () => {
    const years = await admin.calendar.years();
    const y2026 = years.find((y) => y.year === 2026);
    const y2027 = years.find((y) => y.year === 2027);
    expect(y2026).toMatchObject({ source: 'package', complete: true });
    expect(y2026?.holidays).toContainEqual({ date: '2026-10-01', name: '国庆节' });
    expect(y2026?.makeupDays).toContainEqual({ date: '2026-02-14', name: '春节' });
    expect(y2027).toMatchObject({ source: 'admin', complete: false, holidays: [], makeupDays: [] });
    expect(years.find((y) => y.year === 2004)?.complete).toBe(true);
    expect(years.some((y) => y.year === 2003)).toBe(false);
  });

  it('refuses bad input with a localised error and changes nothing', async () => {
    const before = calendarState(db);
    const outside = await apiErrorOf(
      admin.calendar.setDays({ year: 2027, days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] }),
    );
    expect(outside.code).toBe('VALIDATION');
    expect(outside.fieldErrors?.[0]?.message).toContain('不属于 2027 年');
    const twice = await apiErrorOf(
      admin.calendar.setDays({
        year: 2027,
        days: [
          { date: '2027-02-06', kind: 'holiday', name: '春节' },
          { date: '2027-02-06', kind: 'makeup', name: '春节' },
        ],
      }),
      'en',
    );
    expect(twice.fieldErrors?.[0]?.message).toContain('either a holiday or a make-up working day');
    const weekday = await apiErrorOf(
      admin.calendar.setDays({ year: 2027, days: [{ date: '2027-01-06', kind: 'makeup', name: '元旦' }] }),
    );
    expect(weekday.detail).toBe('CALENDAR_MAKEUP_NOT_WEEKEND');
    expect(weekday.message).toContain('2027-01-06');
    const unnamed = await apiErrorOf(
      admin.calendar.setDays({ year: 2027, days: [{ date: '2027-01-01', kind: 'holiday' }] }),
    );
    expect(unnamed.code).toBe('VALIDATION');
    const notAdmin = await apiErrorOf(
      callerAs(db, 'ec@demo.ctp').calendar.setDays({
        year: 2027,
        days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      }),
    );
    expect(notAdmin.code).toBe('FORBIDDEN');
    expect(await apiErrorOf(admin.calendar.completeYear({ year: 2026 }))).toMatchObject({
      detail: 'CALENDAR_YEAR_BUNDLED',
    });
    expect(await apiErrorOf(admin.calendar.completeYear({ year: 2028 }))).toMatchObject({
      detail: 'CALENDAR_YEAR_EMPTY',
    });
    const badFile = await apiErrorOf(
      admin.calendar.importFile({
        fileName: 'x.csv',
        content: 'date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,X\n',
      }),
    );
    expect(badFile).toMatchObject({ detail: 'CALENDAR_FILE_INVALID' });
    expect(badFile.message).toContain('第 3 行');
    expect(calendarState(db)).toEqual(before);
  });

  it('warns on a clock still running into an unknown year, and one entry does not make the year known', async () => {
    const site = (date: string) => callerAs(db, 'site@demo.ctp', { now: at(date) });
    const early = await site('2027-01-08').submissions.get({ id: runningSince1Dec });
    expect(early.clock?.dueDate.startsWith('2026-12')).toBe(true);
    expect(early.clock?.calendarUnknown).toBe(true);
    await admin.calendar.setDays({ year: 2027, days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    const years = await admin.calendar.years();
    expect(years.find((y) => y.year === 2027)).toMatchObject({
      complete: false,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
    });
    const stillUnknown = await site('2027-01-08').submissions.get({ id: runningSince1Dec });
    expect(stillUnknown.clock?.calendarUnknown).toBe(true);
    // A draft year does not move due dates yet: 1 January still counts as a working day.
    const draft = await site('2027-01-08').submissions.get({ id: dueIntoJanuary });
    expect(draft.clock?.dueDate).toBe('2027-01-11');
  });

  it('completing the year counts its holidays, clears the warning and records every moved due date', async () => {
    const today = '2026-12-28';
    const imported = await callerAs(db, 'admin@demo.ctp', { now: at(today) }).calendar.importFile({
      fileName: '2027.json',
      content: JSON.stringify({
        year: 2027,
        days: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-01-02', kind: 'holiday', name: '元旦' },
          { date: '2027-01-03', kind: 'holiday', name: '元旦' },
        ],
      }),
    });
    expect(imported).toMatchObject({ imported: 3, complete: false, movedDueDates: 0 });
    const done = await callerAs(db, 'admin@demo.ctp', { now: at(today) }).calendar.completeYear({ year: 2027 });
    expect(done).toMatchObject({ year: 2027, source: 'admin', complete: true, movedDueDates: 1 });
    expect(await apiErrorOf(admin.calendar.completeYear({ year: 2027 }))).toMatchObject({
      detail: 'CALENDAR_YEAR_COMPLETE',
    });

    const site = callerAs(db, 'site@demo.ctp', { now: at('2027-01-08') });
    const running = await site.submissions.get({ id: runningSince1Dec });
    expect(running.clock?.calendarUnknown).toBe(false);
    const moved = await site.submissions.get({ id: dueIntoJanuary });
    expect(moved.clock).toMatchObject({ dueDate: '2027-01-12', calendarUnknown: false });
    // The applicant sees why its due date moved, on the timeline.
    expect(moved.timeline.filter((e) => e.step === 'due_date_moved')).toEqual([
      expect.objectContaining({ detail: { from: '2027-01-11', to: '2027-01-12', year: 2027 } }),
    ]);
    const actions = db.sqlite
      .prepare("select action from audit_events where action like 'calendar.%' order by id")
      .pluck()
      .all();
    expect(actions).toEqual(['calendar.set_days', 'calendar.set_days', 'calendar.complete_year']);
  });

  it('exports a year in the format it imports', async () => {
    for (const format of ['csv', 'json'] as const) {
      const file = await admin.calendar.export({ year: 2026, format });
      expect(file.fileName).toBe(`working-calendar-2026.${format}`);
      const roundTrip = await admin.calendar.importFile({ fileName: file.fileName, content: file.content });
      expect(roundTrip).toMatchObject({ year: 2026, source: 'package', complete: true, movedDueDates: 0 });
      const y2026 = (await admin.calendar.years()).find((y) => y.year === 2026);
      expect(roundTrip.holidays).toEqual(y2026?.holidays);
      expect(roundTrip.holidays.length).toBe(33);
    }
    // The bundled schedule read back says nothing new: no override is stored for it.
    expect(db.sqlite.prepare("select count(*) from calendar_overrides where date like '2026-%'").pluck().get()).toBe(0);
    const csv = await admin.calendar.export({ year: 2026, format: 'csv' });
    expect(csv.content.split('\n')[0]).toBe('date,kind,name');
    expect(csv.content).toContain('2026-02-14,makeup,春节');
  });
});

describe('the reminder while next year is unknown', () => {
  it('tells admins and EC secretaries from 1 November, once, and stops once the year is complete', async () => {
    const db = await createSeededDatabase();
    const pending = () =>
      db.sqlite
        .prepare(
          `select u.email from notifications n join users u on u.id = n.user_id
           where n.kind = 'calendar_year_pending' order by u.email`,
        )
        .pluck()
        .all() as string[];
    sweepReminders(db.db, at('2026-10-31')());
    expect(pending()).toEqual([]);
    sweepReminders(db.db, at('2026-11-01')());
    const first = pending();
    expect(first).toContain('admin@demo.ctp');
    expect(first).toContain('ec@demo.ctp');
    expect(first).toContain('ec-gulou@demo.ctp');
    expect(first).not.toContain('site@demo.ctp');
    expect(first).not.toContain('member@demo.ctp');
    sweepReminders(db.db, at('2026-11-15')());
    expect(pending()).toEqual(first);

    const admin = callerAs(db, 'admin@demo.ctp', { now: at('2026-12-06') });
    await admin.calendar.setDays({ year: 2027, days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    await admin.calendar.completeYear({ year: 2027 });
    db.sqlite.prepare("delete from notifications where kind = 'calendar_year_pending'").run();
    sweepReminders(db.db, at('2026-12-07')());
    expect(pending()).toEqual([]);
  });
});
