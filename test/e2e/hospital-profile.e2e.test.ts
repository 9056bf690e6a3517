import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newPage, pickOption, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';

/** A clean full-page picture: toasts gone, scrolled to the top (the header is sticky). */
async function snapshot(page: Page, file: string) {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}${file}`, fullPage: true });
}

describe('hospital profile in a real browser', () => {
  const env = useBrowserServer();

  it('lets the site admin add a specialty and an investigator to the own hospital', async () => {
    const page = await newPage(env.browser, { viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'site@demo.ctp');
    await page.getByTestId('home-site_admin').waitFor();
    await page.getByTestId('main-nav').getByText('本院资源', { exact: true }).click();
    await page.waitForURL(/\/hospitals\/hosp-jsph$/);
    await expect(page.getByTestId('hospital-name').textContent()).resolves.toBe('江苏省人民医院');
    await page.getByTestId('completeness').waitFor();

    // A specialty: a negative bed count is refused on the field by the server, then fixed.
    await page.getByTestId('add-specialty').click();
    await pickOption(page, 'specialty-code', '老年病专业', { type: '老年' });
    await page.getByTestId('specialty-trial-beds').fill('-1');
    await page.getByTestId('specialty-max').fill('8');
    await page.getByTestId('disease-area-0').fill('老年衰弱综合征');
    await page.getByTestId('annual-patients-0').fill('1200');
    await page.getByTestId('specialty-form-save').click();
    await page.getByTestId('specialty-form').getByText('不能小于 0').waitFor();
    await expect(page.getByTestId('form-error').textContent()).resolves.toContain('提交的内容有误');
    await page.getByTestId('specialty-trial-beds').fill('6');
    await page.getByTestId('specialty-form-save').click();
    const specialties = page.getByTestId('specialties-table');
    await specialties.getByText('老年病专业').waitFor();
    await specialties.getByText('老年衰弱综合征').waitFor();

    // An investigator with a 主治医师 title is flagged as not eligible to lead a drug trial.
    await page.getByTestId('add-investigator').click();
    await page.getByTestId('investigator-name').fill('欧阳明');
    await pickOption(page, 'investigator-title', '主治医师', { type: '主治' });
    await pickOption(page, 'investigator-specialties', '老年病专业', { type: '老年' });
    await page.getByTestId('investigator-form').getByText('所属专业', { exact: true }).click();
    await page.getByTestId('investigator-max').fill('4');
    await page.getByTestId('investigator-form-save').click();
    const row = page.getByTestId('investigators-table').locator('tr', { hasText: '欧阳明' });
    await row.waitFor();
    await expect(row.getByTestId('not-eligible').textContent()).resolves.toBe('不可牵头药物试验');
    await expect(row.textContent()).resolves.toContain('老年病专业');

    // The change history names both additions.
    await page.getByTestId('history').getByText('添加研究者').waitFor();
    await page.getByTestId('history').getByText('添加备案专业').first().waitFor();
    await snapshot(page, 'hospital-profile.png');

    await page.getByTestId('locale-switch').click();
    await page.getByTestId('hospital-name').getByText('Jiangsu Province Hospital', { exact: false }).waitFor();
    await page.getByText('Not eligible to lead a drug trial').first().waitFor();
    await snapshot(page, 'hospital-profile-en.png');
    await page.getByTestId('locale-switch').click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the same page read-only to a sponsor', async () => {
    const page = await newPage(env.browser, { viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    await expect(page.getByTestId('main-nav').getByText('本院资源', { exact: true }).count()).resolves.toBe(0);
    await page.goto(`${env.server.url}/hospitals/hosp-jsph`);
    await page.getByTestId('investigators-table').getByText('欧阳明').waitFor();
    await page.getByTestId('specialties-table').getByText('老年病专业').waitFor();
    for (const id of ['add-specialty', 'add-investigator', 'edit-profile', 'confirm-capacity', 'edit-capabilities']) {
      await expect(page.getByTestId(id).count()).resolves.toBe(0);
    }
    await expect(page.getByRole('button', { name: /停用/ }).count()).resolves.toBe(0);
    await snapshot(page, 'hospital-profile-sponsor.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});
