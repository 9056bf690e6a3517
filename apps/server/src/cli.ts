import { existsSync, readFileSync, renameSync } from 'node:fs';
import { createUserInput, errorMessage, paramsIn, ROLES, type Role } from '@ctp/contracts';
import { closeDatabase, type DbHandle, openDatabase, organisations } from '@ctp/db';
import {
  AuditHeadError,
  type Ctx,
  completeCalendarYear,
  createUser,
  currentChainHead,
  DomainError,
  exportCalendarYear,
  exportTrialFhir,
  importCalendarFile,
  LoginThrottle,
  listCalendarYears,
  SCALE_NAMES,
  type ScaleName,
  sealAuditHead,
  seedDemo,
  verifyAudit,
} from '@ctp/domain';
import { Command, Option } from 'commander';
import { eq, or } from 'drizzle-orm';
import { ZodError } from 'zod';
import { createBackup } from './backup/create-backup.ts';
import { RestoreError, restoreBackup } from './backup/restore-backup.ts';
import { registerImportCommands } from './cli-import.ts';
import { seedScaleCommand } from './cli-seed-scale.ts';
import { ConfigError, loadConfig } from './config.ts';
import { prepareDatabase } from './database.ts';

/** `pnpm ctp <command>`: operations on the database named by CTP_DB. */
const program = new Command('ctp').description('CTP 临床试验协作平台 — command line').showHelpAfterError();

const open = async (seed = false) => prepareDatabase(loadConfig(), { seed });

program
  .command('migrate')
  .description('apply the migrations in drizzle/ to CTP_DB')
  .action(async () => {
    const db = await open();
    seal(db);
    closeDatabase(db);
    console.log('migrations applied');
  });

program
  .command('seed')
  .description('seed the Nanjing demo, or a national/province-scale database, into an empty database')
  .option('--demo', 'the Nanjing demo (hospitals, committees, commission, sponsors, demo users)')
  .addOption(new Option('--scale <scale>', 'generated data at this scale, into --db (issue 16)').choices(SCALE_NAMES))
  .option('--db <file>', 'with --scale: the database file (default data/<scale>.db); the demo database stays')
  .option('--seed <n>', 'with --scale: the PRNG seed', '16')
  .option('--no-users', 'without the demo users (always the case with NODE_ENV=production)')
  .action(async (opts: { users: boolean; demo?: boolean; scale?: ScaleName; db?: string; seed: string }) => {
    if (opts.scale) return seedScaleCommand(opts.scale, opts.db ?? `data/${opts.scale}.db`, Number(opts.seed));
    if (!opts.demo) throw new CliError('say --demo or --scale national|province');
    const config = loadConfig();
    const db = await open();
    const result = await seedDemo({
      db: db.db,
      ctx: { actor: null, now: Date.now, requestId: 'cli:seed' },
      withUsers: opts.users && config.demoUsers,
      withHistory: true,
    });
    seal(db);
    closeDatabase(db);
    console.log(
      result.seeded
        ? `seeded ${result.hospitals} hospitals and ${result.users} users`
        : 'database not empty: nothing seeded',
    );
  });

