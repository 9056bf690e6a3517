import { CAPABILITIES, type Locale, type ShortlistQuery } from '@ctp/contracts';
import { inLocale } from './in-locale.ts';

const LABELS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    condition: '病种',
    diseaseArea: '病种',
    specialty: '专业',
    district: '区',
    level: '等级',
    phase: '分期',
    hasPhase1Unit: 'I 期病房',
    capabilities: '能力',
    minFreeSlots: '空余名额 ≥',
    scope: '范围',
    yes: '有',
    no: '无',
    sep: '；',
    list: '、',
    colon: '：',
  },
  en: {
    condition: 'Condition',
    diseaseArea: 'Condition',
    specialty: 'Specialty',
    district: 'District',
    level: 'Level',
    phase: 'Phase',
    hasPhase1Unit: 'Phase I unit',
    capabilities: 'Capabilities',
    minFreeSlots: 'Free slots ≥',
    scope: 'Scope',
    yes: 'yes',
    no: 'no',
    sep: '; ',
    list: ', ',
    colon: ': ',
  },
};

/** Pure: the search a hospital was shortlisted from, in words ("“肺癌”；专业：肿瘤科"). */
export function describeQuery(
  query: ShortlistQuery,
  locale: Locale,
  specialtyName: (code: string) => string = (code) => code,
): string {
  const l = LABELS[locale];
  const parts: string[] = [];
  if (query.q) parts.push(`“${query.q}”`);
  const field = (key: string, value: string) => parts.push(`${l[key]}${l.colon}${value}`);
  if (query.condition) field('condition', query.condition);
  if (query.diseaseArea && query.diseaseArea !== query.condition) field('diseaseArea', query.diseaseArea);
  if (query.specialty) field('specialty', specialtyName(query.specialty));
  if (query.district) field('district', query.district);
  if (query.level) field('level', query.level);
  if (query.phase) field('phase', query.phase);
  if (query.hasPhase1Unit !== undefined) field('hasPhase1Unit', query.hasPhase1Unit ? l.yes! : l.no!);
  if (query.capabilities?.length)
    field(
      'capabilities',
      query.capabilities
        .map((c) => {
          const cap = CAPABILITIES.find((x) => x.code === c);
          return cap ? inLocale(locale, cap) : c;
        })
        .join(l.list),
    );
  if (query.minFreeSlots !== undefined) parts.push(`${l.minFreeSlots} ${query.minFreeSlots}`);
  if (query.scope) field('scope', query.scope);
  return parts.join(l.sep);
}
