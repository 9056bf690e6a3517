/**
 * 隶属高校 (issue 14): the reference data records each hospital's affiliation as its affiliated name
 * (南京医科大学第一附属医院, 南京大学医学院附属鼓楼医院); the profile shows the university itself.
 * The migration 0019 applies the same rule to rows seeded before it.
 */
export function universityOf(affiliation: string | null | undefined): string | null {
  const text = affiliation?.trim();
  // "unknown (…)" and "…管理" (managed by another hospital) name no university.
  if (!text || /^unknown/i.test(text) || text.endsWith('管理')) return null;
  const at = text.indexOf('大学');
  return at >= 0 ? text.slice(0, at + 2) : text;
}

/** English names of the universities Nanjing's trial hospitals belong to (their own English names). */
export const UNIVERSITY_EN: Record<string, string> = {
  南京医科大学: 'Nanjing Medical University',
  南京大学: 'Nanjing University',
  东南大学: 'Southeast University',
  南京中医药大学: 'Nanjing University of Chinese Medicine',
  '中国医学科学院/北京协和医学院': 'Chinese Academy of Medical Sciences / Peking Union Medical College',
};
