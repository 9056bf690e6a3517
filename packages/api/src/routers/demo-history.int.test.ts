import { createTestDatabase } from '@ctp/db/testing';
import { recognitionFigures, seedDemo } from '@ctp/domain';
import { describe, expect, it } from 'vitest';
import { callerAs } from '../../../../test/helpers/test-app.ts';

const NOW = Date.parse('2026-11-20T12:00:00+08:00');

async function seeded() {
  const database = createTestDatabase();
  const t0 = performance.now();
  await seedDemo({
    db: database.db,
    ctx: { actor: null, now: () => NOW, requestId: 'test' },
    withUsers: true,
    withHistory: true,
  });
  return { database, ms: performance.now() - t0 };
}

describe('demo history (24 months through the use-cases)', () => {
  it('is deterministic and consistent with the workflows', async () => {
    const a = await seeded();
    const b = await seeded();
    console.log(`demo seed with history: ${Math.round(a.ms)} ms, ${Math.round(b.ms)} ms`);
    const q = (db: typeof a.database, sql: string) => db.sqlite.prepare(sql).all();
    const shape = (db: typeof a.database) => ({
      trials: q(db, 'select title_zh, type, phase from trials order by title_zh'),
      sites: q(
        db,
        'select state, selected_date, ethics_approved_date, siv_date, fpi_date from trial_sites order by selected_date, state, fpi_date',
      ),
      subs: q(
        db,
        'select type, state, accepted_date, decided_date, outcome from submissions order by accepted_date, decided_date, type',
      ),
      enrolment: q(db, 'select month, sum(enrolled) n from trial_site_enrolment group by month order by month'),
      delays: q(
        db,
        'select stage, reason, attribution, recorded_by_side, recorded_at from trial_site_delays order by id',
      ),
      meetings: q(db, 'select meeting_date from meetings order by meeting_date'),
      recognitions: q(
        db,
        'select committee_id, state, accepted_date, decided_date, outcome, letter_no from recognition_requests order by letter_no, accepted_date, decided_date',
      ),
    });
    expect(shape(b.database)).toEqual(shape(a.database));
    const counts = a.database.sqlite
      .prepare(
        `select (select count(*) from trials) trials, (select count(*) from trial_sites) sites,
                (select count(*) from submissions where decided_date is not null) decided,
                (select count(*) from trial_site_enrolment) months,
                (select min(accepted_date) from submissions) firstAccepted`,
      )
      .get() as { trials: number; sites: number; decided: number; months: number; firstAccepted: string };
    expect(counts.trials).toBeGreaterThan(40);
    expect(counts.decided).toBeGreaterThan(60);
    expect(counts.months).toBeGreaterThan(100);
    // The history starts 730 days before NOW (2024-11-20); its first acceptance comes within two months.
    expect(counts.firstAccepted < '2025-01-20').toBe(true);
    // Convened reviews at the committees with a demo roster: a meeting with attendance and every present member's vote.
    const convened = q(
      a.database,
      `select s.id, s.committee_id, count(distinct att.member_id) present, count(distinct v.member_id) votes
         from submissions s join meetings m on m.id = s.meeting_id
         join meeting_attendance att on att.meeting_id = m.id and att.is_present = 1
         join submission_votes v on v.submission_id = s.id and v.meeting_id = m.id
        where s.review_path = 'convened' and s.decided_date is not null group by s.id`,
    ) as { committee_id: string; present: number; votes: number }[];
    expect(convened.length).toBeGreaterThan(15);
    expect(new Set(convened.map((c) => c.committee_id))).toEqual(new Set(['ec-jsph', 'ec-njglyy', 'ec-jsch']));
    expect(convened.every((c) => c.present === c.votes && c.present >= 5)).toBe(true);
    // No one sits twice on a committee at once (the history's chair terms end where the demo rosters begin).
    const overlapping = a.database.sqlite
      .prepare(
        `select count(*) from committee_members x join committee_members y on x.committee_id = y.committee_id
           and x.id < y.id and x.user_id = y.user_id
           and x.term_start <= coalesce(y.term_end, '9999') and y.term_start <= coalesce(x.term_end, '9999')`,
      )
      .pluck()
      .get();
    expect(overlapping).toBe(0);
    const chairsNow = q(
      a.database,
      `select committee_id, count(*) n from committee_members where role = 'chair' and term_start <= '2026-11-20'
         and (term_end is null or term_end >= '2026-11-20') group by committee_id having n > 1`,
    );
    expect(chairsNow).toEqual([]);
    // Delay reasons for stages that missed their targets, by both sides, each attributed.
    const delays = q(
      a.database,
      'select recorded_by_side side, attribution, count(*) n from trial_site_delays group by 1, 2',
    ) as { side: string; attribution: string; n: number }[];
    expect(new Set(delays.map((d) => d.side))).toEqual(new Set(['site', 'sponsor']));
    expect(new Set(delays.map((d) => d.attribution))).toEqual(new Set(['sponsor', 'hospital', 'both']));
    // Every ethics approval of a site came from a decided submission of that site (never typed in twice).
    const orphan = a.database.sqlite
      .prepare(
        `select count(*) from trial_sites ts where ts.ethics_approved_date is not null and ts.trial_id not in
           (select id from trials where title_zh like '（演示）%') and not exists (select 1 from submissions s
           where s.trial_site_id = ts.id and s.decided_date = ts.ethics_approved_date and s.outcome = 'approved')
           and not exists (select 1 from recognition_requests r where r.trial_site_id = ts.id
           and r.decided_date = ts.ethics_approved_date and r.outcome in ('recognised', 'recognised_with_conditions'))`,
      )
      .pluck()
      .get();
    expect(orphan).toBe(0);
    // Recognition (互认) at participating sites whose EC shares the demo agreement with the lead EC: opened after the
    // lead's approval, packet → accepted → decided; most within the 7-working-day clock, some over, one declined
    // (its linked full submission then reviewed); the agreement dates from before the first request.
    const rec = q(
      a.database,
      `select r.outcome, r.accepted_date, r.decided_date, r.fallback_submission_id, r.created_at, a.created_at agreed,
              (select max(s.decided_date) from submissions s where s.id = r.lead_submission_id) lead_decided,
              (select ts.ethics_approved_date from trial_sites ts where ts.id = r.trial_site_id) approved
         from recognition_requests r join recognition_agreements a on a.id = r.agreement_id`,
    ) as {
      outcome: string | null;
      accepted_date: string | null;
      decided_date: string | null;
      fallback_submission_id: string | null;
      created_at: number;
      agreed: number;
      lead_decided: string;
      approved: string | null;
    }[];
    const recognised = rec.filter((r) => r.outcome === 'recognised' || r.outcome === 'recognised_with_conditions');
    expect(recognised.length).toBeGreaterThan(5);
    expect(rec.filter((r) => r.outcome === 'declined')).toHaveLength(1);
    expect(rec.every((r) => r.agreed < r.created_at)).toBe(true);
    expect(rec.every((r) => new Date(r.created_at + 8 * 3_600_000).toISOString().slice(0, 10) >= r.lead_decided)).toBe(
      true,
    );
    expect(recognised.every((r) => r.approved === r.decided_date)).toBe(true);
    const fallback = rec.find((r) => r.outcome === 'declined')!.fallback_submission_id;
    expect(
      q(a.database, `select type, state from submissions where id = '${fallback}'`)[0] as { type: string },
    ).toMatchObject({ type: 'initial' });
    const { recognition } = await callerAs(a.database, 'commission@demo.ctp', { now: () => NOW }).metrics.overview({});
    console.log(
      `recognition: ${rec.length} requests, ${recognised.length} recognised, overview ${JSON.stringify(recognition)}`,
    );
    expect(recognition.available).toBe(true);
    expect(recognition.adoptionPct).toBeGreaterThan(0);
    expect(recognition.medianWorkingDays).toBeGreaterThan(0);
    expect(recognition.workingDaysSaved).toBeGreaterThan(0);
    const figures = recognitionFigures(a.database.db).filter((f) => f.outcome !== 'declined');
    const overClock = figures.filter((f) => f.recognitionDays > 7);
    expect(overClock.length).toBeGreaterThan(0);
    expect(overClock.length).toBeLessThan(figures.length / 2);
    // English titles name the specialty, not its code.
    expect(q(a.database, `select 1 from trials where title_en like '% in %\\_%' escape '\\'`)).toEqual([]);
  }, 120_000);
});
