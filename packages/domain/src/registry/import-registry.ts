import { POLICIES, type RegistryImportError, type RegistryImportSummary, type RegistrySource } from '@ctp/contracts';
import {
  type Db,
  registryEthicsDecisions,
  registryImports,
  registryReviewQueue,
  registrySites,
  registryTrialConditions,
  registryTrials,
  type Tx,
} from '@ctp/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { AuditCtx, Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { resolveCondition } from '../vocabulary/condition-vocabulary.ts';
import { loadCommitteeMatcher, loadResolver } from './load-resolver.ts';
import type { ParsedFile, RegistryRecord } from './parse/record.ts';
import type { Resolver } from './resolution/resolver.ts';

export type RegistryImportRequest = {
  source: RegistrySource;
  fileName: string;
  sha256: string;
  parsed: ParsedFile;
  /** Keep the readable records of a file with malformed ones (else the file is refused as a whole). */
  partial: boolean;
};

export type RegistryImportResult = {
  importId: number;
  outcome: 'completed' | 'partial' | 'failed';
  summary: RegistryImportSummary;
  errors: RegistryImportError[];
};

export type ImportProgress = (done: number, total: number) => void;

const emptySummary = (studies: number, malformed: number): RegistryImportSummary => ({
  studies,
  created: 0,
  updated: 0,
  skipped: 0,
  malformed,
  sites: 0,
  resolved: 0,
  queued: 0,
  rejected: 0,
  ethicsDecisions: 0,
  unplacedConditions: 0,
});

/** `registry.import` and `ctp import …`: the admin (or the CLI/seed acting as the platform). */
export function importRegistry({
  ctx,
  input,
  onProgress,
}: {
  ctx: Ctx;
  input: RegistryImportRequest;
  onProgress?: ImportProgress;
}): RegistryImportResult {
  if (!ctx.isSystem && !POLICIES.manageRegistry.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  return runRegistryImport(ctx.db, ctx, input, onProgress);
}

/**
 * Writes the records of one file in ONE transaction with the import log row and its audit row. Never creates
 * trials, trial sites or submissions: registry trials are history. A record whose content hash is unchanged is
 * skipped, an older or equally old version is skipped, a later last-update date replaces the record (its
 * conditions, sites and ethics decisions with it). Malformed records refuse the whole file unless `partial`.
 */
export function runRegistryImport(
  db: Db,
  audit: AuditCtx,
  input: RegistryImportRequest,
  onProgress?: ImportProgress,
): RegistryImportResult {
  const { parsed } = input;
  const startedAt = audit.now();
  const fileLevel = parsed.errors.some((e) => e.index === -1 && e.id === null);
  const refuse = parsed.errors.length > 0 && (!input.partial || fileLevel);
  if (refuse)
    return logFailure(db, audit, input, startedAt, emptySummary(parsed.total, parsed.errors.length), parsed.errors);

  const resolver = loadResolver(db);
  const committeeOf = loadCommitteeMatcher(db, resolver);
  try {
    return inTransaction(db, (tx) => {
      const summary = emptySummary(parsed.total, parsed.errors.length);
      const outcome = parsed.errors.length ? 'partial' : 'completed';
      const importId = tx
        .insert(registryImports)
        .values({
          source: input.source,
          fileName: input.fileName,
          sha256: input.sha256,
          outcome,
          summaryJson: '{}',
          errorsJson: JSON.stringify(parsed.errors.slice(0, 200)),
          actorUserId: audit.actor?.userId ?? null,
          startedAt,
          finishedAt: startedAt,
        })
        .returning({ id: registryImports.id })
        .get().id;
      const writer = new RecordWriter(tx, resolver, committeeOf, importId, audit.now(), summary);
      parsed.records.forEach((record, i) => {
        writer.write(record);
        if (onProgress && (i % 200 === 199 || i === parsed.records.length - 1))
          onProgress(i + 1, parsed.records.length);
      });
      writer.dropOrphanedQueueItems();
      writer.reportUnplacedConditions();
      tx.update(registryImports)
        .set({ summaryJson: JSON.stringify(summary), finishedAt: audit.now() })
        .where(eq(registryImports.id, importId))
        .run();
      writeAuditEvent(tx, audit, {
        action: 'registry.import',
        entityType: 'registry_import',
        entityId: String(importId),
        after: { source: input.source, fileName: input.fileName, sha256: input.sha256, outcome, summary },
      });
      return { importId, outcome, summary, errors: parsed.errors };
    });
  } catch (e) {
    logFailure(db, audit, input, startedAt, emptySummary(parsed.total, parsed.errors.length), [
      ...parsed.errors,
      { index: -1, id: null, reason: `import failed: ${(e as Error).message}` },
    ]);
    throw e;
  }
}

function logFailure(
  db: Db,
  audit: AuditCtx,
  input: RegistryImportRequest,
  startedAt: number,
  summary: RegistryImportSummary,
  errors: RegistryImportError[],
): RegistryImportResult {
  return inTransaction(db, (tx) => {
    const importId = tx
      .insert(registryImports)
      .values({
        source: input.source,
        fileName: input.fileName,
        sha256: input.sha256,
        outcome: 'failed',
        summaryJson: JSON.stringify(summary),
        errorsJson: JSON.stringify(errors.slice(0, 200)),
        actorUserId: audit.actor?.userId ?? null,
        startedAt,
        finishedAt: audit.now(),
      })
      .returning({ id: registryImports.id })
      .get().id;
    writeAuditEvent(tx, audit, {
      action: 'registry.import',
      entityType: 'registry_import',
      entityId: String(importId),
      after: {
        source: input.source,
        fileName: input.fileName,
        sha256: input.sha256,
        outcome: 'failed',
        errors: errors.length,
      },
    });
    return { importId, outcome: 'failed', summary, errors };
  });
}

const TRIAL_KEYS = [
  'source',
  'registryId',
  'briefTitle',
  'officialTitle',
  'status',
  'statusRaw',
  'phasesJson',
  'phaseRaw',
  'enrolment',
  'leadSponsor',
  'startDate',
  'completionDate',
  'lastUpdateDate',
  'rawHash',
  'importId',
  'updatedAt',
  'createdAt',
] as const;
const SITE_KEYS = [
  'registryTrialId',
  'ordinal',
  'facilityRaw',
  'nameNorm',
  'city',
  'cityKey',
  'province',
  'country',
  'lat',
  'lon',
  'siteStatus',
  'piName',
  'piTitle',
  'hospitalId',
  'resolution',
  'resolutionMethod',
  'resolutionScore',
  'queueId',
] as const;
const CONDITION_KEYS = ['registryTrialId', 'kind', 'term', 'meshId'] as const;
const ETHICS_KEYS = [
  'registryTrialId',
  'ordinal',
  'ecNameRaw',
  'decision',
  'decisionRaw',
  'decisionDate',
  'committeeId',
] as const;

const placeholders = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)]));

