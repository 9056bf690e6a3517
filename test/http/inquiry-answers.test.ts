import { DEMO_PASSWORD } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../helpers/fixtures.ts';
import { apiErrorOf, callerAs, startTestServer } from '../helpers/test-app.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let inquiryId: string;

const audits = (action: string) =>
  server.database.sqlite
    .prepare('select after_json, before_json from audit_events where action = ? order by id desc')
    .all(action) as {
    after_json: string | null;
    before_json: string | null;
  }[];

beforeAll(async () => {
  server = await startTestServer({ CTP_UPLOAD_MAX_MB: '1', CTP_LOG_LEVEL: 'error' });
  const db = server.database;
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '调研答复与附件的 HTTP 测试试验',
    type: 'drug',
    phase: 'III',
    conditions: ['肺癌'],
    targetEnrolment: 100,
  });
  const specialtyId = db.sqlite
    .prepare("select id from hospital_specialties where hospital_org_id = 'hosp-jsph' and specialty_code = 'oncology'")
    .pluck()
    .get() as string;
  const sent = await sponsor.inquiries.send({
    trialId,
    hospitalSpecialtyIds: [specialtyId],
    synopsis: '多中心 III 期研究的可行性调研。',
    questions: '1. 每月可入组几例？\n2. 是否配备 CRC？',
    replyBy: '2030-01-01',
  });
  inquiryId = sent.inquiryIds[0]!;
}, 60_000);
afterAll(() => server?.close());

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith('ctp_session='))!
    .split(';')[0]!;
}

function attach(cookie: string, bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${server.url}/api/files/inquiries/${inquiryId}/attachments`, {
    method: 'POST',
    headers: { cookie, 'x-ctp-locale': 'zh-CN' },
    body: form,
  });
}

const download = (cookie: string, id: string) =>
  fetch(`${server.url}/api/files/inquiry-attachments/${id}?download=1`, { headers: { cookie } });

describe('answering an inquiry question by question, with attachments (issue 14)', () => {
  it('attaches, answers each question, and shows the sponsor each answer and the files', async () => {
    const office = await signIn('site@demo.ctp');
    const pdf = tinyPdf('中心条件说明');
    const res = await attach(office, pdf, '中心条件说明.pdf');
    expect(res.status).toBe(201);
    const file = (await res.json()) as { id: string; originalName: string };
    expect(file.originalName).toBe('中心条件说明.pdf');
    const wrong = (await (await attach(office, tinyPdf('错的'), 'wrong.pdf')).json()) as { id: string };
    // Another hospital's office cannot attach to it; an .exe is refused by its bytes.
    expect((await attach(await signIn('site-gulou@demo.ctp'), pdf, 'x.pdf')).status).toBe(404);
    expect((await attach(office, Buffer.from('MZ\x90\x00not a pdf'), 'evil.pdf')).status).toBe(400);

    const site = callerAs(server.database, 'site@demo.ctp');
    await site.inquiries.removeAttachment({ attachmentId: wrong.id });
    expect(JSON.parse(audits('inquiry.remove_attachment')[0]!.before_json!)).toMatchObject({ attachmentId: wrong.id });

    // The sponsor sees nothing of a draft answer.
    const sponsorCookie = await signIn('sponsor@demo.ctp');
    expect((await download(sponsorCookie, file.id)).status).toBe(404);
    const sponsor = callerAs(server.database, 'sponsor@demo.ctp');
    expect((await sponsor.inquiries.list({})).find((i) => i.id === inquiryId)!.attachments).toEqual([]);

    // One answer for two questions is refused, changing nothing.
    const base = {
      inquiryId,
      interested: true as const,
      estimatedPerMonth: 3,
      piAvailable: true,
      competingTrials: 1,
      earliestStart: '2030-02-01',
    };
    const answeredBefore = audits('inquiry.answer').length;
    const refused = await apiErrorOf(site.inquiries.answer({ ...base, answers: ['每月 3 例'] }));
    expect(refused).toMatchObject({ code: 'VALIDATION', detail: 'INQUIRY_ANSWER_COUNT' });
    expect(refused.message).toContain('2 个问题');
    expect(audits('inquiry.answer')).toHaveLength(answeredBefore);
    expect(refused.message).toContain('1 条答复');
    await site.inquiries.answer({ ...base, answers: ['每月 3 例', '有 2 名专职 CRC'] });
    expect(JSON.parse(audits('inquiry.answer')[0]!.after_json!)).toMatchObject({
      answers: ['每月 3 例', '有 2 名专职 CRC'],
      attachmentIds: [file.id],
    });
    expect(audits('inquiry.answer')).toHaveLength(answeredBefore + 1);
    expect(
      audits('inquiry.attach').filter((a) => [file.id, wrong.id].includes(JSON.parse(a.after_json!).attachmentId)),
    ).toHaveLength(2);

    // Answered: closed to more files; the sponsor reads every answer and downloads the file.
    const late = await attach(office, pdf, 'late.pdf');
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { detail: string } }).error.detail).toBe('INQUIRY_ATTACHMENTS_CLOSED');
    const row = (await sponsor.inquiries.list({})).find((i) => i.id === inquiryId)!;
    expect(row.questionList).toEqual(['每月可入组几例？', '是否配备 CRC？']);
    expect((row.answer as { answers: string[] }).answers).toEqual(['每月 3 例', '有 2 名专职 CRC']);
    expect(row.attachments.map((a) => a.id)).toEqual([file.id]);
    const dl = await download(sponsorCookie, file.id);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdf)).toBe(true);
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment;/);
    // Another sponsor organisation, another hospital and the commission cannot tell it exists.
    for (const email of ['cro@demo.ctp', 'site-gulou@demo.ctp', 'commission@demo.ctp'])
      expect((await download(await signIn(email), file.id)).status, email).toBe(404);
    await expect(site.inquiries.removeAttachment({ attachmentId: file.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  }, 60_000);
});
