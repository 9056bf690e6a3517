import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { chineseLeftIn } from '../helpers/han-runs.ts';
import { settled, visit } from '../helpers/page-walk.ts';
import { createSeededDatabase } from '../helpers/test-app.ts';

/**
 * Every page of every role, in English, on the demo with its 24 months of history: no Chinese may be left on screen
 * (text, chart labels, placeholders, titles, tooltips set as attributes, the document title). The one exception is a
 * proper name with no English form on record, which the web shows as `中文 (Pinyin)` (`lib/proper-name.ts`); the
 * allow-list is that pattern (test/helpers/han-runs.ts). See ARCHITECTURE.md, "English pages".
 */

const ROLES = [
  'sponsor@demo.ctp',
  'cro@demo.ctp',
  'site@demo.ctp',
  'pi@demo.ctp',
  'ec@demo.ctp',
  'chair@demo.ctp',
  'member@demo.ctp',
  'commission@demo.ctp',
  'admin@demo.ctp',
  'provider@demo.ctp',
] as const;

type Role = (typeof ROLES)[number];

/** Everything the page shows as text, including what a user reads in attributes and SVG charts. */
async function screenText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parts: string[] = [document.title];
    const skip = document.querySelector('[data-testid=locale-switch]') as HTMLElement | null;
    // The language switcher's own label is the one Chinese word an English page must show ("中文").
    // biome-ignore lint/performance/useDomNodeTextContent: what is on screen, not hidden text, is what a reader sees
    const own = skip?.innerText.trim();
    // biome-ignore lint/performance/useDomNodeTextContent: as above
    let body = document.body.innerText;
    if (own) body = body.replace(own, '');
    // What people typed is shown as typed (components/UserText.tsx): the walk reads the rest of the page.
    for (const typed of document.querySelectorAll<HTMLElement>('[data-user-text]')) {
      // biome-ignore lint/performance/useDomNodeTextContent: as above
      const text = typed.innerText;
      if (text) body = body.replace(text, '');
    }
    parts.push(body);
    for (const t of document.querySelectorAll('svg text, svg tspan')) parts.push(t.textContent ?? '');
    for (const e of document.querySelectorAll('[placeholder],[title],[aria-label],[alt]')) {
      if (skip?.contains(e)) continue;
      for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
        const v = e.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts;
  });
}

/** Waits until the page's data has arrived (page-walk.ts `settled`); a page still busy after 10 s is read as it is. */
const settle = (page: Page) => settled(page, 10_000).catch(() => undefined);

