import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import { ROLES } from './roles.ts';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** Password rule: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z
  .string()
  .min(10)
  .max(200)
  .refine((p) => !/^(.)\1+$/.test(p), {
    message: bi('密码不能由同一个字符组成', 'The password cannot be one repeated character'),
  });

export const loginInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const switchMembershipInput = z.object({ membershipId: z.string().min(1).max(64) });

export const membershipView = z.object({
  membershipId: z.string(),
  role: z.enum(ROLES),
  orgId: z.string(),
  orgName: z.string(),
  orgNameEn: z.string().nullable(),
  committeeId: z.string().nullable(),
  committeeName: z.string().nullable(),
  committeeNameEn: z.string().nullable(),
});
export type MembershipView = z.infer<typeof membershipView>;

export const meOutput = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  memberships: z.array(membershipView),
  active: z.object({ role: z.enum(ROLES), orgId: z.string(), membershipId: z.string() }).nullable(),
});
export type MeOutput = z.infer<typeof meOutput>;
