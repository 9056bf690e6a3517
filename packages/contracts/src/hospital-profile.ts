import { z } from 'zod';
import { emailSchema } from './auth.ts';
import { CAPABILITY_CODES, INVESTIGATOR_TITLES, SPECIALTY_SCOPES } from './capacity.ts';
import { bi } from './i18n/validation-messages.ts';
import { HOSPITAL_LEVELS, HOSPITAL_TYPES, NANJING_DISTRICTS } from './roles.ts';

/**
 * Inputs of the hospital profile (机构资源档案, issue 3), kept by the hospital's own site admin. Dates are calendar
 * dates in Asia/Shanghai; "not in the future" needs the server's clock, so the use-cases check it (DATE_IN_FUTURE).
 */

const id = z.string().trim().min(1).max(64);
const version = z.number().int().min(1);
const date = z.iso.date();
const name = (max: number) => z.string().trim().min(1).max(max);
/** Optional text the user may clear: absent = unchanged, null or "" = cleared. */
const clearable = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
const count = (max: number) => z.number().int().min(0).max(max);

const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^$|^[0-9+()\- ]{5,}(?:(?:转|ext\.?|x) ?[0-9]{1,6})?$/u, {
    message: bi('请输入有效的电话号码，如 025-83718836', 'Enter a valid phone number, e.g. 025-83718836'),
  });

export const updateHospitalProfileInput = z.object({
  hospitalId: id,
  version,
  nameEn: clearable(300),
  address: clearable(200),
  district: z.enum(NANJING_DISTRICTS).nullable().optional(),
  level: z.enum(HOSPITAL_LEVELS).nullable().optional(),
  hospitalType: z.enum(HOSPITAL_TYPES).nullable().optional(),
  nmpaDrugFilingNo: clearable(64),
  nmpaDrugFilingDate: date.nullable().optional(),
  deviceFilingNo: clearable(64),
  phase1Beds: count(1_000).nullable().optional(),
  phase1FilingDate: date.nullable().optional(),
  totalBeds: count(20_000).nullable().optional(),
  contactName: clearable(50),
  contactPhone: phone
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v)),
  contactEmail: emailSchema.nullable().optional(),
});
export type UpdateHospitalProfileInput = z.input<typeof updateHospitalProfileInput>;

/** The profile fields a site admin edits; every other column of `organisations` is the platform's. */
export const HOSPITAL_PROFILE_FIELDS = [
  'nameEn',
  'address',
  'district',
  'level',
  'hospitalType',
  'nmpaDrugFilingNo',
  'nmpaDrugFilingDate',
  'deviceFilingNo',
  'phase1Beds',
  'phase1FilingDate',
  'totalBeds',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const satisfies readonly (keyof UpdateHospitalProfileInput)[];

const diseaseAreas = z
  .array(z.object({ diseaseArea: name(50), annualPatients: count(10_000_000).nullable().optional() }))
  .max(30)
  .superRefine((areas, ctx) => {
    const seen = new Set<string>();
    areas.forEach((a, i) => {
      if (seen.has(a.diseaseArea))
        ctx.addIssue({ code: 'custom', path: [i, 'diseaseArea'], message: bi('病种重复', 'Duplicate disease area') });
      seen.add(a.diseaseArea);
    });
  });

const specialtyFields = {
  nameAsFiled: clearable(100),
  filingDate: date.nullable().optional(),
  scope: z.enum(SPECIALTY_SCOPES),
  trialBeds: count(1_000),
  maxConcurrentTrials: count(500),
  diseaseAreas,
};

export const addSpecialtyInput = z.object({ hospitalId: id, specialtyCode: name(64), ...specialtyFields });
export type AddSpecialtyInput = z.input<typeof addSpecialtyInput>;

export const updateSpecialtyInput = z.object({
  id,
  version,
  nameAsFiled: specialtyFields.nameAsFiled,
  filingDate: specialtyFields.filingDate,
  scope: specialtyFields.scope.optional(),
  trialBeds: specialtyFields.trialBeds.optional(),
  maxConcurrentTrials: specialtyFields.maxConcurrentTrials.optional(),
  diseaseAreas: specialtyFields.diseaseAreas.optional(),
});
export type UpdateSpecialtyInput = z.input<typeof updateSpecialtyInput>;

const reason = name(200);
export const retireSpecialtyInput = z.object({ id, version, reason });
export type RetireSpecialtyInput = z.input<typeof retireSpecialtyInput>;

const specialtyIds = z
  .array(id)
  .min(1)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { message: bi('专业重复', 'Duplicate specialty') });

/** The level (正高/副高/…) is derived from the title via TITLE_LEVEL, never typed. */
export const addInvestigatorInput = z.object({
  hospitalId: id,
  name: name(50),
  title: z.enum(INVESTIGATOR_TITLES),
  gcpTrainingDate: date.nullable().optional(),
  maxConcurrentTrials: count(100),
  specialtyIds,
});
export type AddInvestigatorInput = z.input<typeof addInvestigatorInput>;

export const updateInvestigatorInput = z.object({
  id,
  version,
  name: name(50).optional(),
  title: z.enum(INVESTIGATOR_TITLES).optional(),
  gcpTrainingDate: date.nullable().optional(),
  maxConcurrentTrials: count(100).optional(),
  specialtyIds: specialtyIds.optional(),
});
export type UpdateInvestigatorInput = z.input<typeof updateInvestigatorInput>;

export const retireInvestigatorInput = z.object({ id, version, reason });
export type RetireInvestigatorInput = z.input<typeof retireInvestigatorInput>;

export const setCapabilitiesInput = z.object({
  hospitalId: id,
  capabilities: z
    .array(z.enum(CAPABILITY_CODES))
    .max(CAPABILITY_CODES.length)
    .refine((c) => new Set(c).size === c.length, { message: bi('能力重复', 'Duplicate capability') }),
});
export type SetCapabilitiesInput = z.input<typeof setCapabilitiesInput>;

export const hospitalIdInput = z.object({ hospitalId: id });
export const hospitalGetInput = z.object({ id });

/** What the completeness score checks; the UI names each missing item (hospitalProfile.completeness.*). */
export const PROFILE_COMPLETENESS_KEYS = [
  'nameEn',
  'address',
  'district',
  'level',
  'hospitalType',
  'nmpaDrugFilingNo',
  'nmpaDrugFilingDate',
  'totalBeds',
  'contactName',
  'contactPhone',
  'contactEmail',
  'specialties',
  'diseaseAreas',
  'investigators',
  'seniorInvestigator',
  'capabilities',
] as const;
export type ProfileCompletenessKey = (typeof PROFILE_COMPLETENESS_KEYS)[number];

/** Today's calendar date in Asia/Shanghai (UTC+8, no DST) as YYYY-MM-DD. */
export function shanghaiToday(nowMs: number): string {
  return new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 10);
}