/** Prepared once per import: building the SQL per row cost more than running it (pnpm bench). */
function prepareInserts(tx: Tx) {
  return {
    trial: tx
      .insert(registryTrials)
      .values(placeholders(TRIAL_KEYS) as never)
      .returning({ id: registryTrials.id })
      .prepare(),
    site: tx
      .insert(registrySites)
      .values(placeholders(SITE_KEYS) as never)
      .prepare(),
    condition: tx
      .insert(registryTrialConditions)
      .values(placeholders(CONDITION_KEYS) as never)
      .prepare(),
    ethics: tx
      .insert(registryEthicsDecisions)
      .values(placeholders(ETHICS_KEYS) as never)
      .prepare(),
  };
}

type Existing = { id: number; rawHash: string; lastUpdateDate: string | null };

/** Writes records one by one inside the import's transaction, with the queue and the existing records in memory. */
class RecordWriter {
  private readonly existing = new Map<string, Existing>();
  private readonly queue = new Map<string, number>();
  private readonly touchedQueueIds = new Set<number>();
  private readonly insert: ReturnType<typeof prepareInserts>;

  constructor(
    private readonly tx: Tx,
    private readonly resolver: Resolver,
    private readonly committeeOf: (ecName: string) => string | null,
    private readonly importId: number,
    private readonly now: number,
    private readonly summary: RegistryImportSummary,
  ) {
    this.insert = prepareInserts(tx);
    for (const t of tx
      .select({
        id: registryTrials.id,
        registryId: registryTrials.registryId,
        rawHash: registryTrials.rawHash,
        lastUpdateDate: registryTrials.lastUpdateDate,
      })
      .from(registryTrials)
      .all())
      this.existing.set(t.registryId, t);
    for (const q of tx
      .select({
        id: registryReviewQueue.id,
        nameNorm: registryReviewQueue.nameNorm,
        cityKey: registryReviewQueue.cityKey,
      })
      .from(registryReviewQueue)
      .all())
      this.queue.set(`${q.nameNorm}\u0000${q.cityKey}`, q.id);
  }

  /** Condition terms that the vocabulary cannot place (issue 13: "the import reports conditions it could not place"). */
  private readonly unplaced = new Set<string>();

  reportUnplacedConditions() {
    this.summary.unplacedConditions = this.unplaced.size;
    if (this.unplaced.size) this.summary.unplacedConditionTerms = [...this.unplaced].sort().slice(0, 50);
  }

