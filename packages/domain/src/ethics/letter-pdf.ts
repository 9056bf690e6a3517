import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  LETTER_KIND_LABELS,
  type LetterKind,
  type ReviewPath,
  SUBMISSION_OUTCOME_LABELS,
  type SubmissionOutcome,
  type SubmissionType,
} from '@ctp/contracts';

const SUBMISSION_TYPE_TEXT: Record<SubmissionType, { zh: string; en: string }> = {
  initial: { zh: '初始审查', en: 'initial review' },
  amendment: { zh: '修正案审查', en: 'amendment' },
  continuing: { zh: '跟踪审查（年度/定期）', en: 'continuing review' },
  sae: { zh: '严重不良事件审查', en: 'SAE/SUSAR report' },
  deviation: { zh: '违背方案审查', en: 'protocol deviation' },
  suspension: { zh: '暂停/终止研究审查', en: 'suspension/termination' },
  closure: { zh: '结题审查', en: 'study closure' },
  resubmission: { zh: '复审', en: 'resubmission' },
};
const REVIEW_PATH_TEXT: Record<ReviewPath, { zh: string; en: string }> = {
  convened: { zh: '会议审查', en: 'convened meeting' },
  expedited: { zh: '简易程序审查', en: 'expedited review' },
  recognition: { zh: '互认确认', en: 'recognition' },
};

export type LetterContent = {
  kind: LetterKind;
  letterNo: string;
  bilingual: boolean;
  committeeName: string;
  committeeNameEn: string | null;
  hospitalName: string;
  hospitalNameEn: string | null;
  trialTitle: string;
  trialTitleEn: string | null;
  registryIds: { label: string; value: string }[];
  piName: string | null;
  submissionType: SubmissionType;
  acceptanceNo: string | null;
  /** The label of `acceptanceNo` when it is not the letter's own submission's (a recognition cites the lead's). */
  acceptanceLabel?: { zh: string; en: string };
  /** Why this letter exists when it rests on another committee's decision (a recognition). */
  basis?: { zh: string; en: string } | null;
  /** After 必要的修改后同意: the day the committee verified the required modifications. */
  modificationsVerifiedDate?: string | null;
  reviewPath: ReviewPath | null;
  reviewDate: string | null;
  outcome: SubmissionOutcome;
  conditions: string | null;
  documents: { kind: DocumentKind; versionLabel: string; versionDate: string; sha256: string }[];
  followUpDate: string | null;
  signerName: string;
  issueDate: string;
  issuedAt: number;
};

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/**
 * Noto Sans SC from an npm package (no system fonts needed on a fresh machine); pdfkit embeds only the glyphs a
 * letter uses, so a letter stays around 20–40 KB.
 */
function cjkFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

/** Pure: a registry id as written once — `CTR20261234`, not `CTR CTR20261234`; a bare number gets its label. */
export function registryIdText(r: { label: string; value: string }): string {
  return r.value.toUpperCase().startsWith(r.label.toUpperCase()) ? r.value : `${r.label} ${r.value}`;
}

