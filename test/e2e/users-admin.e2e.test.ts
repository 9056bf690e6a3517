import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, newPage, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';

/** 用户管理 in a real browser (issue 14): search, edit, reset password, disable (the user's session ends), enable. */
describe('the admin’s users page', () => {
  const env = useBrowserServer();

  it('searches, resets a password to a one-time one, disables and re-enables, edits a name', {
    timeout: 120_000,
  }, async () => {
    const context = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = watchErrors(page);
    // The PI is signed in elsewhere; their session must end when the admin acts.
    const pi = await newPage(env.browser);
    pi.setDefaultTimeout(15_000);
    await signIn(pi, env.server.url, 'pi@demo.ctp');
    await pi.getByTestId('home-investigator').waitFor();

    await signIn(page, env.server.url, 'admin@demo.ctp');
    await page.getByTestId('home-admin').waitFor();
    await page.goto(`${env.server.url}/users`);
    await page.getByTestId('users-search').locator('input').fill('pi@demo');
    await page.getByTestId('users-search').locator('input').press('Enter');
    await page.getByTestId('user-edit-pi@demo.ctp').waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);

    await page.getByTestId('user-reset-pi@demo.ctp').click();
    await page.getByRole('button', { name: '重置密码' }).last().click();
    const temporary = (await page.getByTestId('temp-password').textContent())!.trim();
    expect(temporary).toMatch(/^[A-Za-z2-9]{16}$/);
    await page.screenshot({ path: `${ARTIFACTS}users-reset.png` });
    await page.getByRole('button', { name: /知\s*道\s*了|OK/ }).click();

    // The PI's open page is signed out at its next request.
    // It used to ask auth.me again after each 401, forever: count the calls.
    const meCalls: string[] = [];
    pi.on('response', (r) => {
      if (r.url().includes('auth.me')) meCalls.push(String(r.status()));
    });
    await pi.reload();
    await pi.getByTestId('login-email').waitFor();
    await pi.waitForTimeout(1000);
    expect(meCalls.length).toBeLessThanOrEqual(2);

    await page.getByTestId('user-toggle-pi@demo.ctp').click();
    await page
      .getByRole('button', { name: /停\s*用/ })
      .last()
      .click();
    await page.getByText('已停用 pi@demo.ctp').waitFor();
    await page
      .getByTestId('user-toggle-pi@demo.ctp')
      .getByText(/启\s*用/)
      .waitFor();
    await signIn(pi, env.server.url, 'pi@demo.ctp', temporary);
    await pi.getByText('邮箱或密码不正确').waitFor();

    await page.getByTestId('user-toggle-pi@demo.ctp').click();
    await page
      .getByRole('button', { name: /启\s*用/ })
      .last()
      .click();
    await page.getByText('已启用 pi@demo.ctp').waitFor();
    await signIn(pi, env.server.url, 'pi@demo.ctp', temporary);
    await pi.getByTestId('home-investigator').waitFor();

    await page.getByTestId('user-edit-pi@demo.ctp').click();
    await page.getByTestId('user-edit-name').fill('王研究者（改）');
    await page.screenshot({ path: `${ARTIFACTS}users-edit.png` });
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: '王研究者（改）' }).waitFor();

    const actions = env.server.database.sqlite
      .prepare("select action from audit_events where action like 'user.%' order by id")
      .pluck()
      .all();
    expect(actions).toEqual(['user.reset_password', 'user.disable', 'user.enable', 'user.update']);

    // The audit log names the user the rows are about, not an id.
    await page.goto(`${env.server.url}/audit`);
    // The four admin actions and the PI's two sign-ins.
    await expect
      .poll(() => page.getByTestId('audit-entity-name').getByText('王研究者（改）').count(), { timeout: 20_000 })
      .toBe(6);
    await page.screenshot({ path: `${ARTIFACTS}audit-names.zh.png` });
    await page.goto(`${env.server.url}/users`);
    await page.getByTestId('users-search').locator('input').fill('');
    await page.getByTestId('users-search').locator('input').press('Enter');
    await page.screenshot({ path: `${ARTIFACTS}users.zh.png` });
    await page.getByTestId('locale-switch').click();
    await page.getByText('Reset password').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}users.en.png` });
    await page.goto(`${env.server.url}/audit`);
    await page.getByText('User password reset').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}audit-names.en.png` });
    expect(errors).toEqual([]);
    await pi.close();
    await context.close();
  });
});
