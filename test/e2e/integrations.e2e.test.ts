import { describe, expect, it } from 'vitest';
import { ARTIFACTS, clickUntilGone, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';

describe('开放接口: a trial office connects its CTMS (issue 17)', () => {
  const env = useBrowserServer();

  it('creates a token shown once that then answers the REST API, adds a webhook, and revokes the token; zh and en', async () => {
    const context = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.setDefaultTimeout(15_000);
    await signIn(page, env.server.url, 'site@demo.ctp');
    await page.getByTestId('main-nav').getByText('开放接口').click();
    await page.getByText('尚无令牌').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}integrations-empty-zh.png`, fullPage: true });

    await page.getByTestId('token-create').click();
    await page.getByTestId('token-name').fill('机构办 CTMS');
    await page.getByTestId('token-submit').click();
    const token = await page.getByTestId('secret-value').inputValue();
    expect(token).toMatch(/^ctp_/);
    await page.getByText('令牌已创建：请立即复制保存').waitFor();
    await clickUntilGone(page, 'secret-done', 'secret-value');
    await page.getByRole('cell', { name: '机构办 CTMS' }).waitFor();
    // The page never shows the token again: only its first characters.
    expect(await page.content()).not.toContain(token);

    const res = await fetch(`${env.server.url}/api/v1/sites/search?q=${encodeURIComponent('肺癌')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    await page.reload();
    await page.getByText('127.0.0.1').waitFor();

    await page.getByTestId('webhook-create').click();
    await page.getByTestId('webhook-url').fill('https://ctms.example.cn/ctp-events');
    await page.getByTestId('webhook-submit').click();
    expect(await page.getByTestId('secret-value').inputValue()).toMatch(/^whsec_/);
    await clickUntilGone(page, 'secret-done', 'secret-value');
    await page.getByText('https://ctms.example.cn/ctp-events').waitFor();
    await page.getByText('投递记录', { exact: true }).first().click();
    await page.getByText('尚无投递').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}integrations-deliveries-zh.png` });
    await page.keyboard.press('Escape');

    await page.locator('[data-testid^="token-revoke-"]').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByRole('cell', { name: '已吊销' }).waitFor();
    const refused = await fetch(`${env.server.url}/api/v1/trials`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);

    await page.evaluate(() => localStorage.setItem('ctp.locale', 'en'));
    await page.reload();
    await page.getByRole('cell', { name: 'Revoked' }).waitFor();
    await page.getByText('Event notifications (webhooks)').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}integrations-en.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
