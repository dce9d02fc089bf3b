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
  // The command's tests that run it as a child process only, or call a part of it that keeps no
  // state (no process listeners, no files written atomically): what they leave ends with the file.
  'test/cli/audit-customer-fields.test.ts',
  'test/cli/audit-customer-named.test.ts',
  'test/cli/audit-not-clean.test.ts',
  'test/cli/audit-trial.test.ts',
  'test/cli/build-report.test.ts',
  'test/cli/check-quoted-local-part.test.ts',
  'test/cli/check.test.ts',
  'test/cli/command-line-advice.test.ts',
  'test/cli/create-progress.test.ts',
  'test/cli/finding-names.test.ts',
  'test/cli/hold-key-variable.test.ts',
  'test/cli/incident-facts-fields.test.ts',
  'test/cli/incident-hostile-subject.test.ts',
  'test/cli/incident-notes.test.ts',
  'test/cli/incident-notice-without-measures.test.ts',
  'test/cli/incident-one-message.test.ts',
  'test/cli/incident-sms.test.ts',
  'test/cli/incident.test.ts',
  'test/cli/latest-resent-fields.test.ts',
  'test/cli/personnummer-birth-date.test.ts',
  'test/cli/plain-warnings.test.ts',
  'test/cli/read-accepted-pairs-growth.test.ts',
  'test/cli/read-sent-mail-growth.test.ts',
  'test/cli/recipient-addresses.test.ts',
  'test/cli/release-fewer-customers-database.test.ts',
  'test/cli/release-lookup-failed-database.test.ts',
  'test/cli/release-lookup-failed.test.ts',
  'test/cli/release-serve-and-command.test.ts',
  'test/cli/remembered-customers.test.ts',
  'test/cli/resent-and-shared.test.ts',
  'test/cli/serve-verified-addresses.test.ts',
  'test/cli/start-up.test.ts',
  'test/cli/stored-lookalikes.test.ts',
  'test/cli/swedish-quotes.test.ts',
  'test/cli/trial-13u.test.ts',
  'test/cli/unwritable-report.test.ts',
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
