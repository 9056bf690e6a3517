import { PROJECT_TECH_AREAS } from '@ctp/contracts';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';
import { organisations } from './organisations.ts';
import { registryTrials } from './registry.ts';
import { trials } from './trials.ts';

/**
 * Key technology projects (关键核心技术攻关项目, issue 18). A named project has a title, lead enterprise, technology
 * area, funding programme and start date. An unnamed one (`own_trial_id` set, title null) is what `keyProjects.flag`
 * makes for one trial: the older per-trial flag, now "linked to a project of its own" (migration 0023 moved the
 * `key_projects` history here).
 */
export const projects = sqliteTable('projects', {
  id: text('id').primaryKey(),
  titleZh: text('title_zh'),
  titleEn: text('title_en'),
  leadOrgId: text('lead_org_id')
    .notNull()
    .references(() => organisations.id),
  technologyArea: text('technology_area', { enum: PROJECT_TECH_AREAS }),
  fundingProgramme: text('funding_programme'),
  startDate: text('start_date'),
  summary: text('summary'),
  /** Set only on an unnamed project made by flagging this trial. */
  ownTrialId: text('own_trial_id')
    .unique()
    .references(() => trials.id),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  version: integer('version').notNull().default(1),
  createdBy: text('created_by').references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Planned and actual dates of a project's milestones (calendar dates, Asia/Shanghai). */
export const projectMilestones = sqliteTable(
  'project_milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    plannedDate: text('planned_date').notNull(),
    actualDate: text('actual_date'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId)],
);

/**
 * One row per linking of a trial to a project; unlinking closes the row (kept for history). A trial is linked while
 * it has a row with `unlinked_at` null — and a trial linked to any project is a key project.
 */
export const projectTrials = sqliteTable(
  'project_trials',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** A platform trial, or (`registry_trial_id`) a trial known only from a public registry. */
    trialId: text('trial_id').references(() => trials.id),
    registryTrialId: integer('registry_trial_id').references(() => registryTrials.id),
    reason: text('reason'),
    linkedBy: text('linked_by').references(() => users.id),
    linkedAt: integer('linked_at').notNull(),
    unlinkReason: text('unlink_reason'),
    unlinkedBy: text('unlinked_by').references(() => users.id),
    unlinkedAt: integer('unlinked_at'),
  },
  (t) => [
    index('project_trials_trial_idx').on(t.trialId, t.unlinkedAt),
    index('project_trials_project_idx').on(t.projectId, t.unlinkedAt),
    check('project_trials_one_trial', sql`(${t.trialId} is null) <> (${t.registryTrialId} is null)`),
  ],
);
