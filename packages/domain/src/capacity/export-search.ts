import {
  districtLabel,
  type ExportFile,
  type Locale,
  levelLabel,
  POLICIES,
  type SiteSearchItem,
  type SitesSearchInput,
  yesNo,
} from '@ctp/contracts';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { type Sheet, toXlsx } from '../exports/xlsx.ts';
import { inLocale } from '../presentation/in-locale.ts';
import { searchSites } from './search-sites.ts';

const HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    rank: '排名',
    name: '机构名称',
    nameEn: '英文名称',
    district: '所在区',
    level: '等级',
    score: '匹配度',
    specialties: '相关专业（空余名额）',
    investigators: '研究者',
    freeSlots: '空余名额合计',
    phase1: 'I 期病房',
    stale: '资源信息过期',
    reasons: '匹配理由',
    note: '备注',
    query: '加入时的检索条件',
    yes: '是',
    no: '否',
    sheet: '检索结果',
  },
  en: {
    rank: 'Rank',
    name: 'Institution',
    nameEn: 'English name',
    district: 'District',
    level: 'Level',
    score: 'Fit',
    specialties: 'Relevant specialties (free slots)',
    investigators: 'Investigators',
    freeSlots: 'Free slots',
    phase1: 'Phase I unit',
    stale: 'Capacity stale',
    reasons: 'Why it fits',
    note: 'Note',
    query: 'Shortlisted from the search',
    yes: 'yes',
    no: 'no',
    sheet: 'Results',
  },
};

/** The columns of a result row, shared by the search export and the shortlist export. */
export function siteSheet(
  locale: Locale,
  items: SiteSearchItem[],
  notes?: Map<string, string | null>,
  /** The search each hospital was scored against (shortlists: the one it was shortlisted from). */
  queries?: Map<string, string | null>,
): Sheet {
  const h = HEADERS[locale];
  const columns = [
    { header: h.rank!, key: 'rank', width: 6 },
    { header: h.name!, key: 'name', width: 28 },
    { header: h.nameEn!, key: 'nameEn', width: 40 },
    { header: h.district!, key: 'district', width: 10 },
    { header: h.level!, key: 'level', width: 10 },
    { header: h.score!, key: 'score', width: 8 },
    { header: h.freeSlots!, key: 'freeSlots', width: 10 },
    { header: h.specialties!, key: 'specialties', width: 40 },
    { header: h.investigators!, key: 'investigators', width: 40 },
    { header: h.phase1!, key: 'phase1', width: 8 },
    { header: h.stale!, key: 'stale', width: 8 },
    { header: h.reasons!, key: 'reasons', width: 60 },
    ...(queries ? [{ header: h.query!, key: 'query', width: 30 }] : []),
    ...(notes ? [{ header: h.note!, key: 'note', width: 40 }] : []),
  ];
  const rows = items.map((item, i) => ({
    rank: i + 1,
    name: item.name,
    nameEn: item.nameEn,
    district: districtLabel(item.district, locale),
    level: levelLabel(item.level, locale),
    score: item.score,
    freeSlots: item.freeSlots,
    specialties: item.specialties
      .map((s) => `${inLocale(locale, { zh: s.name, en: s.nameEn })} (${s.freeSlots})`)
      .join('; '),
    investigators: [
      ...new Set(item.specialties.flatMap((s) => s.investigators.map((p) => `${p.name} ${p.title}`))),
    ].join('; '),
    phase1: yesNo(locale, item.hasPhase1Unit),
    stale: yesNo(locale, item.stale),
    reasons: item.reasons.join('; '),
    ...(queries ? { query: queries.get(item.hospitalId) ?? '' } : {}),
    ...(notes ? { note: notes.get(item.hospitalId) ?? '' } : {}),
  }));
  return { name: h.sheet!, columns, rows };
}

/** The whole result of a search (all pages, same order as on screen) as XLSX. */
export async function exportSearch({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: Omit<SitesSearchInput, 'cursor' | 'limit'>;
}): Promise<ExportFile> {
  if (!POLICIES.searchSites.allows(ctx.actor)) throw forbidden();
  const items: SiteSearchItem[] = [];
  let cursor: string | undefined;
  do {
    const page = searchSites({ ctx, input: { ...input, limit: 100, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const stamp = shanghaiDate(ctx.now());
  return toXlsx(`ctp-site-search-${stamp}.xlsx`, [siteSheet(ctx.locale, items)]);
}
