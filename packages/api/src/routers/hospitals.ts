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
import { guarded, router } from '../trpc.ts';

/**
 * Hospital profiles (issue 3): read by every signed-in role; kept by the hospital's own site admin. The role is
 * checked here (editHospitalProfile); "this hospital only" is checked in the use-case, with the record in hand.
 */
const edit = guarded(POLICIES.editHospitalProfile);

export const hospitalsRouter = router({
  get: guarded(POLICIES.readDirectory)
    .input(hospitalGetInput)
    .query(({ ctx, input }) => getHospital({ ctx: ctx.uc, input })),
  specialtyCatalogue: guarded(POLICIES.signedIn).query(({ ctx }) => listSpecialtyCatalogue({ ctx: ctx.uc })),
  capabilityVocabulary: guarded(POLICIES.signedIn).query(() => CAPABILITIES),
  updateProfile: edit
    .input(updateHospitalProfileInput)
    .mutation(({ ctx, input }) => updateHospitalProfile({ ctx: ctx.uc, input })),
  confirmCapacity: edit.input(hospitalIdInput).mutation(({ ctx, input }) => confirmCapacity({ ctx: ctx.uc, input })),
  addSpecialty: edit.input(addSpecialtyInput).mutation(({ ctx, input }) => addSpecialty({ ctx: ctx.uc, input })),
  updateSpecialty: edit
    .input(updateSpecialtyInput)
    .mutation(({ ctx, input }) => updateSpecialty({ ctx: ctx.uc, input })),
  retireSpecialty: edit
    .input(retireSpecialtyInput)
    .mutation(({ ctx, input }) => retireSpecialty({ ctx: ctx.uc, input })),
  addInvestigator: edit
    .input(addInvestigatorInput)
    .mutation(({ ctx, input }) => addInvestigator({ ctx: ctx.uc, input })),
  updateInvestigator: edit
    .input(updateInvestigatorInput)
    .mutation(({ ctx, input }) => updateInvestigator({ ctx: ctx.uc, input })),
  retireInvestigator: edit
    .input(retireInvestigatorInput)
    .mutation(({ ctx, input }) => retireInvestigator({ ctx: ctx.uc, input })),
  setCapabilities: edit
    .input(setCapabilitiesInput)
    .mutation(({ ctx, input }) => setCapabilities({ ctx: ctx.uc, input })),
});
