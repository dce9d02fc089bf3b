import { defineConfig } from 'vitest/config';

// Test files that leave nothing process-wide behind (no mocks, environment variables or process
// listeners): the pure functions, and the HTTP service, pipeline and verification tests, whose servers
// and stores are made per test. The state their sources keep in modules (release tokens, verification
// marks, the audit log's writer per file) is keyed by random ids or by per-test temporary paths, so
// one file's tests cannot see another's. They share their
// worker's modules (isolate: false), so the sources, zod, libphonenumber-js and fastify load once per
// worker instead of once per file: most of what a file of the pure functions costs is that loading.
// Vitest's own guide, "Per-File Isolation Settings" (guide/recipes/disable-isolation).
const sharingModules = [
  'test/address/**/*.test.ts',
  'test/contacts/**/*.test.ts',
  'test/guard/**/*.test.ts',
  'test/incident/**/*.test.ts',
  'test/matching/**/*.test.ts',
  'test/mime/**/*.test.ts',
  'test/phone/**/*.test.ts',
  'test/pipeline/**/*.test.ts',
  'test/serve/**/*.test.ts',
  'test/spelling/**/*.test.ts',
  'test/verification/**/*.test.ts',
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
