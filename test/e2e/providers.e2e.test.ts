import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, pickOption, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';

const LAB = 'org-prov-xianlin-lab';

async function shot(page: Page, file: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}${file}`, fullPage: true });
}

/** The number a facet shows beside a value, and the total the result says. */
async function facetCount(page: Page, facet: string, label: string): Promise<number> {
  const item = page.getByTestId(facet).locator('.ctp-facet-item').filter({ hasText: label }).first();
  return Number(await item.locator('.ctp-facet-count').textContent());
}
const totalOf = async (page: Page) =>
  Number(((await page.getByTestId('provider-total').textContent()) ?? '').replace(/\D/g, ''));

describe('service providers in a real browser (issue 18)', () => {
  const env = useBrowserServer();

  it('a sponsor finds a central lab on the 服务机构 tab, narrows by a facet and opens its profile', async () => {
    const context = await newContext(env.browser, { viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    await page.goto(`${env.server.url}/search`);
    await page.getByTestId('tab-providers').click();
    await page.waitForURL(/tab=providers/);
    await page
      .getByTestId('provider-total')
      .getByText(/共 \d+ 家/)
      .waitFor();
    const everyProvider = await totalOf(page);
    await page.getByTestId('provider-search-input').locator('input').fill('中心实验室');
    await page.getByTestId('provider-search-input').locator('input').press('Enter');
    await page.waitForURL(/q=/);
    // Until the new result arrives the previous one (every provider) stays: read the total once it has changed.
    await page.waitForFunction((all) => {
      const text = document.querySelector('[data-testid=provider-total]')?.textContent ?? '';
      return /\d/.test(text) && !text.includes(`共 ${all} 家`);
    }, everyProvider);
    await page.getByTestId(`provider-${LAB}`).waitFor();
    const total = await totalOf(page);
    expect(total).toBeGreaterThanOrEqual(3);
    // The category facet of the result counts every provider in it once; choosing CNAS gives its own count.
    expect(await facetCount(page, 'provider-facet-category', '中心实验室')).toBe(total);
    const cnas = await facetCount(page, 'provider-facet-qualification', 'CNAS');
    await page.getByTestId('provider-facet-qualification').getByText('CNAS', { exact: false }).first().click();
    await page.waitForURL(/qualification=cnas/);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=provider-total]')?.textContent?.includes(`共 ${n} 家`),
      cnas,
    );
    // The demo central lab's CNAS accreditation expires within 60 days: flagged on its card.
    await page.getByTestId(`provider-${LAB}`).getByTestId('provider-expiring').waitFor();
    await shot(page, 'providers-search-zh.png');

    // Shortlisted on a new list, as a hospital is; the list shows it below its hospitals.
    await page.getByTestId(`shortlist-${LAB}`).click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByText('新建').click();
    await page.getByTestId('shortlist-name').fill('中心实验室备选');
    await shot(page, 'modal-new-shortlist-zh.png');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByText('已加入“中心实验室备选”').waitFor();
    const shortlistId = env.server.database.sqlite
      .prepare("select id from shortlists where name = '中心实验室备选'")
      .pluck()
      .get() as string;
    await page.goto(`${env.server.url}/shortlists/${shortlistId}`);
    await page.getByTestId('shortlist-providers').getByText('仙林中心实验室有限公司（演示）').waitFor();
    await page.goto(`${env.server.url}/search?tab=providers&q=${encodeURIComponent('中心实验室')}&qualification=cnas`);

    await page.getByTestId(`provider-${LAB}`).getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/providers/${LAB}$`));
    await page.getByTestId('provider-profile').waitFor();
    await page.getByTestId('provider-expiry-alert').waitFor();
    await expect(page.getByTestId('provider-edit').count()).resolves.toBe(0);
    await shot(page, 'providers-profile-zh.png');

    // The trial page: the sponsor records the central lab its trial uses.
    const trialId = env.server.database.sqlite
      .prepare("select id from trials where sponsor_org_id = 'org-sponsor-zijin' order by created_at limit 1")
      .pluck()
      .get() as string;
    await page.goto(`${env.server.url}/trials/${trialId}`);
    const card = page.getByTestId('trial-providers');
    await card.waitFor();
    await pickOption(page, 'trial-provider-pick', '仙林中心实验室', { type: '仙林' });
    await pickOption(page, 'trial-provider-category', '中心实验室');
    await card.getByTestId('trial-provider-record').click();
    await card.locator('.ant-table-row').filter({ hasText: '仙林中心实验室有限公司（演示）' }).waitFor();
    await page.getByTestId('trial-providers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}providers-trial-zh.png`, fullPage: true });
    await page.goto(`${env.server.url}/providers/${LAB}`);
    await page.getByTestId('provider-profile').waitFor();

    // The same in English: labels and names in English, facets included.
    await page.getByTestId('locale-switch').click();
    await page.getByText('Qualifications', { exact: true }).first().waitFor();
    await shot(page, 'providers-profile-en.png');
    await page.goto(`${env.server.url}/search?tab=providers&q=central%20lab`);
    await page.getByTestId(`provider-${LAB}`).waitFor();
    await page.getByTestId('provider-facet-category').getByText('Central laboratory').waitFor();
    await shot(page, 'providers-search-en.png');
    // The shared new-shortlist modal, in English.
    await page.getByTestId(`shortlist-${LAB}`).click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByText('New shortlist…').click();
    await page.getByTestId('new-shortlist').waitFor();
    await page.waitForFunction(() => !document.querySelector('[class*="-zoom-appear"], [class*="-zoom-enter"]'));
    await shot(page, 'modal-new-shortlist-en.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('new-shortlist').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the provider admin sees the expiring qualification on the home page and keeps the profile', async () => {
    const context = await newContext(env.browser, { viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'provider@demo.ctp');
    await page.getByTestId('home-provider_admin').waitFor();
    await page.getByTestId('home-todos').getByText('资质即将到期或已过期').waitFor();
    await shot(page, 'providers-home-zh.png');
    await page.getByTestId('main-nav').getByText('本机构档案', { exact: true }).click();
    await page.waitForURL(new RegExp(`/providers/${LAB}$`));
    // The modal opens during an animation: retry until its form shows.
    for (let tries = 0; tries < 5 && !(await page.getByTestId('provider-save').isVisible()); tries++) {
      await page.getByTestId('provider-edit').click();
      await page
        .getByTestId('provider-save')
        .waitFor({ timeout: 3_000 })
        .catch(() => undefined);
    }
    await page.locator('.ant-modal').getByPlaceholder('证书编号').first().fill('CNAS ML9999');
    await shot(page, 'providers-edit-zh.png');
    await page.getByTestId('provider-save').click();
    await page.getByText('档案已保存').waitFor();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('provider-profile').getByText('CNAS ML9999').waitFor();
    // The same modal in English.
    await page.getByTestId('locale-switch').click();
    await page.getByText('Qualifications', { exact: true }).first().waitFor();
    for (let tries = 0; tries < 5 && !(await page.getByTestId('provider-save').isVisible()); tries++) {
      await page.getByTestId('provider-edit').click();
      await page
        .getByTestId('provider-save')
        .waitFor({ timeout: 3_000 })
        .catch(() => undefined);
    }
    // Opened again after a save, the form holds the saved lists (qualifications and contacts), not empty rows.
    const numbers = page.locator('.ant-modal').getByPlaceholder('Certificate no.');
    await expect.poll(() => numbers.count()).toBe(3);
    expect(await Promise.all((await numbers.all()).map((n) => n.inputValue()))).toContain('CNAS ML9999');
    expect(await page.locator('.ant-modal').getByPlaceholder('Name').first().inputValue()).toBe('顾质控');
    await shot(page, 'providers-edit-en.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('provider-form').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
