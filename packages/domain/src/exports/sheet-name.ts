import { cleanDisplayName } from '@ctp/contracts';

/** Characters Excel forbids in a sheet name. */
const FORBIDDEN = /[\\/:*?[\]]/g;
const MAX_LENGTH = 31;

/**
 * Pure: a legal, unique XLSX sheet name for any user text (a shortlist called "A/B: 2026?" must export, not 500):
 * forbidden characters become "_", quotes at either end go, at most 31 characters (whole code points), never
 * empty, never Excel's reserved "History", and distinct (case-insensitively) from the names already `taken`.
 */
export function safeSheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  let base = cleanDisplayName(name)
    .replace(FORBIDDEN, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Sheet' : `${base}_`;
  const lowerTaken = new Set([...taken].map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const head = Array.from(base)
      .slice(0, MAX_LENGTH - suffix.length)
      .join('')
      .replace(/'+$/, '');
    const candidate = `${head}${suffix}`;
    if (!lowerTaken.has(candidate.toLowerCase())) return candidate;
  }
}
