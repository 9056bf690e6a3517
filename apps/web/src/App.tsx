import { calendarPagePolicy, incentivePagePolicy, POLICIES, type Policy } from '@ctp/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
// Per-component paths, not the `antd` barrel: every module the barrel names counts as reachable from the entry, and
// the bundler then puts what lazy pages share with them into chunks the entry loads (issue 16).
import AntApp from 'antd/es/app/index.js';
import Button from 'antd/es/button/index.js';
import ConfigProvider from 'antd/es/config-provider/index.js';
// The ES builds of antd's locales: `antd/locale/*` are CommonJS and drag a second copy of the picker locales along.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BrowserRouter,
  createRoutesFromElements,
  matchRoutes,
  Navigate,
  Route,
  Routes,
  useLocation,
} from 'react-router';
import { SessionProvider, useMeQuery, useSession } from './auth/session.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { lazyPage, preloadElement } from './lazy-page.ts';
import { apiError } from './lib/api-error.ts';
import { createClients, prefetchMe, TRPCProvider } from './lib/trpc.ts';
import { theme } from './theme.ts';

// Every page is its own chunk, and so is the signed-in frame (menu, header, notifications): the sign-in page's first
// load carries neither. Big libraries are split by what imports them (vite.config.ts), never forced into one chunk.
// antd's Result carries three SVG illustrations (~10 KB gzip) and is shown only on an error or a refusal.
const Result = lazy(() => import('antd/es/result/index.js'));
// The frame, the sign-in page and the search page read only the core catalogue and their own namespaces: the page
// catalogues they do not name stay out of the first load (i18n/pages.zh-CN.ts). Every other page loads them all.
const AppLayout = lazyPage(() => import('./layout/AppLayout.tsx').then((m) => ({ default: m.AppLayout })), []);
const LoginPage = lazyPage(() => import('./pages/LoginPage.tsx'), []);
const HomePage = lazyPage(() => import('./pages/HomePage.tsx'));
const DirectoryPage = lazyPage(() => import('./pages/DirectoryPage.tsx'));
const OrganisationPage = lazyPage(() => import('./pages/OrganisationPage.tsx'));
const HospitalProfilePage = lazyPage(() => import('./pages/hospital/HospitalProfilePage.tsx'));
const AuditLogPage = lazyPage(() => import('./pages/AuditLogPage.tsx'));
const UsersPage = lazyPage(() => import('./pages/UsersPage.tsx'));
const CalendarPage = lazyPage(() => import('./pages/admin/CalendarPage.tsx'));
const IntegrationsPage = lazyPage(() => import('./pages/integrations/IntegrationsPage.tsx'));
const BasesPage = lazyPage(() => import('./pages/bases/BasesPage.tsx'));
const BasePage = lazyPage(() => import('./pages/bases/BasePage.tsx'));
const ProjectsPage = lazyPage(() => import('./pages/projects/ProjectsPage.tsx'));
const ProjectPage = lazyPage(() => import('./pages/projects/ProjectPage.tsx'));
const ProviderPage = lazyPage(() => import('./pages/providers/ProviderPage.tsx'));
const ProfilePage = lazyPage(() => import('./pages/ProfilePage.tsx'));
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage.tsx'));
const SearchPage = lazyPage(() => import('./pages/search/SearchPage.tsx'), ['search', 'providers']);
const ComparePage = lazyPage(() => import('./pages/search/ComparePage.tsx'));
const ShortlistsPage = lazyPage(() => import('./pages/search/ShortlistsPage.tsx'));
const ShortlistPage = lazyPage(() => import('./pages/search/ShortlistPage.tsx'));
const TrialsPage = lazyPage(() => import('./pages/trials/TrialsPage.tsx'));
const NewTrialPage = lazyPage(() => import('./pages/trials/NewTrialPage.tsx'));
const TrialPage = lazyPage(() => import('./pages/trials/TrialPage.tsx'));
const InquiriesPage = lazyPage(() => import('./pages/trials/InquiriesPage.tsx'));
const SiteBoardPage = lazyPage(() => import('./pages/trials/SiteBoardPage.tsx'));
const EthicsQueuePage = lazyPage(() => import('./pages/ethics/EthicsQueuePage.tsx'));
const SubmissionPage = lazyPage(() => import('./pages/ethics/SubmissionPage.tsx'));
const RecognitionQueuePage = lazyPage(() => import('./pages/recognition/RecognitionQueuePage.tsx'));
const RecognitionRequestPage = lazyPage(() => import('./pages/recognition/RecognitionRequestPage.tsx'));
const RecognitionBoardPage = lazyPage(() => import('./pages/recognition/RecognitionBoardPage.tsx'));
const AgreementsPage = lazyPage(() => import('./pages/recognition/AgreementsPage.tsx'));
const LocalContextPage = lazyPage(() => import('./pages/recognition/LocalContextPage.tsx'));
const CommissionOverviewPage = lazyPage(
  () => import('./pages/commission/CommissionOverviewPage.tsx'),
  ['commission', 'calendar', 'delays'],
);
const DrillDownPage = lazyPage(() => import('./pages/commission/DrillDownPage.tsx'));
const RecordsPage = lazyPage(() => import('./pages/commission/RecordsPage.tsx'));
const IncentivePage = lazyPage(() => import('./pages/commission/IncentivePage.tsx'));
const KeyProjectsPage = lazyPage(() => import('./pages/commission/KeyProjectsPage.tsx'));
const MonthlyReportPage = lazyPage(() => import('./pages/commission/MonthlyReportPage.tsx'));
const MeetingsPage = lazyPage(() => import('./pages/ethics/MeetingsPage.tsx'));
const MeetingPage = lazyPage(() => import('./pages/ethics/MeetingPage.tsx'));
const CommitteePage = lazyPage(() => import('./pages/ethics/CommitteePage.tsx'));
const RegistryQueuePage = lazyPage(() => import('./pages/registry/RegistryQueuePage.tsx'));
const RegistryImportsPage = lazyPage(() => import('./pages/registry/RegistryImportsPage.tsx'));

