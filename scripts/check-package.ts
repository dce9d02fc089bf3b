/**
 * Checks the package as npm publishes it: packs it into a temporary folder, then lints the tarball
 * with publint and checks its types with @arethetypeswrong/cli (node16 profile). The last step of
 * `npm run build`, which `prepack` runs:
 *   npx tsx scripts/check-package.ts
 * It packs with scripts ignored: `attw --pack` would run `npm pack` with its `prepack`, which builds
 * and checks again, without end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a command from node_modules/.bin or the PATH; returns its output when asked to capture it. */
function run(command: string, args: string[], capture = false): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return result.stdout ?? '';
}

const folder = mkdtempSync(join(tmpdir(), 'email-guard-check-package-'));
try {
  const [packed] = JSON.parse(
    run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], true),
  );
  const tarball = join(folder, packed.filename);
  run('publint', [tarball]);
  run('attw', [tarball, '--profile', 'node16']);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