  write(record: RegistryRecord) {
    const old = this.existing.get(record.registryId);
    if (old && (old.rawHash === record.hash || !isNewer(record.lastUpdateDate, old.lastUpdateDate))) {
      this.summary.skipped++;
      return;
    }
    const values = {
      source: record.source,
      registryId: record.registryId,
      briefTitle: record.briefTitle,
      officialTitle: record.officialTitle,
      status: record.status,
      statusRaw: record.statusRaw,
      phasesJson: JSON.stringify(record.phases),
      phaseRaw: record.phaseRaw,
      enrolment: record.enrolment,
      leadSponsor: record.leadSponsor,
      startDate: record.startDate,
      completionDate: record.completionDate,
      lastUpdateDate: record.lastUpdateDate,
      rawHash: record.hash,
      importId: this.importId,
      updatedAt: this.now,
    };
    let trialId: number;
    if (old) {
      trialId = old.id;
      this.tx.update(registryTrials).set(values).where(eq(registryTrials.id, trialId)).run();
      for (const s of this.tx
        .select({ q: registrySites.queueId })
        .from(registrySites)
        .where(eq(registrySites.registryTrialId, trialId))
        .all())
        if (s.q !== null) this.touchedQueueIds.add(s.q);
      this.tx.delete(registryTrialConditions).where(eq(registryTrialConditions.registryTrialId, trialId)).run();
      this.tx.delete(registrySites).where(eq(registrySites.registryTrialId, trialId)).run();
      this.tx.delete(registryEthicsDecisions).where(eq(registryEthicsDecisions.registryTrialId, trialId)).run();
      this.summary.updated++;
    } else {
      trialId = (this.insert.trial.get({ ...values, createdAt: this.now }) as { id: number }).id;
      this.summary.created++;
    }
    this.existing.set(record.registryId, { id: trialId, rawHash: record.hash, lastUpdateDate: record.lastUpdateDate });

    for (const term of record.conditions) if (!resolveCondition(term)) this.unplaced.add(term);
    const conditions = [
      ...record.conditions.map((term) => ({
        registryTrialId: trialId,
        kind: 'condition' as const,
        term,
        meshId: null,
      })),
      ...record.mesh.map((m) => ({ registryTrialId: trialId, kind: 'mesh' as const, term: m.term, meshId: m.id })),
    ];
    for (const c of conditions) this.insert.condition.run(c);

    const sites = record.sites.map((site, ordinal) => {
      const r = this.resolver.resolve({ name: site.facility, city: site.city, country: site.country });
      const row = {
        registryTrialId: trialId,
        ordinal,
        facilityRaw: site.facility,
        nameNorm: r.nameNorm,
        city: site.city,
        cityKey: r.cityKey,
        province: site.province,
        country: site.country,
        lat: site.lat,
        lon: site.lon,
        siteStatus: site.status,
        piName: site.piName,
        piTitle: site.piTitle,
        hospitalId: r.kind === 'resolved' ? r.hospitalId : null,
        resolution: r.kind,
        resolutionMethod: r.kind === 'resolved' ? r.method : null,
        resolutionScore: r.kind === 'resolved' ? r.score : null,
        queueId: r.kind === 'queued' ? this.queueItem(site, r.nameNorm, r.cityKey, r.because, r.candidates) : null,
      };
      this.summary.sites++;
      if (r.kind === 'resolved') this.summary.resolved++;
      else if (r.kind === 'queued') this.summary.queued++;
      else if (r.kind === 'rejected') this.summary.rejected++;
      return row;
    });
    // One prepared statement per row: a multi-row insert built per record spent more in drizzle's query building than
    // SQLite spent inserting (profile of `pnpm bench`'s import, issue 16).
    for (const row of sites) this.insert.site.run(row);

    const ethics = record.ethics.map((e, ordinal) => ({
      registryTrialId: trialId,
      ordinal,
      ecNameRaw: e.ecName,
      decision: e.decision,
      decisionRaw: e.decisionRaw,
      decisionDate: e.date,
      committeeId: this.committeeOf(e.ecName),
    }));
    for (const e of ethics) this.insert.ethics.run(e);
    this.summary.ethicsDecisions += ethics.length;
  }

  private queueItem(
    site: RegistryRecord['sites'][number],
    nameNorm: string,
    cityKey: string,
    because: string,
    candidates: unknown[],
  ): number {
    const key = `${nameNorm}\u0000${cityKey}`;
    const known = this.queue.get(key);
    if (known !== undefined) return known;
    const id = this.tx
      .insert(registryReviewQueue)
      .values({
        nameNorm,
        cityKey,
        rawName: site.facility,
        city: site.city,
        province: site.province,
        country: site.country,
        candidatesJson: JSON.stringify(candidates),
        queuedBecause: because,
        createdAt: this.now,
      })
      .returning({ id: registryReviewQueue.id })
      .get().id;
    this.queue.set(key, id);
    return id;
  }

  /** An open queue item whose every location went away with an updated record has nothing left to review. */
  dropOrphanedQueueItems() {
    if (this.touchedQueueIds.size === 0) return;
    const ids = [...this.touchedQueueIds];
    const stillUsed = new Set(
      this.tx
        .select({ q: registrySites.queueId })
        .from(registrySites)
        .where(inArray(registrySites.queueId, ids))
        .all()
        .map((r) => r.q),
    );
    const orphans = ids.filter((id) => !stillUsed.has(id));
    if (orphans.length)
      this.tx
        .delete(registryReviewQueue)
        .where(and(inArray(registryReviewQueue.id, orphans), eq(registryReviewQueue.status, 'open')))
        .run();
  }
}

/** A later last-update date replaces a record; without dates to compare, the record held stays. */
function isNewer(incoming: string | null, held: string | null): boolean {
  if (!incoming) return false;
  if (!held) return true;
  return incoming > held;
}
