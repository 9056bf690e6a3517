import type { Db, Tx } from '@ctp/db';

/**
 * Runs `fn` in one synchronous IMMEDIATE transaction (CONVENTIONS §3). `fn` must not be async: better-sqlite3
 * would commit at the first await and never roll back.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(
    (tx) => {
      const result = fn(tx);
      if (result instanceof Promise) throw new Error('inTransaction: the callback must be synchronous');
      return result;
    },
    { behavior: 'immediate' },
  );
}
