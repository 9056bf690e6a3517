import type { Role } from '@ctp/contracts';
import { DEMO_ACCOUNTS } from '@ctp/domain';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, newPage, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';

/** What each role must (and must not) see in the navigation, in Chinese. */
const NAV: Record<Role, { sees: string[]; hidden: string[] }> = {
  admin: { sees: ['工作台', '机构名录', '用户管理', '审计日志'], hidden: [] },
  commission: { sees: ['工作台', '机构名录'], hidden: ['审计日志', '用户管理'] },
  sponsor: { sees: ['工作台', '机构名录'], hidden: ['审计日志', '用户管理'] },
  site_admin: { sees: ['工作台', '机构名录'], hidden: ['审计日志', '用户管理'] },
  investigator: { sees: ['工作台', '机构名录'], hidden: ['审计日志', '用户管理'] },
  ec_secretary: { sees: ['工作台', '机构名录'], hidden: ['审计日志', '用户管理'] },
  ec_member: { sees: ['工作台', '机构名录'], hidden: ['审计日志', '用户管理'] },
  ec_chair: { sees: ['工作台', '机构名录'], hidden: ['审计日志', '用户管理'] },
  provider_admin: { sees: ['工作台', '本机构档案', '找中心'], hidden: ['审计日志', '用户管理', '候选清单'] },
};

describe('sign-in in a real browser', () => {
  const env = useBrowserServer();

  // Each account in its own context, three at a time (vitest's maxConcurrency): a sign-in mostly waits for the
  // server and the page, which another account's sign-in fills.
  it.concurrent.for(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))(
    'signs in as %s and shows that role’s home and navigation',
    { timeout: 120_000 },
    async ([, account], { expect }) => {
      const context = await newContext(env.browser, { viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await signIn(page, env.server.url, account.email);
      const role = account.memberships[0]!.role;
      await page.getByTestId(`home-${role}`).waitFor();
      const nav = page.getByTestId('main-nav');
      for (const label of NAV[role].sees) await expect(nav.getByText(label, { exact: true }).count()).resolves.toBe(1);
      for (const label of NAV[role].hidden)
        await expect(nav.getByText(label, { exact: true }).count()).resolves.toBe(0);
      if (account.email === 'sponsor@demo.ctp' || account.email === 'admin@demo.ctp') {
        await page.screenshot({ path: `${ARTIFACTS}home-${role}.png` });
      }
      // Sign out, and land on the sign-in page.
      // The menu opens on hover; on a loaded machine a click can land while it is still opening, so try again.
      for (let tries = 0; tries < 3 && !page.url().includes('/login'); tries++) {
        await page.getByTestId('user-menu').hover();
        await page.getByText('退出登录').click();
        await page.waitForURL(/\/login/, { timeout: 10_000 }).catch(() => undefined);
      }
      expect(page.url()).toContain('/login');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('refuses a wrong password with a clear Chinese message, then English after switching', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, 'sponsor@demo.ctp', 'not-the-password');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('邮箱或密码不正确');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('login-password').fill('still-wrong');
    await page.getByTestId('login-submit').click();
    await page.getByText('The e-mail or password is not correct.').waitFor();
    await page.close();
  });

  it('lets a user with two memberships switch role, and an unknown route shows the 404 page', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, 'multi@demo.ctp');
    await page.getByTestId('home-site_admin').waitFor();
    await page.getByTestId('role-switcher').hover();
    await page.getByRole('menuitem', { name: /伦理委员/ }).click();
    await page.getByTestId('home-ec_member').waitFor();
    await page.goto(`${env.server.url}/no/such/page`);
    await page.getByTestId('not-found').waitFor();
    await page.close();
  });

  it('shows the audit log to the admin, filters by actor and verifies the chain', async () => {
    const page = await newPage(env.browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, env.server.url, 'admin@demo.ctp');
    await page.getByTestId('home-admin').waitFor();
    await page.goto(`${env.server.url}/audit?action=auth.login`);
    await page.getByText('登录', { exact: true }).first().waitFor();
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result').textContent()).resolves.toContain('哈希链完整');
    await page.screenshot({ path: `${ARTIFACTS}audit-log.png`, fullPage: true });
    await page.close();
  });
});
