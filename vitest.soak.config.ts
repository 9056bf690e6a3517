import { defineConfig } from 'vitest/config';

/** `pnpm test:soak`: the long-running tests, kept out of `pnpm test`. */
export default defineConfig({
  test: {
    name: 'soak',
    include: ['test/soak/**/*.soak.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
