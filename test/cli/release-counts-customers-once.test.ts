import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { databaseReleaseArgs, databaseUrl } from '../support/database-release.js';
import { ALL_CUSTOMERS, holdOrderToOtherCustomer, KARINS } from '../support/fewer-customers.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { usePostgres } from '../support/use-postgres.js';

// `holds release --database` asks the release rule (releaseNeeds, enough-customers) and the release
// then refuses on the same rule: the database's customers are counted once for both, one query.
const fixture = usePipelineFixture();
const database = usePostgres();
const SCHEMA = 'counted_once';

beforeAll(async () => {
  await migrate(database.pool, { schema: SCHEMA });
  await createPostgresDirectory({ pool: database.pool, schema: SCHEMA }).upsert([...ALL_CUSTOMERS]);
}, 120_000);

afterEach(() => {
  vi.restoreAllMocks();
});

/** The count queries the directory of SCHEMA sends (its prepared statement `… size`), by any pool. */
function countCountQueries(): { readonly asked: number } {
  const query = vi.spyOn(pg.Pool.prototype, 'query');
  return {
    get asked() {
      return query.mock.calls.filter(([config]) => {
        const name = (config as { name?: unknown } | undefined)?.name;
        return typeof name === 'string' && name.includes(SCHEMA) && name.endsWith(' size');
      }).length;
    },
  };
}

describe('email-guard holds release --database', () => {
  it('counts the customers once, for the rule and the release both', async () => {
    const store = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
    const id = await holdOrderToOtherCustomer(fixture, store);
    const counted = countCountQueries();
    const run = await runCliInProcess(
      databaseReleaseArgs(id, { port: fixture.sink.port, url: databaseUrl(database.name), schema: SCHEMA }, [
        '--to',
        'anna@svenssonbygg.se',
      ]),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['anna@svenssonbygg.se']]);
    expect(counted.asked).toBe(1);
  }, 120_000);

  it('refuses on that one count when the directory has fewer customers than the hold knew', async () => {
    const store = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
    const id = await holdOrderToOtherCustomer(fixture, store);
    await createPostgresDirectory({ pool: database.pool, schema: SCHEMA }).remove('C-3003');
    const counted = countCountQueries();
    const run = await runCliInProcess(
      databaseReleaseArgs(id, { port: fixture.sink.port, url: databaseUrl(database.name), schema: SCHEMA }, [
        '--to',
        KARINS,
        '--confirm-new',
      ]),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('has 2 customers, fewer than the 3 the check that held the message knew');
    expect(counted.asked).toBe(1);
    expect(fixture.sink.received).toEqual([]);
  }, 120_000);
});
