import { beforeAll, beforeEach } from 'vitest';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import {
  createPostgresHoldStore,
  type PostgresHoldStore,
} from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { builtCli } from './built-cli.js';
import { customers } from './pipeline.js';
import type { TestDatabase } from './use-postgres.js';

/**
 * The PostgreSQL side of a hold and its release: before the file's first test, the command built
 * (for the tests that run it), `schema` migrated on the file's database and the pipeline's
 * customers in its directory. With `eachTest`, before each test the schema's held messages are
 * removed and a hold store on it is handed to `eachTest`.
 */
export function usePostgresHolds(
  database: TestDatabase,
  schema: string,
  eachTest?: (store: PostgresHoldStore) => void,
): void {
  beforeAll(async () => {
    await builtCli();
    await migrate(database.pool, { schema });
    await createPostgresDirectory({ pool: database.pool, schema }).upsert(Object.values(customers));
  }, 120_000);
  if (eachTest === undefined) return;
  beforeEach(async () => {
    await database.pool.query(`DELETE FROM ${schema}.held_message`);
    eachTest(createPostgresHoldStore({ pool: database.pool, schema }));
  });
}
