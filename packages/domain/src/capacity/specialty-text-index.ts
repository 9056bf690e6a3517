import type { SpecialtyCapacity } from './load-capacity.ts';

/**
 * A hospital's specialties' lower-cased texts joined into one string, so "which specialties contain this term" is a
 * few `indexOf` calls per hospital instead of a look-up and several `includes` per specialty (issue 16: national
 * search matched a term against 30 000 specialties). Each text is lower-cased on its own, as a per-text match would,
 * then joined: texts of one specialty by U+0001, specialties by U+0002, so a term without either never spans two.
 */
export type JoinedTexts = { text: string; starts: number[] };

export function joinTexts(
  specs: readonly SpecialtyCapacity[],
  textsOf: (s: SpecialtyCapacity) => string[],
): JoinedTexts {
  const starts: number[] = [];
  let text = '';
  for (const s of specs) {
    starts.push(text.length);
    text += `${textsOf(s).join('\u0001')}\u0002`;
  }
  return { text, starts };
}

/** Whether the joined form answers for this term exactly as a per-text `includes` would. */
export const joinable = (loweredTerm: string) =>
  loweredTerm.length > 0 && !loweredTerm.includes('\u0001') && !loweredTerm.includes('\u0002');

/** Calls `mark` with the position of each specialty one of whose texts contains the (lower-cased, joinable) term. */
export function markContaining(joined: JoinedTexts, loweredTerm: string, mark: (i: number) => void): void {
  const { text, starts } = joined;
  let pos = text.indexOf(loweredTerm);
  while (pos >= 0) {
    // The last specialty starting at or before the match owns it.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    mark(lo);
    if (lo + 1 >= starts.length) return;
    pos = text.indexOf(loweredTerm, starts[lo + 1]);
  }
}
