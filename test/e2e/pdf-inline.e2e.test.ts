import { join } from 'node:path';
import { DEMO_PASSWORD } from '@ctp/domain';
import { describe, expect, it } from 'vitest';
import { FILE_CSP } from '../../apps/server/src/file-routes.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { onePagePdf, selectPiSite } from '../helpers/fixtures.ts';
import { callerAs } from '../helpers/test-app.ts';

/** Chromium's built-in PDF viewer (an extension frame) opens the document inside the page. */
const PDF_VIEWER = /^chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\//;

describe('an inline PDF under its sandbox CSP (issue 12)', () => {
  const env = useBrowserServer();

  it('still displays in Chromium', async () => {
    const db = env.server.database;
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create({
      titleZh: '内嵌 PDF 的浏览器测试试验',
      type: 'drug',
      phase: 'II',
      ctrNo: 'CTR20268124',
      conditions: ['胃癌'],
      targetEnrolment: 40,
      riskLevel: 'low',
    });
    const trialSiteId = await selectPiSite(db, sponsor, trialId);
    const { id: submissionId } = await callerAs(db, 'site@demo.ctp').submissions.create({
      trialSiteId,
      type: 'initial',
    });

    const login = await fetch(`${env.server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'site@demo.ctp', password: DEMO_PASSWORD } }),
    });
    const token = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('ctp_session='))!
      .split(';')[0]!
      .slice('ctp_session='.length);
    const form = new FormData();
    for (const [k, v] of Object.entries({ kind: 'protocol', versionLabel: 'V1.0', versionDate: '2026-01-05' }))
      form.append(k, v);
    form.append('file', new Blob([new Uint8Array(onePagePdf('PROTOCOL V1.0'))]), 'protocol.pdf');
    const upload = await fetch(`${env.server.url}/api/files/submissions/${submissionId}/documents`, {
      method: 'POST',
      headers: { cookie: `ctp_session=${token}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };

    const context = await env.browser.newContext();
    await context.addCookies([{ name: 'ctp_session', value: token, url: env.server.url }]);
    const page = await context.newPage();
    const response = await page.goto(`${env.server.url}/api/files/documents/${id}`);
    expect((await response?.allHeaders())?.['content-security-policy']).toBe(FILE_CSP);
    await expect.poll(() => page.frames().some((f) => PDF_VIEWER.test(f.url())), { timeout: 15_000 }).toBe(true);
    await page.waitForTimeout(1500); // let the viewer paint the page for the screenshot
    await page.screenshot({ path: join(ARTIFACTS, 'pdf-inline.png') });
    await context.close();
  });
});
