import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The web has one clock, lib/beijing-time.ts, and one date picker, components/DatePicker.tsx (whose "now" is
 * Beijing's). Anything else that reads the browser's zone — a bare `dayjs()`, `dayjs(ms)`, `new Date(…)` formatted
 * locally, antd's own DatePicker with the local "today" — brings back dates that disagree with the server's between
 * 16:00 and 24:00 UTC, or for anyone abroad. This walks the sources and names each such use.
 */
const SRC = fileURLToPath(new URL('..', import.meta.url));
const CLOCK = ['lib/beijing-time.ts', 'components/DatePicker.tsx'];
// App.tsx sets dayjs's display language (month and weekday names), which involves no zone.
const DAYJS_VALUE_IMPORT_ALLOWED = [...CLOCK, 'App.tsx'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const RULES: { what: string; pattern: RegExp; allowed: string[] }[] = [
  {
    what: 'a dayjs value import (dayjs(…) is local time)',
    pattern: /^import dayjs\b/m,
    allowed: DAYJS_VALUE_IMPORT_ALLOWED,
  },
  { what: 'new Date(…)', pattern: /\bnew Date\(/, allowed: CLOCK },
  { what: 'toLocaleDateString / toLocaleTimeString', pattern: /\.toLocale(Date|Time)String\(/, allowed: [] },
  {
    what: "antd's DatePicker (its today is the browser's)",
    pattern: /import\s*\{[^}]*\bDatePicker\b[^}]*\}\s*from\s*'antd'/,
    allowed: ['components/DatePicker.tsx'],
  },
];

describe('no page of the web reads the browser time zone', () => {
  const files = sources(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const rule of RULES) {
    it(`uses ${rule.what} only in ${rule.allowed.join(', ') || 'no file'}`, () => {
      const offenders = files.filter((f) => rule.pattern.test(f.text) && !rule.allowed.includes(f.name));
      expect(offenders.map((f) => f.name)).toEqual([]);
    });
  }
});
