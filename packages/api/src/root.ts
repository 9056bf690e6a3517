import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { basesRouter } from './routers/bases.ts';
import { calendarRouter } from './routers/calendar.ts';
import { homeRouter } from './routers/home.ts';
import { hospitalsRouter } from './routers/hospitals.ts';
import { tokensRouter, webhooksRouter } from './routers/integrations.ts';
import { committeesRouter, meetingsRouter } from './routers/meetings.ts';
import { incentiveRouter, keyProjectsRouter, metricsRouter } from './routers/metrics.ts';
import { organisationsRouter } from './routers/organisations.ts';
import { projectsRouter } from './routers/projects.ts';
import { providersRouter } from './routers/providers.ts';
import { recognitionRouter } from './routers/recognition.ts';
import { registryRouter } from './routers/registry.ts';
import { modificationsRouter, reviewsRouter } from './routers/reviews.ts';
import { shortlistsRouter } from './routers/shortlists.ts';
import { sitesRouter } from './routers/sites.ts';
import { submissionsRouter } from './routers/submissions.ts';
import { systemRouter } from './routers/system.ts';
import { inquiriesRouter, notificationsRouter, trialSitesRouter, trialsRouter } from './routers/trials.ts';
import { usersRouter } from './routers/users.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  users: usersRouter,
  organisations: organisationsRouter,
  system: systemRouter,
  home: homeRouter,
  calendar: calendarRouter,
  sites: sitesRouter,
  shortlists: shortlistsRouter,
  trials: trialsRouter,
  inquiries: inquiriesRouter,
  trialSites: trialSitesRouter,
  notifications: notificationsRouter,
  hospitals: hospitalsRouter,
  submissions: submissionsRouter,
  meetings: meetingsRouter,
  committees: committeesRouter,
  recognition: recognitionRouter,
  reviews: reviewsRouter,
  modifications: modificationsRouter,
  metrics: metricsRouter,
  incentive: incentiveRouter,
  keyProjects: keyProjectsRouter,
  registry: registryRouter,
  tokens: tokensRouter,
  webhooks: webhooksRouter,
  bases: basesRouter,
  projects: projectsRouter,
  providers: providersRouter,
});
export type AppRouter = typeof appRouter;
