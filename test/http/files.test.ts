import { createHash } from 'node:crypto';
import { DEMO_PASSWORD } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CSP } from '../../apps/server/src/file-routes.ts';
import { giveExpeditedViews, selectPiSite, tinyPdf } from '../helpers/fixtures.ts';
import { callerAs, startTestServer } from '../helpers/test-app.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let submissionId: string;

beforeAll(async () => {
  server = await startTestServer({ CTP_UPLOAD_MAX_MB: '1', CTP_LOG_LEVEL: 'error' });
  const db = server.database;
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '文件上传的 HTTP 测试试验',
    type: 'drug',
    phase: 'II',
    ctrNo: 'CTR20268123',
    conditions: ['胃癌'],
    targetEnrolment: 40,
    riskLevel: 'low',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  submissionId = (await callerAs(db, 'site@demo.ctp').submissions.create({ trialSiteId, type: 'initial' })).id;
});
afterAll(() => server.close());

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }),
  });
  expect(res.status).toBe(200);
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('ctp_session='))!;
  return raw.split(';')[0]!;
}

function uploadForm(bytes: Buffer, name: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

const pdf = tinyPdf('方案');
const fields = { kind: 'protocol', versionLabel: 'V1.0', versionDate: '2026-01-05' };

describe('file routes: multipart upload and downloads', () => {
  it('uploads a PDF with the session cookie and serves it inline with safe headers', async () => {
    const cookie = await signIn('site@demo.ctp');
    const res = await fetch(`${server.url}/api/files/submissions/${submissionId}/documents`, {
      method: 'POST',
      headers: { cookie, 'x-ctp-locale': 'zh-CN' },
      body: uploadForm(pdf, '研究方案 V1.0.pdf', fields),
    });
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string; sha256: string; mimeType: string };
    expect(doc.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const sponsor = await signIn('sponsor@demo.ctp');
    const dl = await fetch(`${server.url}/api/files/documents/${doc.id}`, { headers: { cookie: sponsor } });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = dl.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="[^"]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('研究方案 V1.0.pdf');
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdf)).toBe(true);
    // Untrusted content: sandboxed and loading nothing, instead of no CSP at all (issue 12).
    expect(dl.headers.get('content-security-policy')).toBe(FILE_CSP);

    // The commission cannot tell the file exists; nobody signed in gets 401.
    const commission = await signIn('commission@demo.ctp');
    expect(
      (await fetch(`${server.url}/api/files/documents/${doc.id}`, { headers: { cookie: commission } })).status,
    ).toBe(404);
    expect((await fetch(`${server.url}/api/files/documents/${doc.id}`)).status).toBe(401);
  });

  it('stores an upload without the bidi controls of its name, and downloads it under the cleaned name', async () => {
    const cookie = await signIn('site@demo.ctp');
    const res = await fetch(`${server.url}/api/files/submissions/${submissionId}/documents`, {
      method: 'POST',
      headers: { cookie },
      body: uploadForm(tinyPdf('bidi'), '知情同意书\u202Efdp.exe', { ...fields, kind: 'icf' }),
    });
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string };
    const stored = server.database.sqlite
      .prepare('select original_name from submission_documents where id = ?')
      .pluck()
      .get(doc.id);
    expect(stored).toBe('知情同意书fdp.exe');
    const dl = await fetch(`${server.url}/api/files/documents/${doc.id}?download=1`, { headers: { cookie } });
    expect(dl.headers.get('content-disposition')).not.toMatch(/%E2%80%AE/i);
    expect(dl.headers.get('content-security-policy')).toBe(FILE_CSP);
  });

  it('refuses a disguised executable, an oversized file and a cross-origin post, with localised messages', async () => {
    const cookie = await signIn('site@demo.ctp');
    const exe = Buffer.alloc(1024);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    const url = `${server.url}/api/files/submissions/${submissionId}/documents`;
    const before = server.database.sqlite.prepare('select count(*) from submission_documents').pluck().get();

    const refused = await fetch(url, {
      method: 'POST',
      headers: { cookie, 'x-ctp-locale': 'en' },
      body: uploadForm(exe, 'protocol.pdf', fields),
    });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { detail: string; message: string } };
    expect(body.error.detail).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(body.error.message).toMatch(/not a PDF/);

    const big = Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 10)]);
    const tooBig = await fetch(url, {
      method: 'POST',
      headers: { cookie, 'x-ctp-locale': 'zh-CN' },
      body: uploadForm(big, 'big.pdf', fields),
    });
    expect(tooBig.status).toBe(400);
    const bigBody = (await tooBig.json()) as { error: { detail: string; message: string } };
    expect(bigBody.error).toMatchObject({ detail: 'FILE_TOO_LARGE' });
    expect(bigBody.error.message).toContain('1 MB');

    const foreign = await fetch(url, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
      body: uploadForm(pdf, 'p.pdf', fields),
    });
    expect(foreign.status).toBe(403);
    expect(server.database.sqlite.prepare('select count(*) from submission_documents').pluck().get()).toBe(before);
  });

  it('serves the letter to the applicant and the sponsor, 404 to the commission and before issue', async () => {
    const site = await signIn('site@demo.ctp');
    const url = `${server.url}/api/files/letters/${submissionId}`;
    const res = await fetch(url, { headers: { cookie: site } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { detail: string } }).error.detail).toBe('LETTER_NOT_ISSUED');

    // Decide (expedited, signed by the chair) and issue the letter through the use-cases.
    const db = server.database;
    const secretary = callerAs(db, 'ec@demo.ctp');
    const userId = (email: string) =>
      db.sqlite.prepare('select id from users where email = ?').pluck().get(email) as string;
    const base = { committeeId: 'ec-jsph', termStart: '2025-01-01', isAffiliated: true, expertise: 'medical' } as const;
    await secretary.committees.addMember({ ...base, userId: userId('chair@demo.ctp'), role: 'chair' });
    await secretary.committees.addMember({ ...base, userId: userId('member@demo.ctp'), role: 'member' });
    await callerAs(db, 'site@demo.ctp').submissions.submit({ id: submissionId });
    await secretary.submissions.screen({ id: submissionId, accept: true });
    await secretary.submissions.triage({ id: submissionId, path: 'expedited' });
    await giveExpeditedViews(db, (email) => callerAs(db, email), submissionId);
    await callerAs(db, 'chair@demo.ctp').submissions.decide({ id: submissionId, outcome: 'approved' });
    const { letterNo, sha256 } = await secretary.submissions.issueLetter({ id: submissionId });

    for (const email of ['site@demo.ctp', 'sponsor@demo.ctp']) {
      const dl = await fetch(url, { headers: { cookie: await signIn(email) } });
      expect(dl.status).toBe(200);
      expect(dl.headers.get('content-type')).toBe('application/pdf');
      expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
      expect(decodeURIComponent(dl.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe(`${letterNo}.pdf`);
      expect(
        createHash('sha256')
          .update(Buffer.from(await dl.arrayBuffer()))
          .digest('hex'),
      ).toBe(sha256);
    }
    const commission = await signIn('commission@demo.ctp');
    expect((await fetch(url, { headers: { cookie: commission } })).status).toBe(404);
  });
});
