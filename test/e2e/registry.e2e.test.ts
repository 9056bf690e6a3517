import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { callerAs } from '../helpers/test-app.ts';

const SAMPLES = fileURLToPath(new URL('../../packages/domain/src/seed/registries/', import.meta.url));
const CTR_FILES = readdirSync(`${SAMPLES}ctr`)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => `${SAMPLES}ctr/${f}`);

/** The queue runs to hundreds of rows: its pictures are of the first screen only. */
async function snapshot(page: Page, file: string, fullPage = true) {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}${file}`, fullPage });
}

const SEARCH_BOX = 'input[data-testid="queue-search"], [data-testid="queue-search"] input';

/** Finds a queue row through the page's search box. */
async function findRow(page: Page, name: string, city: string) {
  await page.locator(SEARCH_BOX).fill(name);
  const row = page.getByTestId('registry-queue').locator('tr', { hasText: name }).filter({ hasText: city }).first();
  await row.waitFor();
  return row;
}

async function upload(page: Page, files: string[]) {
  await page.getByTestId('registry-upload').locator('input[type=file]').setInputFiles(files);
  await page.getByTestId('registry-start').click();
  await page.getByTestId('registry-result').waitFor({ timeout: 60_000 });
}

describe('registry imports and the name review queue in a real browser', () => {
  const env = useBrowserServer();

  it('the admin uploads both samples, maps a name, rejects one; profiles and trials show the history (zh, en)', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'admin@demo.ctp');
    await page.getByTestId('main-nav').getByText('登记数据导入', { exact: true }).click();
    await page.waitForURL(/\/registry\/imports$/);

    await upload(page, [`${SAMPLES}ctgov/studies-nsclc.json`]);
    await expect(page.getByTestId('registry-result').textContent()).resolves.toContain('新增 100');
    await page.getByText('药物临床试验登记与信息公示平台（CTR）').click();
    await upload(page, CTR_FILES);
    await expect(page.getByTestId('registry-result').textContent()).resolves.toContain('新增 46');
    await page.getByTestId('registry-import-log').locator('tbody tr.ant-table-row').nth(1).waitFor();
    await snapshot(page, 'registry-imports.png');

    await page.getByTestId('main-nav').getByText('名称核对', { exact: true }).click();
    await page.waitForURL(/\/registry\/queue$/);
    const queue = page.getByTestId('registry-queue');
    // The famous name with the wrong city waits with its candidate at similarity 1.00.
    await queue.locator('tr.ant-table-row').first().waitFor();
    await snapshot(page, 'registry-queue.png', false);
    const tianjin = await findRow(page, '东南大学附属中大医院', '天津市');
    await tianjin.getByText('1.00').waitFor();
    await tianjin.getByText('城市与医院不符').waitFor();
    await snapshot(page, 'registry-queue-search.png', false);

    // Map the Wuxi listing to 中大医院 through its candidate button.
    const wuxi = await findRow(page, '东南大学附属中大医院', '无锡市');
    await wuxi.getByTestId('queue-map-candidate').click();
    await page.getByText('已对应：1 个地点关联到医院').waitFor();

    // Reject a hospital that is not on the platform, with a preset reason.
    const offPlatform = await findRow(page, '天津医科大学总医院', '天津市');
    await offPlatform.getByTestId('queue-reject').click();
    await page.getByText('不在本平台的外地机构').click();
    await page.locator('#queue-reject-ok').click();
    await page.getByText('已标记为非医院，该名称不会再进入核对').waitFor();
    await page.getByRole('tab', { name: /已标记非医院/ }).click();
    await queue.getByText('天津医科大学总医院').waitFor();
    await page.locator(SEARCH_BOX).fill('无锡');
    await page.getByRole('tab', { name: /已对应/ }).click();
    await queue.locator('tr', { hasText: '无锡市' }).getByText('东南大学附属中大医院').first().waitFor();

    await page.getByRole('tab', { name: /待核对/ }).click();
    await page.getByTestId('locale-switch').click();
    await page.getByText('Name review', { exact: true }).first().waitFor();
    await (await findRow(page, '东南大学附属中大医院', '天津市')).getByText("City is not the hospital's").waitFor();
    await snapshot(page, 'registry-queue-en.png', false);
    await page.getByTestId('main-nav').getByText('Registry imports', { exact: true }).click();
    await page.getByTestId('registry-import-log').getByText('Completed').first().waitFor();
    await snapshot(page, 'registry-imports-en.png');

    // The 登记试验 section of 东南大学附属中大医院: the two Nanjing CTR trials and the mapped Wuxi one.
    await page.goto(`${env.server.url}/hospitals/hosp-zdyy`);
    const trials = page.getByTestId('registry-trials');
    await trials.getByText('CTR20230379').waitFor();
    await trials.getByText('CTR20230421').waitFor();
    await expect(trials.getByTestId('registry-link').first().getAttribute('href')).resolves.toContain(
      'chinadrugtrials.org.cn',
    );
    await trials.scrollIntoViewIfNeeded();
    await trials.screenshot({ path: `${ARTIFACTS}registry-hospital-en.png` });
    await page.getByTestId('locale-switch').click();
    await trials.getByText('登记试验').first().waitFor();
    await trials.screenshot({ path: `${ARTIFACTS}registry-hospital.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('a platform trial with the same NCT number shows the registry record', async () => {
    const sponsor = callerAs(env.server.database, 'sponsor@demo.ctp');
    const { id } = await sponsor.trials.create({
      titleZh: '晚期非小细胞肺癌注册研究（演示）',
      type: 'drug',
      phase: 'III',
      nctNo: 'NCT04764188',
      conditions: ['非小细胞肺癌'],
      targetEnrolment: 300,
    } as Parameters<typeof sponsor.trials.create>[0]);
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    await page.goto(`${env.server.url}/trials/${id}`);
    const record = page.getByTestId('trial-registry-record');
    await record.getByText('NCT04764188').waitFor();
    await record.getByText('江苏省人民医院').first().waitFor();
    await expect(record.getByTestId('registry-link').getAttribute('href')).resolves.toBe(
      'https://clinicaltrials.gov/study/NCT04764188',
    );
    await record.screenshot({ path: `${ARTIFACTS}registry-trial.png` });
    await page.close();
  }, 120_000);
});
