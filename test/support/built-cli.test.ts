import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtOnceInto } from './built-cli.js';
import { useTempDir } from './use-temp-dir.js';

const dir = useTempDir();

/** The run's folder as another test process left it, the files it wrote in it named. */
function folderOfAnotherProcess(files: Record<string, string>): string {
  const folder = join(dir.path, 'cli-run');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

describe('the command built once for a test run', () => {
  it('waits while another test process builds it, and takes its bundle once that is marked whole', async () => {
    const folder = folderOfAnotherProcess({ 'builder-pid': String(process.pid) });
    let settled = false;
    const built = builtOnceInto(folder).finally(() => {
      settled = true;
    });
    // Several of its polls: without the mark it has nothing to take.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    writeFileSync(join(folder, 'built'), '');
    expect(await built).toBe(join(folder, 'bundle', 'cli.js'));
  });

  it("fails with the build's own error when the build failed in the other process", async () => {
    const folder = folderOfAnotherProcess({
      'builder-pid': String(process.pid),
      'build-failed': 'Error: [UNRESOLVED_IMPORT] Could not resolve ./missing.js in src/cli/main.ts',
    });
    await expect(builtOnceInto(folder)).rejects.toThrow(
      /^the build of the command failed:\nError: \[UNRESOLVED_IMPORT\] Could not resolve \.\/missing\.js/,
    );
  });

  it('fails, naming it, when the process building it ended before the bundle was whole', async () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    const folder = folderOfAnotherProcess({ 'builder-pid': String(ended) });
    await expect(builtOnceInto(folder)).rejects.toThrow(
      `the test process that built the command (pid ${ended}) ended before the build was done`,
    );
  });
});
