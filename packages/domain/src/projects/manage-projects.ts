import {
  POLICIES,
  type ProjectsCreateInput,
  type ProjectsLinkTrialInput,
  type ProjectsSetMilestoneInput,
  type ProjectsUpdateInput,
  projectsCreateInput,
  projectsLinkTrialInput,
  projectsSetMilestoneInput,
  projectsUpdateInput,
} from '@ctp/contracts';
import { organisations, projectMilestones, projects, projectTrials, registryTrials, type Tx, trials } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { type LoadedProject, loadProject, projectSnapshot } from './load-project.ts';

/** The lead of a key technology project is an enterprise on the platform (牵头企业). */
const LEAD_KINDS = ['sponsor', 'cro'];

function steer(ctx: Ctx) {
  if (!ctx.isSystem && !POLICIES.steerProjects.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
}

function checkLead(tx: Tx, leadOrgId: string) {
  const org = tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, leadOrgId)).get();
  if (!org)
    throw new DomainError('NOT_FOUND', 'ORG_NOT_FOUND', {
      fieldErrors: [{ path: 'leadOrgId', message: 'ORG_NOT_FOUND' }],
    });
  if (!LEAD_KINDS.includes(org.kind))
    throw new DomainError('VALIDATION', 'PROJECT_LEAD_KIND', {
      fieldErrors: [{ path: 'leadOrgId', message: 'PROJECT_LEAD_KIND' }],
    });
}

/** An unnamed project is the per-trial flag: it is kept through `keyProjects.flag`, not edited as a project. */
function assertNamed(project: LoadedProject) {
  if (project.ownTrialId) throw new DomainError('PRECONDITION_FAILED', 'PROJECT_UNNAMED');
}

/** Bumps the version conditionally on the one read (a concurrent second writer gets CONFLICT). */
function bumpVersion(tx: Tx, ctx: Ctx, project: LoadedProject, patch: Partial<typeof projects.$inferInsert> = {}) {
  const bumped = tx
    .update(projects)
    .set({ ...patch, version: project.version + 1, updatedAt: ctx.now() })
    .where(and(eq(projects.id, project.id), eq(projects.version, project.version)))
    .run();
  if (bumped.changes !== 1) throw new DomainError('CONFLICT', 'STALE_VERSION');
}

/** `projects.create`: the commission registers a key technology project with its planned milestones. */
export function createProject({ ctx, input: raw }: { ctx: Ctx; input: ProjectsCreateInput & { isDemo?: boolean } }): {
  id: string;
} {
  steer(ctx);
  const input = projectsCreateInput.parse(raw);
  const id = newId();
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    checkLead(tx, input.leadOrgId);
    tx.insert(projects)
      .values({
        id,
        titleZh: input.titleZh,
        titleEn: input.titleEn || null,
        leadOrgId: input.leadOrgId,
        technologyArea: input.technologyArea,
        fundingProgramme: input.fundingProgramme,
        startDate: input.startDate,
        summary: input.summary || null,
        isDemo: raw.isDemo ?? false,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    for (const m of input.milestones)
      tx.insert(projectMilestones)
        .values({
          projectId: id,
          nameZh: m.nameZh,
          nameEn: m.nameEn || null,
          plannedDate: m.plannedDate,
          updatedAt: now,
        })
        .run();
    writeAuditEvent(tx, ctx, {
      action: 'project.create',
      entityType: 'project',
      entityId: id,
      // A named project: its title is the one just stored (the column is nullable for unnamed ones).
      after: { ...projectSnapshot(tx, id), titleZh: input.titleZh },
    });
  });
  return { id };
}

