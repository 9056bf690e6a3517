import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';

describe('a sponsor searches, compares, shortlists and exports in the browser', () => {
  const env = useBrowserServer();

  it('goes from a two-character query to an exported shortlist', async () => {
    const context = await newContext(env.browser, { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    await page.getByTestId('main-nav').getByText('找中心').click();
    await page.getByTestId('search-input').locator('input').fill('肿瘤');
    await page.getByTestId('search-input').locator('input').press('Enter');
    await page.waitForURL(/q=%E8%82%BF%E7%98%A4/);
    // Results of the previous query stay on screen until the new ones arrive: wait for the new first result.
    const first = page.getByTestId('search-result').first();
    await first.filter({ hasText: '江苏省肿瘤医院' }).waitFor();
    await expect(first.getByTestId('search-reasons').textContent()).resolves.toContain('机构名称匹配“肿瘤”');
    await page.screenshot({ path: `${ARTIFACTS}site-search.png`, fullPage: false });

    // The URL reproduces the search.
    await page.goto(
      `${env.server.url}/search?q=${encodeURIComponent('肿瘤')}&district=${encodeURIComponent('玄武区')}`,
    );
    await page
      .getByTestId('search-total')
      .filter({ hasText: /共 \d+ 家机构/ })
      .waitFor();
    await page.getByTestId('search-result').first().filter({ hasText: '玄武区' }).waitFor();
    for (const card of await page.getByTestId('search-result').all())
      await expect(card.textContent()).resolves.toContain('玄武区');

    // Empty result suggests what to relax.
    await page.goto(
      `${env.server.url}/search?q=${encodeURIComponent('肿瘤')}&district=${encodeURIComponent('六合区')}`,
    );
    await page.getByTestId('relax-district').click();
    await page.getByTestId('search-result').first().waitFor();

    // Compare two.
    await page.getByTestId('compare-hosp-jsch').click();
    await page.getByTestId('compare-hosp-jsph').click();
    await page.getByTestId('compare-go').click();
    await page
      .getByTestId('compare-table')
      .filter({ hasText: '江苏省人民医院' })
      .filter({ hasText: '江苏省肿瘤医院' })
      .waitFor();
    await page.screenshot({ path: `${ARTIFACTS}compare.png`, fullPage: true });
    await page.goBack();

    // Shortlist: create a list from a result, add a note, export.
    await page.getByTestId('shortlist-hosp-jsch').click();
    await page.getByText('新建候选清单…').click();
    await page.getByTestId('shortlist-name').fill('肺癌二期候选');
    await page.getByTestId('shortlist-create-ok').click();
    await page.getByText('已加入「肺癌二期候选」').waitFor();
    await page.getByTestId('main-nav').getByText('候选清单').click();
    await page.getByRole('link', { name: '肺癌二期候选' }).click();
    await page.getByTestId('shortlist-item').first().waitFor();
    await page.getByTestId('note-hosp-jsch').fill('PI 有意向，需确认 CRC');
    await page.getByText('保存备注').click();
    await page.getByText('备注已保存').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('shortlist-export').click()]);
    const path = `${ARTIFACTS}shortlist.xlsx`;
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(2).value).toBe('江苏省肿瘤医院');
    expect((ws.getRow(2).values as unknown[]).includes('PI 有意向，需确认 CRC')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
