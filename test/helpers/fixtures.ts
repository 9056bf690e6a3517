import type { DbHandle } from '@ctp/db';
import { callerAs } from './test-app.ts';

/**
 * A demo investigator, one of the specialties they work in and its hospital, and their user id (by e-mail;
 * `pi@demo.ctp` works at 江苏省人民医院).
 */
export function investigatorOf(db: DbHandle, email = 'pi@demo.ctp') {
  return db.sqlite
    .prepare(
      `select i.id as investigatorId, s.hospital_specialty_id as specialtyId, hs.hospital_org_id as hospitalId,
              u.id as userId
       from investigators i
       join users u on u.id = i.user_id join investigator_specialties s on s.investigator_id = i.id
       join hospital_specialties hs on hs.id = s.hospital_specialty_id
       where u.email = ? limit 1`,
    )
    .get(email) as { investigatorId: string; specialtyId: string; hospitalId: string; userId: string };
}

/** The sponsor selects the demo PI's specialty as a site of the trial; returns the trial site's id. */
export async function selectPiSite(
  db: DbHandle,
  sponsor: ReturnType<typeof callerAs>,
  trialId: string,
  email = 'pi@demo.ctp',
): Promise<string> {
  const pi = investigatorOf(db, email);
  const { trialSiteId } = await sponsor.trialSites.select({
    trialId,
    hospitalSpecialtyId: pi.specialtyId,
    investigatorId: pi.investigatorId,
  });
  return trialSiteId;
}

/**
 * Every item of the committee's screening checklist for a submission, ticked: the secretary checked a paper file
 * (issue 14: nothing is met by default, and a required item unmet refuses the acceptance).
 */
export async function tickEveryItem(secretary: ReturnType<typeof callerAs>, id: string) {
  const { screening } = await secretary.submissions.get({ id });
  return screening.items.map((i) => ({ item: i.label, ok: true }));
}

/** A minimal PDF: the server recognises it by its bytes (tests are about versions and rights, not content). */
export const tinyPdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

/** The text of a PDF (e.g. a letter), every page, as pdf.js extracts it. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    out += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  return out;
}

/** Noon in Beijing on a calendar date, as a server clock. */
export const beijingNoon = (date: string) => () => Date.parse(`${date}T12:00:00+08:00`);

/**
 * A medium-risk initial submission at 江苏省人民医院's EC, accepted on `acceptedOn` (its review clock runs from
 * there): the sponsor creates the trial and selects the PI's site, the trial office submits, the secretary accepts.
 */
export async function seedAcceptedSubmission(db: DbHandle, acceptedOn: string): Promise<string> {
  const now = beijingNoon(acceptedOn);
  const sponsor = callerAs(db, 'sponsor@demo.ctp', { now });
  const { id: trialId } = await sponsor.trials.create({
    titleZh: `（测试）工作日历 ${acceptedOn}`,
    type: 'drug',
    phase: 'III',
    conditions: ['肺癌'],
    targetEnrolment: 40,
    riskLevel: 'medium',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  const site = callerAs(db, 'site@demo.ctp', { now });
  const { id } = await site.submissions.create({ trialSiteId, type: 'initial' });
  await site.submissions.submit({ id });
  await callerAs(db, 'ec@demo.ctp', { now }).submissions.screen({ id, accept: true });
  return id;
}

/** The committee member record of a demo EC user (the newest one on that committee). */
export function memberIdOf(db: DbHandle, email: string, committeeId = 'ec-jsph'): string {
  const id = db.sqlite
    .prepare(
      `select cm.id from committee_members cm join users u on u.id = cm.user_id
       where u.email = ? and cm.committee_id = ? order by cm.created_at desc limit 1`,
    )
    .pluck()
    .get(email, committeeId) as string | undefined;
  if (!id) throw new Error(`${email} is not on the roster of ${committeeId}`);
  return id;
}

type CallerOf = (email: string) => ReturnType<typeof callerAs>;

/**
 * An expedited review done the legal way (issue 12): the secretary assigns the primary reviewers (主审), each declares
 * no conflict and gives a view. By default the demo member and the chair of 省人医 — the committees' SOP asks for two
 * reviewers before the chair may sign an approval. `as` builds each caller (e.g. with a test clock).
 */
export async function giveExpeditedViews(
  db: DbHandle,
  as: CallerOf,
  submissionId: string,
  opts: {
    reviewers?: string[];
    secretary?: string;
    committeeId?: string;
    choice?: 'approve' | 'approve_with_modifications';
  } = {},
): Promise<void> {
  const reviewers = opts.reviewers ?? ['member@demo.ctp', 'chair@demo.ctp'];
  const secretary = as(opts.secretary ?? 'ec@demo.ctp');
  for (const email of reviewers)
    await secretary.reviews.assign({ submissionId, memberId: memberIdOf(db, email, opts.committeeId) });
  for (const email of reviewers) {
    const reviewer = as(email);
    await reviewer.reviews.declare({ submissionId, hasConflict: false });
    await reviewer.meetings.vote({ submissionId, choice: opts.choice ?? 'approve' });
  }
}

/** A real one-page PDF showing `text` (ASCII), with a correct cross-reference table: for a browser's PDF viewer. */
export function onePagePdf(text: string): Buffer {
  const content = `BT /F1 36 Tf 72 700 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
