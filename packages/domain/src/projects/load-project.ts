import { type Db, projectMilestones, projects, type Tx } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import { DomainError } from '../errors.ts';

export type LoadedProject = typeof projects.$inferSelect;

export function loadProject(db: Db | Tx, id: string): LoadedProject {
  const project = db.select().from(projects).where(eq(projects.id, id)).get();
  if (!project) throw new DomainError('NOT_FOUND', 'PROJECT_NOT_FOUND');
  return project;
}

export function milestonesOf(db: Db | Tx, projectId: string) {
  return db
    .select()
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(asc(projectMilestones.plannedDate), asc(projectMilestones.id))
    .all();
}

/** The record as it is now (what an audit row keeps): the project's columns and its milestones. */
export function projectSnapshot(db: Db | Tx, id: string) {
  const { createdAt: _c, updatedAt: _u, ...rest } = loadProject(db, id);
  return {
    ...rest,
    milestones: milestonesOf(db, id).map((m) => ({
      id: m.id,
      nameZh: m.nameZh,
      plannedDate: m.plannedDate,
      actualDate: m.actualDate,
    })),
  };
}
