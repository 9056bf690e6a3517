import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { organisationsRouter } from './routers/organisations.ts';
import { usersRouter } from './routers/users.ts';
import { systemRouter } from './routers/system.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  users: usersRouter,
  organisations: organisationsRouter,
  system: systemRouter,
});
export type AppRouter = typeof appRouter;
