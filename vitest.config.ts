import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway PostgreSQL cluster per run (first: it lives in the system's temporary folder);
    // then each run writes into a temporary folder of its own and fails when a test leaves files behind;
    // the command is built once for the run, not once per test file.
    globalSetup: [
      'test/support/postgres-cluster.ts',
      'test/support/isolate-temp-folder.ts',
      'test/support/built-cli-folder.ts',
    ],
    testTimeout: 30_000,
    // Two cores here and in CI: more workers only contend.
    maxWorkers: 2,
  },
});
