import { createTestDatabase } from '@ctp/db/testing';
import { LoginThrottle, seedDemo, seedDemoProjects } from '@ctp/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, pickOption, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { chineseLeftIn } from '../helpers/han-runs.ts';

/** What a reader sees, without the language switcher's own label and without what people typed (UserText). */
async function screenText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: what is on screen is what a reader sees
    let body = document.body.innerText;
    const own = (document.querySelector('[data-testid=locale-switch]') as HTMLElement | null)?.textContent?.trim();
    if (own) body = body.replace(own, '');
    for (const typed of document.querySelectorAll<HTMLElement>('[data-user-text]')) {
      // biome-ignore lint/performance/useDomNodeTextContent: as above
      if (typed.innerText) body = body.replace(typed.innerText, '');
    }
    return [document.title, body];
  });
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'), null, {
    timeout: 10_000,
  });
}

/** Opens a modal by its button, retrying while antd's animation swallows the click, until its body shows. */
async function openModal(page: Page, button: string, body: string) {
  for (let tries = 0; tries < 5 && !(await page.getByTestId(body).isVisible()); tries++) {
    await page.getByTestId(button).click();
    await page
      .getByTestId(body)
      .waitFor({ timeout: 3_000 })
      .catch(() => undefined);
  }
  await page.getByTestId(body).waitFor();
  // The opening animation over (antd's motion classes gone), so screenshots show the modal, not its fade-in.
  await page.waitForFunction(() => !document.querySelector('[class*="-zoom-appear"], [class*="-zoom-enter"]'));
}

async function closeModal(page: Page, body: string) {
  await page.keyboard.press('Escape');
  await page.getByTestId(body).waitFor({ state: 'hidden' });
}

