import {
  POLICIES,
  registryImportInput,
  registryImportsInput,
  registryOfTrialInput,
  registryQueueInput,
  registryRejectInput,
  registryResolveInput,
  registryTrialsOfHospitalInput,
} from '@ctp/contracts';
import {
  getTrialRegistryRecords,
  importRegistryUpload,
  listHospitalRegistryTrials,
  listRegistryImports,
  listRegistryQueue,
  rejectRegistryName,
  resolveRegistryName,
} from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

/** Public registries (issue 13): imports, the name review queue (名称核对), registry history of hospitals and trials. */
export const registryRouter = router({
  import: guarded(POLICIES.manageRegistry)
    .input(registryImportInput)
    .mutation(({ ctx, input }) => importRegistryUpload({ ctx: useCaseCtx(ctx), input })),
  imports: guarded(POLICIES.manageRegistry)
    .input(registryImportsInput)
    .query(({ ctx, input }) => listRegistryImports({ ctx: useCaseCtx(ctx), input })),
  queue: guarded(POLICIES.manageRegistry)
    .input(registryQueueInput)
    .query(({ ctx, input }) => listRegistryQueue({ ctx: useCaseCtx(ctx), input })),
  resolve: guarded(POLICIES.manageRegistry)
    .input(registryResolveInput)
    .mutation(({ ctx, input }) => resolveRegistryName({ ctx: useCaseCtx(ctx), input })),
  reject: guarded(POLICIES.manageRegistry)
    .input(registryRejectInput)
    .mutation(({ ctx, input }) => rejectRegistryName({ ctx: useCaseCtx(ctx), input })),
  trialsOfHospital: guarded(POLICIES.readRegistry)
    .input(registryTrialsOfHospitalInput)
    .query(({ ctx, input }) => listHospitalRegistryTrials({ ctx: useCaseCtx(ctx), input })),
  ofTrial: guarded(POLICIES.readRegistry)
    .input(registryOfTrialInput)
    .query(({ ctx, input }) => getTrialRegistryRecords({ ctx: useCaseCtx(ctx), input })),
});
