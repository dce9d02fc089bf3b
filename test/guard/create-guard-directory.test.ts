import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard, type Decision } from '../../src/guard/create-guard.js';

const customers: Customer[] = [
  { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
  { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
];

describe('createGuard with a directory', () => {
  it('finds the customer in the directory when only the id is given', async () => {
    const guard = createGuard({ directory: createDirectory(customers) });
    const verdict = await guard.check({ entered: 'anna.svensson1985@gmail.com', customerId: 'C-1' });
    expect(verdict.action).toBe('send');
    expect(verdict.findings.map((finding) => finding.code)).toEqual(['exact-match']);
  });

  it('checks every address against the other customers', async () => {
    const decisions: Decision[] = [];
    const guard = createGuard({
      directory: createDirectory(customers),
      onDecision: (d) => void decisions.push(d),
    });
    const verdict = await guard.check({ entered: 'erik.lind@telia.com', customer: { id: 'NEW-1' } });
    expect(verdict.action).toBe('confirm');
    expect(decisions[0]?.codes).toContain('belongs-to-other-customer');
  });

  it('fails closed for an id the directory does not hold', async () => {
    const guard = createGuard({ directory: createDirectory(customers) });
    const verdict = await guard.check({ entered: 'anna.svensson1985@gmail.com', customerId: 'C-404' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]?.code).toBe('lookup-failed');
  });

  it('prefers the lookup and fails closed when it throws, even if the directory knows the customer', async () => {
    const guard = createGuard({
      directory: createDirectory(customers),
      lookupCustomer: async () => {
        throw new Error('database unavailable');
      },
    });
    const verdict = await guard.check({ entered: 'anna.svensson1985@gmail.com', customerId: 'C-1' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'error' });
  });

  it('fails closed when the lookup is too slow, and still reports the other customer', async () => {
    const guard = createGuard({
      directory: createDirectory(customers),
      lookupTimeoutMs: 20,
      lookupCustomer: (_id, { signal }) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve(customers[0]), 5_000);
          signal.addEventListener('abort', () => clearTimeout(timer));
        }),
    });
    const verdict = await guard.check({ entered: 'erik.lind@telia.com', customerId: 'C-1' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings.map((finding) => finding.code)).toEqual(
      expect.arrayContaining(['lookup-failed', 'belongs-to-other-customer']),
    );
  });

  it('sees customers added to the directory after the guard was made', async () => {
    const directory = createDirectory(customers);
    const guard = createGuard({ directory });
    directory.add({ id: 'C-3', name: 'Karin Berg', emails: ['karin@bergbygg.se'] });
    const verdict = await guard.check({ entered: 'karin@bergbygg.se', customer: { id: 'NEW-2' } });
    expect(verdict.findings.map((finding) => finding.code)).toContain('belongs-to-other-customer');
  });

  it('checks the birth date of a customer it takes from the directory', async () => {
    const directory = createDirectory([
      { id: 'C-5', name: 'Anna Svensson', emails: ['anna@example.se'], birthDate: '1985-04-12' },
    ]);
    const verdict = await createGuard({ directory }).check({
      entered: 'anna.svensson1958@outlook.com',
      customerId: 'C-5',
    });
    expect(verdict.findings.find((finding) => finding.code === 'number-mismatch')).toMatchObject({
      expected: '1985',
      source: 'birth-date',
    });
  });

  it('rejects an unknown region before a customer number could be misread', () => {
    expect(() => createGuard({ defaultCountry: 'XX' })).toThrow(/options\.defaultCountry/);
  });
});
