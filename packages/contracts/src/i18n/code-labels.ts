import { DELAY_ATTRIBUTION_LABELS, DELAY_REASON_LABELS } from '../delays.ts';
import type { Locale } from './locale.ts';

/**
 * Labels of the codes that reach people both on screen and in exported files (issue 14: the commission's XLSX showed
 * `specialty`, `enrolling`, `conversion`). One copy: the web catalogues take these sections from here, and the
 * server's exports translate with them in the caller's locale (`codeLabel`).
 */
export const CODE_LABELS = {
  'zh-CN': {
    recordKinds: {
      specialty: '备案专业',
      investigator: '研究者',
      site: '试验中心',
      submission: '伦理审查',
      recognition: '互认',
      delay: '启动延误',
    },
    siteStates: {
      candidate: '候选',
      inquiry_sent: '已发调研',
      interested: '有意向',
      declined: '婉拒',
      selected: '已选定',
      ethics_submitted: '伦理送审',
      ethics_approved: '伦理通过',
      contract_signed: '合同已签',
      initiated: '已启动',
      enrolling: '入组中',
      enrolment_closed: '入组完成',
      closed: '已关闭',
      suspended: '暂停',
      terminated: '终止',
    },
    submissionTypes: {
      initial: '初始审查',
      amendment: '修正案审查',
      continuing: '跟踪审查（年度）',
      sae: '严重不良事件',
      deviation: '方案偏离',
      suspension: '暂停/终止研究',
      closure: '结题审查',
      resubmission: '复审',
    },
    reviewPaths: {
      convened: '会议审查',
      expedited: '简易程序',
      recognition: '协作互认',
    },
    delayStages: {
      ethicsApproved: '伦理批准',
      siv: '启动会（SIV）',
      fpi: '首例入组（FPI）',
    },
    incentiveTerms: {
      conversion: '资源转化率',
      piActive: '在研 PI 占比',
      startup: '启动周期',
      ethicsWithinClock: '伦理时限内完成率',
      recognition: '互认采纳率',
      enrolment: '入组达成率',
      enrolling: '非零入组（100 − 零入组占比）',
    },
    yesNo: { yes: '是', no: '否' },
  },
  en: {
    recordKinds: {
      specialty: 'Filed specialty',
      investigator: 'Investigator',
      site: 'Trial site',
      submission: 'Ethics review',
      recognition: 'Recognition',
      delay: 'Start-up delay',
    },
    siteStates: {
      candidate: 'Candidate',
      inquiry_sent: 'Inquiry sent',
      interested: 'Interested',
      declined: 'Declined',
      selected: 'Selected',
      ethics_submitted: 'Ethics submitted',
      ethics_approved: 'Ethics approved',
      contract_signed: 'Contract signed',
      initiated: 'Initiated',
      enrolling: 'Enrolling',
      enrolment_closed: 'Enrolment closed',
      closed: 'Closed',
      suspended: 'Suspended',
      terminated: 'Terminated',
    },
    submissionTypes: {
      initial: 'Initial review',
      amendment: 'Amendment',
      continuing: 'Continuing review',
      sae: 'SAE / SUSAR',
      deviation: 'Protocol deviation',
      suspension: 'Suspension / termination',
      closure: 'Closure',
      resubmission: 'Resubmission',
    },
    reviewPaths: {
      convened: 'Convened meeting',
      expedited: 'Expedited',
      recognition: 'Mutual recognition',
    },
    delayStages: {
      ethicsApproved: 'Ethics approval',
      siv: 'Site initiation (SIV)',
      fpi: 'First patient in',
    },
    incentiveTerms: {
      conversion: 'Capacity conversion',
      piActive: 'PIs active',
      startup: 'Start-up time',
      ethicsWithinClock: 'Ethics within clock',
      recognition: 'Recognition adoption',
      enrolment: 'Enrolment attainment',
      enrolling: 'Enrolling sites (100 − non-enrolling %)',
    },
    yesNo: { yes: 'Yes', no: 'No' },
  },
} satisfies Record<Locale, Record<string, Record<string, string>>>;

export type CodeLabelSection = keyof (typeof CODE_LABELS)['zh-CN'];

/** The label of a code in a locale; an unknown code is returned as it is (never an empty cell). */
export function codeLabel(locale: Locale, section: CodeLabelSection, code: string | null | undefined): string | null {
  if (code == null) return null;
  return (CODE_LABELS[locale][section] as Record<string, string>)[code] ?? code;
}

/** 是/否, Yes/No. */
export const yesNo = (locale: Locale, value: boolean): string => CODE_LABELS[locale].yesNo[value ? 'yes' : 'no'];

const NOT_RECORDED = { zh: '未登记', en: 'Not recorded' };

/**
 * A delay reason or attribution code in words (`DELAY_REASON_LABELS`, `DELAY_ATTRIBUTION_LABELS`): `unrecorded`, a
 * delay without one, is "not recorded"; an unknown code is returned as it is. For the drill-down page and the XLSX.
 */
export function delayCodeLabel(locale: Locale, labels: Record<string, { zh: string; en: string }>, code: string) {
  const pair = labels[code] ?? (code === 'unrecorded' ? NOT_RECORDED : null);
  if (!pair) return code;
  return locale === 'en' ? pair.en : pair.zh;
}

/**
 * A metric record's label in words: the records carry codes joined by ` · ` (`initial · expedited`,
 * `肿瘤科 · enrolling`, `siv · contract · sponsor`); the drill-down page and the XLSX read them the same way.
 */
export function metricRecordLabel(locale: Locale, kind: string, label: string): string {
  const parts = label.split(' · ');
  if (kind === 'submission')
    return [codeLabel(locale, 'submissionTypes', parts[0]), codeLabel(locale, 'reviewPaths', parts[1])]
      .filter(Boolean)
      .join(' · ');
  if (kind === 'delay') {
    const [stage, reason, attribution] = parts;
    return [
      codeLabel(locale, 'delayStages', stage),
      reason && delayCodeLabel(locale, DELAY_REASON_LABELS, reason),
      attribution && delayCodeLabel(locale, DELAY_ATTRIBUTION_LABELS, attribution),
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (kind === 'site' && parts.length === 2) return `${parts[0]} · ${codeLabel(locale, 'siteStates', parts[1])}`;
  return label;
}
