import { z } from 'zod';
import { BASE_FOCUS_AREAS } from './bases.ts';
import { bi } from './i18n/validation-messages.ts';

/**
 * Key technology projects (关键核心技术攻关项目, issue 18): a core-technology project followed together with the
 * clinical research it feeds. A project links any number of trials (platform or registry); a trial linked to a
 * project is what the older "key project" flag on one trial meant (`keyProjects.flag` now links the trial to an
 * unnamed project of its own).
 */
export const PROJECT_TECH_AREAS = BASE_FOCUS_AREAS;
export type ProjectTechArea = (typeof PROJECT_TECH_AREAS)[number];

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'));
const text = (max: number) => z.string().trim().max(max);

export const projectsListInput = z
  .object({
    q: text(100).optional(),
    /** Unnamed projects (made by `keyProjects.flag` for one trial) are listed only when asked. */
    includeUnnamed: z.boolean().default(false),
  })
  .default({ includeUnnamed: false });
export const projectIdInput = z.object({ id });

const milestoneFields = {
  nameZh: text(100).min(2),
  nameEn: text(200).optional(),
  plannedDate: isoDate,
};

const projectFields = {
  titleZh: text(150).min(4),
  titleEn: text(300).optional(),
  /** The lead enterprise (牵头企业): an enterprise on the platform (sponsor or CRO). */
  leadOrgId: id,
  technologyArea: z.enum(PROJECT_TECH_AREAS),
  fundingProgramme: text(150).min(2),
  startDate: isoDate,
  summary: text(2000).optional(),
};
export const projectsCreateInput = z.object({
  ...projectFields,
  milestones: z.array(z.object(milestoneFields)).max(20).default([]),
});
export type ProjectsCreateInput = z.input<typeof projectsCreateInput>;

/** `version` is the project's current version (a stale one is refused). */
export const projectsUpdateInput = z
  .object(projectFields)
  .partial()
  .extend({ id, version: z.number().int().min(1) });
export type ProjectsUpdateInput = z.input<typeof projectsUpdateInput>;

/** Adds a milestone (no `milestoneId`) or changes one: its plan, or the date it was actually reached. */
export const projectsSetMilestoneInput = z.object({
  id,
  version: z.number().int().min(1),
  milestoneId: z.number().int().min(1).optional(),
  ...milestoneFields,
  /** The date it was reached (never after today, Beijing); null while not reached. */
  actualDate: isoDate.nullable().default(null),
});
export type ProjectsSetMilestoneInput = z.input<typeof projectsSetMilestoneInput>;

/** Links a platform trial (`trialId`) or a trial known only from a public registry (`registryId`, NCT… / CTR…). */
export const projectsLinkTrialInput = z
  .object({
    id,
    trialId: id.optional(),
    registryId: z.string().trim().min(4).max(40).optional(),
    linked: z.boolean().default(true),
    reason: text(500).min(2).optional(),
  })
  .refine((l) => (l.trialId === undefined) !== (l.registryId === undefined), {
    path: ['trialId'],
    message: bi('请选择一个平台试验或填写一个登记号', 'Choose one platform trial or enter one registry number'),
  });
export type ProjectsLinkTrialInput = z.input<typeof projectsLinkTrialInput>;

/** A milestone is late when reached after its planned date, overdue when not reached and the date has passed. */
export type MilestoneStatus = 'done' | 'late' | 'overdue' | 'planned';
export function milestoneStatus(m: { plannedDate: string; actualDate: string | null }, today: string): MilestoneStatus {
  if (m.actualDate) return m.actualDate > m.plannedDate ? 'late' : 'done';
  return today > m.plannedDate ? 'overdue' : 'planned';
}

export type ProjectListItem = {
  id: string;
  titleZh: string | null;
  titleEn: string | null;
  /** Unnamed: made by `keyProjects.flag` for this one trial. */
  ownTrialId: string | null;
  ownTrialTitle: string | null;
  ownTrialTitleEn: string | null;
  leadOrgId: string;
  leadOrgName: string;
  leadOrgNameEn: string | null;
  technologyArea: ProjectTechArea | null;
  fundingProgramme: string | null;
  startDate: string | null;
  trialCount: number;
  milestonesOverdue: number;
  sitesDelayed: number;
  isDemo: boolean;
};
