import type { DbHandle } from '@ctp/db';
import { callerAs } from './test-app.ts';

/** A demo investigator and one of the specialties they work in (by e-mail; `pi@demo.ctp` works at 江苏省人民医院). */
export function investigatorOf(db: DbHandle, email = 'pi@demo.ctp') {
  return db.sqlite
    .prepare(
      `select i.id as investigatorId, s.hospital_specialty_id as specialtyId from investigators i
       join users u on u.id = i.user_id join investigator_specialties s on s.investigator_id = i.id
       where u.email = ? limit 1`,
    )
    .get(email) as { investigatorId: string; specialtyId: string };
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
