import { z } from 'zod';
import { emailSchema, newPasswordSchema } from './auth.ts';
import { ROLES } from './roles.ts';

const membershipsInput = z
  .array(z.object({ orgId: z.string().min(1).max(64), role: z.enum(ROLES) }))
  .min(1)
  .max(20);

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  password: newPasswordSchema,
  memberships: membershipsInput,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** The admin's user search: part of a name or e-mail, and whether the account is disabled. */
export const listUsersInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    status: z.enum(USER_STATUSES).optional(),
  })
  .optional();
export type ListUsersInput = z.infer<typeof listUsersInput>;

/**
 * Edits a user's name and the full set of their live memberships (organisation × role). Memberships not in the list
 * are revoked; the e-mail (the sign-in name) is not editable here.
 */
export const updateUserInput = z.object({
  userId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  memberships: membershipsInput,
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const setUserDisabledInput = z.object({
  userId: z.string().min(1).max(64),
  disabled: z.boolean(),
});
export type SetUserDisabledInput = z.infer<typeof setUserDisabledInput>;

export const resetUserPasswordInput = z.object({ userId: z.string().min(1).max(64) });
export type ResetUserPasswordInput = z.infer<typeof resetUserPasswordInput>;
