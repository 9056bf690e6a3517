import { z } from 'zod';
import { emailSchema, newPasswordSchema } from './auth.ts';
import { ROLES } from './roles.ts';

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  password: newPasswordSchema,
  memberships: z
    .array(z.object({ orgId: z.string().min(1), role: z.enum(ROLES) }))
    .min(1)
    .max(20),
});
export type CreateUserInput = z.infer<typeof createUserInput>;
