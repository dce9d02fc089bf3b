import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

describe('the benchmark of the HTTP service', () => {
  it('is a section of npm run bench that --only names', () => {
    // An unknown section stops the run before anything is measured, listing the sections there are.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--only', 'none'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /sections out of recipient, pipeline, directory, postgres, cli, serve, verification;/,
    );
  });
});
