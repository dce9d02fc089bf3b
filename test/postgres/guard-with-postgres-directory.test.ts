import { beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { EmailGuardError, InvalidInputError } from '../../src/errors.js';
import { auditCustomerBase } from '../../src/guard/audit-customer-base.js';
import { checkPhone } from '../../src/guard/check-phone.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { createGuard, type Guard, type GuardCheckInput } from '../../src/guard/create-guard.js';
import type { Verdict } from '../../src/guard/verdict.js';
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

/** Sends one message for a new customer through `nodemailerGuard` with `guard`; the error it rejects with. */
async function sendThroughGuard(guard: Guard, to: string, subject: string) {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard,
      resolveCustomer: () => ({ id: 'NEW-1', name: 'Anna Svensson' }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return transporter.sendMail({ from: 'order@butiken.se', to, subject, text: 'x' }).catch((caught) => caught);
}

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
    const error = await sendThroughGuard(createGuard({ directory }), 'anna.svensson185@gmail.com', 'Order');
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toHaveLength(0);
    expect(fixture.audit.entries[0]?.recipients[0]?.codes).toContain('near-miss-other-customer');
  });

  it("holds a domain typo of another customer's address without that address as the correction", async () => {
    // An operations trial: Karl's order to Karin's name at gmial.com suggested Karin's real address.
    const karin = { id: 'C-20', name: 'Karin Berg', emails: ['karin.berg.privat@gmail.com'] };
    await directory.upsert([karin]);
    try {
      const guard = createGuard({ directory });
      const karl = { id: 'C-10', name: 'Karl Berg', emails: ['karl.berg@telia.com'] };
      const verdict = await guard.check({ entered: 'karin.berg.privat@gmial.com', customer: karl });
      expect(verdict.findings.map((finding) => finding.code)).toContain('domain-typo');
      expect(verdict.suggestion).toBeUndefined();
      const error = await sendThroughGuard(guard, 'karin.berg.privat@gmial.com', 'Order');
      expect(error.code).toBe('RECIPIENT_BLOCKED');
      expect(error.message).not.toContain('karin.berg.privat@gmail.com');
      expect(fixture.sink.received).toHaveLength(0);
    } finally {
      await directory.remove(karin.id);
    }
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

  /**
   * The verdicts of `input` with `added` upserted into the database beside `customers`, revealing
   * other customers and not, each equal to the in-memory directory's; `added` is removed after.
   */
  async function sameVerdicts(added: Customer, input: GuardCheckInput): Promise<Verdict[]> {
    await directory.upsert([added]);
    try {
      const verdicts: Verdict[] = [];
      for (const revealOtherCustomers of [false, true]) {
        const inDatabase = await createGuard({ directory, revealOtherCustomers }).check(input);
        const inMemory = await createGuard({
          directory: createDirectory([...customers, added]),
          revealOtherCustomers,
        }).check(input);
        expect(inDatabase).toEqual(inMemory);
        verdicts.push(inDatabase);
      }
      return verdicts;
    } finally {
      await directory.remove(added.id);
    }
  }

  it('tells two customers of one name with other birth dates and phones apart, as the in-memory directory does', async () => {
    // Trial 13 (issue 13): two Maria Andersson, born 1958 and 1977, addresses one swap apart; the
    // one born 1958 is checked as a new customer against the other in the directory.
    const verdicts = await sameVerdicts(
      {
        id: 'K-137867',
        name: 'Maria Andersson',
        emails: ['maria.andersson58764@gmail.com'],
        phones: ['070-359 64 61'],
        birthDate: '1977-02-02',
      },
      {
        entered: 'maria.andersson57864@gmail.com',
        customer: {
          id: 'K-125347',
          name: 'Maria Andersson',
          phones: ['070-599 62 32'],
          birthDate: '1958-11-10',
        },
      },
    );
    for (const verdict of verdicts) {
      expect(verdict.suggestion).toBeUndefined();
      const finding = verdict.findings.find((found) => found.code === 'near-miss-other-customer');
      expect(finding).toMatchObject({ otherPerson: true });
      expect(finding?.message).toContain('two different people');
      expect(finding?.message).not.toContain('same person');
    }
  });

  it("asks for confirmation of an address one slip from another customer's that fits that customer's name", async () => {
    // Trial 13 (issue 13): Erik Lind's order to oskar.wallin46376@live.se, beside Oskar Wallin's address.
    const verdicts = await sameVerdicts(
      { id: 'K-101924', name: 'Oskar Wallin', emails: ['oskar.wallin46375@live.se'] },
      { entered: 'oskar.wallin46376@live.se', customerId: 'C-2' },
    );
    for (const verdict of verdicts) {
      expect(verdict.action).toBe('confirm');
      expect(verdict.findings.map((finding) => finding.code)).toContain('near-miss-other-name');
    }
  });

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

describe('createGuard with a PostgreSQL directory that is busy or cannot be reached', () => {
  beforeAll(async () => {
    await migrate(database.pool, { schema: 'busy' });
    await createPostgresDirectory({ pool: database.pool, schema: 'busy' }).upsert(customers);
  });

  it('blocks with lookup-failed within lookupTimeoutMs when the pool has no free client, and the held query ends harmlessly', async () => {
    const pool = database.newPool({ max: 1 });
    const held = await pool.connect();
    const directory = createPostgresDirectory({ pool, schema: 'busy' });
    const guard = createGuard({ directory, lookupTimeoutMs: 300 });
    try {
      const verdict = await guard.check({ entered: 'anna.svensson185@gmail.com', customer: { id: 'NEW-1' } });
      expect(verdict.action).toBe('block');
      expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'timeout' });
      const byId = await guard.check({ entered: 'anna.svensson1985@gmail.com', customerId: 'C-1' });
      expect(byId.action).toBe('block');
      expect(byId.findings.filter((finding) => finding.code === 'lookup-failed')).toHaveLength(1);
      const phone = await guard.checkPhone({ entered: '073-987 65 43', customer: { id: 'NEW-1' } });
      expect(phone.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'timeout' });
    } finally {
      held.release();
    }
    // The queries that waited for the client run once it is free, their answers unread; the pool
    // then serves the next check as before.
    const verdict = await guard.check({
      entered: 'anna.svensson185@gmail.com',
      customer: { id: 'NEW-1', name: 'Svensson, Anna' },
    });
    expect(verdict.findings[0]?.code).toBe('near-miss-other-customer');
  });

  it('blocks with lookup-failed, and holds the message in nodemailerGuard, when the database cannot be reached', async () => {
    const pool = database.newPool({ host: '/no/such/socket/folder', connectionTimeoutMillis: 2000 });
    const directory = createPostgresDirectory({ pool, schema: 'busy' });
    const guard = createGuard({ directory, lookupTimeoutMs: 5000 });
    const verdict = await guard.check({ entered: 'anna.svensson185@gmail.com', customer: { id: 'NEW-1' } });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({
      code: 'lookup-failed',
      reason: 'error',
      // No socket in that folder: the errno of the connect that failed.
      error: 'the lookup threw an error (LOOKUP_FAILED, cause ENOENT)',
      causeCode: 'ENOENT',
    });
    const phone = await guard.checkPhone({ entered: '073-987 65 43', customerId: 'C-3' });
    expect(phone.action).toBe('block');
    expect(phone.findings.filter((finding) => finding.code === 'lookup-failed')).toHaveLength(1);
    const lookup = await directory.findAddress({ entered: 'anna@example.se' }).catch((error) => error);
    expect(lookup.code).toBe('LOOKUP_FAILED');
    expect(lookup.message).toMatch(/database could not be reached \(ENOENT\)/);
    expect(lookup.cause.code).toBe('ENOENT');

    const error = await sendThroughGuard(guard, 'erik.lind@telia.com', 'Order 7');
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toHaveLength(0);
    const held = await fixture.holdStore.list();
    expect(held.some((message) => message.subject === 'Order 7')).toBe(true);
  });
});
