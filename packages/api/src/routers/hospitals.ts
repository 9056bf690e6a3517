import {
  addInvestigatorInput,
  addSpecialtyInput,
  CAPABILITIES,
  hospitalGetInput,
  hospitalIdInput,
  POLICIES,
  retireInvestigatorInput,
  retireSpecialtyInput,
  setCapabilitiesInput,
  updateHospitalProfileInput,
  updateInvestigatorInput,
  updateSpecialtyInput,
} from '@ctp/contracts';
import {
  addInvestigator,
  addSpecialty,
  confirmCapacity,
  getHospital,
  listSpecialtyCatalogue,
  retireInvestigator,
  retireSpecialty,
  setCapabilities,
  updateHospitalProfile,
  updateInvestigator,
  updateSpecialty,
} from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

/**
 * Hospital profiles (issue 3): read by every signed-in role; kept by the hospital's own site admin. The role is
 * checked here (editHospitalProfile); "this hospital only" is checked in the use-case, with the record in hand.
 */
const edit = guarded(POLICIES.editHospitalProfile);

export const hospitalsRouter = router({
  get: guarded(POLICIES.readDirectory)
    .input(hospitalGetInput)
    .query(({ ctx, input }) => getHospital({ ctx: useCaseCtx(ctx), input })),
  specialtyCatalogue: guarded(POLICIES.signedIn).query(({ ctx }) => listSpecialtyCatalogue({ ctx: useCaseCtx(ctx) })),
  capabilityVocabulary: guarded(POLICIES.signedIn).query(() => CAPABILITIES),
  updateProfile: edit
    .input(updateHospitalProfileInput)
    .mutation(({ ctx, input }) => updateHospitalProfile({ ctx: useCaseCtx(ctx), input })),
  confirmCapacity: edit
    .input(hospitalIdInput)
    .mutation(({ ctx, input }) => confirmCapacity({ ctx: useCaseCtx(ctx), input })),
  addSpecialty: edit
    .input(addSpecialtyInput)
    .mutation(({ ctx, input }) => addSpecialty({ ctx: useCaseCtx(ctx), input })),
  updateSpecialty: edit
    .input(updateSpecialtyInput)
    .mutation(({ ctx, input }) => updateSpecialty({ ctx: useCaseCtx(ctx), input })),
  retireSpecialty: edit
    .input(retireSpecialtyInput)
    .mutation(({ ctx, input }) => retireSpecialty({ ctx: useCaseCtx(ctx), input })),
  addInvestigator: edit
    .input(addInvestigatorInput)
    .mutation(({ ctx, input }) => addInvestigator({ ctx: useCaseCtx(ctx), input })),
  updateInvestigator: edit
    .input(updateInvestigatorInput)
    .mutation(({ ctx, input }) => updateInvestigator({ ctx: useCaseCtx(ctx), input })),
  retireInvestigator: edit
    .input(retireInvestigatorInput)
    .mutation(({ ctx, input }) => retireInvestigator({ ctx: useCaseCtx(ctx), input })),
  setCapabilities: edit
    .input(setCapabilitiesInput)
    .mutation(({ ctx, input }) => setCapabilities({ ctx: useCaseCtx(ctx), input })),
});
