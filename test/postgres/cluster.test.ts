import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_POSTGRES, OWNER_FILE, startPostgresCluster } from '../../scripts/start-postgres-cluster.js';
import { isAlive } from '../support/is-alive.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

describe('the PostgreSQL cluster of the test run', () => {
  it('answers on its Unix socket, at version 15 or later', async () => {
    expect(process.env.PGHOST).toMatch(/email-guard-pg-/);
    const { rows } = await database.pool.query<{ version: number }>(
      "SELECT current_setting('server_version_num')::integer AS version",
    );
    expect(rows[0]?.version).toBeGreaterThanOrEqual(150000);
  });

  it('says in one line how to install PostgreSQL where initdb cannot be found', () => {
    const error = (() => {
      try {
        startPostgresCluster({ searchPath: '', versionsFolder: '/nonexistent-postgresql' });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message).toBe(INSTALL_POSTGRES);
    expect(INSTALL_POSTGRES).not.toContain('\n');
    expect(INSTALL_POSTGRES).toContain('apt-get install postgresql-15');
  });

  it('stops and removes at start a cluster left by a run that no longer exists, never one in use', () => {
    // A folder of its own, which the postgres user can enter, so other runs' clusters are not involved.
    const parent = mkdtempSync('/tmp/eg-pgt-');
    chmodSync(parent, 0o755);
    try {
      const left = startPostgresCluster({ parent });
      const server = Number(
        readFileSync(join(left.socketFolder, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      expect(isAlive(server)).toBe(true);
      // The run that started it was killed: its owner file names a process that has ended.
      const ended = spawnSync(process.execPath, ['-e', '']).pid;
      writeFileSync(join(left.socketFolder, OWNER_FILE), `${ended}\n`);
      const inUse = join(parent, 'email-guard-pg-in-use');
      mkdirSync(inUse);
      writeFileSync(join(inUse, OWNER_FILE), `${process.pid}\n`);
      const starting = join(parent, 'email-guard-pg-starting');
      mkdirSync(starting);

      const next = startPostgresCluster({ parent });
      try {
        expect(existsSync(left.socketFolder)).toBe(false);
        expect(isAlive(server)).toBe(false);
        expect(existsSync(inUse)).toBe(true);
        expect(existsSync(starting)).toBe(true);
        expect(readFileSync(join(next.socketFolder, OWNER_FILE), 'utf8')).toBe(`${process.pid}\n`);
      } finally {
        next.stop();
        if (existsSync(left.socketFolder)) left.stop();
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 180_000);
});
