import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { checkPhone } from '../../src/guard/check-phone.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { findingOrder } from '../../src/guard/policy.js';
import type { Finding } from '../../src/guard/verdict.js';

const codes = (findings: readonly Finding[]) => findings.map((finding) => finding.code);

describe('the order of findings', () => {
  it("puts another customer's address before the generic 'not one of the known addresses'", () => {
    const directory = createDirectory([{ id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] }]);
    const verdict = checkRecipient({ entered: 'erik.lind@telia.com', customer: { id: 'NEW-1' }, directory });
    expect(codes(verdict.findings)).toEqual(['belongs-to-other-customer', 'unverified-address']);
    const phone = checkPhone({
      entered: '073-987 65 43',
      customer: { id: 'NEW-1' },
      directory: createDirectory([{ id: 'C-2', phones: ['073-987 65 43'] }]),
    });
    expect(codes(phone.findings)).toEqual(['belongs-to-other-customer', 'unverified-phone']);
  });

  it('puts the known address a broken one was meant to be before what is broken about it', () => {
    const verdict = checkRecipient({
      entered: 'anna.svensson1985gmail.com',
      customer: { id: 'C-1', emails: ['anna.svensson1985@gmail.com'] },
    });
    expect(codes(verdict.findings)).toEqual(['near-miss', 'invalid-address']);
    expect(verdict.findings[0]?.message).toBe(
      'Looks like a typo of the customer\'s known address anna.svensson1985@gmail.com: an @ sign is missing after "anna.svensson1985".',
    );
  });

  it('puts a more serious action first, whatever the code, when the policy changes actions', () => {
    const verdict = checkRecipient(
      { entered: 'info@mailinator.com', customer: { id: 'C-1' } },
      { policy: { 'role-address': 'block' } },
    );
    expect(codes(verdict.findings)).toEqual(['role-address', 'unverified-address', 'disposable-domain']);
  });

  it('names a failed lookup after a slip it can still point to, and before anything it only asks about', async () => {
    const guard = createGuard({ lookupCustomer: async () => undefined });
    const typo = await guard.check({ entered: 'anna@gmial.com', customerId: 'C-1' });
    expect(codes(typo.findings)).toEqual(['domain-typo', 'lookup-failed', 'unverified-address']);
  });

  it('is the order of the table in the guide to the check', () => {
    const guide = readFileSync(new URL('../../docs/check.md', import.meta.url), 'utf8');
    const table = guide.slice(guide.indexOf('## Findings and default actions'), guide.indexOf('## API'));
    const documented = [...table.matchAll(/^\| `([a-z-]+)`/gm)].map((match) => match[1]);
    expect(documented).toEqual([...findingOrder]);
  });
});
