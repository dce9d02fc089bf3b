import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pidIn } from '../../scripts/start-postgres-cluster.js';
import { isAlive } from '../support/is-alive.js';

/**
 * Starts the run's PostgreSQL setup in a child, sends it `signal` once the cluster is up, and
 * answers the cluster's folder, its server's process id and how the child ended.
 */
async function killSetup(
  signal: 'SIGINT' | 'SIGTERM',
  args: string[],
): Promise<{ folder: string; server: number | undefined; ended: string | number | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, '../support/postgres-setup-until-killed.ts'), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ended = new Promise<string | number | null>((resolveEnded) =>
    child.on('exit', (code, endedBy) => resolveEnded(endedBy ?? code)),
  );
  let printed = '';
  const folder = await new Promise<string>((resolveFolder, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('\n')) resolveFolder(printed.slice(0, printed.indexOf('\n')));
    });
    child.on('error', reject);
    void ended.then(() => reject(new Error(`the setup ended before its cluster was up: ${printed}`)));
  });
  const server = pidIn(join(folder, 'data', 'postmaster.pid'));
  child.kill(signal);
  return { folder, server, ended: await ended };
}

/** What a failing case leaves: its server is stopped at once (SIGQUIT, PostgreSQL's immediate shutdown) and its folder removed. */
function removeLeftBehind(folder: string, server: number | undefined): void {
  if (server !== undefined && isAlive(server)) process.kill(server, 'SIGQUIT');
  rmSync(folder, { recursive: true, force: true });
}

describe('a test run stopped by a signal', () => {
  it.each([
    ['SIGTERM', 'alone', []],
    ['SIGINT', "beside the runner's own listener", ['--runner']],
  ] as const)(
    'stops its PostgreSQL cluster on %s, %s, and still ends',
    async (signal, _where, args) => {
      const { folder, server, ended } = await killSetup(signal, [...args]);
      try {
        expect(server).toBeDefined();
        expect(server !== undefined && isAlive(server)).toBe(false);
        expect(existsSync(folder)).toBe(false);
        // Alone, the process ends as the signal ends it; beside the runner, as the runner ends it.
        expect(ended).toBe(args.length === 0 ? signal : 130);
      } finally {
        removeLeftBehind(folder, server);
      }
    },
    180_000,
  );
});
