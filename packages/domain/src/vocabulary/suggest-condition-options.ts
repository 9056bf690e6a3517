import { type ConditionOption, POLICIES, sitesConditionsInput } from '@ctp/contracts';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { suggestConditions } from './condition-vocabulary.ts';

/** Short forms worth showing beside a name: Latin capitals and digits (NSCLC, T2DM, HER2+…), not whole words. */
const ABBREVIATION = /^[A-Z][A-Z0-9+\-/]{1,9}$/;

/** The disease picker of site search: vocabulary entries for what was typed, with codes and abbreviations. */
export function suggestConditionOptions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof sitesConditionsInput>;
}): ConditionOption[] {
  if (!POLICIES.searchSites.allows(ctx.actor)) throw forbidden();
  const { q, limit } = sitesConditionsInput.parse(input);
  return suggestConditions(q, limit).map((c) => ({
    id: c.id,
    zh: c.zh,
    en: c.en,
    icd10: c.icd10,
    abbreviations: c.synonyms.filter((s) => ABBREVIATION.test(s)).slice(0, 3),
  }));
}
