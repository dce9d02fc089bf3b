import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Names the variable through which the test processes of one run find the folder of its built command. */
export const BUILT_CLI_FOLDER = 'EMAIL_GUARD_TEST_BUILT_CLI_FOLDER';

const root = resolve(__dirname, '../..');

/**
 * Global setup of the test run: one folder, `.tmp/cli-run-<pid>` inside the checkout, for the
 * built command of the whole run. Every test file runs in a process of its own, and building the
 * bundle is seconds of CPU: the first file that needs the command builds it there and the others
 * wait for it (built-cli.ts). The folder is removed at the end of the run.
 */
export default function builtCliFolder(): () => void {
  const saved = process.env[BUILT_CLI_FOLDER];
  const folder = join(root, '.tmp', `cli-run-${process.pid}`);
  // A run that ended without its teardown may have left a folder under the same pid: never its bundle.
  rmSync(folder, { recursive: true, force: true });
  process.env[BUILT_CLI_FOLDER] = folder;
  return () => {
    if (saved === undefined) delete process.env[BUILT_CLI_FOLDER];
    else process.env[BUILT_CLI_FOLDER] = saved;
    rmSync(folder, { recursive: true, force: true });
  };
}
