import type { Db } from '@ctp/db';
import { onCommit } from '../transaction.ts';
import { GENESIS_HASH } from './audit-hash.ts';
import {
  type AuditHead,
  type AuditHeadFiles,
  currentChainHead,
  ensureAuditHeadKey,
  isKeyFileExposed,
  loadAuditHead,
  sweepPendingAuditHeads,
  writeAuditHead,
  writeAuditHeadSync,
} from './audit-head.ts';
import { checkAuditHead, type HeadCheck } from './verify-audit.ts';

type Log = { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };

export class AuditHeadError extends Error {
  constructor(
    readonly reason: string,
    readonly brokenAt: number | null,
  ) {
    super(
      `the audit head kept beside the database does not match it (${reason}${brokenAt === null ? '' : ` at event #${brokenAt}`}): ` +
        'audit events were deleted or rewritten, or the database was replaced. Investigate with `pnpm ctp audit verify`; ' +
        'to accept the database as it is, `pnpm ctp audit reseal` (the old head is kept beside it).',
    );
  }
}

const headNow = (db: Db, now: number): AuditHead => currentChainHead(db, now) ?? { id: 0, hash: GENESIS_HASH, at: now };

/**
 * Keeps the signed audit head file in step with the database while the server runs. After each commit it marks the
 * head dirty; one asynchronous write at a time (pending file, fsync, rename) catches up with every commit made
 * meanwhile, so writers never wait on the disk. A timer also catches writes made outside `inTransaction` or by
 * another process (the CLI). The head never moves backwards: if the newest rows vanish while it runs, it stops
 * writing and logs, keeping the evidence.
 */
export class AuditHeadKeeper {
  private lastWrittenId: number;
  private writing: Promise<void> | null = null;
  private dirty = false;
  private readonly unsubscribe: () => void;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly db: Db,
    readonly files: AuditHeadFiles,
    private readonly key: Buffer,
    private readonly log: Log,
    private readonly now: () => number,
    intervalMs: number,
  ) {
    const head = headNow(db, now());
    writeAuditHeadSync(files, key, head);
    this.lastWrittenId = head.id;
    this.unsubscribe = onCommit(db, () => this.markDirty());
    this.timer = setInterval(() => this.markDirty(), intervalMs);
    this.timer.unref();
  }

  /**
   * At start: creates the key on first use, checks the head on file against the database (throws AuditHeadError
   * when it is not there), then writes the current head.
   */
  static start(
    db: Db,
    files: AuditHeadFiles,
    opts: { log: Log; now?: () => number; intervalMs?: number },
  ): AuditHeadKeeper {
    const hadHead = loadAuditHead(files).status !== 'missing';
    const { key, created } = ensureAuditHeadKey(files.keyFile);
    sweepPendingAuditHeads(files);
    if (hadHead || !created) {
      const check = checkAuditHead(db, files);
      if (!check.ok) throw new AuditHeadError(check.reason, check.brokenAt);
    } else {
      const head = currentChainHead(db, Date.now());
      if (head)
        opts.log.warn(
          { headId: head.id },
          'audit head key created for an existing chain: first start with head keeping (or the head and its key were removed)',
        );
    }
    if (isKeyFileExposed(files.keyFile))
      opts.log.warn({ keyFile: files.keyFile }, 'the audit head key is readable by group or others: chmod 600 it');
    return new AuditHeadKeeper(db, files, key, opts.log, opts.now ?? Date.now, opts.intervalMs ?? 2_000);
  }

  private markDirty() {
    this.dirty = true;
    if (this.writing) return;
    this.writing = this.drain().finally(() => {
      this.writing = null;
      if (this.dirty) this.markDirty();
    });
  }

  private async drain() {
    while (this.dirty) {
      this.dirty = false;
      try {
        const head = headNow(this.db, this.now());
        if (head.id === this.lastWrittenId) continue;
        if (head.id < this.lastWrittenId) {
          this.log.error(
            { headId: head.id, lastWrittenId: this.lastWrittenId },
            'audit events vanished from the database while serving: the head file is kept as it was',
          );
          continue;
        }
        await writeAuditHead(this.files, this.key, head);
        this.lastWrittenId = head.id;
      } catch (err) {
        this.log.error({ err }, 'writing the audit head failed');
      }
    }
  }

  /** Waits for the write in flight, if any (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** At shutdown: stop listening, then write the final head. */
  async close(): Promise<void> {
    this.unsubscribe();
    clearInterval(this.timer);
    await this.settle();
    const head = headNow(this.db, this.now());
    if (head.id > this.lastWrittenId) writeAuditHeadSync(this.files, this.key, head);
  }
}

/**
 * For one-shot writers (the CLI): after its writes, sign the head as it now stands — unless the head on file does
 * not match the database, which is then reported and left as evidence.
 */
export function sealAuditHead(db: Db, files: AuditHeadFiles): HeadCheck {
  const hadHead = loadAuditHead(files).status !== 'missing';
  const { key, created } = ensureAuditHeadKey(files.keyFile);
  if (hadHead || !created) {
    const check = checkAuditHead(db, files);
    if (!check.ok) return check;
  }
  const head = headNow(db, Date.now());
  writeAuditHeadSync(files, key, head);
  return { ok: true, anchor: head };
}