describe('collaborative bases and key technology projects in the browser (issue 18), in Chinese and English', () => {
  // The quiet demo (bases included) plus the two demo projects over the demo trials.
  const env = useBrowserServer({
    database: async () => {
      const database = createTestDatabase();
      await seedDemo({ db: database.db, ctx: { actor: null, now: Date.now, requestId: 'e2e' }, withUsers: true });
      seedDemoProjects(
        database.db,
        { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } },
        Date.now(),
      );
      return database;
    },
  });

  it.each(['zh-CN', 'en'] as const)(
    'shows the bases, a base profile, the projects and a project page with its delays (%s)',
    async (locale) => {
      const context = await newContext(env.browser, { viewport: { width: 1440, height: 1000 } });
      context.setDefaultTimeout(20_000);
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('ctp.locale', 'en'));
      const page = await context.newPage();
      const errors = watchErrors(page);
      const left: string[] = [];
      const check = async (where: string) => {
        await settle(page);
        if (locale === 'en') for (const run of chineseLeftIn(await screenText(page))) left.push(`${where}: ${run}`);
      };
      const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}-${locale}.png`, fullPage: true });
      await signIn(page, env.server.url, 'commission@demo.ctp');
      await page.getByTestId('main-nav').waitFor();

      // Bases: the list, then a profile with its figures computed from the records.
      await page.goto(`${env.server.url}/bases`);
      const baseRows = page.locator('.ant-table-tbody tr.ant-table-row');
      await baseRows.first().waitFor();
      expect(await baseRows.count()).toBe(5);
      await check('/bases');
      await shot('bases');
      await baseRows.first().locator('a').first().click();
      await page.getByTestId('base-figures').waitFor();
      await check(page.url());
      await shot('base');

      // The commission's modals (one useEntityModal each): registering a base, then reviewing one not yet
      // operating by the next step of BASE_TRANSITIONS the page offers (never 撤销 here: the report counts bases).
      await page.goto(`${env.server.url}/bases`);
      await baseRows.first().waitFor();
      await openModal(page, 'base-create', 'base-form');
      await check('base create modal');
      await shot('modal-base-create');
      await closeModal(page, 'base-form');
      await baseRows
        .filter({ hasText: locale === 'en' ? /Applied|Recognised/ : /申报|认定/ })
        .first()
        .locator('a')
        .first()
        .click();
      const statusTag = page.getByTestId('base-status-tag');
      await statusTag.waitFor();
      const statusBefore = await statusTag.textContent();
      await openModal(page, 'base-set-status', 'base-review');
      await pickOption(page, 'base-status-step');
      await page.getByTestId('base-status-reason').fill(locale === 'en' ? 'Expert review passed' : '专家评审通过');
      await check('base review modal');
      await shot('modal-base-review');
      await page.getByTestId('base-review-save').click();
      await page.getByTestId('base-review').waitFor({ state: 'hidden' });
      await expect.poll(() => statusTag.textContent(), { timeout: 10_000 }).not.toBe(statusBefore);
      await openModal(page, 'base-link-trial', 'base-link');
      await check('base link modal');
      await shot('modal-base-link');
      await closeModal(page, 'base-link');

      // Projects: the two demo projects, each with its progress.
      await page.goto(`${env.server.url}/projects`);
      const projectRows = page.getByTestId('projects-table').locator('tr.ant-table-row');
      await projectRows.first().waitFor();
      expect(await projectRows.count()).toBe(2);
      await check('/projects');
      await shot('projects');
      await openModal(page, 'project-create', 'project-form');
      await check('project create modal');
      await shot('modal-project-create');
      await closeModal(page, 'project-form');
      const lung = projectRows.filter({ hasText: locale === 'en' ? 'lung cancer' : '肺癌' });
      await lung.locator('a').first().click();
      await page.getByTestId('project-figures').waitFor();
      // The XYZ-101 trial: a site selected 75 days ago without ethics approval is overdue on the 60-day target,
      // and the milestone planned 20 days ago and not reached is overdue.
      const trialCard = page.locator('[data-testid^="project-trial-"]');
      await trialCard.first().waitFor();
      expect(await page.getByTestId('stage-ethicsApproved-overdue').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('milestone-overdue').count()).toBe(1);
      expect(await page.getByTestId('milestone-late').count()).toBe(1);
      await check(page.url());
      await shot('project');
      await openModal(page, 'project-link-trial', 'project-link-form');
      await page.getByTestId('project-link-form').locator('.ant-radio-wrapper').nth(1).click();
      await page.getByTestId('project-link-registry-id').waitFor();
      await check('project link modal');
      await shot('modal-project-link');
      await closeModal(page, 'project-link-form');
      await openModal(page, 'milestone-add', 'milestone-form');
      await check('milestone modal');
      await shot('modal-milestone');
      await closeModal(page, 'milestone-form');

      // The dashboard filtered by the project, and the monthly report's sections.
      const projectId = page.url().split('/projects/')[1]!;
      await page.goto(`${env.server.url}/commission?projectId=${projectId}`);
      await expect
        .poll(() => page.getByTestId('filter-projectId').textContent(), { timeout: 20_000 })
        .toMatch(/lung cancer|肺癌/);
      await page.goto(`${env.server.url}/commission/report`);
      await page.getByTestId('report-projects').locator('tr.ant-table-row').first().waitFor();
      expect(await page.getByTestId('report-projects').locator('tr.ant-table-row').count()).toBe(2);
      expect(await page.getByTestId('report-bases').locator('tr.ant-table-row').count()).toBe(5);
      await check('/commission/report');
      await context.close();
      expect(errors).toEqual([]);
      expect(left).toEqual([]);
    },
    180_000,
  );

  it.each(['zh-CN', 'en'] as const)(
    'lets a member keep its own part of a base in a modal (%s)',
    async (locale) => {
      const context = await newContext(env.browser, { viewport: { width: 1440, height: 1000 } });
      context.setDefaultTimeout(20_000);
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('ctp.locale', 'en'));
      const page = await context.newPage();
      const errors = watchErrors(page);
      const baseId = env.server.database.sqlite
        .prepare("select base_id from base_members where org_id = 'org-sponsor-zijin' order by base_id limit 1")
        .pluck()
        .get() as string;
      await signIn(page, env.server.url, 'sponsor@demo.ctp');
      await page.getByTestId('main-nav').waitFor();
      await page.goto(`${env.server.url}/bases/${baseId}`);
      await openModal(page, 'base-own-part', 'base-part');
      const note = `${locale}: 负责 CAR-T 工艺`;
      await page.getByTestId('base-part-note').fill(note);
      await page.screenshot({ path: `${ARTIFACTS}modal-base-part-${locale}.png`, fullPage: true });
      await page.getByTestId('base-part-save').click();
      await page.getByTestId('base-part').waitFor({ state: 'hidden' });
      await page.getByText(note).waitFor();
      await context.close();
      expect(errors).toEqual([]);
    },
    120_000,
  );
});
