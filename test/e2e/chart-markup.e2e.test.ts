import { describe, expect, it } from 'vitest';
import { ARTIFACTS, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';

const MARKUP = '<b data-injected="1">肿瘤</b><img data-injected="2" src="x">';

describe('user text in chart tooltips (issue 12)', () => {
  const env = useBrowserServer();

  it("shows a specialty filed with markup as text in the commission's capacity heat-map", async () => {
    // Every specialty as filed carries markup, so whichever cell is hovered names one.
    env.server.database.sqlite.prepare('update hospital_specialties set name_as_filed = ?').run(MARKUP);
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'commission@demo.ctp');
    await page.getByTestId('main-nav').waitFor();
    await page.goto(`${env.server.url}/commission`);
    const chart = page.locator('[data-testid="chart-capacity"][data-ready="true"]');
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();

    // Hover over the cells (the grid starts 190 px from the left) until a tooltip shows.
    const box = (await chart.boundingBox())!;
    let tooltip: { html: string; text: string } | null = null;
    for (let x = box.x + 200; x < box.x + box.width && !tooltip; x += 40) {
      for (let y = box.y + 15; y < box.y + box.height - 80 && !tooltip; y += 20) {
        await page.mouse.move(x, y);
        tooltip = await chart.evaluate((root) => {
          const tip = [...root.querySelectorAll('div')].find(
            (d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent?.includes('·'),
          );
          return tip ? { html: tip.innerHTML, text: tip.textContent ?? '' } : null;
        });
      }
    }
    await page.screenshot({ path: `${ARTIFACTS}chart-markup-tooltip.png` });
    expect(tooltip, 'a tooltip was shown').not.toBeNull();
    expect(tooltip!.text).toContain(MARKUP);
    expect(await page.locator('[data-injected]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
