import type { Db, Tx } from '@ctp/db';

/** A database or a transaction, for reads (a read inside a write's transaction sees its own writes). */
export type Reader = Pick<Tx, 'select'>;

const commitListeners = new WeakMap<Db, Set<() => void>>();

/**
 * Calls `listener` after each transaction that `inTransaction` commits on this database (the audit head keeper
 * uses it). Returns the function that removes it. A listener must be quick and must not throw.
 */
export function onCommit(db: Db, listener: () => void): () => void {
  let set = commitListeners.get(db);
  if (!set) {
    set = new Set();
    commitListeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Runs `fn` in one synchronous IMMEDIATE transaction (CONVENTIONS §3). `fn` must not be async: better-sqlite3
 * would commit at the first await and never roll back.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  const result = db.transaction(
    (tx) => {
      const result = fn(tx);
      if (result instanceof Promise) throw new Error('inTransaction: the callback must be synchronous');
      return result;
    },
    { behavior: 'immediate' },
  );
  const listeners = commitListeners.get(db);
  if (listeners) for (const listener of listeners) listener();
  return result;
}
