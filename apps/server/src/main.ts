import { closeDatabase } from '@ctp/db';
import {
  AuditHeadError,
  AuditHeadKeeper,
  deliverDueWebhooks,
  sweepOrphanParts,
  sweepRemindersInSlices,
  warmSearchReadModel,
} from '@ctp/domain';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { prepareDatabase } from './database.ts';

/** `pnpm start`: migrate, seed the demo on an empty database, serve API and web on one port. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  // The signed audit head beside the database is checked before anything is written (a mismatch stops the start),
  // then kept current after every commit.
  const refuse = (e: unknown): never => {
    if (e instanceof AuditHeadError) {
      console.error(`CTP will not start: ${e.message}`);
      process.exit(2);
    }
    throw e;
  };
  const database = await prepareDatabase(config, { seed: true }).catch(refuse);
  const orphans = sweepOrphanParts({ dir: config.dataDir });
  const app = await buildApp({ config, database, auditHead: config.auditHead });
  let keeper: AuditHeadKeeper | null = null;
  try {
    if (config.auditHead) keeper = AuditHeadKeeper.start(database.db, config.auditHead, { log: app.log });
  } catch (e) {
    closeDatabase(database);
    refuse(e);
  }
  // Time-driven notifications (reply deadlines near, milestones overdue): at start, then every 15 minutes.
  // In slices between requests (a national sweep is seconds of CPU); one sweep at a time.
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const started = Date.now();
      const { created } = await sweepRemindersInSlices(database.db, Date.now());
      app.log.info({ reminders: created, ms: Date.now() - started }, 'reminder sweep done');
    } catch (err) {
      app.log.error({ err }, 'reminder sweep failed');
    } finally {
      sweeping = false;
    }
  };
  if (orphans > 0) app.log.warn({ orphans }, 'removed unfinished uploads (*.part) left by an earlier stop');
  const sweeper = setInterval(() => void sweep(), 15 * 60_000);
  sweeper.unref();
  // Webhook deliveries from the outbox (issue 17): one pass at a time, every few seconds.
  let delivering = false;
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      await deliverDueWebhooks(database.db, { now: Date.now, leaseMs: config.webhookLeaseMs });
    } catch (err) {
      app.log.error({ err }, 'webhook delivery failed');
    } finally {
      delivering = false;
    }
  };
  const deliverer = setInterval(() => void deliver(), config.webhookIntervalMs);
  deliverer.unref();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(deliverer);
    await app.close();
    await keeper?.close();
    closeDatabase(database);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // The address actually bound (PORT=0 picks a free port; tests read it from this line).
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(`CTP is serving ${address} (database ${config.dbPath})`);
  // What a start does not need to answer: after listening, and without holding the event loop (issue 16: cold
  // start). The search read model is read a slice of hospitals at a time, so the first search does not wait for it
  // (seconds at national scale) and /healthz is answered meanwhile; then the first reminder sweep runs.
  const warmUpStarted = Date.now();
  void warmSearchReadModel(database.db, warmUpStarted)
    .then(
      (outcome) => app.log.info({ ms: Date.now() - warmUpStarted, outcome }, 'search read model warmed up'),
      (err) => app.log.error({ err }, 'search read model warm-up failed'),
    )
    .finally(() => setTimeout(() => void sweep(), 1000).unref());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
