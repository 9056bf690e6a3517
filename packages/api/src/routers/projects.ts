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
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

/**
 * Key technology projects (issue 18). Public contract: projects.list/get/create/linkTrial; update, setMilestone and
 * formOptions beside them.
 */
export const projectsRouter = router({
  list: guarded(POLICIES.readProjects)
    .input(projectsListInput)
    .query(({ ctx, input }) => listProjects({ ctx: useCaseCtx(ctx), input })),
  get: guarded(POLICIES.readProjects)
    .input(projectIdInput)
    .query(({ ctx, input }) => getProject({ ctx: useCaseCtx(ctx), input })),
  formOptions: guarded(POLICIES.readProjects).query(({ ctx }) => projectFormOptions({ ctx: useCaseCtx(ctx) })),
  create: guarded(POLICIES.steerProjects)
    .input(projectsCreateInput)
    .mutation(({ ctx, input }) => createProject({ ctx: useCaseCtx(ctx), input })),
  update: guarded(POLICIES.steerProjects)
    .input(projectsUpdateInput)
    .mutation(({ ctx, input }) => updateProject({ ctx: useCaseCtx(ctx), input })),
  setMilestone: guarded(POLICIES.steerProjects)
    .input(projectsSetMilestoneInput)
    .mutation(({ ctx, input }) => setProjectMilestone({ ctx: useCaseCtx(ctx), input })),
  linkTrial: guarded(POLICIES.steerProjects)
    .input(projectsLinkTrialInput)
    .mutation(({ ctx, input }) => linkProjectTrial({ ctx: useCaseCtx(ctx), input })),
});
