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
  { path: '/search', labelKey: 'nav.search', icon: <SearchOutlined />, policy: POLICIES.searchSites },
  { path: '/shortlists', labelKey: 'nav.shortlists', icon: <StarOutlined />, policy: POLICIES.keepShortlists },
  { path: '/trials', labelKey: 'nav.trials', icon: <ExperimentOutlined />, policy: POLICIES.createTrials },
  {
    path: '/inquiries',
    labelKey: 'nav.inquiries',
    icon: <FileSearchOutlined />,
    policy: POLICIES.answerInquiries,
  },
  { path: '/trial-sites', labelKey: 'nav.siteBoard', icon: <ClusterOutlined />, policy: POLICIES.readSiteBoard },
  { path: '/ethics', labelKey: 'nav.ethics', icon: <SafetyCertificateOutlined />, policy: POLICIES.readSubmissions },
  { path: '/recognition', labelKey: 'nav.recognition', icon: <NodeIndexOutlined />, policy: POLICIES.readRecognition },
  { path: '/ethics/meetings', labelKey: 'nav.meetings', icon: <CalendarOutlined />, policy: POLICIES.readCommittee },
  {
    path: '/ethics/committee',
    labelKey: 'nav.committee',
    icon: <SettingOutlined />,
    policy: POLICIES.readCommittee,
  },
  {
    path: '/hospitals',
    labelKey: 'nav.hospital',
    icon: <MedicineBoxOutlined />,
    policy: POLICIES.editHospitalProfile,
    pathFor: (actor) => `/hospitals/${actor.orgId}`,
  },
  { path: '/commission', labelKey: 'nav.commission', icon: <FundOutlined />, policy: POLICIES.readMetrics },
  {
    path: '/commission/incentive',
    labelKey: 'nav.incentive',
    icon: <TrophyOutlined />,
    policy: incentivePagePolicy,
  },
  {
    path: '/commission/key-projects',
    labelKey: 'nav.keyProjects',
    icon: <FlagOutlined />,
    policy: POLICIES.readMetrics,
  },
  { path: '/projects', labelKey: 'nav.projects', icon: <RocketOutlined />, policy: POLICIES.readProjects },
  {
    path: '/providers',
    labelKey: 'nav.providerOwn',
    icon: <ShopOutlined />,
    policy: POLICIES.keepProviderProfile,
    pathFor: (actor) => `/providers/${actor.orgId}`,
  },
  { path: '/directory', labelKey: 'nav.directory', icon: <BankOutlined />, policy: POLICIES.readDirectory },
  { path: '/bases', labelKey: 'nav.bases', icon: <ApartmentOutlined />, policy: POLICIES.readBases },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, policy: POLICIES.administer },
  { path: '/calendar', labelKey: 'nav.calendar', icon: <ScheduleOutlined />, policy: calendarPagePolicy },
  { path: '/integrations', labelKey: 'nav.integrations', icon: <ApiOutlined />, policy: POLICIES.manageIntegrations },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, policy: POLICIES.readAuditLog },
  // 平台管理 (issue 13): the name review queue and the registry imports.
  { path: '/registry/queue', labelKey: 'nav.registryQueue', icon: <DiffOutlined />, policy: POLICIES.manageRegistry },
  {
    path: '/registry/imports',
    labelKey: 'nav.registryImports',
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
