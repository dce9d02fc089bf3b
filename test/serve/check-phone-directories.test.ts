import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import {
  createPostgresDirectory,
  type PostgresDirectory,
} from '../../src/postgres/create-postgres-directory.js';
import { migrate } from '../../src/postgres/migrate.js';
import { usePostgres } from '../support/use-postgres.js';
import { createCheckedServer } from './openapi-conformance.js';

const database = usePostgres();

const customers: Customer[] = [
  { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'], phones: ['070-123 45 67'] },
  { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'], phones: ['073-987 65 43'] },
];

describe('POST /v1/check-phone with either directory', () => {
  let directory: PostgresDirectory;
  beforeAll(async () => {
    await migrate(database.pool);
    directory = createPostgresDirectory({ pool: database.pool });
    await directory.upsert(customers);
  });
  const apps: ReturnType<typeof createCheckedServer>[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  const requests = [
    { entered: '073-987 65 43', customerId: 'C-1' },
    { entered: '+46 73 987 65 43', customer: { id: 'NEW-1', name: 'Sven Holm' } },
    { entered: '070-123 45 67', customerId: 'C-1' },
    { entered: '070-123 567', customerId: 'C-1' },
    { entered: '070-555 12 12', customerId: 'C-2' },
  ];

  for (const revealOtherCustomers of [false, true]) {
    it(`gives the same findings from the database as from memory${revealOtherCustomers ? ', revealing other customers' : ''}`, async () => {
      const inMemory = createCheckedServer({ directory: createDirectory(customers), revealOtherCustomers });
      const inDatabase = createCheckedServer({ directory, revealOtherCustomers });
      apps.push(inMemory, inDatabase);
      for (const payload of requests) {
        const memory = await inMemory.inject({ method: 'POST', url: '/v1/check-phone', payload });
        const db = await inDatabase.inject({ method: 'POST', url: '/v1/check-phone', payload });
        expect(memory.statusCode).toBe(200);
        expect(db.statusCode, JSON.stringify(payload)).toBe(200);
        expect(db.json(), JSON.stringify(payload)).toEqual(memory.json());
      }
      const other = await inDatabase.inject({
        method: 'POST',
        url: '/v1/check-phone',
        payload: requests[0] as (typeof requests)[number],
      });
      expect(other.json().findings.map((finding: { code: string }) => finding.code)).toContain(
        'belongs-to-other-customer',
      );
    });
  }
});
