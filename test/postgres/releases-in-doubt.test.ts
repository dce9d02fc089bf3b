import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  createPostgresAuditLog,
  findPostgresReleasesInDoubt,
  findPostgresReleasesUnderWay,
} from '../../src/postgres/create-postgres-audit-log.js';
import { LATEST_VERSION, migrate, migrateTo } from '../../src/postgres/migrate.js';
import { RELEASE_LOCK_NAMESPACE } from '../../src/postgres/with-release-lock.js';
import { releaseStarted } from '../support/hold-message.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

const line = (holdId: string, outcome: 'released' | 'discarded' | 'held') => ({
  ...releaseStarted(holdId),
  outcome,
});

/**
 * A pool whose `query` also asks the server how many 8 kB pages the statement touched (EXPLAIN
 * ANALYZE, BUFFERS: PostgreSQL manual, "EXPLAIN"): the query's work is done by the server, which
 * a timing of this process would not see, and a page count is the same on a busy machine.
 */
function countingPages(pool: pg.Pool): { pool: pg.Pool; pages: number[] } {
  const pages: number[] = [];
  const counting = new Proxy(pool, {
    get(target, property) {
      if (property === 'query') {
        return async (text: string, values?: unknown[]) => {
          const { rows } = await target.query<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>(
            `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`,
            values,
          );
          const plan = rows[0]?.['QUERY PLAN'][0].Plan ?? {};
          pages.push((plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0));
          return target.query(text, values);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { pool: counting, pages };
}

/** A log of `settled` releases that ended (a start and a `released` each) and three still open. */
async function logWithSettledReleases(schema: string, settled: number): Promise<void> {
  await migrate(database.pool, { schema });
  // The lines as the library writes them (JSON.stringify: no spaces); the hash chain is not what is measured.
  await database.pool.query(
    `INSERT INTO ${schema}.audit_log (seq, entry, previous_hash, hash)
     SELECT g, format('{"at":"2026-01-01T00:00:00.000Z","mode":"enforce","outcome":"%s","action":"block","recipients":[],"holdId":"H-%s"}',
                      CASE WHEN g % 2 = 1 THEN 'release-started' ELSE 'released' END, (g + 1) / 2), '', ''
     FROM generate_series(1, $1::integer) g`,
    [settled * 2],
  );
  const log = createPostgresAuditLog({ pool: database.pool, schema });
  for (const open of ['open-1', 'open-2', 'open-3']) await log.record(releaseStarted(open));
  // As autovacuum does after many changes (PostgreSQL manual 25.1): the index entries of the starts
  // the ends replaced are removed, and the planner knows the open ones are few.
  await database.pool.query(`VACUUM ANALYZE ${schema}.last_release_line`);
}

describe('findPostgresReleasesInDoubt', () => {
  it('reads no more of the database for four times as many settled releases', async () => {
    await logWithSettledReleases('settled_small', 2_000);
    await logWithSettledReleases('settled_large', 8_000);
    const small = countingPages(database.pool);
    const large = countingPages(database.pool);
    expect([...(await findPostgresReleasesInDoubt(small.pool, { schema: 'settled_small' }))]).toEqual([
      'open-1',
      'open-2',
      'open-3',
    ]);
    expect(await findPostgresReleasesInDoubt(large.pool, { schema: 'settled_large' })).toEqual(
      new Set(['open-1', 'open-2', 'open-3']),
    );
    // One more level of index at most; the whole log of 16,000 rows is some 300 pages.
    expect(
      large.pages[0],
      `pages read: ${small.pages[0]} for 2,000, ${large.pages[0]} for 8,000`,
    ).toBeLessThan((small.pages[0] ?? 0) + 3);
  });

  it("finds the releases in doubt of a log written before the schema's version 9, and follows it after", async () => {
    await migrateTo(database.pool, '"before_nine"', 8);
    const log = createPostgresAuditLog({ pool: database.pool, schema: 'before_nine' });
    await log.record(line('held-only', 'held'));
    await log.record(releaseStarted('sent'));
    await log.record(line('sent', 'released'));
    await log.record(releaseStarted('discarded'));
    await log.record(line('discarded', 'discarded'));
    await log.record(releaseStarted('open'));
    expect(await migrate(database.pool, { schema: 'before_nine' })).toEqual({ from: 8, to: LATEST_VERSION });
    expect(await findPostgresReleasesInDoubt(database.pool, { schema: 'before_nine' })).toEqual(
      new Set(['open']),
    );
    expect(await log.lastReleaseOutcomes?.(['sent', 'discarded', 'open', 'held-only', 'unknown'])).toEqual(
      new Map([
        ['sent', 'released'],
        ['discarded', 'discarded'],
        ['open', 'release-started'],
      ]),
    );

    await log.record(line('open', 'released'));
    await log.record(releaseStarted('sent'));
    expect(await findPostgresReleasesInDoubt(database.pool, { schema: 'before_nine' })).toEqual(
      new Set(['sent']),
    );
  });

  it('tells a release under way (its session holds the release lock) from one in doubt (none does)', async () => {
    await migrate(database.pool, { schema: 'under_way' });
    const log = createPostgresAuditLog({ pool: database.pool, schema: 'under_way' });
    for (const id of ['sending-now', 'stopped']) await log.record(releaseStarted(id));
    // What a release holds while it sends (withReleaseLock), from a session of another pool.
    const releaser = await database.newPool({ max: 1 }).connect();
    try {
      await releaser.query('SELECT pg_advisory_lock($1, hashtext($2))', [
        RELEASE_LOCK_NAMESPACE,
        '"under_way".sending-now',
      ]);
      const { rows } = await releaser.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(await findPostgresReleasesInDoubt(database.pool, { schema: 'under_way' })).toEqual(
        new Set(['stopped']),
      );
      expect(await findPostgresReleasesUnderWay(database.pool, { schema: 'under_way' })).toEqual(
        new Map([['sending-now', { pid: rows[0]?.pid }]]),
      );
    } finally {
      releaser.release(true);
    }
    // The session ended without an end line: the release stopped, and is in doubt now.
    for (let tries = 0; tries < 100; tries++) {
      if ((await findPostgresReleasesUnderWay(database.pool, { schema: 'under_way' })).size === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await findPostgresReleasesInDoubt(database.pool, { schema: 'under_way' })).toEqual(
      new Set(['sending-now', 'stopped']),
    );
  });
});
