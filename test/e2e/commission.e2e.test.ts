import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { createSeededDatabase } from '../helpers/test-app.ts';

describe("the commission's view, in the browser, on the demo with 24 months of history", () => {
  // The tests' own demo has no history (other tests expect a quiet demo): this file takes the one with history.
  const env = useBrowserServer({ database: () => createSeededDatabase('history') });

  it('shows the overview with formulas and charts, drills down, and exports a table that matches it', async () => {
    const context = await newContext(env.browser, { viewport: { width: 1440, height: 1000 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'commission@demo.ctp');
    await page.getByTestId('main-nav').getByText('监测总览').click();
    await page.waitForURL(/\/commission$/);

    // Headline cards: a figure, a month-on-month line and a formula each.
    const conversion = page.getByTestId('card-specialtyActivePct');
    await conversion.getByText('资源转化率').waitFor();
    expect(await conversion.locator('.ant-statistic-content').textContent()).toMatch(/\d/);
    await page.getByTestId('formula-ethicsMedianWorkingDays').hover();
    await page.getByText('受理日（第 0 日）→ 决定日的中国工作日数').waitFor();
    expect(await page.getByTestId('card-ethicsWithinClockPct').getByTestId('mom').count()).toBe(1);
    // The charts load their own chunk and render.
    for (const chart of ['chart-funnel', 'chart-trend', 'chart-turnaround', 'chart-capacity']) {
      await page.locator(`[data-testid="${chart}"][data-ready="true"]`).waitFor();
      expect(await page.getByTestId(chart).locator('svg').count(), chart).toBeGreaterThan(0);
    }
    await page.screenshot({ path: `${ARTIFACTS}commission-overview.png`, fullPage: true });

    // A figure links to the records it is computed from.
    await page.getByTestId('records-ethicsWithinClockPct').click();
    await page.getByTestId('records-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('records-table').textContent()).toMatch(/伦理审查/);

    // Drill-down: city → district → hospital → specialty → trial sites.
    await page.goto(`${env.server.url}/commission/drill`);
    await page.getByTestId('drill-row-鼓楼区').click();
    await page.getByTestId('drill-row-hosp-njglyy').click();
    await page.getByTestId('drill-breadcrumb').getByText('南京鼓楼医院').waitFor();
    const specialtyRow = page.getByTestId('drill-table').locator('[data-testid^="drill-row-"]').first();
    await specialtyRow.waitFor();

    // Export the specialty table and compare every row with the page.
    const labels = await page.getByTestId('drill-table').locator('[data-testid^="drill-row-"]').allTextContents();
    const values = await page
      .getByTestId('drill-table')
      .locator('[data-testid^="cell-"][data-testid$="-specialtyActivePct"]')
      .allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-byHospital').click(),
    ]);
    const path = `${ARTIFACTS}commission-drill.xlsx`;
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('名称');
    const sheetRows: [string, string][] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.getCell(2).value as number | null;
      sheetRows.push([String(row.getCell(1).value), v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1)]);
    });
    expect(sheetRows.length).toBeGreaterThan(0);
    expect(sheetRows).toEqual(labels.map((l, i) => [l, values[i]]));

    // The trial-site list behind one specialty.
    await specialtyRow.click();
    await page.waitForURL(/\/commission\/records\?.*metric=activeSites/);
    await page.getByTestId('records-table').locator('tbody tr.ant-table-row').first().waitFor();

    // The committees' turnaround table.
    await page.goto(`${env.server.url}/commission/drill`);
    await page.getByTestId('committee-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('committee-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
