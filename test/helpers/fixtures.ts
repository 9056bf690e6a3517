import type { DbHandle } from '@ctp/db';
import type { callerAs } from './test-app.ts';

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
