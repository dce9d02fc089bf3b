import { defineConfig } from 'vitest/config';

// Test files of pure functions: no server, database, browser or command, no module state they change.
// They share their worker's modules (isolate: false), so the sources, zod and libphonenumber-js load
// once per worker instead of once per file: most of what a file of these costs is that loading.
// Vitest's own guide, "Per-File Isolation Settings" (guide/recipes/disable-isolation).
const sharingModules = [
  'test/address/**/*.test.ts',
  'test/contacts/**/*.test.ts',
  'test/guard/**/*.test.ts',
  'test/incident/**/*.test.ts',
  'test/matching/**/*.test.ts',
  'test/mime/**/*.test.ts',
  'test/phone/**/*.test.ts',
  'test/spelling/**/*.test.ts',
];
const testTimeout = 30_000;

export default defineConfig({
  test: {
    // One throwaway PostgreSQL cluster per run (first: it lives in the system's temporary folder);
    // then each run writes into a temporary folder of its own and fails when a test leaves files behind;
    // the command is built once for the run, not once per test file. Set here and not in the projects,
    // which would each run them again.
    globalSetup: [
      'test/support/postgres-cluster.ts',
      'test/support/isolate-temp-folder.ts',
      'test/support/built-cli-folder.ts',
    ],
    // Two cores here and in CI: more workers only contend.
    maxWorkers: 2,
    projects: [
      { test: { name: 'shared', include: sharingModules, isolate: false, testTimeout } },
      { test: { name: 'isolated', include: ['test/**/*.test.ts'], exclude: sharingModules, testTimeout } },
    ],
  },
});