/** Renders the letter (审查批件 / 审查意见通知书) as an A4 PDF in Chinese, with English lines when bilingual. */
export async function renderLetterPdf(c: LetterContent): Promise<Buffer> {
  // Loaded at the first letter, not at every start: pdfkit and its font stack take a tenth of a second to load
  // (issue 16: cold start).
  const { default: PDFDocument } = await import('pdfkit');
  const { regular, bold } = cjkFonts();
  const title = LETTER_KIND_LABELS[c.kind];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: `${title.zh} ${c.letterNo}`,
      Author: c.committeeName,
      Subject: c.trialTitle,
      CreationDate: new Date(c.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', regular);
  doc.registerFont('cjk-bold', bold);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const en = (text: string | null | undefined, align: 'left' | 'right' = 'left') => {
    if (c.bilingual && text)
      doc.font('cjk').fontSize(8.5).fillColor('#555555').text(text, { align }).fillColor('#000000');
  };

  doc.font('cjk-bold').fontSize(15).text(c.committeeName, { align: 'center' });
  if (c.bilingual && c.committeeNameEn) doc.font('cjk').fontSize(9).text(c.committeeNameEn, { align: 'center' });
  doc.moveDown(0.4);
  doc.font('cjk-bold').fontSize(20).text(title.zh, { align: 'center' });
  if (c.bilingual) doc.font('cjk').fontSize(10).text(title.en, { align: 'center' });
  doc.moveDown(0.4);
  doc.font('cjk').fontSize(10.5).text(`批件号：${c.letterNo}`, { align: 'right' });
  en(`Letter No.: ${c.letterNo}`, 'right');
  doc.moveDown(0.6);

  const field = (zh: string, enLabel: string, value: string, valueEn?: string | null) => {
    doc.font('cjk-bold').fontSize(10.5).text(`${zh}：`, { continued: true }).font('cjk').text(value);
    if (c.bilingual) en(`${enLabel}: ${valueEn ?? value}`);
    doc.moveDown(0.15);
  };
  const outcome = SUBMISSION_OUTCOME_LABELS[c.outcome];
  const type = SUBMISSION_TYPE_TEXT[c.submissionType];
  const path = c.reviewPath ? REVIEW_PATH_TEXT[c.reviewPath] : null;
  field('项目名称', 'Study', c.trialTitle, c.trialTitleEn);
  field(
    '注册号',
    'Registry',
    c.registryIds.length ? c.registryIds.map(registryIdText).join('；') : '—',
    c.registryIds.length ? c.registryIds.map(registryIdText).join('; ') : '—',
  );
  field('研究机构', 'Site', c.hospitalName, c.hospitalNameEn);
  field('主要研究者', 'Principal investigator', c.piName ?? '—');
  field('审查类别', 'Submission type', type.zh, type.en);
  field(c.acceptanceLabel?.zh ?? '受理号', c.acceptanceLabel?.en ?? 'Acceptance No.', c.acceptanceNo ?? '—');
  if (c.basis) field('审查依据', 'Basis', c.basis.zh, c.basis.en);
  field(
    '审查方式及日期',
    'Review',
    `${path?.zh ?? '—'}，${c.reviewDate ?? '—'}`,
    `${path?.en ?? '—'}, ${c.reviewDate ?? '—'}`,
  );
  field('审查决定', 'Decision', outcome.zh, outcome.en);
  if (c.conditions) field('审查意见 / 修改要求', 'Conditions', c.conditions);
  if (c.modificationsVerifiedDate)
    field(
      '修改确认',
      'Modifications verified',
      `申请人已按上述要求完成修改，经本委员会于 ${c.modificationsVerifiedDate} 确认`,
      `The required modifications were made and verified by the committee on ${c.modificationsVerifiedDate}`,
    );

  doc.moveDown(0.4);
  doc
    .font('cjk-bold')
    .fontSize(11)
    .text(c.kind === 'approval' ? '批准的文件版本' : '审查的文件版本');
  en(c.kind === 'approval' ? 'Approved document versions' : 'Document versions reviewed');
  doc.moveDown(0.2);
  if (c.documents.length === 0) doc.font('cjk').fontSize(10).text('（无）');
  const cols = [0, 0.34, 0.54, 0.72].map((f) => doc.page.margins.left + f * width);
  const row = (cells: string[], font: 'cjk' | 'cjk-bold') => {
    const y = doc.y;
    doc.font(font).fontSize(9.5);
    for (const [i, cell] of cells.entries())
      doc.text(cell, cols[i]!, y, { width: (i < 3 ? cols[i + 1]! - cols[i]! : width * 0.28) - 6, lineBreak: false });
    doc.x = doc.page.margins.left;
    doc.y = y + 16;
  };
  if (c.documents.length > 0) {
    row(
      c.bilingual ? ['文件 Document', '版本 Version', '日期 Date', 'SHA-256'] : ['文件', '版本', '日期', 'SHA-256'],
      'cjk-bold',
    );
    for (const d of c.documents) {
      const kind = DOCUMENT_KIND_LABELS[d.kind];
      row(
        [c.bilingual ? `${kind.zh} ${kind.en}` : kind.zh, d.versionLabel, d.versionDate, `${d.sha256.slice(0, 16)}…`],
        'cjk',
      );
    }
  }
  doc.moveDown(0.6);
  if (c.followUpDate) {
    field('批件有效期至 / 下次跟踪审查日期', 'Valid until / next continuing review', c.followUpDate);
  }
  doc.moveDown(1.2);
  doc.font('cjk').fontSize(10.5).text(`签发人：${c.signerName}`, { align: 'right' });
  if (c.bilingual) en(`Signed: ${c.signerName}`, 'right');
  doc.font('cjk').fontSize(10.5).text(c.committeeName, { align: 'right' });
  doc.text(`签发日期：${c.issueDate}`, { align: 'right' });
  if (c.bilingual) en(`Issued: ${c.issueDate}`, 'right');
  doc.end();
  return done;
}
