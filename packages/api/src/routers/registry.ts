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
import { guarded, router } from '../trpc.ts';

/** Public registries (issue 13): imports, the name review queue (名称核对), registry history of hospitals and trials. */
export const registryRouter = router({
  import: guarded(POLICIES.manageRegistry)
    .input(registryImportInput)
    .mutation(({ ctx, input }) => importRegistryUpload({ ctx: ctx.uc, input })),
  imports: guarded(POLICIES.manageRegistry)
    .input(registryImportsInput)
    .query(({ ctx, input }) => listRegistryImports({ ctx: ctx.uc, input })),
  queue: guarded(POLICIES.manageRegistry)
    .input(registryQueueInput)
    .query(({ ctx, input }) => listRegistryQueue({ ctx: ctx.uc, input })),
  resolve: guarded(POLICIES.manageRegistry)
    .input(registryResolveInput)
    .mutation(({ ctx, input }) => resolveRegistryName({ ctx: ctx.uc, input })),
  reject: guarded(POLICIES.manageRegistry)
    .input(registryRejectInput)
    .mutation(({ ctx, input }) => rejectRegistryName({ ctx: ctx.uc, input })),
  trialsOfHospital: guarded(POLICIES.readRegistry)
    .input(registryTrialsOfHospitalInput)
    .query(({ ctx, input }) => listHospitalRegistryTrials({ ctx: ctx.uc, input })),
  ofTrial: guarded(POLICIES.readRegistry)
    .input(registryOfTrialInput)
    .query(({ ctx, input }) => getTrialRegistryRecords({ ctx: ctx.uc, input })),
});
