import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { migrate } from '../../src/postgres/migrate.js';
import { customers } from '../support/pipeline.js';
import { type StartedServer, startServer } from '../support/started-server.js';
import { usePostgres } from '../support/use-postgres.js';
import { GOOD, TOKEN, TYPO } from './support.js';

const database = usePostgres();
let server: StartedServer | undefined;

beforeAll(async () => {
  await migrate(database.pool);
  await createPostgresDirectory({ pool: database.pool }).upsert(Object.values(customers));
  // The URL names the database only: host and user come from PGHOST and PGUSER, as libpq reads them.
  server = await startServer(['--database', `postgres:///${database.name}`], { EMAIL_GUARD_TOKEN: TOKEN });
}, 60_000);

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
});

const check = async (body: object) => {
  const response = await fetch(`${server?.url}/v1/check`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { action: string; suggestion?: string; findings: { code: string }[] };
};

describe('email-guard serve --database URL', () => {
  it("finds the customer in PostgreSQL and another customer's address among its records", async () => {
    expect(await check({ entered: TYPO, customerId: 'C-1001' })).toMatchObject({
      action: 'block',
      suggestion: GOOD,
    });
    const other = await check({ entered: 'erik.lind@telia.com', customerId: 'C-1001' });
    expect(other.action).not.toBe('send');
    expect(other.findings.map((finding) => finding.code)).toContain('belongs-to-other-customer');
    const unknown = await check({ entered: GOOD, customerId: 'C-9999' });
    expect(unknown.findings.map((finding) => finding.code)).toContain('lookup-failed');
  });

  it("lists the messages held in the database's own tables", async () => {
    const response = await fetch(`${server?.url}/v1/holds`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ held: [] });
  });
});
