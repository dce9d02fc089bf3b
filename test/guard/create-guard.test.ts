import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { InvalidInputError } from '../../src/errors.js';
import { createGuard, type Decision, type GuardCheckPhoneInput } from '../../src/guard/create-guard.js';

const crm = new Map<string, Customer>([
  [
    'C-1001',
    {
      id: 'C-1001',
      name: 'Anna Svensson',
      emails: ['anna.svensson1985@gmail.com'],
      phones: ['070-123 45 67'],
    },
  ],
]);

describe('createGuard', () => {
  it('looks the customer up by id and checks against what it finds', async () => {
    const guard = createGuard({ lookupCustomer: async (id) => crm.get(id) });
    expect((await guard.check({ entered: 'anna.svensson1985@gmail.com', customerId: 'C-1001' })).action).toBe(
      'send',
    );
    const typo = await guard.check({ entered: 'anna.svensson185@gmail.com', customerId: 'C-1001' });
    expect(typo.action).toBe('block');
    expect(typo.suggestion).toBe('anna.svensson1985@gmail.com');
  });

  it('blocks when the lookup throws, and keeps the kind of error for the audit trail', async () => {
    const guard = createGuard({
      lookupCustomer: async () => {
        throw new Error('CRM unavailable');
      },
    });
    const verdict = await guard.check({ entered: 'anna.svensson1985@gmail.com', customerId: 'C-1001' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({
      code: 'lookup-failed',
      reason: 'error',
      kind: 'threw',
      error: 'the lookup threw an error (Error)',
    });
  });

  it('blocks when the lookup does not answer in time, and aborts it', async () => {
    let aborted = false;
    const guard = createGuard({
      lookupTimeoutMs: 20,
      lookupCustomer: (id, { signal }) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve(crm.get(id)), 10_000);
          signal.addEventListener('abort', () => {
            aborted = true;
            clearTimeout(timer);
            resolve(undefined);
          });
        }),
    });
    const verdict = await guard.check({ entered: 'anna.svensson1985@gmail.com', customerId: 'C-1001' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'timeout' });
    expect(aborted).toBe(true);
  });

  it('blocks when the lookup finds nobody, or when there is no lookup at all', async () => {
    const guard = createGuard({ lookupCustomer: async (id) => crm.get(id) });
    const unknown = await guard.check({ entered: 'anna@example.se', customerId: 'C-404' });
    expect(unknown.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'not-found' });
    expect(unknown.action).toBe('block');
    const noLookup = await createGuard().check({ entered: 'anna@example.se', customerId: 'C-1001' });
    expect(noLookup.action).toBe('block');
  });

  it('blocks when the lookup answers with a record that is no customer, naming the bad field', async () => {
    const guard = createGuard({ lookupCustomer: async () => ({ id: 1 }) as unknown as Customer });
    const verdict = await guard.check({ entered: 'anna.svensson1985@gmail.com', customerId: 'C-1001' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'error' });
    expect(verdict.findings[0]?.code === 'lookup-failed' && verdict.findings[0].error).toMatch(
      /^invalid customer record: id: /,
    );
    await expect(guard.check({ entered: 42, customerId: 'C-1001' } as never)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it("checks the address as a new customer's when told to fail open, still recording the failure", async () => {
    const guard = createGuard({
      failOpen: true,
      lookupCustomer: async () => {
        throw new Error('CRM unavailable');
      },
    });
    const verdict = await guard.check({ entered: 'anna@example.se', customerId: 'C-1001' });
    expect(verdict.action).toBe('confirm');
    expect(verdict.findings.map((finding) => finding.code)).toEqual(['lookup-failed', 'unverified-address']);
  });

  it('never sends on a failed lookup, even failing open under a policy that sends new addresses', async () => {
    const guard = createGuard({
      failOpen: true,
      policy: { 'unverified-address': 'send', 'lookup-failed': 'send' },
      lookupCustomer: async () => {
        throw new Error('CRM unavailable');
      },
    });
    const verdict = await guard.check({ entered: 'anna.svensson185@gmail.com', customerId: 'C-1001' });
    expect(verdict.action).toBe('confirm');
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', action: 'confirm' });
  });

  it('checks a phone number for a customer named by id, and hands each decision to onDecision', async () => {
    const decisions: Decision[] = [];
    const guard = createGuard({
      lookupCustomer: async (id) => crm.get(id),
      onDecision: (decision) => {
        decisions.push(decision);
      },
    });
    const own: GuardCheckPhoneInput = { entered: '+46 70 123 45 67', customerId: 'C-1001' };
    const known = await guard.checkPhone(own);
    expect(known.action).toBe('send');
    expect(known.findings.map((finding) => finding.code)).toEqual(['exact-match']);
    const slip = await guard.checkPhone({
      entered: '070-123 45 76',
      customer: { id: 'C-1001', phones: ['070-123 45 67'] },
    });
    expect(slip.action).not.toBe('send');
    expect(decisions.map((decision) => [decision.customerId, decision.entered, decision.action])).toEqual([
      ['C-1001', '+46 70 123 45 67', 'send'],
      ['C-1001', '070-123 45 76', slip.action],
    ]);
    expect(decisions[1]?.codes).toEqual(slip.findings.map((finding) => finding.code));
  });

  it('blocks a phone check whose customer cannot be found by id, and fails open to confirm when told to', async () => {
    const closed = await createGuard({ lookupCustomer: async () => undefined }).checkPhone({
      entered: '070-123 45 67',
      customerId: 'C-404',
    });
    expect(closed.action).toBe('block');
    expect(closed.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'not-found' });
    const open = await createGuard({
      failOpen: true,
      lookupCustomer: async () => {
        throw new Error('CRM unavailable');
      },
    }).checkPhone({ entered: '070-123 45 67', customerId: 'C-1001' });
    expect(open.action).toBe('confirm');
    expect(open.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'error' });
    await expect(
      createGuard().checkPhone({ entered: '070-123 45 67', customerId: '' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('treats a lookup that answers with another customer as failed', async () => {
    const guard = createGuard({ lookupCustomer: async () => ({ id: 'C-2', emails: ['bo@example.se'] }) });
    const verdict = await guard.check({ entered: 'bo@example.se', customerId: 'C-1' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'error' });
  });

  it("fails closed when a directory of the caller's own cannot look customers up by id", async () => {
    const directory = { findAddress: () => [], findPhone: () => [] };
    const verdict = await createGuard({ directory: directory as never }).check({
      entered: 'anna@example.se',
      customerId: 'C-1',
    });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'error' });
  });

  it('refuses a lookup timeout that timers cannot keep', () => {
    for (const lookupTimeoutMs of [Number.POSITIVE_INFINITY, 2 ** 31, 0, -5, 1.5]) {
      expect(() => createGuard({ lookupTimeoutMs })).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'options.lookupTimeoutMs' }),
      );
    }
  });

  it('reports every decision to onDecision, without throwing away the verdict', async () => {
    const decisions: Decision[] = [];
    const guard = createGuard({ onDecision: (decision) => void decisions.push(decision) });
    const customer = crm.get('C-1001') as Customer;
    const verdict = await guard.check({ entered: 'anna.svensson185@gmail.com', customer });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      customerId: 'C-1001',
      action: 'block',
      entered: 'anna.svensson185@gmail.com',
    });
    expect(decisions[0]?.codes).toEqual(verdict.findings.map((finding) => finding.code));
    expect(Number.isNaN(Date.parse(decisions[0]?.at ?? ''))).toBe(false);
  });

  it('rejects when a decision cannot be recorded', async () => {
    const guard = createGuard({
      onDecision: () => {
        throw new Error('audit log full');
      },
    });
    await expect(guard.check({ entered: 'a@example.se', customer: { id: 'C-1' } })).rejects.toThrow(
      'audit log full',
    );
  });

  it('refuses a policy that would let a failed lookup through by a misspelt action', () => {
    expect(() => createGuard({ policy: { 'lookup-failed': 'blocked' } as never })).toThrow(InvalidInputError);
  });

  it('rejects input without a customer or a customer id with an InvalidInputError', async () => {
    const guard = createGuard();
    await expect(guard.check({ entered: 'a@example.se' } as never)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('createGuard with verified addresses', () => {
  it('treats an address verified for the customer as known, and a slip of it as a near miss', async () => {
    const verified = new Map([['C-7', ['karin.berg@outlook.com']]]);
    const guard = createGuard({
      verifiedAddresses: { listVerified: async (id) => verified.get(id) ?? [] },
    });
    const customer = { id: 'C-7', name: 'Karin Berg' };
    const known = await guard.check({ entered: 'karin.berg@outlook.com', customer });
    expect(known.findings.map((finding) => finding.code)).toEqual(['exact-match']);
    const slip = await guard.check({ entered: 'karin.berg@outlok.com', customer });
    expect(slip.action).toBe('block');
    // Verified for another customer is not known for this one.
    const other = await guard.check({ entered: 'karin.berg@outlook.com', customer: { id: 'C-8' } });
    expect(other.findings.map((finding) => finding.code)).toEqual(['unverified-address']);
  });

  it('adds nothing when the source of verified addresses fails', async () => {
    const guard = createGuard({
      verifiedAddresses: { listVerified: async () => Promise.reject(new Error('store down')) },
    });
    const verdict = await guard.check({ entered: 'karin.berg@outlook.com', customer: { id: 'C-7' } });
    expect(verdict.action).toBe('confirm');
  });
});
