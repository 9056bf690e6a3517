import { describe, expect, it } from 'vitest';
import { ARTIFACTS, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { createSeededDatabase } from '../helpers/test-app.ts';

/** Issue 13 in the browser: registry history in the search reasons and the registry-experience sort, zh and en. */
describe('a sponsor sees registry experience in search', () => {
  const env = useBrowserServer({ database: () => createSeededDatabase('registries') });

  it('says how many lung-cancer trials the first hospital ran, and sorts by it', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    const firstReasons = () => page.getByTestId('search-result').first().getByTestId('search-reasons');
    for (const [locale, reason, sortLabel] of [
      ['zh', /近 5 年 \d+ 项肺癌试验 \(\d+ 项在招\)/, '登记试验经验'],
      ['en', /\d+ lung cancer trials? in the last 5 years \(\d+ recruiting\)/, 'Registry experience'],
    ] as const) {
      if ((locale === 'en') !== (await page.evaluate(() => document.documentElement.lang === 'en'))) {
        await page.getByTestId('locale-switch').click();
        await page.waitForFunction((l) => document.documentElement.lang === l, locale === 'en' ? 'en' : 'zh-CN');
      }
      await page.goto(`${env.server.url}/search?condition=${encodeURIComponent('肺癌')}&sort=registry_experience`);
      await firstReasons().filter({ hasText: reason }).waitFor();
      await page.getByText(sortLabel).first().waitFor();
      const text = (await firstReasons().textContent()) ?? '';
      expect(text).not.toMatch(/(近 5 年 0 项|^0 lung)/);
      await page.screenshot({ path: `${ARTIFACTS}search-registry-${locale}.png` });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the commission registry trials per hospital beside the platform figures', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'commission@demo.ctp');
    await page.getByTestId('main-nav').waitFor();
    await page.goto(`${env.server.url}/commission/drill?district=${encodeURIComponent('鼓楼区')}`);
    // 南京鼓楼医院 is linked in the CT.gov sample (registry-search.int.test.ts counts it against SQL).
    const cell = page.getByTestId('cell-hosp-njglyy-registryTrials');
    await cell.waitFor();
    expect(await cell.textContent()).toMatch(/^[1-9]\d* \(\d+\)$/);
    await page.getByText('登记试验（在招）').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}commission-drill-registry-zh.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
