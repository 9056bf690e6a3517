import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/**/src/**/*.test.ts',
            'apps/**/src/**/*.test.ts',
            'test/structure/**/*.test.ts',
            'test/helpers/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'packages/**/src/**/*.int.test.ts',
            'apps/**/src/**/*.int.test.ts',
            'test/http/**/*.test.ts',
            'test/flows/**/*.test.ts',
            'test/faults/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          // One seeded demo per run, shared by every file (test/helpers/seed-templates.ts).
          globalSetup: ['test/helpers/seed-templates.ts'],
          // A worker keeps the modules it loaded from one file to the next: every file imports the whole server, and
          // loading it afresh per file cost more than a third of the project's time (import 62 s of 232 s, against
          // 6 s of 140 s). Safe because module state is caches keyed by database handle or pure functions of their
          // input (no file mocks modules or stubs globals; a structure test keeps it so).
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/build-web.ts', 'test/helpers/seed-templates.ts'],
          // As for `integration`: the server's modules load once per run, not once per file, and so does the
          // worker's Chromium (test/helpers/browser.ts `sharedBrowser`).
          isolate: false,
          // One browser file at a time (each runs a server; two at a time made the walks several times slower);
          // inside a file, `it.concurrent` tests (the English walk's roles, the sign-in accounts) run three at a time
          // on the machine's two cores.
          fileParallelism: false,
          maxConcurrency: 3,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
