import { beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { databaseReleaseArgs, databaseUrl } from '../support/database-release.js';
import { holdOrderToOtherCustomer, KARINS } from '../support/fewer-customers.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';

// `holds release --database` against a database directory that lacks customers the check that held
// the message knew: before, the PostgreSQL store kept no count and the command could not compare.
const fixture = usePipelineFixture();
const database = usePostgres();
const SCHEMA = 'partial_shop';

const url = () => databaseUrl(database.name);

beforeAll(async () => {
  await builtCli();
  await migrate(database.pool, { schema: SCHEMA });
  // The database's directory holds C-1001 alone; the check that holds the order knows three.
  await createPostgresDirectory({ pool: database.pool, schema: SCHEMA }).upsert([
    customers['C-1001'] as (typeof customers)[string],
  ]);
}, 120_000);

describe('email-guard holds release --database with fewer customers than the hold knew', () => {
  it('refuses (2) naming both counts, sending nothing, and releases with --fewer-customers', async () => {
    const store = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
    const id = await holdOrderToOtherCustomer(fixture, store);
    const release = (...more: string[]) =>
      runBuiltCli(databaseReleaseArgs(id, { port: fixture.sink.port, url: url(), schema: SCHEMA }, more), {
        cwd: fixture.dir,
      });
    const refused = await release('--to', KARINS, '--confirm-new');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${id} stays held`);
    expect(refused.stderr).toContain('has 1 customer, fewer than the 3 the check that held the message knew');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    // No export is involved: the advice is the database's directory's, not "a complete export".
    expect(refused.stderr).toContain(`the directory of `);
    expect(refused.stderr).toContain(
      'Release it once every customer is in that directory, or with --fewer-customers if these customers are meant',
    );
    expect(refused.stderr).not.toContain('export');
    const swedish = await release('--to', KARINS, '--confirm-new', '--locale', 'sv');
    expect(swedish.status).toBe(2);
    expect(swedish.stderr).toContain('kundregistret i ');
    expect(swedish.stderr).toContain(
      'Släpp det när alla kunder finns i det kundregistret, eller med --fewer-customers om de här kunderna är avsedda',
    );
    expect(swedish.stderr).not.toContain('export');
    expect(fixture.sink.received).toEqual([]);
    expect((await store.get(id))?.state).toBe('held');

    const meant = await release('--to', 'anna@svenssonbygg.se', '--fewer-customers');
    expect(meant.stderr).toBe('');
    expect(meant.status).toBe(0);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['anna@svenssonbygg.se']]);
  }, 180_000);
});
