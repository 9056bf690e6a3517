import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DiffOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FundOutlined,
  MedicineBoxOutlined,
  NodeIndexOutlined,
  RocketOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SettingOutlined,
  ShopOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ActorRef, calendarPagePolicy, incentivePagePolicy, POLICIES, type Policy } from '@ctp/contracts';
import type { ReactNode } from 'react';

export type NavItem = {
  path: string;
  labelKey: string;
  icon: ReactNode;
  policy: Policy;
  /** For items whose target depends on who is signed in (e.g. the own hospital); `path` is the fallback. */
  pathFor?: (actor: ActorRef) => string;
};

/** The navigation; each item shows only to roles its policy allows (the same policy the server enforces). */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <DashboardOutlined />, policy: POLICIES.signedIn },
  { path: '/search', labelKey: 'search.nav', icon: <SearchOutlined />, policy: POLICIES.searchSites },
  { path: '/shortlists', labelKey: 'search.shortlistsNav', icon: <StarOutlined />, policy: POLICIES.keepShortlists },
  { path: '/trials', labelKey: 'trials.nav.trials', icon: <ExperimentOutlined />, policy: POLICIES.createTrials },
  {
    path: '/inquiries',
    labelKey: 'trials.nav.inquiries',
    icon: <FileSearchOutlined />,
    policy: POLICIES.answerInquiries,
  },
  { path: '/trial-sites', labelKey: 'trials.nav.siteBoard', icon: <ClusterOutlined />, policy: POLICIES.readSiteBoard },
  { path: '/ethics', labelKey: 'ethics.nav', icon: <SafetyCertificateOutlined />, policy: POLICIES.readSubmissions },
  { path: '/recognition', labelKey: 'recognition.nav', icon: <NodeIndexOutlined />, policy: POLICIES.readRecognition },
  { path: '/ethics/meetings', labelKey: 'meetings.nav', icon: <CalendarOutlined />, policy: POLICIES.readCommittee },
  {
    path: '/ethics/committee',
    labelKey: 'meetings.committeeNav',
    icon: <SettingOutlined />,
    policy: POLICIES.readCommittee,
  },
  {
    path: '/hospitals',
    labelKey: 'hospital.nav',
    icon: <MedicineBoxOutlined />,
    policy: POLICIES.editHospitalProfile,
    pathFor: (actor) => `/hospitals/${actor.orgId}`,
  },
  { path: '/commission', labelKey: 'commission.nav', icon: <FundOutlined />, policy: POLICIES.readMetrics },
  {
    path: '/commission/incentive',
    labelKey: 'commission.navIncentive',
    icon: <TrophyOutlined />,
    policy: incentivePagePolicy,
  },
  {
    path: '/commission/key-projects',
    labelKey: 'commission.navKeyProjects',
    icon: <FlagOutlined />,
    policy: POLICIES.readMetrics,
  },
  { path: '/projects', labelKey: 'projects.nav', icon: <RocketOutlined />, policy: POLICIES.readProjects },
  {
    path: '/providers',
    labelKey: 'providers.navOwn',
    icon: <ShopOutlined />,
    policy: POLICIES.keepProviderProfile,
    pathFor: (actor) => `/providers/${actor.orgId}`,
  },
  { path: '/directory', labelKey: 'nav.directory', icon: <BankOutlined />, policy: POLICIES.readDirectory },
  { path: '/bases', labelKey: 'bases.nav', icon: <ApartmentOutlined />, policy: POLICIES.readBases },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, policy: POLICIES.administer },
  { path: '/calendar', labelKey: 'calendar.nav', icon: <ScheduleOutlined />, policy: calendarPagePolicy },
  { path: '/integrations', labelKey: 'integrations.nav', icon: <ApiOutlined />, policy: POLICIES.manageIntegrations },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, policy: POLICIES.readAuditLog },
  // 平台管理 (issue 13): the name review queue and the registry imports.
  { path: '/registry/queue', labelKey: 'registry.nav.queue', icon: <DiffOutlined />, policy: POLICIES.manageRegistry },
  {
    path: '/registry/imports',
    labelKey: 'registry.nav.imports',
    icon: <CloudUploadOutlined />,
    policy: POLICIES.manageRegistry,
  },
  { path: '/profile', labelKey: 'nav.profile', icon: <UserOutlined />, policy: POLICIES.signedIn },
];

/** The items this actor may see, with actor-dependent paths resolved. */
export function navFor(actor: ActorRef | null): NavItem[] {
  return NAV_ITEMS.filter((item) => item.policy.allows(actor)).map((item) =>
    item.pathFor && actor ? { ...item, path: item.pathFor(actor) } : item,
  );
}