/** `projects.update`: the commission changes any field of a named project (versioned, audited before/after). */
export function updateProject({ ctx, input: raw }: { ctx: Ctx; input: ProjectsUpdateInput }): { version: number } {
  steer(ctx);
  const input = projectsUpdateInput.parse(raw);
  const project = loadProject(ctx.db, input.id);
  assertNamed(project);
  if (project.version !== input.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  inTransaction(ctx.db, (tx) => {
    if (input.leadOrgId !== undefined) checkLead(tx, input.leadOrgId);
    const before = projectSnapshot(tx, project.id);
    bumpVersion(tx, ctx, project, {
      ...(input.titleZh !== undefined && { titleZh: input.titleZh }),
      ...(input.titleEn !== undefined && { titleEn: input.titleEn || null }),
      ...(input.leadOrgId !== undefined && { leadOrgId: input.leadOrgId }),
      ...(input.technologyArea !== undefined && { technologyArea: input.technologyArea }),
      ...(input.fundingProgramme !== undefined && { fundingProgramme: input.fundingProgramme }),
      ...(input.startDate !== undefined && { startDate: input.startDate }),
      ...(input.summary !== undefined && { summary: input.summary || null }),
    });
    writeAuditEvent(tx, ctx, {
      action: 'project.update',
      entityType: 'project',
      entityId: project.id,
      before,
      after: projectSnapshot(tx, project.id),
    });
  });
  return { version: project.version + 1 };
}

/**
 * `projects.setMilestone`: adds a milestone, or changes its plan or the date it was reached (never a date after
 * Beijing's today). Each change moves the project's version on and is audited before/after.
 */
export function setProjectMilestone({ ctx, input: raw }: { ctx: Ctx; input: ProjectsSetMilestoneInput }): {
  version: number;
  milestoneId: number;
} {
  steer(ctx);
  const input = projectsSetMilestoneInput.parse(raw);
  const project = loadProject(ctx.db, input.id);
  assertNamed(project);
  if (project.version !== input.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  if (input.actualDate && input.actualDate > shanghaiDate(ctx.now()))
    throw new DomainError('VALIDATION', 'PROJECT_MILESTONE_FUTURE', {
      fieldErrors: [{ path: 'actualDate', message: 'PROJECT_MILESTONE_FUTURE' }],
    });
  const existing =
    input.milestoneId === undefined
      ? null
      : (ctx.db
          .select()
          .from(projectMilestones)
          .where(and(eq(projectMilestones.id, input.milestoneId), eq(projectMilestones.projectId, project.id)))
          .get() ?? null);
  if (input.milestoneId !== undefined && !existing) throw new DomainError('NOT_FOUND', 'PROJECT_MILESTONE_NOT_FOUND');
  const values = {
    nameZh: input.nameZh,
    nameEn: input.nameEn || null,
    plannedDate: input.plannedDate,
    actualDate: input.actualDate,
    updatedAt: ctx.now(),
  };
  const milestoneId = inTransaction(ctx.db, (tx) => {
    let mid: number;
    if (existing) {
      tx.update(projectMilestones).set(values).where(eq(projectMilestones.id, existing.id)).run();
      mid = existing.id;
    } else {
      mid = Number(
        tx
          .insert(projectMilestones)
          .values({ projectId: project.id, ...values })
          .run().lastInsertRowid,
      );
    }
    bumpVersion(tx, ctx, project);
    const view = (m: { nameZh: string; plannedDate: string; actualDate: string | null }, id: number) => ({
      milestoneId: id,
      nameZh: m.nameZh,
      plannedDate: m.plannedDate,
      actualDate: m.actualDate,
    });
    writeAuditEvent(tx, ctx, {
      action: 'project.set_milestone',
      entityType: 'project',
      entityId: project.id,
      before: existing ? view(existing, existing.id) : null,
      after: view(values, mid),
    });
    return mid;
  });
  return { version: project.version + 1, milestoneId };
}

/**
 * `projects.linkTrial`: links (or unlinks) a platform trial or a registry trial. Unlinking closes the link row; the
 * history stays. A trial linked to any project is a key project on every page that shows the flag.
 */
export function linkProjectTrial({ ctx, input: raw }: { ctx: Ctx; input: ProjectsLinkTrialInput }): {
  linked: boolean;
} {
  steer(ctx);
  const input = projectsLinkTrialInput.parse(raw);
  const project = loadProject(ctx.db, input.id);
  assertNamed(project);
  const trialId = input.trialId
    ? ctx.db.select({ id: trials.id }).from(trials).where(eq(trials.id, input.trialId)).get()?.id
    : undefined;
  const registryTrialId = input.registryId
    ? ctx.db
        .select({ id: registryTrials.id })
        .from(registryTrials)
        .where(eq(registryTrials.registryId, input.registryId.toUpperCase()))
        .get()?.id
    : undefined;
  if (trialId === undefined && registryTrialId === undefined)
    throw new DomainError('NOT_FOUND', 'NOT_FOUND', {
      fieldErrors: [{ path: input.trialId ? 'trialId' : 'registryId', message: 'NOT_FOUND' }],
    });
  const which = trialId
    ? eq(projectTrials.trialId, trialId)
    : eq(projectTrials.registryTrialId, registryTrialId as number);
  const open = ctx.db
    .select()
    .from(projectTrials)
    .where(and(eq(projectTrials.projectId, project.id), which, isNull(projectTrials.unlinkedAt)))
    .get();
  if (!!open === input.linked) throw new DomainError('PRECONDITION_FAILED', 'PROJECT_LINK_UNCHANGED');
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    if (input.linked)
      tx.insert(projectTrials)
        .values({
          projectId: project.id,
          trialId: trialId ?? null,
          registryTrialId: registryTrialId ?? null,
          reason: input.reason ?? null,
          linkedBy: ctx.actor?.userId ?? null,
          linkedAt: now,
        })
        .run();
    else
      tx.update(projectTrials)
        .set({ unlinkedAt: now, unlinkedBy: ctx.actor?.userId ?? null, unlinkReason: input.reason ?? null })
        .where(eq(projectTrials.id, open!.id))
        .run();
    writeAuditEvent(tx, ctx, {
      action: input.linked ? 'project.link_trial' : 'project.unlink_trial',
      entityType: 'project',
      entityId: project.id,
      after: { trialId: trialId ?? input.registryId!.toUpperCase(), ...(input.reason && { reason: input.reason }) },
    });
  });
  return { linked: input.linked };
}
