import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Presentation stays out of the use-cases (issue 15): the domain returns codes and data; words for a reader come
 * from the catalogues (`@ctp/contracts` i18n: error-message terms, code labels, record texts) or, for the labels a
 * public contract or a file carries, from `packages/domain/src/presentation/`. A branch on the reader's language
 * anywhere else in the domain is how label-building crept into ~20 use-cases, so this test refuses it.
 */
const ROOT = join(import.meta.dirname, '../..');
const DOMAIN = join(ROOT, 'packages/domain/src');
const ALLOWED = 'presentation/';

/** `locale === 'en'`, `ctx.locale !== 'en'`, `l === 'en'`, `lang === 'en'`, and the same the other way round. */
const LOCALE_BRANCH =
  /(?:\blocale|(?<![.\w])(?:l|lang))\s*[!=]==?\s*['"`]en['"`]|['"`]en['"`]\s*[!=]==?\s*(?:[\w.]*\.)?(?:locale|l|lang)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

export function localeBranches(files: string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')) {
  return files.flatMap((file) =>
    read(file)
      .split('\n')
      .flatMap((line, i) => (LOCALE_BRANCH.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('presentation rule', () => {
  const files = sources(DOMAIN);

  it('reads the domain source', () => {
    // A guard on the walk itself: with no files every check below would pass vacuously.
    expect(files.length).toBeGreaterThan(200);
    expect(files.some((f) => f.includes(`/${ALLOWED}`))).toBe(true);
  });

  it('has no branch on the reader’s language outside presentation/', () => {
    const outside = files.filter((f) => !relative(DOMAIN, f).startsWith(ALLOWED));
    expect(localeBranches(outside)).toEqual([]);
  });

  it('finds the branches it is meant to refuse, and not a record’s own language field', () => {
    const sample: Record<string, string> = {
      'a.ts': "const t = ctx.locale === 'en' ? x.en : x.zh;",
      'b.ts': "if (locale !== 'en') return zh;",
      'c.ts': "sheet(l, l === 'en' ? 'Metrics' : '指标');",
      'd.ts': "const lang = 'en' === locale ? 1 : 0;",
      'e.ts': "return a.lang === 'en' ? 'english' : 'other';",
    };
    const found = localeBranches(Object.keys(sample), (f) => sample[f]!);
    expect(found.map((f) => f.split(':')[0]!.split('/').pop())).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts']);
  });
});
