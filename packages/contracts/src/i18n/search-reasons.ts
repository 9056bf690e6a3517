import { formatMessage } from './error-messages.ts';
import type { Locale } from './locale.ts';

/** The sentences that explain a search result's fit score, in both languages. */
const REASONS = {
  'zh-CN': {
    nameMatch: '机构名称匹配“{term}”',
    pinyinMatch: '拼音匹配“{term}”',
    specialtyMatch: '专业匹配：{specialty}',
    diseaseMatch: '病种匹配：{disease}（{specialty}）',
    diseaseViaParent: '{query} → {area}：按上级病种匹配（{specialty}）',
    diseaseViaSpecialty: '暂无机构登记“{query}”病种，按相关专业匹配：{specialty}',
    aliasMatch: '名称完全匹配：{alias}',
    beUnit: '设有生物等效性试验专业',
    investigatorMatch: '研究者匹配：{name}（{title}）',
    capabilityMatch: '具备能力：{capability}',
    freeSlots: '{specialty} 有 {n} 个空余名额',
    noFreeSlots: '{specialty} 已满负荷',
    seniorPi: 'PI：{name}（{title}，职称：{level}）',
    noEligiblePi: '该专业暂无正高/副高研究者',
    patients: '相关病种年诊疗 {n} 人次',
    startup: '过往启动（选定→首例入组）中位 {n} 天',
    enrolment: '过往入组速度 {n} 例/中心·月',
    ethics: '伦理审查中位 {n} 个工作日',
    phase1: '设有 I 期病房',
    registryHistory: '近 {years} 年 {n} 项{condition}试验 ({recruiting} 项在招)',
    registryCompeting: '同适应症在招竞争试验 {n} 项',
    registryHistoryOne: '近 {years} 年 1 项{condition}试验 ({recruiting} 项在招)',
    registryCompetingOne: '同适应症在招竞争试验 1 项',
    registryWeight: '+{points} 登记经验（近 {years} 年每项登记试验 +{per}，最多 +{max}）',
    registryPhase: '登记有 {phase} 期试验',
    stale: '资源信息已 {days} 天未确认',
    fresh: '资源信息 {days} 天内已确认',
  },
  en: {
    nameMatch: 'Name matches “{term}”',
    pinyinMatch: 'Pinyin matches “{term}”',
    specialtyMatch: 'Specialty: {specialty}',
    diseaseMatch: 'Disease area: {disease} ({specialty})',
    diseaseViaParent: '{query} → {area}: matched through the broader disease area ({specialty})',
    diseaseViaSpecialty: 'No site lists “{query}” yet; matched by the related specialty: {specialty}',
    aliasMatch: 'Exact name match: {alias}',
    beUnit: 'Has a bioequivalence (BE) unit',
    investigatorMatch: 'Investigator: {name} ({title})',
    capabilityMatch: 'Has {capability}',
    freeSlots: '{specialty} has {n} free slots',
    noFreeSlots: '{specialty} is at full capacity',
    seniorPi: 'PI: {name} ({title}, rank: {level})',
    noEligiblePi: 'No senior or associate senior investigator in this specialty',
    patients: '{n} patients a year in the matched areas',
    startup: 'Past start-up (selection → first patient) median {n} days',
    enrolment: 'Past enrolment {n} patients per site-month',
    ethics: 'Ethics review median {n} working days',
    phase1: 'Has a Phase I unit',
    registryHistory: '{n} {condition} trials in the last {years} years ({recruiting} recruiting)',
    registryCompeting: '{n} competing recruiting trials in the same indication',
    registryHistoryOne: '1 {condition} trial in the last {years} years ({recruiting} recruiting)',
    registryCompetingOne: '1 competing recruiting trial in the same indication',
    registryWeight:
      '+{points} registry experience (+{per} per registered trial in the last {years} years, at most +{max})',
    registryPhase: 'Registered Phase {phase} trials',
    stale: 'Capacity not confirmed for {days} days',
    fresh: 'Capacity confirmed within {days} days',
  },
} as const;
export type ReasonKey = keyof (typeof REASONS)['en'];

export function reasonText(locale: Locale, key: ReasonKey, params: Record<string, string | number> = {}): string {
  return formatMessage(REASONS[locale][key], params);
}
