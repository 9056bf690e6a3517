import {
  POLICIES,
  projectIdInput,
  projectsCreateInput,
  projectsLinkTrialInput,
  projectsListInput,
  projectsSetMilestoneInput,
  projectsUpdateInput,
} from '@ctp/contracts';
import {
  createProject,
  getProject,
  linkProjectTrial,
  listProjects,
  projectFormOptions,
  setProjectMilestone,
  updateProject,
} from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

/**
 * Key technology projects (issue 18). Public contract: projects.list/get/create/linkTrial; update, setMilestone and
 * formOptions beside them.
 */
export const projectsRouter = router({
  list: guarded(POLICIES.readProjects)
    .input(projectsListInput)
    .query(({ ctx, input }) => listProjects({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.readProjects)
    .input(projectIdInput)
    .query(({ ctx, input }) => getProject({ ctx: ctx.uc, input })),
  formOptions: guarded(POLICIES.readProjects).query(({ ctx }) => projectFormOptions({ ctx: ctx.uc })),
  create: guarded(POLICIES.steerProjects)
    .input(projectsCreateInput)
    .mutation(({ ctx, input }) => createProject({ ctx: ctx.uc, input })),
  update: guarded(POLICIES.steerProjects)
    .input(projectsUpdateInput)
    .mutation(({ ctx, input }) => updateProject({ ctx: ctx.uc, input })),
  setMilestone: guarded(POLICIES.steerProjects)
    .input(projectsSetMilestoneInput)
    .mutation(({ ctx, input }) => setProjectMilestone({ ctx: ctx.uc, input })),
  linkTrial: guarded(POLICIES.steerProjects)
    .input(projectsLinkTrialInput)
    .mutation(({ ctx, input }) => linkProjectTrial({ ctx: ctx.uc, input })),
});