/** Signed-in area: loads who the user is, or sends them to sign in and back afterwards. */
function RequireSession() {
  const me = useMeQuery();
  const location = useLocation();
  const { t } = useTranslation();
  if (me.isLoading) return <PageLoading />;
  if (me.error) {
    if (me.error instanceof TRPCClientError && me.error.data?.httpStatus === 401) {
      const next = location.pathname + location.search;
      return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <Result
        status="error"
        title={t('errors.title')}
        subTitle={apiError(me.error, t('common.networkError')).message}
        extra={<Button onClick={() => void me.refetch()}>{t('errors.retry')}</Button>}
      />
    );
  }
  if (!me.data) return null;
  return (
    <SessionProvider me={me.data}>
      <AppLayout />
    </SessionProvider>
  );
}

RequireSession.preload = () => AppLayout.preload();

/** Pages behind a policy show a clear refusal, not a broken page, to other roles. */
function Guard({ policy, children }: { policy: Policy; children: ReactNode }) {
  const { actor } = useSession();
  const { t } = useTranslation();
  if (!policy.allows(actor)) return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
  return <>{children}</>;
}

/** The route table; also matched at start-up to fetch the opened page's code early (`preloadRoute`). */
const routeTree = (
  <>
    <Route path="/login" element={<LoginPage />} />
    <Route element={<RequireSession />}>
      <Route index element={<HomePage />} />
      <Route path="search" element={<SearchPage />} />
      <Route
        path="calendar"
        element={
          <Guard policy={calendarPagePolicy}>
            <CalendarPage />
          </Guard>
        }
      />
      <Route path="compare" element={<ComparePage />} />
      <Route
        path="shortlists"
        element={
          <Guard policy={POLICIES.keepShortlists}>
            <ShortlistsPage />
          </Guard>
        }
      />
      <Route
        path="shortlists/:id"
        element={
          <Guard policy={POLICIES.keepShortlists}>
            <ShortlistPage />
          </Guard>
        }
      />
      <Route path="trials" element={<TrialsPage />} />
      <Route
        path="trials/new"
        element={
          <Guard policy={POLICIES.createTrials}>
            <NewTrialPage />
          </Guard>
        }
      />
      <Route path="trials/:id" element={<TrialPage />} />
      <Route
        path="inquiries"
        element={
          <Guard policy={POLICIES.answerInquiries}>
            <InquiriesPage />
          </Guard>
        }
      />
      <Route
        path="trial-sites"
        element={
          <Guard policy={POLICIES.readSiteBoard}>
            <SiteBoardPage />
          </Guard>
        }
      />
      <Route
        path="ethics"
        element={
          <Guard policy={POLICIES.readSubmissions}>
            <EthicsQueuePage />
          </Guard>
        }
      />
      <Route
        path="ethics/meetings"
        element={
          <Guard policy={POLICIES.readCommittee}>
            <MeetingsPage />
          </Guard>
        }
      />
      <Route
        path="ethics/meetings/:id"
        element={
          <Guard policy={POLICIES.readCommittee}>
            <MeetingPage />
          </Guard>
        }
      />
      <Route
        path="ethics/committee"
        element={
          <Guard policy={POLICIES.readCommittee}>
            <CommitteePage />
          </Guard>
        }
      />
      <Route
        path="ethics/submissions/:id"
        element={
          <Guard policy={POLICIES.readSubmissions}>
            <SubmissionPage />
          </Guard>
        }
      />
      <Route
        path="commission"
        element={
          <Guard policy={POLICIES.readMetrics}>
            <CommissionOverviewPage />
          </Guard>
        }
      />
      <Route
        path="commission/drill"
        element={
          <Guard policy={POLICIES.readMetrics}>
            <DrillDownPage />
          </Guard>
        }
      />
      <Route
        path="commission/records"
        element={
          <Guard policy={POLICIES.readMetrics}>
            <RecordsPage />
          </Guard>
        }
      />
      <Route
        path="commission/incentive"
        element={
          <Guard policy={incentivePagePolicy}>
            <IncentivePage />
          </Guard>
        }
      />
      <Route
        path="commission/key-projects"
        element={
          <Guard policy={POLICIES.readMetrics}>
            <KeyProjectsPage />
          </Guard>
        }
      />
      <Route
        path="commission/report"
        element={
          <Guard policy={POLICIES.readMetrics}>
            <MonthlyReportPage />
          </Guard>
        }
      />
      <Route path="recognition" element={<RecognitionQueuePage />} />
      <Route path="recognition/agreements" element={<AgreementsPage />} />
      <Route path="recognition/requests/:id" element={<RecognitionRequestPage />} />
      <Route
        path="recognition/local-context"
        element={
          <Guard policy={POLICIES.editLocalContext}>
            <LocalContextPage />
          </Guard>
        }
      />
      <Route path="trials/:id/recognition" element={<RecognitionBoardPage />} />
      <Route path="directory" element={<DirectoryPage />} />
      <Route path="directory/:id" element={<OrganisationPage />} />
      <Route path="hospitals/:id" element={<HospitalProfilePage />} />
      <Route
        path="audit"
        element={
          <Guard policy={POLICIES.readAuditLog}>
            <AuditLogPage />
          </Guard>
        }
      />
      <Route
        path="users"
        element={
          <Guard policy={POLICIES.administer}>
            <UsersPage />
          </Guard>
        }
      />
      <Route
        path="registry/queue"
        element={
          <Guard policy={POLICIES.manageRegistry}>
            <RegistryQueuePage />
          </Guard>
        }
      />
      <Route
        path="registry/imports"
        element={
          <Guard policy={POLICIES.manageRegistry}>
            <RegistryImportsPage />
          </Guard>
        }
      />
      <Route path="bases" element={<BasesPage />} />
      <Route path="bases/:id" element={<BasePage />} />
      <Route path="providers/:id" element={<ProviderPage />} />
      <Route
        path="projects"
        element={
          <Guard policy={POLICIES.readProjects}>
            <ProjectsPage />
          </Guard>
        }
      />
      <Route
        path="projects/:id"
        element={
          <Guard policy={POLICIES.readProjects}>
            <ProjectPage />
          </Guard>
        }
      />
      <Route
        path="integrations"
        element={
          <Guard policy={POLICIES.manageIntegrations}>
            <IntegrationsPage />
          </Guard>
        }
      />
      <Route path="profile" element={<ProfilePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </>
);
const routeObjects = createRoutesFromElements(routeTree);

/** Starts loading the code of the page at `pathname` (and the signed-in frame if it needs one). */
function preloadRoute(pathname: string) {
  for (const match of matchRoutes(routeObjects, pathname) ?? []) preloadElement(match.route.element);
}
const clients = createClients(() => {
  if (!window.location.pathname.startsWith('/login'))
    clients.queryClient.invalidateQueries({ queryKey: [['auth', 'me']] });
});
// At start-up, the session check first, then the page's code in parallel with it: otherwise the frame's chunk waits
// for `auth.me`, and the page's chunk for the frame's first render — two more round trips before the page can ask
// for its data.
if (!window.location.pathname.startsWith('/login')) prefetchMe(clients);
// On the next task: tRPC's batch link sends on a timer too, and a request queued behind the page's dozens of chunk
// requests (six connections per host) comes back last.
setTimeout(() => preloadRoute(window.location.pathname), 0);

export function App() {
  const { i18n } = useTranslation();
  const { queryClient, trpcClient } = clients;
  const isEn = i18n.language === 'en';
  dayjs.locale(isEn ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={isEn ? enUS : zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <BrowserRouter>
              <Suspense fallback={<PageLoading />}>
                <Routes>{routeTree}</Routes>
              </Suspense>
            </BrowserRouter>
          </TRPCProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
