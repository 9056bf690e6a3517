// The search page's option lists, apart from the zod schemas of site-search.ts: the page reads them in its first
// load without pulling zod in (issue 16).

/**
 * Sort orders of site search. Past-performance sorts (start-up speed, enrolment rate, ethics turnaround) put
 * hospitals without any record of it last.
 */
export const SITE_SORTS = [
  'fit',
  'freeSlots',
  'startupSpeed',
  'enrolmentRate',
  'ethicsTurnaround',
  /** Registry trials in the searched condition in the last five years (all registry trials without a condition). */
  'registry_experience',
  'name',
] as const;
export type SiteSort = (typeof SITE_SORTS)[number];

/**
 * Trial phases site search can filter by: Phase I (a Phase I unit), BE (a bioequivalence unit) and Phases II–IV
 * (registry trials in that phase at the site, in the searched condition when there is one — issue 13).
 */
export const SEARCH_PHASES = ['I', 'II', 'III', 'IV', 'BE'] as const;
export type SearchPhase = (typeof SEARCH_PHASES)[number];