program
  .command('user:create')
  .description('create a user with one membership (organisation × role)')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--org <idOrCode>', 'organisation id or code (e.g. jsph, commission, platform)')
  .addOption(new Option('--role <role>').choices(ROLES).makeOptionMandatory())
  .option('--password-file <file>', 'read the password from a file (default: the CTP_NEW_PASSWORD variable)')
  .action(async (opts: { email: string; name: string; org: string; role: Role; passwordFile?: string }) => {
    const password = opts.passwordFile ? readFileSync(opts.passwordFile, 'utf8').trim() : process.env.CTP_NEW_PASSWORD;
    if (!password) throw new CliError('give the password in CTP_NEW_PASSWORD or with --password-file');
    const db = await open();
    try {
      const org = db.db
        .select()
        .from(organisations)
        .where(or(eq(organisations.id, opts.org), eq(organisations.code, opts.org)))
        .get();
      if (!org) throw new CliError(`no organisation with id or code "${opts.org}"`);
      const input = createUserInput.safeParse({
        email: opts.email,
        name: opts.name,
        password,
        memberships: [{ orgId: org.id, role: opts.role }],
      });
      if (!input.success)
        throw new CliError(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      const { id } = await createUser({
        ctx: {
          actor: null,
          isSystem: true,
          db: db.db,
          now: Date.now,
          requestId: 'cli:user:create',
          locale: 'en',
          ip: null,
          userAgent: 'ctp-cli',
          services: { loginThrottle: new LoginThrottle(), session: loadConfig().session },
        },
        input: input.data,
      });
      console.log(`created user ${opts.email} (${id}) as ${opts.role} of ${org.nameZh}`);
      seal(db);
    } finally {
      closeDatabase(db);
    }
  });

const audit = program.command('audit').description('the hash-chained audit log and its signed head');
audit
  .command('verify')
  .description(
    'recompute the whole chain, check it against the signed head file and the autoincrement counter, and each vote ' +
      'row against its audit checksum; exit 1 naming the first break',
  )
  .action(() => {
    const config = loadConfig();
    const db = openExisting(config.dbPath);
    const verdict = verifyAudit(db.db, { head: config.auditHead });
    closeDatabase(db);
    if (verdict.ok) {
      const anchor = verdict.anchor ? `; signed head #${verdict.anchor.id} matches` : '';
      console.log(
        `audit chain intact: ${verdict.count} events, head ${verdict.headHash}${anchor}; ${verdict.votesChecked} votes match their checksums`,
      );
    } else {
      const at = verdict.brokenAt === null ? '' : ` at event #${verdict.brokenAt}`;
      const vote = verdict.voteId ? ` (vote #${verdict.voteId})` : '';
      console.error(`audit chain BROKEN${at} (${verdict.reason})${vote}; ${verdict.count} events walked`);
      process.exitCode = 1;
    }
  });
audit
  .command('anchor')
  .description('verify, then print the newest event (id, hash) as one JSON line to keep OUTSIDE this machine')
  .action(() => {
    const config = loadConfig();
    const db = openExisting(config.dbPath);
    try {
      const verdict = verifyAudit(db.db, { head: config.auditHead });
      if (!verdict.ok) throw new CliError(`refused: the audit record does not verify (${verdict.reason})`);
      const head = currentChainHead(db.db, Date.now());
      console.log(
        JSON.stringify({
          ctpAuditAnchor: 1,
          id: head?.id ?? 0,
          hash: verdict.headHash,
          events: verdict.count,
          at: new Date().toISOString(),
        }),
      );
    } finally {
      closeDatabase(db);
    }
  });
audit
  .command('reseal')
  .description(
    'after an investigation: sign the current end of the chain as the head (the chain must verify); the old head ' +
      'file is kept beside it',
  )
  .action(() => {
    const config = loadConfig();
    if (!config.auditHead) throw new CliError('no head is kept for an in-memory database');
    const db = openExisting(config.dbPath);
    try {
      const verdict = verifyAudit(db.db, { head: null });
      if (!verdict.ok)
        throw new CliError(`refused: the chain itself does not verify (${verdict.reason} at #${verdict.brokenAt})`);
      const { headFile } = config.auditHead;
      if (existsSync(headFile)) renameSync(headFile, `${headFile}.superseded-${Date.now()}`);
      const sealed = sealAuditHead(db.db, config.auditHead);
      if (!sealed.ok) throw new CliError(`refused: ${sealed.reason}`);
      console.log(`audit head resealed at event #${sealed.anchor?.id ?? 0}`);
    } finally {
      closeDatabase(db);
    }
  });

program
  .command('backup <archive>')
  .description(
    'one .tar.gz: the database (SQLite online backup, safe while the server runs), the uploaded documents and ' +
      'letters, and a manifest with the sha256 of each',
  )
  .action(async (archive: string) => {
    const config = loadConfig();
    const db = openExisting(config.dbPath);
    try {
      const { manifest, manifestSha256 } = await createBackup(db, config.dataDir, archive);
      console.log(`backup written to ${archive}: database and ${manifest.files.length} files`);
      console.log(
        `audit chain: ${manifest.audit.count} events, head #${manifest.audit.headId} ${manifest.audit.headHash}`,
      );
      console.log(`manifest sha256 ${manifestSha256} (keep it with the archive's record)`);
      if (manifest.missingFiles.length)
        console.error(
          `warning: ${manifest.missingFiles.length} files the database points at are missing from the store: ${manifest.missingFiles.join(', ')}`,
        );
    } finally {
      closeDatabase(db);
    }
  });

program
  .command('restore <archive>')
  .description('restore a backup archive into an EMPTY data folder, then verify it (hashes, integrity, audit chain)')
  .requiredOption('--data-dir <dir>', 'the empty folder to restore into (gets ctp.sqlite and files/)')
  .action(async (archive: string, opts: { dataDir: string }) => {
    try {
      const r = await restoreBackup(archive, opts.dataDir);
      console.log(
        `restored and verified: ${r.auditCount} audit events, ${r.files} files (backup of ${r.manifest.createdAt})`,
      );
      console.log(`serve it with CTP_DB=${r.dbPath} CTP_DATA_DIR=${r.filesDir}`);
    } catch (e) {
      if (e instanceof RestoreError) throw new CliError(e.message);
      throw e;
    }
  });

/** For commands that only read: the database must exist (better-sqlite3 would create an empty one). */
function openExisting(path: string) {
  if (path !== ':memory:' && !existsSync(path)) throw new CliError(`no database at ${path}`);
  return openDatabase(path);
}

/** After a command's writes: sign the audit head as it now stands. */
function seal(db: DbHandle) {
  const config = loadConfig();
  if (!config.auditHead) return;
  const sealed = sealAuditHead(db.db, config.auditHead);
  if (!sealed.ok) console.error(`warning: the audit head does not match the database (${sealed.reason})`);
}

/** The CLI acts as the platform itself (no session), with English messages. */
function systemCtx(db: Awaited<ReturnType<typeof open>>, requestId: string): Ctx {
  return {
    actor: null,
    isSystem: true,
    db: db.db,
    now: Date.now,
    requestId,
    locale: 'en',
    ip: null,
    userAgent: 'ctp-cli',
    services: { loginThrottle: new LoginThrottle(), session: loadConfig().session },
  };
}

const calendar = program.command('calendar').description('the official working-day calendar (holidays and 调休)');
calendar
  .command('list')
  .description('every year the calendar knows of: source, completeness, holidays and make-up days')
  .action(async () => {
    const db = await open();
    try {
      for (const y of listCalendarYears({ ctx: systemCtx(db, 'cli:calendar:list') }))
        console.log(
          `${y.year}  ${y.source.padEnd(7)}  ${y.complete ? 'complete' : 'PENDING '}  ` +
            `${y.holidays.length} holidays, ${y.makeupDays.length} make-up days`,
        );
    } finally {
      closeDatabase(db);
    }
  });
calendar
  .command('import <file>')
  .description('enter one year from a JSON or CSV file (the format `calendar export` writes)')
  .option('--complete', 'then mark the year complete (its schedule is now known)')
  .action(async (file: string, opts: { complete?: boolean }) => {
    const db = await open();
    try {
      const ctx = systemCtx(db, 'cli:calendar:import');
      const result = importCalendarFile({ ctx, input: { fileName: file, content: readFileSync(file, 'utf8') } });
      console.log(
        `${result.year}: ${result.imported} days entered (${result.holidays.length} holidays, ` +
          `${result.makeupDays.length} make-up days), ${result.movedDueDates} due dates moved`,
      );
      if (opts.complete) {
        const done = completeCalendarYear({ ctx, input: { year: result.year } });
        console.log(`${done.year} marked complete; ${done.movedDueDates} due dates moved`);
      }
    } finally {
      seal(db);
      closeDatabase(db);
    }
  });
calendar
  .command('export <year>')
  .description('print one year as JSON or CSV (the format `calendar import` reads)')
  .addOption(new Option('--format <format>').choices(['json', 'csv']).default('json'))
  .action(async (year: string, opts: { format: 'json' | 'csv' }) => {
    const db = await open();
    try {
      const file = exportCalendarYear({
        ctx: systemCtx(db, 'cli:calendar:export'),
        input: { year: Number(year), format: opts.format },
      });
      process.stdout.write(file.content);
    } finally {
      closeDatabase(db);
    }
  });

registerImportCommands(program);

const exporter = program.command('export').description('records in open formats for other systems');
exporter
  .command('fhir')
  .description('a trial as a FHIR R4 Bundle (JSON): a platform trial by id, or a registry trial by NCT/CTR number')
  .requiredOption('--trial <id>', 'platform trial id, NCT number or CTR number')
  .action(async (opts: { trial: string }) => {
    const db = await open();
    try {
      const bundle = exportTrialFhir({ ctx: systemCtx(db, 'cli:export:fhir'), input: { id: opts.trial } });
      process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
    } finally {
      closeDatabase(db);
    }
  });

class CliError extends Error {}

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CliError || e instanceof ConfigError || e instanceof AuditHeadError) console.error(e.message);
  else if (e instanceof DomainError)
    console.error(`refused: ${e.code} ${e.detail}: ${errorMessage('en', e.detail, paramsIn('en', e.params))}`);
  else if (e instanceof ZodError)
    console.error(`refused: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  else console.error(e);
  process.exitCode = 2;
});
