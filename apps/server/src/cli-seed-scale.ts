import { existsSync, statSync } from 'node:fs';
import { checkDataInvariants, closeDatabase } from '@ctp/db';
import { type ScaleName, scalePlan, sealAuditHead, seedScale } from '@ctp/domain';
import { loadConfig } from './config.ts';
import { prepareDatabase } from './database.ts';

/** A one-line progress bar on stderr: `[#######.............]  35% trials and reviews  41 s`. */
function progressBar(started: number) {
  let last = '';
  return (phase: string, fraction: number) => {
    const width = 30;
    const filled = Math.round(fraction * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${phase.padEnd(20)} ${((Date.now() - started) / 1000).toFixed(0)} s`;
    if (line === last) return;
    last = line;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}

/**
 * `ctp seed --scale national|province [--db file]`: generates into its own database file (the demo's stays), checks
 * the invariants, seals the audit head and prints the counts, the time and the size on disk.
 */
export async function seedScaleCommand(scale: ScaleName, dbFile: string, seed: number): Promise<void> {
  process.env.CTP_DB = dbFile;
  const config = loadConfig();
  if (existsSync(config.dbPath) && statSync(config.dbPath).size > 0)
    throw new Error(`${config.dbPath} exists: the scale seed writes a new database (delete it first)`);
  const started = Date.now();
  const handle = await prepareDatabase(config, { seed: false });
  try {
    // A new file that is thrown away if the generation stops half-way: no write-ahead log (every page would be
    // written twice, to the log and back into the file), no fsync, a large page cache. Back to WAL after.
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    handle.sqlite.pragma('journal_mode = MEMORY');
    handle.sqlite.pragma('synchronous = OFF');
    handle.sqlite.pragma('cache_size = -262144');
    const result = await seedScale({ handle, plan: scalePlan(scale, undefined, seed), progress: progressBar(started) });
    if (process.stderr.isTTY) process.stderr.write('\n');
    handle.sqlite.pragma('journal_mode = WAL');
    handle.sqlite.pragma('synchronous = NORMAL');
    const problems = checkDataInvariants(handle);
    if (config.auditHead) sealAuditHead(handle.db, config.auditHead);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `${scale}: ${result.hospitals} hospitals, ${result.specialties} specialties, ${result.investigators} investigators, ` +
        `${result.trials} trials, ${result.sites} trial sites, ${result.submissions} submissions, ${result.meetings} meetings, ` +
        `${result.recognitions} recognitions, ${result.enrolmentRows} enrolment months, ${result.registryTrials} registry trials`,
    );
    console.log(
      `database ${config.dbPath}: ${(statSync(config.dbPath).size / 1e6).toFixed(0)} MB, generated in ${seconds.toFixed(1)} s`,
    );
    console.log(
      problems.length
        ? `INVARIANTS BROKEN:\n  ${problems.join('\n  ')}`
        : 'invariants hold (foreign keys, site and review timelines, recognition, enrolment, search index)',
    );
    if (problems.length) process.exitCode = 1;
  } finally {
    closeDatabase(handle);
  }
}
