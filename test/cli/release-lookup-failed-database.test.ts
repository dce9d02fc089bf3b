import { beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { databaseReleaseArgs, databaseUrl } from '../support/database-release.js';
import { holdMessage } from '../support/hold-message.js';
import { customers, memoryAuditLog, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';

// `holds release --database` of a message held only because its customer could not be looked up
// (`lookup-failed`): checked as held against the database's directory, which has the customer now.
const fixture = usePipelineFixture();
const database = usePostgres();
const SCHEMA = 'lookup_shop';
// A customer the guard that held the message could not find: every recipient is held `lookup-failed`.
const NEW_CUSTOMER = { id: 'K-9999', name: 'Karin Berg', emails: ['karin.berg@example.se'] };

const url = () => databaseUrl(database.name);

beforeAll(async () => {
  await builtCli();
  await migrate(database.pool, { schema: SCHEMA });
  await createPostgresDirectory({ pool: database.pool, schema: SCHEMA }).upsert([
    ...Object.values(customers),
    NEW_CUSTOMER,
  ]);
}, 120_000);

/** Holds an order for K-9999 to `to` in the database, then releases it as held (`more` added). */
async function releaseHeld(to: string, more: readonly string[] = []) {
  const holdStore = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
  const id = await holdMessage({ ...fixture, holdStore, audit: memoryAuditLog() }, to, {
    customerId: 'K-9999',
  });
  expect((await holdStore.get(id))?.recipients[0]?.verdict.findings.map(({ code }) => code)).toContain(
    'lookup-failed',
  );
  const run = await runBuiltCli(
    databaseReleaseArgs(id, { port: fixture.sink.port, url: url(), schema: SCHEMA }, more),
    { cwd: fixture.dir },
  );
  return { id, run };
}

describe('email-guard holds release --database of a message held because its customer could not be looked up', () => {
  it('is sent as it was held once the check against the database finds the address is the customer’s', async () => {
    const { run } = await releaseHeld('karin.berg@example.se');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['karin.berg@example.se']]);
  }, 120_000);

  it('stays held when the check against the database stops the address, asking for --to', async () => {
    const { id, run } = await releaseHeld('karin.berg@exampel.se');
    expect(run.stderr).toContain(`${id} stays held: karin.berg@exampel.se is blocked: `);
    expect(run.stderr).toContain(
      '; it was held only because the customer K-9999 could not be looked up, and checked now against K-9999 the recipient is blocked: give the corrected recipients with --to\n',
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.status).toBe(1);
    expect(fixture.sink.received).toEqual([]);
    const corrected = await runBuiltCli(
      databaseReleaseArgs(id, { port: fixture.sink.port, url: url(), schema: SCHEMA }, [
        '--to',
        'karin.berg@example.se',
      ]),
      { cwd: fixture.dir },
    );
    expect(corrected.stderr).toBe('');
    expect(corrected.status).toBe(0);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['karin.berg@example.se']]);
  }, 120_000);
});
