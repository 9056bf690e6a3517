import type { ActorRef, Locale } from '@ctp/contracts';
import type { Db } from '@ctp/db';
import type { AuditHeadFiles } from './audit/audit-head.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { SearchResultCache } from './capacity/search-result-cache.ts';

/** Who is acting: the signed-in user, the session, and the membership (organisation × role) they act in. */
export type Actor = ActorRef & {
  email: string;
  name: string;
  sessionId: string;
  membershipId: string;
  /** Set when the call was made with an API token (issue 17): the audit row names the token. */
  apiTokenId?: string;
};

export type SessionSettings = { idleMs: number; absoluteMs: number };

/** Long-lived collaborators of the use-cases, created once per server. */
export type Services = {
  loginThrottle: LoginThrottle;
  session: SessionSettings;
  /** Uploaded documents and letters (ethics): the server configures it; absent where no files are handled. */
  files?: FileStoreSettings;
  /** The signed audit head file and its key, beside the database (absent for in-memory databases). */
  auditHead?: AuditHeadFiles;
  /** Recent search results, valid within the search read model's version (the server keeps one; absent elsewhere). */
  searchCache?: SearchResultCache;
};

/** `ctx` of every use-case (CONVENTIONS §2). */
/** Where uploaded files live and how large one may be (read by `files/file-store.ts`). */
export type FileStoreSettings = { dir: string; maxUploadBytes: number };

export type Ctx = {
  actor: Actor | null;
  db: Db;
  now: () => number;
  requestId: string;
  locale: Locale;
  ip: string | null;
  userAgent: string | null;
  services: Services;
  /** True for the CLI and start-up jobs, which act as the platform itself rather than as a signed-in user. */
  isSystem?: boolean;
};

/**
 * `ctx` of a use-case that only a signed-in actor reaches: `guarded(policy)` builds it for every non-public policy,
 * so the use-case reads `ctx.actor` without a null check. System callers (CLI, seed, tests) build one explicitly.
 */
export type ActorCtx = Ctx & { actor: Actor };

/** The audit needs only who and why; system jobs (seed, CLI) act without a session. */
export type AuditCtx = Pick<Ctx, 'now' | 'requestId'> & {
  actor: { userId: string; orgId: string | null; role: string | null; apiTokenId?: string } | null;
};
