import {
  districtLabel,
  type FacetValue,
  POLICIES,
  PROVIDER_CATEGORY_LABELS,
  type ProviderListItem,
  type ProvidersSearchInput,
  type ProvidersSearchOutput,
  providersSearchInput,
  QUALIFICATION_LABELS,
} from '@ctp/contracts';
import { type Db, type ProviderSearchColumn, providersMatchingTerm, toFtsTerms } from '@ctp/db';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { decodeOffsetCursor, nextOffsetCursor } from '../offset-cursor.ts';
import { inLocale } from '../presentation/in-locale.ts';
import { loadProviderRecords, toListItem } from './load-providers.ts';

/** A name hit above a service hit above a qualification or coverage hit (bm25 is useless on single characters). */
const COLUMN_WEIGHT: Record<ProviderSearchColumn, number> = {
  names: 1,
  initials: 0.9,
  services: 0.8,
  qualifications: 0.6,
  coverage: 0.4,
};

/**
 * Free text: every term must match some column (the same FTS terms as site search); the relevance of a provider is
 * its weakest term's best column. Null when there is no text.
 */
function matchText(db: Db, q: string): Map<string, number> | null {
  const terms = toFtsTerms(q);
  if (!terms.length) return null;
  const perTerm = terms.map((term) => {
    const best = new Map<string, number>();
    for (const [column, ids] of Object.entries(providersMatchingTerm(db, term.fts)) as [
      ProviderSearchColumn,
      Set<string>,
    ][])
      for (const id of ids) best.set(id, Math.max(best.get(id) ?? 0, COLUMN_WEIGHT[column]));
    return best;
  });
  const relevance = new Map<string, number>();
  for (const id of perTerm[0]!.keys())
    if (perTerm.every((m) => m.has(id))) relevance.set(id, Math.min(...perTerm.map((m) => m.get(id)!)));
  return relevance;
}

function facet(items: ProviderListItem[], valuesOf: (p: ProviderListItem) => string[], label: (v: string) => string) {
  const counts = new Map<string, number>();
  for (const p of items) for (const v of new Set(valuesOf(p))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]): FacetValue => ({ value, label: label(value), count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Provider search (issue 18): Chinese, English and pinyin through the provider FTS index; filters by category,
 * qualification and district; facets are provider counts within the filtered result, so a facet value's count is
 * the total the user gets by choosing it. Expiring and expired qualifications come flagged.
 */
export function searchProviders({ ctx, input: raw }: { ctx: Ctx; input: ProvidersSearchInput }): ProvidersSearchOutput {
  if (!POLICIES.searchProviders.allows(ctx.actor)) throw forbidden();
  const input = providersSearchInput.parse(raw);
  const offset = decodeOffsetCursor(input.cursor);
  const today = shanghaiDate(ctx.now());
  const relevance = input.q ? matchText(ctx.db, input.q) : null;
  const records = loadProviderRecords(ctx.db, relevance ? [...relevance.keys()] : undefined);
  const filtered = records
    .filter((r) => !input.category || r.categories.includes(input.category))
    .filter((r) => !input.qualification || r.qualifications.some((q) => q.kind === input.qualification))
    .filter((r) => !input.district || r.districts.includes(input.district))
    .map((r) => toListItem(r, today));
  const collator = new Intl.Collator('zh-CN');
  filtered.sort(
    (a, b) => (relevance?.get(b.id) ?? 0) - (relevance?.get(a.id) ?? 0) || collator.compare(a.nameZh, b.nameZh),
  );
  return {
    items: filtered.slice(offset, offset + input.limit),
    total: filtered.length,
    nextCursor: nextOffsetCursor(offset, input.limit, filtered.length),
    facets: {
      category: facet(
        filtered,
        (p) => p.categories,
        (v) => inLocale(ctx.locale, PROVIDER_CATEGORY_LABELS[v as keyof typeof PROVIDER_CATEGORY_LABELS]),
      ),
      qualification: facet(
        filtered,
        (p) => p.qualifications.map((q) => q.kind),
        (v) => inLocale(ctx.locale, QUALIFICATION_LABELS[v as keyof typeof QUALIFICATION_LABELS]),
      ),
      district: facet(
        filtered,
        (p) => p.districts,
        (v) => districtLabel(v, ctx.locale) ?? v,
      ),
    },
  };
}
