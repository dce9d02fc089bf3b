import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Caches that tools keep in the temporary folder on purpose (tsx keeps its transform cache in
// `tsx-<uid>`); anything else left there was written by a test that did not clean up.
const toolCaches = /^tsx-\d+$/;
// What the test run itself writes into the working folder (the README's and the guides' examples and the reports in
// .tmp, a coverage report).
const expectedInWorkingFolder = new Set(['.tmp', 'coverage']);

/**
 * Global setup of the test run: every test process gets a temporary folder of its own (TMPDIR, and
 * TMP/TEMP on Windows), so what the tests leave behind is seen, reported and removed rather than
 * piling up in the system's temporary folder. The same for the working folder: a test that writes
 * there (a default file name, a relative path) is reported. Either fails the run.
 */
export default function isolateTempFolder(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'email-guard-test-run-'));
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = folder;
  process.env.TMP = folder;
  process.env.TEMP = folder;
  const workingFolder = resolve(process.cwd());
  const before = new Set(readdirSync(workingFolder));

  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const leftInTemp = readdirSync(folder).filter((name) => !toolCaches.test(name));
    rmSync(folder, { recursive: true, force: true });
    const leftInWorkingFolder = readdirSync(workingFolder).filter(
      (name) => !before.has(name) && !expectedInWorkingFolder.has(name),
    );
    const problems = [
      ...leftInTemp.map((name) => `the temporary folder: ${name}`),
      ...leftInWorkingFolder.map((name) => `the working folder: ${join(workingFolder, name)}`),
    ];
    if (problems.length > 0) {
      console.error(
        `Tests left files behind (a test must remove what it writes):\n  ${problems.join('\n  ')}`,
      );
      process.exitCode = 1;
    }
  };
}
