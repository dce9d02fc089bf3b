import { beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { EmailGuardError, InvalidInputError } from '../../src/errors.js';
import { auditCustomerBase } from '../../src/guard/audit-customer-base.js';
import { checkPhone } from '../../src/guard/check-phone.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
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
  { id: 'C-3', name: 'Karin Berg', emails: ['karin@bergbygg.se'], phones: ['073-987 65 43'] },
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

  for (const revealOtherCustomers of [false, true]) {
    it(`gives the phone verdicts the in-memory directory gives${revealOtherCustomers ? ', revealing other customers' : ''}`, async () => {
      const inMemory = createGuard({ directory: createDirectory(customers), revealOtherCustomers });
      const inDatabase = createGuard({ directory, revealOtherCustomers });
      const phoneChecks = [
        { entered: '073-987 65 43', customer: { id: 'C-1', phones: ['070-123 45 67'] } },
        { entered: '+46 73 987 65 43', customer: { id: 'NEW-1' } },
        { entered: '073-987 65 43', customer: { id: 'C-3', phones: ['073-987 65 43'] } },
        { entered: '070-123 567', customer: { id: 'C-1', phones: ['070-123 45 67'] } },
        { entered: 'not a number', customer: { id: 'C-1' } },
      ];
      for (const input of phoneChecks) {
        const expected = checkPhone(
          { ...input, directory: createDirectory(customers) },
          { revealOtherCustomers },
        );
        expect(await inDatabase.checkPhone(input)).toEqual(expected);
        expect(await inMemory.checkPhone(input)).toEqual(expected);
      }
      const other = await inDatabase.checkPhone(phoneChecks[0] as (typeof phoneChecks)[number]);
      expect(other.findings.map((finding) => finding.code)).toContain('belongs-to-other-customer');
    });
  }

  it('refuses the database directory in the synchronous checks, naming the field and what to use instead', () => {
    const attempts = [
      () => checkPhone({ entered: '073-987 65 43', customer: { id: 'C-1' }, directory: directory as never }),
      () =>
        checkRecipient({
          entered: 'erik.lind@telia.com',
          customer: { id: 'C-1' },
          directory: directory as never,
        }),
      () => auditCustomerBase({ directory: directory as never }),
    ];
    for (const attempt of attempts) {
      let error: unknown;
      try {
        attempt();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toBeInstanceOf(EmailGuardError);
      expect((error as InvalidInputError).field).toMatch(/(^|\.)directory$/);
      expect((error as Error).message).toMatch(/createGuard\(\{ directory \}\)/);
    }
  });
});
