import { DEFAULT_REVIEW_LIMIT_DAYS, keyProjectFlagInput, POLICIES, STARTUP_STAGE_TARGETS } from '@ctp/contracts';
import {
  committeeSettings,
  hospitalSpecialties,
  keyProjects,
  organisations,
  specialtyCatalogue,
  submissions,
  trialSites,
  trials,
} from '@ctp/db';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { submissionClockStopsOf } from '../clock/clock-stops.ts';
import { addDays, daysBetween, shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { submissionClock } from '../ethics/read-submissions.ts';
import { inTransaction } from '../transaction.ts';
import { keyProjectTrialIds } from '../trials/key-project-ids.ts';

export { keyProjectTrialIds };

/** `keyProjects.flag` {trialId, flagged, reason}: the commission flags or unflags a trial (audited, history kept). */
export function flagKeyProject({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof keyProjectFlagInput> }) {
  if (!POLICIES.steerMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = keyProjectFlagInput.parse(raw);
  const trial = ctx.db.select({ id: trials.id }).from(trials).where(eq(trials.id, input.trialId)).get();
  if (!trial) throw notFound();
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const open = tx
      .select()
      .from(keyProjects)
      .where(and(eq(keyProjects.trialId, trial.id), isNull(keyProjects.unflaggedAt)))
      .get();
    if (Boolean(open) === input.flagged) throw new DomainError('PRECONDITION_FAILED', 'KEY_PROJECT_UNCHANGED');
    if (input.flagged) {
      tx.insert(keyProjects)
        .values({ trialId: trial.id, reason: input.reason, flaggedBy: ctx.actor.userId, flaggedAt: now })
        .run();
    } else {
      tx.update(keyProjects)
        .set({ unflaggedAt: now, unflaggedBy: ctx.actor.userId, unflagReason: input.reason })
        .where(eq(keyProjects.id, open!.id))
        .run();
    }
    writeAuditEvent(tx, ctx, {
      action: input.flagged ? 'trial.flag_key_project' : 'trial.unflag_key_project',
      entityType: 'trial',
      entityId: trial.id,
      before: { keyProject: !input.flagged },
      after: { keyProject: input.flagged, reason: input.reason },
    });
    return { trialId: trial.id, flagged: input.flagged };
  });
}

/** The stage a site is overdue on against the 60/60/30 targets (DESIGN §5), and by how many days. */
export function overdueStage(
  s: { selectedDate: string | null; ethicsApprovedDate: string | null; sivDate: string | null; fpiDate: string | null },
  today: string,
): { stage: 'ethics' | 'siv' | 'fpi'; dueDate: string; daysOver: number } | null {
  const steps = [
    ['ethics', s.selectedDate, s.ethicsApprovedDate, STARTUP_STAGE_TARGETS.ethics],
    ['siv', s.ethicsApprovedDate, s.sivDate, STARTUP_STAGE_TARGETS.siv],
    ['fpi', s.sivDate, s.fpiDate, STARTUP_STAGE_TARGETS.fpi],
  ] as const;
  for (const [stage, start, done, target] of steps) {
    if (!start || done) continue;
    const dueDate = addDays(start, target);
    return today > dueDate ? { stage, dueDate, daysOver: daysBetween(dueDate, today) } : null;
  }
  return null;
}

/** `keyProjects.board`: the flagged trials with every site's state, open review clock and overdue step. */
export function getKeyProjectBoard({ ctx }: { ctx: Ctx }) {
  if (!POLICIES.readMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const today = shanghaiDate(ctx.now());
  const flags = ctx.db
    .select({
      k: keyProjects,
      title: trials.titleZh,
      titleEn: trials.titleEn,
      phase: trials.phase,
      sponsor: organisations.nameZh,
    })
    .from(keyProjects)
    .innerJoin(trials, eq(trials.id, keyProjects.trialId))
    .innerJoin(organisations, eq(organisations.id, trials.sponsorOrgId))
    .where(isNull(keyProjects.unflaggedAt))
    .orderBy(desc(keyProjects.flaggedAt))
    .all();
  if (flags.length === 0) return { trials: [] };
  const trialIds = flags.map((f) => f.k.trialId);
  const sites = ctx.db
    .select({ site: trialSites, hospitalName: organisations.nameZh, specialtyName: specialtyCatalogue.nameZh })
    .from(trialSites)
    .innerJoin(organisations, eq(organisations.id, trialSites.hospitalOrgId))
    .innerJoin(hospitalSpecialties, eq(hospitalSpecialties.id, trialSites.hospitalSpecialtyId))
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .where(inArray(trialSites.trialId, trialIds))
    .all();
  const subs = ctx.db
    .select({ sub: submissions, limitDays: committeeSettings.reviewLimitDays })
    .from(submissions)
    .leftJoin(committeeSettings, eq(committeeSettings.committeeId, submissions.committeeId))
    .where(inArray(submissions.trialId, trialIds))
    .all();
  const stops = submissionClockStopsOf(
    ctx.db,
    subs.map((x) => x.sub.id),
  );
  const cal = loadWorkingCalendar(ctx.db);
  return {
    trials: flags.map((f) => ({
      trialId: f.k.trialId,
      title: f.title,
      titleEn: f.titleEn,
      phase: f.phase,
      sponsorName: f.sponsor,
      reason: f.k.reason,
      flaggedAt: f.k.flaggedAt,
      sites: sites
        .filter((s) => s.site.trialId === f.k.trialId)
        .map(({ site, hospitalName, specialtyName }) => {
          // The site's latest review still open (accepted, not decided), with its working-day clock.
          const open = subs
            .filter(
              (x) =>
                x.sub.trialSiteId === site.id &&
                x.sub.acceptedDate &&
                !x.sub.decidedDate &&
                x.sub.state !== 'withdrawn',
            )
            .sort((a, b) => b.sub.createdAt - a.sub.createdAt)[0];
          const clock = open
            ? submissionClock(
                cal,
                open.sub,
                stops.get(open.sub.id) ?? [],
                open.limitDays ?? DEFAULT_REVIEW_LIMIT_DAYS,
                today,
              )
            : null;
          return {
            trialSiteId: site.id,
            hospitalId: site.hospitalOrgId,
            hospitalName,
            specialtyName,
            role: site.role,
            state: site.state,
            daysInState: daysBetween(shanghaiDate(site.stateChangedAt), today),
            selectedDate: site.selectedDate,
            ethicsApprovedDate: site.ethicsApprovedDate,
            sivDate: site.sivDate,
            fpiDate: site.fpiDate,
            openSubmission: open ? { id: open.sub.id, state: open.sub.state, clock } : null,
            overdue: overdueStage(site, today),
          };
        }),
    })),
  };
}
