import { z } from 'zod';
import type { SubmissionSide, SubmissionState } from './ethics.ts';
import { bi } from './i18n/validation-messages.ts';

/**
 * Kinds of documents in an ethics submission (送审文件, DESIGN §4.1), matching the items a committee's 送审文件清单
 * asks for, so an upload of a kind can satisfy the checklist item of that kind (issue 14).
 */
export const DOCUMENT_KINDS = [
  'application_form',
  'protocol',
  'icf',
  'investigator_brochure',
  'recruitment',
  'crf',
  'investigator_cv',
  'gcp_certificate',
  'nmpa_approval',
  'insurance',
  'lead_site_approval',
  'response_letter',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, { zh: string; en: string }> = {
  application_form: { zh: '申请表', en: 'application form' },
  protocol: { zh: '方案', en: 'protocol' },
  icf: { zh: '知情同意书', en: 'informed consent form' },
  investigator_brochure: { zh: '研究者手册', en: "investigator's brochure" },
  recruitment: { zh: '招募材料', en: 'recruitment material' },
  crf: { zh: '病例报告表', en: 'case report form' },
  investigator_cv: { zh: '研究者履历', en: "investigator's CV" },
  gcp_certificate: { zh: 'GCP 证书', en: 'GCP certificate' },
  nmpa_approval: { zh: '临床试验通知书/批件（NMPA）', en: 'NMPA clinical trial notice/approval' },
  insurance: { zh: '保险凭证', en: 'insurance certificate' },
  lead_site_approval: { zh: '组长单位批件', en: "lead site's ethics approval" },
  response_letter: { zh: '回复函', en: 'response letter' },
  other: { zh: '其他', en: 'other' },
};

/**
 * What may be uploaded, by the type its bytes show (never by the file name or the browser's claim): PDF, Word and
 * Excel (OOXML), PNG and JPEG.
 */
export const ALLOWED_UPLOAD_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
} as const;
export type AllowedUploadMime = keyof typeof ALLOWED_UPLOAD_TYPES;
export const DEFAULT_MAX_UPLOAD_MB = 20;

/**
 * Pure: may this side attach documents to a submission in this state? The applicant (trial office, PI) and the
 * sponsor while the file is theirs to change (draft, returned for correction, information requested); the
 * committee's secretary at any point of the review before the decision (e.g. a document handed in on paper).
 */
export function canUploadSubmissionDocuments(
  side: SubmissionSide | null,
  state: SubmissionState,
  /** After 必要的修改后同意, until the modifications are submitted: the modified documents are attached then. */
  modificationsAwaited = false,
): boolean {
  if (side === 'applicant' || side === 'sponsor')
    return (
      state === 'draft' ||
      state === 'returned' ||
      state === 'info_requested' ||
      (state === 'decided' && modificationsAwaited)
    );
  if (side === 'secretary')
    return ['submitted', 'screening', 'returned', 'accepted', 'in_review', 'info_requested', 'scheduled'].includes(
      state,
    );
  return false;
}

const id = z.string().min(1).max(64);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), bi('日期无效', 'Not a valid date'));

/** The form fields sent with an uploaded file (multipart `kind`, `versionLabel`, `versionDate`). */
export const uploadDocumentFields = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  versionLabel: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(
      /^[\p{L}\p{N}][\p{L}\p{N} ._\-()/]*$/u,
      bi('版本号只能包含字母、数字和 . _ - ( ) /', 'Use letters, digits and . _ - ( ) / only'),
    ),
  versionDate: isoDate,
});
export type UploadDocumentFields = z.input<typeof uploadDocumentFields>;

export const compareDocumentsInput = z.object({ id, againstSubmissionId: id.optional() });
export const effectiveDocumentsInput = z.object({ trialSiteId: id });
export const issueLetterInput = z.object({
  id,
  version: z.number().int().min(1).optional(),
  /** Add English lines under the Chinese ones (双语批件). */
  bilingual: z.boolean().optional(),
});
export type IssueLetterInput = z.input<typeof issueLetterInput>;

/** How a document kind compares with the baseline submission (the previous approval of the same site). */
export const DOCUMENT_CHANGES = ['new', 'changed', 'unchanged', 'not_resubmitted'] as const;
export type DocumentChange = (typeof DOCUMENT_CHANGES)[number];

/** 审查批件 for approvals, 审查意见通知书 for every other decision. */
export const LETTER_KINDS = ['approval', 'opinion'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_KIND_LABELS: Record<LetterKind, { zh: string; en: string }> = {
  approval: { zh: '伦理审查批件', en: 'Ethics approval letter' },
  opinion: { zh: '伦理审查意见通知书', en: 'Notice of ethics review opinion' },
};
