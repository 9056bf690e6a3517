import {
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  SearchOutlined,
  StarOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ActorRef, POLICIES, type Policy } from '@ctp/contracts';
import type { ReactNode } from 'react';

export type NavItem = { path: string; labelKey: string; icon: ReactNode; policy: Policy };

/** The navigation; each item shows only to roles its policy allows (the same policy the server enforces). */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <DashboardOutlined />, policy: POLICIES.signedIn },
  { path: '/search', labelKey: 'search.nav', icon: <SearchOutlined />, policy: POLICIES.searchSites },
  { path: '/shortlists', labelKey: 'search.shortlistsNav', icon: <StarOutlined />, policy: POLICIES.keepShortlists },
  { path: '/directory', labelKey: 'nav.directory', icon: <BankOutlined />, policy: POLICIES.readDirectory },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, policy: POLICIES.administer },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, policy: POLICIES.readAuditLog },
  { path: '/profile', labelKey: 'nav.profile', icon: <UserOutlined />, policy: POLICIES.signedIn },
];

export function navFor(actor: ActorRef | null): NavItem[] {
  return NAV_ITEMS.filter((item) => item.policy.allows(actor));
}
