import { pinyin } from 'pinyin-pro';

const CJK = /\p{Script=Han}/u;

/**
 * A city's matching key, the same for "Nanjing", "NANJING SHI", "南京" and "南京市" (pinyin of the Chinese form,
 * without the administrative suffix). '' when the city is not given.
 */
export function cityKey(city: string | null | undefined): string {
  const text = (city ?? '').normalize('NFKC').trim();
  if (!text) return '';
  if (CJK.test(text)) {
    const han = text.replace(/[^\p{Script=Han}]/gu, '').replace(/(?:特别行政区|自治州|地区|市|盟)$/u, '');
    return pinyin(han, { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v');
  }
  return text
    .toLowerCase()
    .replace(/\b(?:city|shi|municipality)\b/g, '')
    .replace(/[^a-z]/g, '');
}

const CHINA = new Set([
  'china',
  'cn',
  'prc',
  'peoplesrepublicofchina',
  'chinamainland',
  'mainlandchina',
  '中国',
  '中华人民共和国',
  '中国大陆',
]);

/** Mainland China as registries spell it. Taiwan, Hong Kong and Macao are listed as their own countries. */
export function isChina(country: string | null | undefined): boolean {
  return CHINA.has(
    (country ?? '')
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, ''),
  );
}
