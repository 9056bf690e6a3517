import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RegistryImportSummary } from '@ctp/contracts';
import {
  type Ctx,
  importRegistry,
  LoginThrottle,
  parseCtgovStudies,
  prepareRegistryImport,
  type RegistryImportRequest,
  type RegistryImportResult,
  sealAuditHead,
} from '@ctp/domain';
import type { Command } from 'commander';
import { loadConfig } from './config.ts';
import { prepareDatabase } from './database.ts';
import { fetchCtgovStudies } from './registry-api.ts';

/** A text progress bar on stderr (stdout keeps the summary for scripts). */
function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let last = -1;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${done}/${total}`;
    if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total) process.stderr.write(`${line}\n`);
  };
}

export const formatSummary = (s: RegistryImportSummary) =>
  `studies ${s.studies}, created ${s.created}, updated ${s.updated}, skipped ${s.skipped}, malformed ${s.malformed}; ` +
  `sites ${s.sites}: resolved ${s.resolved}, queued ${s.queued}, rejected ${s.rejected}; ethics decisions ${s.ethicsDecisions}`;

function report(result: RegistryImportResult, label: string): boolean {
  console.log(`${label}: ${result.outcome} (import #${result.importId}) — ${formatSummary(result.summary)}`);
  for (const e of result.errors.slice(0, 50))
    console.log(`  malformed${e.index >= 0 ? ` [${e.index}]` : ''}${e.id ? ` ${e.id}` : ''}: ${e.reason}`);
  if (result.errors.length > 50) console.log(`  … and ${result.errors.length - 50} more`);
  const unplaced = result.summary.unplacedConditionTerms ?? [];
  if (unplaced.length)
    console.log(
      `  conditions the vocabulary could not place: ${result.summary.unplacedConditions} (${unplaced.join('; ')}${result.summary.unplacedConditions > unplaced.length ? '; …' : ''})`,
    );
  return result.outcome !== 'failed';
}

async function runImports(requests: (() => Promise<RegistryImportRequest>)[]) {
  const config = loadConfig();
  const handle = await prepareDatabase(config, { seed: false });
  const ctx: Ctx = {
    actor: null,
    isSystem: true,
    db: handle.db,
    now: Date.now,
    requestId: 'cli:import',
    locale: 'en',
    ip: null,
    userAgent: 'ctp-cli',
    services: { loginThrottle: new LoginThrottle(), session: config.session },
  };
  let ok = true;
  try {
    for (const next of requests) {
      const request = await next();
      const started = performance.now();
      const result = importRegistry({ ctx, input: request, onProgress: progressBar(request.fileName) });
      ok = report(result, request.fileName) && ok;
      const seconds = (performance.now() - started) / 1000;
      if (result.outcome !== 'failed')
        console.log(`  ${Math.round(result.summary.studies / Math.max(seconds, 0.001))} studies/s`);
    }
  } finally {
    // The import's audit rows move the chain's end: sign the head beside the database as it now stands.
    if (config.auditHead) {
      const sealed = sealAuditHead(handle.db, config.auditHead);
      if (!sealed.ok) console.error(`warning: the audit head does not match the database (${sealed.reason})`);
    }
    handle.sqlite.close();
  }
  if (!ok) process.exitCode = 1;
}

/** `ctp import ctgov <file…>` / `--api <base> --query <q>` and `ctp import ctr <folder>` (issue 13). */
export function registerImportCommands(program: Command) {
  const group = program.command('import').description('import public registry records (never workflow records)');
  group
    .command('ctgov [files...]')
    .description('ClinicalTrials.gov API v2 study JSON: files (an array of studies or {studies:[…]}) or --api')
    .option('--api <base-url>', 'page through the API v2, e.g. https://clinicaltrials.gov/api/v2')
    .option('--query <terms>', 'query.term for --api')
    .option('--partial', 'keep the readable records of a file with malformed ones', false)
    .action(async (files: string[], opts: { api?: string; query?: string; partial: boolean }) => {
      if (opts.api) {
        if (!opts.query) throw new Error('--api needs --query');
        const { api, query } = opts as { api: string; query: string };
        await runImports([
          async () => {
            const fetched = await fetchCtgovStudies(api, query, {
              onPage: (page, n) => process.stderr.write(`page ${page}: ${n} studies\n`),
            });
            return {
              source: 'ctgov',
              fileName: `${api} query.term=${query}`,
              sha256: fetched.sha256,
              parsed: parseCtgovStudies(fetched.studies),
              partial: opts.partial,
            };
          },
        ]);
        return;
      }
      if (!files.length) throw new Error('give one or more JSON files, or --api and --query');
      await runImports(
        files.map(
          (file) => async () =>
            prepareRegistryImport('ctgov', [{ name: file, bytes: readFileSync(file) }], { partial: opts.partial }),
        ),
      );
    });
  group
    .command('ctr <folder>')
    .description('CTR records: a folder of header-less CSV files (trial_info.csv, trial_site_info.csv, …)')
    .option('--partial', 'keep the readable trials when some rows are malformed', false)
    .action(async (folder: string, opts: { partial: boolean }) => {
      if (!statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
      const files = readdirSync(folder)
        .filter((f) => f.endsWith('.csv'))
        .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
      await runImports([
        async () => prepareRegistryImport('ctr', files, { label: basename(folder), partial: opts.partial }),
      ]);
    });
}
