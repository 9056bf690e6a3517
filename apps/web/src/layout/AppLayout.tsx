import {
  DownOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { Logo } from '../components/Logo.tsx';
import { orgLabel } from '../components/OrgName.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { PhoneDrawer } from '../components/PhoneDrawer.tsx';
import { setLocale } from '../i18n/index.ts';
import { apiError } from '../lib/api-error.ts';
import { nameInitial, personName } from '../lib/proper-name.ts';
import { useTRPC } from '../lib/trpc.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { navFor } from './nav.tsx';
import { useDocumentTitle } from './use-document-title.ts';
import { useIsPhone } from './use-is-phone.ts';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { me, active, actor } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const items = navFor(actor);

  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        navigate('/login', { replace: true });
      },
    }),
  );
  const switchRole = useMutation(
    trpc.auth.switchMembership.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        navigate('/', { replace: true });
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );

  const selected = items
    .map((i) => i.path)
    .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
    .slice(-1);

  useDocumentTitle();
  const isPhone = useIsPhone();
  const [menuOpen, setMenuOpen] = useState(false);

  const orgCard = active && (
    <div className="ctp-sider-org" title={orgLabel(active, i18n.language)}>
      <Typography.Text strong ellipsis>
        {orgLabel(active, i18n.language)}
      </Typography.Text>
      <Tag color="blue" variant="filled">
        {t(`roles.${active.role}`)}
      </Tag>
    </div>
  );
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: t(i.labelKey) }))}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
      data-testid="main-nav"
    />
  );
  const roleSwitcher = me.memberships.length > 1 && (
    <Dropdown
      menu={{
        selectedKeys: active ? [active.membershipId] : [],
        items: me.memberships.map((m) => ({
          key: m.membershipId,
          label: `${orgLabel(m, i18n.language)} · ${t(`roles.${m.role}`)}`,
        })),
        onClick: ({ key }) => {
          setMenuOpen(false);
          switchRole.mutate({ membershipId: key });
        },
      }}
    >
      <Button
        type="text"
        className="ctp-header-button"
        icon={<SwapOutlined />}
        data-testid="role-switcher"
        aria-label={isPhone ? t('nav.switchRole') : undefined}
      >
        {!isPhone && (
          <>
            {t('nav.switchRole')} <DownOutlined />
          </>
        )}
      </Button>
    </Dropdown>
  );

  return (
    <Layout className={isPhone ? 'ctp-shell ctp-shell-phone' : 'ctp-shell'}>
      {/* The first Tab stop: the fragment moves the focus to <main> (tabIndex -1), past the header and the menu. */}
      <a href="#main-content" className="ctp-skip-link" data-testid="skip-link">
        {t('layout.skipToContent')}
      </a>
      <Layout.Header className="ctp-header">
        {isPhone && (
          <Button
            type="text"
            className="ctp-header-button ctp-menu-button"
            icon={<MenuOutlined />}
            aria-label={t('layout.openMenu')}
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
            data-testid="menu-button"
          />
        )}
        <Link to="/" className="ctp-brand">
          <Logo size={30} />
          <div>
            <div className="ctp-brand-name">{isPhone ? t('app.short') : t('app.fullName')}</div>
            {!isPhone && <div className="ctp-brand-tagline">{t('app.tagline')}</div>}
          </div>
        </Link>
        <Space size={isPhone ? 0 : 8} className="ctp-header-right">
          {roleSwitcher}
          {active && <NotificationBell />}
          <Button
            type="text"
            className="ctp-header-button"
            icon={<GlobalOutlined />}
            onClick={() => void setLocale(i18n.language === 'en' ? 'zh-CN' : 'en')}
            data-testid="locale-switch"
            lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
          >
            {t('nav.language')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
              ],
              onClick: ({ key }) => (key === 'logout' ? logout.mutate() : navigate('/profile')),
            }}
          >
            <Button
              type="text"
              className="ctp-header-button ctp-user-button"
              data-testid="user-menu"
              aria-label={isPhone ? me.user.name : undefined}
            >
              <Avatar size="small" className="ctp-avatar">
                {nameInitial(me.user.name, i18n.language)}
              </Avatar>
              {!isPhone && (
                <span className="ctp-user-text">
                  <span>{personName(me.user.name, i18n.language)}</span>
                  {active && (
                    <span className="ctp-user-role" data-testid="active-role">
                      {t(`roles.${active.role}`)}
                    </span>
                  )}
                </span>
              )}
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        {isPhone ? (
          <PhoneDrawer
            placement="left"
            size={280}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            title={t('layout.menu')}
            className="ctp-nav-drawer"
            styles={{ body: { padding: 0 } }}
          >
            {orgCard}
            {menu}
          </PhoneDrawer>
        ) : (
          <Layout.Sider width={216} breakpoint="lg" collapsedWidth={64} theme="light" className="ctp-sider">
            {orgCard}
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="ctp-content" id="main-content" tabIndex={-1}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
          <Typography.Text type="secondary" className="ctp-footer">
            {t('app.footer')}
          </Typography.Text>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
