import { BASE_STATUS_LABELS, BASE_STEP_LABELS } from '../bases.ts';
import { QUORUM_REASON_LABELS, SUBMISSION_OUTCOME_LABELS, SUBMISSION_STATE_LABELS } from '../ethics.ts';
import { RECOGNITION_STATE_LABELS } from '../recognition.ts';
import { RISK_TEXT, SUBMISSION_TYPE_TEXT } from '../reviews.ts';
import { MILESTONE_LABELS, type SiteState } from '../trials.ts';
import type { Locale } from './locale.ts';

type Pair = { zh: string; en: string };

/** A site's state as a message names it mid-sentence ("while the site is submitted to ethics"). */
const SITE_STATE_TEXT: Record<SiteState, Pair> = {
  candidate: { zh: '候选', en: 'candidate' },
  inquiry_sent: { zh: '已发调研', en: 'inquiry sent' },
  interested: { zh: '有意向', en: 'interested' },
  declined: { zh: '婉拒', en: 'declined' },
  selected: { zh: '已选定', en: 'selected' },
  ethics_submitted: { zh: '已送审', en: 'submitted to ethics' },
  ethics_approved: { zh: '伦理通过', en: 'ethics approved' },
  contract_signed: { zh: '合同已签', en: 'contract signed' },
  initiated: { zh: '已启动', en: 'initiated' },
  enrolling: { zh: '入组中', en: 'enrolling' },
  enrolment_closed: { zh: '入组完成', en: 'enrolment closed' },
  closed: { zh: '关闭', en: 'closed' },
  suspended: { zh: '暂停', en: 'suspended' },
  terminated: { zh: '终止', en: 'terminated' },
};

/** A round of required modifications as a message names it where a submission state would stand. */
const MODIFICATION_STATE_TEXT = {
  submitted: { zh: '修改待确认', en: 'modifications awaiting verification' },
} satisfies Record<string, Pair>;

/**
 * The words a server message puts in its placeholders, by section: the domain raises an error with a code
 * (`term('submissionStates', 'scheduled')`) and the message is worded in the reader's language when it is mapped
 * (issue 15: presentation out of the use-cases).
 */
const TERMS = {
  siteStates: SITE_STATE_TEXT,
  submissionStates: SUBMISSION_STATE_LABELS,
  submissionOutcomes: SUBMISSION_OUTCOME_LABELS,
  submissionTypes: SUBMISSION_TYPE_TEXT,
  riskLevels: RISK_TEXT,
  recognitionStates: RECOGNITION_STATE_LABELS,
  milestones: MILESTONE_LABELS,
  quorumReasons: QUORUM_REASON_LABELS,
  modificationStates: MODIFICATION_STATE_TEXT,
  baseStatuses: BASE_STATUS_LABELS,
  baseSteps: BASE_STEP_LABELS,
} satisfies Record<string, Record<string, Pair>>;
export type TermSection = keyof typeof TERMS;

/** A code to be worded in the reader's language when the message is built. */
export type MessageTerm = { term: TermSection; code: string };
/** Several values in one placeholder, joined the way the language lists them (codes worded, texts as they are). */
export type MessageList = { list: (string | MessageTerm)[]; joiner: Joiner };
export type MessageParam = string | number | MessageTerm | MessageList;

/** How the languages join a list inside a sentence: reasons with semicolons, items enumerated. */
const JOINERS = {
  'zh-CN': { reasons: '；', items: '、' },
  en: { reasons: '; ', items: '; ' },
} satisfies Record<Locale, Record<string, string>>;
type Joiner = keyof (typeof JOINERS)['en'];

export const term = <S extends TermSection>(section: S, code: keyof (typeof TERMS)[S] & string): MessageTerm => ({
  term: section,
  code,
});
export const termList = (list: (string | MessageTerm)[], joiner: Joiner): MessageList => ({ list, joiner });

/** The word for a code in a locale; an unknown code is returned as it is. */
export function termText(locale: Locale, t: MessageTerm): string {
  const pair = (TERMS[t.term] as Record<string, Pair>)[t.code];
  if (!pair) return t.code;
  return locale === 'en' ? pair.en : pair.zh;
}

const isTerm = (v: unknown): v is MessageTerm => typeof v === 'object' && v !== null && 'term' in v;
const isList = (v: unknown): v is MessageList => typeof v === 'object' && v !== null && 'list' in v;

/** One placeholder's text in a locale. */
export function paramText(locale: Locale, value: MessageParam): string | number {
  if (isTerm(value)) return termText(locale, value);
  if (isList(value))
    return value.list.map((v) => (typeof v === 'string' ? v : termText(locale, v))).join(JOINERS[locale][value.joiner]);
  return value;
}

/** Every placeholder of a message in a locale. */
export function paramsIn(locale: Locale, params: Record<string, MessageParam>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, paramText(locale, v)]));
}
