import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from './documents.ts';
import type { SubmissionType } from './ethics.ts';

/**
 * The screening checklist (形式审查清单 / 送审文件清单) of a committee's SOP, per submission type (issue 14). An item
 * names what must be in the file; `kind` ties it to a document kind, so an uploaded document of that kind satisfies
 * it; `required` items must be met before the file is accepted (the others are "如适用", if applicable).
 */
export type ChecklistItem = { label: string; kind: DocumentKind | null; required: boolean };

/** Items saved before items carried a kind and a flag were bare strings; "如适用" marked the optional ones. */
const OPTIONAL_MARK = /如适用|if applicable/i;

/** Pure: a stored or submitted item as a checklist item (a bare string is a legacy item without a kind). */
export function normaliseChecklistItem(item: string | Partial<ChecklistItem>): ChecklistItem {
  if (typeof item === 'string') return { label: item, kind: null, required: !OPTIONAL_MARK.test(item) };
  return { label: item.label ?? '', kind: item.kind ?? null, required: item.required ?? true };
}

export const checklistItemInput = z.union([
  z.string().trim().min(2).max(200),
  z.object({
    label: z.string().trim().min(2).max(200),
    kind: z.enum(DOCUMENT_KINDS).nullable().optional(),
    required: z.boolean(),
  }),
]);

/** How one item stood when the secretary screened the file, as the timeline and the audit row record it. */
export type ScreenedItem = {
  item: string;
  kind: DocumentKind | null;
  required: boolean;
  ok: boolean;
  /** What satisfied it: an uploaded document of its kind, the secretary's tick, or nothing. */
  by: 'document' | 'secretary' | null;
};

/**
 * Pure, shared by the server (acceptance) and the web (the screening form): each item is met by a current upload
 * of its kind, else by the secretary's tick; nothing is met by default.
 */
export function evaluateChecklist(
  items: readonly ChecklistItem[],
  ticked: ReadonlySet<string>,
  documentedKinds: ReadonlySet<DocumentKind>,
): ScreenedItem[] {
  return items.map((i) => {
    const by = i.kind && documentedKinds.has(i.kind) ? 'document' : ticked.has(i.label) ? 'secretary' : null;
    return { item: i.label, kind: i.kind, required: i.required, ok: by !== null, by };
  });
}

/** Pure: the document kinds a submission of this type must carry under the checklist, not yet uploaded. */
export function missingRequiredKinds(
  items: readonly ChecklistItem[],
  documentedKinds: ReadonlySet<DocumentKind>,
): DocumentKind[] {
  const kinds = items.filter((i) => i.required && i.kind && !documentedKinds.has(i.kind)).map((i) => i.kind!);
  return [...new Set(kinds)];
}

const req = (label: string, kind: DocumentKind | null = null): ChecklistItem => ({ label, kind, required: true });
const opt = (label: string, kind: DocumentKind | null = null): ChecklistItem => ({ label, kind, required: false });

/**
 * The recommended checklists, after the 送审文件清单 Chinese hospital ECs publish under GCP 2020 (第十二条) and the
 * 涉及人的生命科学和医学研究伦理审查办法 (2023, 第二十五条): the documents every initial review needs (application,
 * protocol, ICF, IB, CRF, the PI's CV and GCP training, the NMPA notice, insurance), those needed only where they
 * apply (recruitment material, the lead site's approval of a multi-centre trial, the CRO's mandate), and per report
 * type what it must contain. A committee adopts them on its SOP page and adapts them; the demo committees use them.
 */
export const RECOMMENDED_CHECKLISTS: Partial<Record<SubmissionType, ChecklistItem[]>> = {
  initial: [
    req('送审文件清单'),
    req('初始审查申请表（主要研究者签名并注明日期）', 'application_form'),
    req('临床试验方案（注明版本号和版本日期）', 'protocol'),
    req('知情同意书（注明版本号和版本日期）', 'icf'),
    req('研究者手册', 'investigator_brochure'),
    opt('招募受试者的材料（如适用）', 'recruitment'),
    req('病例报告表及受试者日记卡等书面资料', 'crf'),
    req('主要研究者履历', 'investigator_cv'),
    req('主要研究者 GCP 培训证书', 'gcp_certificate'),
    req('临床试验通知书/药物临床试验批件（NMPA）', 'nmpa_approval'),
    opt('申办者资质证明及对 CRO 的委托函（如适用）'),
    req('临床试验责任保险凭证', 'insurance'),
    opt('组长单位伦理审查批件（多中心研究，如适用）', 'lead_site_approval'),
  ],
  amendment: [
    req('修正案审查申请表', 'application_form'),
    req('修正内容说明（修改前后对照表）'),
    req('修正后的方案/知情同意书（新版本号和日期，修订痕迹版）'),
    opt('组长单位对修正案的批件（如适用）', 'lead_site_approval'),
  ],
  continuing: [
    req('研究进展报告（年度/定期）', 'application_form'),
    req('入组、完成、脱落例数'),
    req('严重不良事件及方案偏离汇总'),
    req('现行方案和知情同意书的版本'),
  ],
  sae: [
    req('严重不良事件报告表', 'application_form'),
    req('与研究药物的相关性判断'),
    req('受试者处理与随访情况'),
    opt('SUSAR 快速报告（如适用）'),
  ],
  deviation: [req('偏离方案报告表', 'application_form'), req('对受试者安全和数据的影响评估'), req('纠正与预防措施')],
  suspension: [req('暂停/终止研究报告', 'application_form'), req('暂停/终止的原因'), req('已入组受试者的后续安排')],
  closure: [
    req('结题报告（研究完成报告）', 'application_form'),
    req('入组、完成、脱落例数'),
    req('严重不良事件汇总'),
    req('剩余药物、数据与生物样本的处置说明'),
  ],
  resubmission: [
    req('复审申请表', 'application_form'),
    req('对审查意见的逐条答复', 'response_letter'),
    req('修改后的文件（注明新版本号和日期）'),
  ],
};
