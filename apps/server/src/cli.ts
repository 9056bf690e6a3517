import { readFileSync } from 'node:fs';
import { createUserInput, ROLES, type Role } from '@ctp/contracts';
import { backupDatabase, closeDatabase, organisations } from '@ctp/db';
import { createUser, DomainError, LoginThrottle, seedDemo, verifyAuditChain } from '@ctp/domain';
import { Command, Option } from 'commander';
import { eq, or } from 'drizzle-orm';
import { registerImportCommands } from './cli-import.ts';
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
    closeDatabase(db);
    console.log('migrations applied');
  });

program
  .command('seed')
  .description('seed the Nanjing demo into an empty database')
  .requiredOption('--demo', 'the Nanjing demo (hospitals, committees, commission, sponsors, demo users)')
  .option('--no-users', 'without the demo users (always the case with NODE_ENV=production)')
  .action(async (opts: { users: boolean }) => {
    const config = loadConfig();
    const db = await open();
    const result = await seedDemo({
      db: db.db,
      ctx: { actor: null, now: Date.now, requestId: 'cli:seed' },
      withUsers: opts.users && config.demoUsers,
      withHistory: true,
    });
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
    } finally {
      closeDatabase(db);
    }
  });

const audit = program.command('audit').description('the hash-chained audit log');
audit
  .command('verify')
  .description('recompute the whole chain; exit 1 naming the first broken event')
  .action(async () => {
    const db = await open();
    const verdict = verifyAuditChain(db.db);
    closeDatabase(db);
    if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.count} events, head ${verdict.headHash}`);
    } else {
      console.error(
        `audit chain BROKEN at event #${verdict.brokenAt} (${verdict.reason}); ${verdict.count - 1} events before it verify`,
      );
      process.exitCode = 1;
    }
  });

program
  .command('backup <file>')
  .description('copy the database to <file> with the SQLite online backup (safe while the server runs)')
  .action(async (file: string) => {
    const db = await open();
    const { totalPages } = await backupDatabase(db, file);
    closeDatabase(db);
    console.log(`backup written to ${file} (${totalPages} pages)`);
  });

registerImportCommands(program);

class CliError extends Error {}

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CliError || e instanceof ConfigError) console.error(e.message);
  else if (e instanceof DomainError) console.error(`refused: ${e.code} ${e.detail}`);
  else console.error(e);
  process.exitCode = 2;
});
