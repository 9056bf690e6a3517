import type Database from 'better-sqlite3';
import { statementObservers } from './search/read-model-changes.ts';

/**
 * Records every statement a piece of code prepares on this connection (drizzle prepares each query it runs), so a
 * test can look at the plans of exactly the queries a use-case issues. SQLite-only, like the plans themselves.
 */
export function recordStatements<T>(sqlite: Database.Database, fn: () => T): { result: T; statements: string[] } {
  const seen = new Set<string>();
  // Statements prepared once and kept (`preparedOn`) are recorded each time they are used.
  const observe = (source: string) => seen.add(source);
  statementObservers.add(observe);
  const prepare = sqlite.prepare;
  sqlite.prepare = ((source: string) => {
    seen.add(source);
    return prepare.call(sqlite, source);
  }) as typeof sqlite.prepare;
  try {
    return { result: fn(), statements: [...seen] };
  } finally {
    sqlite.prepare = prepare;
    statementObservers.delete(observe);
  }
}

/**
 * The tables a statement reads by a full scan: `SCAN t` in its plan, unless through an index (`USING INDEX`,
 * `USING COVERING INDEX`) or a virtual table's own index (FTS5). Parameters are left unbound (NULL): the plan does
 * not depend on their values.
 */
export function fullScansOf(sqlite: Database.Database, statement: string): string[] {
  const parameters = (statement.match(/\?/g) ?? []).map(() => null);
  const plan = sqlite.prepare(`explain query plan ${statement}`).all(...parameters) as { detail: string }[];
  return plan
    .map((row) => /^SCAN (\w+)(?: AS \w+)?(.*)$/.exec(row.detail))
    .filter((m): m is RegExpExecArray => m !== null && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(m[2]!))
    .map((m) => m[1]!);
}

/**
 * Drops the planner's statistics (`sqlite_stat1`), so plans are those of SQLite's heuristics, which assume every
 * table is large: a test on a small database then sees the plan a national one would get, not a scan chosen
 * because its tables happen to be tiny.
 */
export function forgetPlannerStatistics(sqlite: Database.Database): void {
  const hasStats = sqlite.prepare("select 1 from sqlite_schema where name = 'sqlite_stat1'").get();
  if (hasStats) sqlite.exec('delete from sqlite_stat1; analyze sqlite_schema;');
}
