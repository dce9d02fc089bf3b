import { beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import {
  createPostgresDirectory,
  type PostgresDirectory,
} from '../../src/postgres/create-postgres-directory.js';
import { migrate } from '../../src/postgres/migrate.js';
import { smtpTransport, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const fixture = usePipelineFixture();

const customers: Customer[] = [
  { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'], birthDate: '1985-04-12' },
  { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
  { id: 'C-3', name: 'Karin Berg', emails: ['karin@bergbygg.se'] },
];

describe('createGuard with the PostgreSQL directory', () => {
  let directory: PostgresDirectory;
  beforeAll(async () => {
    await migrate(database.pool);
    directory = createPostgresDirectory({ pool: database.pool });
    await directory.upsert(customers);
  });

  const checks = [
    { entered: 'anna.svensson1985@gmail.com', customerId: 'C-1' },
    { entered: 'erik.lind@telia.com', customerId: 'C-1' },
    { entered: 'anna.svensson1985@gmail.com', customerId: 'C-404' },
    { entered: 'anna.svensson185@gmail.com', customer: { id: 'NEW-1', name: 'Svensson, Anna' } },
    { entered: 'Erik.Lind@telia.com', customer: { id: 'NEW-2', name: 'Sven Holm' } },
    { entered: 'karin@bergbyg.se', customer: { id: 'NEW-3', name: 'Karin Berg' } },
    { entered: 'not an address', customer: { id: 'NEW-4' } },
  ] as const;

  for (const revealOtherCustomers of [false, true]) {
    it(`gives the verdicts the in-memory directory gives${revealOtherCustomers ? ', revealing other customers' : ''}`, async () => {
      const inMemory = createGuard({ directory: createDirectory(customers), revealOtherCustomers });
      const inDatabase = createGuard({ directory, revealOtherCustomers });
      for (const input of checks) {
        expect(await inDatabase.check(input)).toEqual(await inMemory.check(input));
      }
      const duplicate = await inDatabase.check(checks[3]);
      expect(duplicate.action).toBe('block');
      expect(duplicate.findings[0]?.code).toBe('near-miss-other-customer');
    });
  }

  it('holds a message in nodemailerGuard for a near miss of another customer found in the database', async () => {
    const transporter = smtpTransport(fixture.sink.port);
    transporter.use(
      'compile',
      nodemailerGuard({
        guard: createGuard({ directory }),
        resolveCustomer: () => ({ id: 'NEW-1', name: 'Anna Svensson' }),
        holdStore: fixture.holdStore,
        auditLog: fixture.audit,
      }),
    );
    const error = await transporter
      .sendMail({ from: 'order@butiken.se', to: 'anna.svensson185@gmail.com', subject: 'Order', text: 'x' })
      .catch((caught) => caught);
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toHaveLength(0);
    expect(fixture.audit.entries[0]?.recipients[0]?.codes).toContain('near-miss-other-customer');
  });
});
