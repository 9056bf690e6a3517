import { POLICIES, type Policy } from '@ctp/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { App as AntApp, Button, ConfigProvider } from 'antd';
// The ES builds of antd's locales: `antd/locale/*` are CommonJS and drag a second copy of the picker locales along.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useMeQuery, useSession } from './auth/session.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { apiError } from './lib/api-error.ts';
import { createClients, TRPCProvider } from './lib/trpc.ts';
import { theme } from './theme.ts';

// Every page is its own chunk, and so is the signed-in frame (menu, header, notifications): the sign-in page's first
// load carries neither. Big libraries are split by what imports them (vite.config.ts), never forced into one chunk.
// antd's Result carries three SVG illustrations (~10 KB gzip) and is shown only on an error or a refusal.
const Result = lazy(() => import('antd/es/result/index.js'));
const AppLayout = lazy(() => import('./layout/AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const DirectoryPage = lazy(() => import('./pages/DirectoryPage.tsx'));
const OrganisationPage = lazy(() => import('./pages/OrganisationPage.tsx'));
const HospitalProfilePage = lazy(() => import('./pages/hospital/HospitalProfilePage.tsx'));
const AuditLogPage = lazy(() => import('./pages/AuditLogPage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const CalendarPage = lazyGuarded(
  () => import('./pages/admin/CalendarPage.tsx'),
  async () => (await import('./lazy-policies.ts')).calendarPagePolicy,
);
const ProfilePage = lazy(() => import('./pages/ProfilePage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const SearchPage = lazy(() => import('./pages/search/SearchPage.tsx'));
const ComparePage = lazy(() => import('./pages/search/ComparePage.tsx'));
const ShortlistsPage = lazy(() => import('./pages/search/ShortlistsPage.tsx'));
const ShortlistPage = lazy(() => import('./pages/search/ShortlistPage.tsx'));
const TrialsPage = lazy(() => import('./pages/trials/TrialsPage.tsx'));
const NewTrialPage = lazy(() => import('./pages/trials/NewTrialPage.tsx'));
const TrialPage = lazy(() => import('./pages/trials/TrialPage.tsx'));
const InquiriesPage = lazy(() => import('./pages/trials/InquiriesPage.tsx'));
const SiteBoardPage = lazy(() => import('./pages/trials/SiteBoardPage.tsx'));
const EthicsQueuePage = lazy(() => import('./pages/ethics/EthicsQueuePage.tsx'));
const SubmissionPage = lazy(() => import('./pages/ethics/SubmissionPage.tsx'));
const RecognitionQueuePage = lazy(() => import('./pages/recognition/RecognitionQueuePage.tsx'));
const RecognitionRequestPage = lazy(() => import('./pages/recognition/RecognitionRequestPage.tsx'));
const RecognitionBoardPage = lazy(() => import('./pages/recognition/RecognitionBoardPage.tsx'));
const AgreementsPage = lazy(() => import('./pages/recognition/AgreementsPage.tsx'));
const LocalContextPage = lazy(() => import('./pages/recognition/LocalContextPage.tsx'));
const CommissionOverviewPage = lazy(() => import('./pages/commission/CommissionOverviewPage.tsx'));
const DrillDownPage = lazy(() => import('./pages/commission/DrillDownPage.tsx'));
const RecordsPage = lazy(() => import('./pages/commission/RecordsPage.tsx'));
const IncentivePage = lazyGuarded(
  () => import('./pages/commission/IncentivePage.tsx'),
  async () => (await import('./lazy-policies.ts')).incentivePagePolicy,
);
const KeyProjectsPage = lazy(() => import('./pages/commission/KeyProjectsPage.tsx'));
const MonthlyReportPage = lazy(() => import('./pages/commission/MonthlyReportPage.tsx'));
const MeetingsPage = lazy(() => import('./pages/ethics/MeetingsPage.tsx'));
const MeetingPage = lazy(() => import('./pages/ethics/MeetingPage.tsx'));
const CommitteePage = lazy(() => import('./pages/ethics/CommitteePage.tsx'));
const RegistryQueuePage = lazy(() => import('./pages/registry/RegistryQueuePage.tsx'));
const RegistryImportsPage = lazy(() => import('./pages/registry/RegistryImportsPage.tsx'));

/**
 * A lazy page whose policy is defined beside zod schemas in contracts (calendar.ts, metrics.ts): the policy is
 * fetched with the page, so those schemas and zod stay out of the first load.
 */
function lazyGuarded(page: () => Promise<{ default: ComponentType }>, policy: () => Promise<Policy>) {
  return lazy(async () => {
    const [{ default: Page }, loaded] = await Promise.all([page(), policy()]);
    return {
      default: () => (
        <Guard policy={loaded}>
          <Page />
        </Guard>
      ),
    };
  });
}

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

/** Pages behind a policy show a clear refusal, not a broken page, to other roles. */
function Guard({ policy, children }: { policy: Policy; children: ReactNode }) {
  const { actor } = useSession();
  const { t } = useTranslation();
  if (!policy.allows(actor)) return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
  return <>{children}</>;
}

export function App() {
  const { i18n } = useTranslation();
  const [{ queryClient, trpcClient }] = useState(() =>
    createClients(() => {
      if (!window.location.pathname.startsWith('/login')) queryClient.invalidateQueries({ queryKey: [['auth', 'me']] });
    }),
  );
  const isEn = i18n.language === 'en';
  dayjs.locale(isEn ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={isEn ? enUS : zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <BrowserRouter>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route element={<RequireSession />}>
                    <Route index element={<HomePage />} />
                    <Route path="search" element={<SearchPage />} />
                    <Route path="calendar" element={<CalendarPage />} />
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
                    <Route path="commission/incentive" element={<IncentivePage />} />
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
                    <Route path="profile" element={<ProfilePage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </Suspense>
            </BrowserRouter>
          </TRPCProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
