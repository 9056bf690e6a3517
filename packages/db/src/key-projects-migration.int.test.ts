import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './client.ts';

/** Runs the migration files up to (and without) `stop`, statement by statement as drizzle's migrator does. */
function migrateUpTo(sqlite: Database.Database, files: string[]) {
  for (const file of files)
    for (const statement of readFileSync(join(MIGRATIONS_FOLDER, file), 'utf8').split('--> statement-breakpoint'))
      if (statement.trim()) sqlite.exec(statement);
}

/** Inserts a row, filling every other NOT NULL column without a default (the test cares about the named ones). */
function insert(sqlite: Database.Database, table: string, values: Record<string, unknown>) {
  const cols = sqlite.prepare(`pragma table_info(${table})`).all() as {
    name: string;
    type: string;
    notnull: number;
    dflt_value: unknown;
    pk: number;
  }[];
  const row: Record<string, unknown> = { ...values };
  for (const c of cols)
    if (c.notnull && c.dflt_value === null && !(c.name in row) && !(c.pk && c.type === 'integer'))
      row[c.name] = c.type === 'integer' ? 0 : 'x';
  const names = Object.keys(row);
  sqlite
    .prepare(`insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`)
    .run(...names.map((n) => row[n]));
}

describe('migration 0023: the key-project flags become links to unnamed projects (issue 18)', () => {
  it('moves every flagging, open and closed, to its trial’s own project, led by the trial’s sponsor', () => {
    const files = readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    const at = files.findIndex((f) => f.startsWith('0023_'));
    expect(at).toBeGreaterThan(0);
    const sqlite = new Database(':memory:');
    migrateUpTo(sqlite, files.slice(0, at));
    insert(sqlite, 'organisations', { id: 'org-s', kind: 'sponsor', name_zh: '申办方' });
    insert(sqlite, 'users', { id: 'u-1', email: 'c@x', name: '卫健委' });
    for (const id of ['t-1', 't-2'])
      insert(sqlite, 'trials', { id, sponsor_org_id: 'org-s', title_zh: id, created_by: 'u-1' });
    // t-1: flagged, unflagged, flagged again (open); t-2: flagged and unflagged.
    const flag = sqlite.prepare(
      'insert into key_projects (trial_id, reason, flagged_by, flagged_at, unflag_reason, unflagged_by, unflagged_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    flag.run('t-1', '首次', 'u-1', 100, '结题', 'u-1', 200);
    flag.run('t-1', '再次', 'u-1', 300, null, null, null);
    flag.run('t-2', '纳入', 'u-1', 150, '取消', 'u-1', 250);
    migrateUpTo(sqlite, [files[at]!]);

    expect(sqlite.prepare("select count(*) from sqlite_master where name = 'key_projects'").pluck().get()).toBe(0);
    expect(
      sqlite
        .prepare('select id, lead_org_id, own_trial_id, title_zh, created_at, updated_at from projects order by id')
        .all(),
    ).toEqual([
      { id: 'kp-t-1', lead_org_id: 'org-s', own_trial_id: 't-1', title_zh: null, created_at: 100, updated_at: 300 },
      { id: 'kp-t-2', lead_org_id: 'org-s', own_trial_id: 't-2', title_zh: null, created_at: 150, updated_at: 250 },
    ]);
    expect(
      sqlite
        .prepare(
          'select project_id, trial_id, reason, linked_at, unlink_reason, unlinked_at from project_trials order by id',
        )
        .all(),
    ).toEqual([
      {
        project_id: 'kp-t-1',
        trial_id: 't-1',
        reason: '首次',
        linked_at: 100,
        unlink_reason: '结题',
        unlinked_at: 200,
      },
      { project_id: 'kp-t-1', trial_id: 't-1', reason: '再次', linked_at: 300, unlink_reason: null, unlinked_at: null },
      {
        project_id: 'kp-t-2',
        trial_id: 't-2',
        reason: '纳入',
        linked_at: 150,
        unlink_reason: '取消',
        unlinked_at: 250,
      },
    ]);
    sqlite.close();
  });
});