describe('English pages show no Chinese except proper names with their pinyin (issue 14)', () => {
  const env = useBrowserServer({ database: () => createSeededDatabase('history') });

  /** The detail pages of each role, from the demo's records (ids found in the database, never hard-coded). */
  function detailPaths(role: Role): string[] {
    const q = (sql: string, ...args: unknown[]) =>
      env.server.database.sqlite
        .prepare(sql)
        .pluck()
        .get(...args) as string | undefined;
    const orgOf = (email: string) =>
      q(`select m.org_id from memberships m join users u on u.id = m.user_id where u.email = ?`, email);
    const sponsorTrial = q(
      `select t.id from trials t where t.sponsor_org_id = ? and exists (select 1 from trial_sites s where s.trial_id = t.id)
       order by (select count(*) from trial_sites s where s.trial_id = t.id) desc`,
      orgOf('sponsor@demo.ctp'),
    );
    const siteOrg = orgOf('site@demo.ctp');
    const siteTrial = q(`select trial_id from trial_sites where hospital_org_id = ? order by trial_id`, siteOrg);
    const submission = q(
      `select s.id from submissions s join ethics_committees c on c.id = s.committee_id where c.hospital_org_id = ?
       order by s.state = 'letter_issued' desc, s.id`,
      siteOrg,
    );
    const meeting = q(
      `select m.id from meetings m join ethics_committees c on c.id = m.committee_id where c.hospital_org_id = ? order by m.meeting_date desc`,
      siteOrg,
    );
    const recognition = q(`select id from recognition_requests order by id`);
    const shortlist = q(`select id from shortlists order by id`);
    const hospitals =
      (env.server.database.sqlite
        .prepare(`select id from organisations where kind = 'hospital' order by code limit 3`)
        .pluck()
        .all() as string[]) ?? [];
    const provider = q(`select id from organisations where kind = 'provider' order by code`);
    const profile = (id: string | undefined) => (id ? [`/hospitals/${id}`] : []);
    const all = (...paths: (string | false | undefined)[]) => paths.filter((p): p is string => !!p);
    switch (role) {
      case 'sponsor@demo.ctp':
      case 'cro@demo.ctp':
        return all(
          sponsorTrial && `/trials/${sponsorTrial}`,
          sponsorTrial && `/trials/${sponsorTrial}/recognition`,
          '/search?q=%E8%82%BA%E7%99%8C', // 肺癌: reasons and scores
          `/compare?ids=${hospitals.join(',')}`,
          shortlist && `/shortlists/${shortlist}`,
          ...profile(hospitals[0]),
          hospitals[0] && `/directory/${hospitals[0]}`,
          '/search?tab=providers',
          '/search?tab=providers&q=central%20lab',
          provider && `/providers/${provider}`,
        );
      case 'site@demo.ctp':
      case 'pi@demo.ctp':
        return all(
          siteTrial && `/trials/${siteTrial}`,
          siteTrial && `/trials/${siteTrial}/recognition`,
          submission && `/ethics/submissions/${submission}`,
          recognition && `/recognition/requests/${recognition}`,
        );
      case 'ec@demo.ctp':
      case 'chair@demo.ctp':
      case 'member@demo.ctp':
        return all(
          submission && `/ethics/submissions/${submission}`,
          meeting && `/ethics/meetings/${meeting}`,
          recognition && `/recognition/requests/${recognition}`,
          '/recognition/agreements',
          '/recognition/local-context',
        );
      case 'commission@demo.ctp': {
        const district = q(`select district from organisations where kind = 'hospital' and district is not null`);
        const specialty = q(
          `select specialty_code from hospital_specialties where hospital_org_id = ? order by specialty_code`,
          hospitals[0],
        );
        return all(
          '/commission/drill',
          district && `/commission/drill?district=${encodeURIComponent(district)}`,
          hospitals[0] && `/commission/drill?hospitalId=${hospitals[0]}`,
          specialty && `/commission/drill?hospitalId=${hospitals[0]}&specialtyCode=${specialty}`,
          '/commission/records?metric=ethicsWithinClockPct',
          '/commission/records?metric=specialtyActivePct',
          '/commission/report',
          ...profile(hospitals[0]),
        );
      }
      case 'provider@demo.ctp':
        return all('/search?tab=providers', provider && `/providers/${provider}`);
      case 'admin@demo.ctp':
        return all(...profile(hospitals[0]));
    }
  }

  // The roles walk side by side (each in its own context; vitest's maxConcurrency bounds them): most of a page's
  // time is waiting for its data, which another role's page fills.
  it.concurrent.for([...ROLES])(
    'walks every page of %s in English',
    // Three roles share the machine at a time, so each may take longer than alone.
    { timeout: 240_000 },
    async (role: Role, { expect }) => {
      const found: string[] = [];
      const context = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
      context.setDefaultTimeout(20_000);
      await context.addInitScript(() => localStorage.setItem('ctp.locale', 'en'));
      const page = await context.newPage();
      const errors = watchErrors(page);
      await signIn(page, env.server.url, role);
      await page.getByTestId('main-nav').waitFor();
      const nav = await page
        .getByTestId('main-nav')
        .locator('li[data-menu-id]')
        .evaluateAll((items) =>
          items.map((li) => {
            const id = li.getAttribute('data-menu-id') ?? '';
            return id.slice(id.indexOf('-/') + 1);
          }),
        );
      expect(nav.length).toBeGreaterThan(1);
      for (const path of [...nav, ...detailPaths(role)]) {
        await visit(page, path);
        await settle(page);
        for (const left of chineseLeftIn(await screenText(page))) found.push(`${path}: ${left}`);
        if (process.env.CTP_WALK_SHOTS) {
          await page.screenshot({
            path: `${ARTIFACTS}english-${role.split('@')[0]}-${path.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}.png`,
            fullPage: true,
          });
        }
      }
      await context.close();
      expect(errors).toEqual([]);
      expect(found).toEqual([]);
    },
  );
});
