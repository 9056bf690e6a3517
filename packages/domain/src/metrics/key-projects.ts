import { keyProjectFlagInput, POLICIES } from '@ctp/contracts';
import { organisations, projects, projectTrials, trials } from '@ctp/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { keyProjectTrialIds } from '../trials/key-project-ids.ts';
import { boardSitesOf, overdueStage } from './trial-board.ts';

export { keyProjectTrialIds, overdueStage };

/**
 * `keyProjects.flag` {trialId, flagged, reason}: the commission flags or unflags a trial (audited, history kept).
 * A flagged trial is a trial linked to a project (issue 18): flagging links it to an unnamed project of its own
 * (made on the first flagging, reused after), unflagging closes that link. A trial already linked to a named project
 * is already a key project; it is unlinked on the project's page, not here.
 */
export function flagKeyProject({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof keyProjectFlagInput> }) {
  if (!POLICIES.steerMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = keyProjectFlagInput.parse(raw);
  const trial = ctx.db
    .select({ id: trials.id, sponsorOrgId: trials.sponsorOrgId })
    .from(trials)
    .where(eq(trials.id, input.trialId))
    .get();
  if (!trial) throw notFound();
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const open = tx
      .select({ link: projectTrials, ownTrialId: projects.ownTrialId })
      .from(projectTrials)
      .innerJoin(projects, eq(projects.id, projectTrials.projectId))
      .where(and(eq(projectTrials.trialId, trial.id), isNull(projectTrials.unlinkedAt)))
      .all();
    if (open.length > 0 === input.flagged) throw new DomainError('PRECONDITION_FAILED', 'KEY_PROJECT_UNCHANGED');
    if (input.flagged) {
      let own = tx.select({ id: projects.id }).from(projects).where(eq(projects.ownTrialId, trial.id)).get();
      if (!own) {
        own = { id: newId() };
        tx.insert(projects)
          .values({
            id: own.id,
            leadOrgId: trial.sponsorOrgId,
            ownTrialId: trial.id,
            createdBy: ctx.actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .run();
      }
      tx.insert(projectTrials)
        .values({
          projectId: own.id,
          trialId: trial.id,
          reason: input.reason,
          linkedBy: ctx.actor.userId,
          linkedAt: now,
        })
        .run();
    } else {
      const own = open.find((o) => o.ownTrialId === trial.id);
      if (!own) throw new DomainError('PRECONDITION_FAILED', 'KEY_PROJECT_LINKED_BY_PROJECT');
      tx.update(projectTrials)
        .set({ unlinkedAt: now, unlinkedBy: ctx.actor.userId, unlinkReason: input.reason })
        .where(eq(projectTrials.id, own.link.id))
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

/**
 * `keyProjects.board`: the trials linked to any project now (named or unnamed), with their projects and every
 * site's state, open review clock and overdue step.
 */
export function getKeyProjectBoard({ ctx }: { ctx: Ctx }) {
  if (!POLICIES.readMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const today = shanghaiDate(ctx.now());
  const links = ctx.db
    .select({
      link: projectTrials,
      trialId: trials.id,
      project: { id: projects.id, titleZh: projects.titleZh, titleEn: projects.titleEn },
      title: trials.titleZh,
      titleEn: trials.titleEn,
      phase: trials.phase,
      sponsor: organisations.nameZh,
    })
    .from(projectTrials)
    .innerJoin(projects, eq(projects.id, projectTrials.projectId))
    .innerJoin(trials, eq(trials.id, projectTrials.trialId))
    .innerJoin(organisations, eq(organisations.id, trials.sponsorOrgId))
    .where(isNull(projectTrials.unlinkedAt))
    .orderBy(desc(projectTrials.linkedAt), desc(projectTrials.id))
    .all();
  if (links.length === 0) return { trials: [] };
  // One entry per trial (newest link first); a trial in several projects lists them all.
  const byTrial = new Map<string, (typeof links)[number][]>();
  for (const l of links) byTrial.set(l.trialId, [...(byTrial.get(l.trialId) ?? []), l]);
  const sites = boardSitesOf(ctx, [...byTrial.keys()], today);
  return {
    trials: [...byTrial.values()].map((ls) => {
      const f = ls[0]!;
      return {
        trialId: f.trialId,
        title: f.title,
        titleEn: f.titleEn,
        phase: f.phase,
        sponsorName: f.sponsor,
        reason: f.link.reason ?? '',
        flaggedAt: f.link.linkedAt,
        /** Named projects only: an unnamed one is the flag itself. */
        projects: ls.filter((l) => l.project.titleZh !== null).map((l) => l.project),
        sites: sites.get(f.trialId) ?? [],
      };
    }),
  };
}
