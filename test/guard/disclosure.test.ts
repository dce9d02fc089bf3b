import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { InvalidInputError } from '../../src/errors.js';
import { checkPhone } from '../../src/guard/check-phone.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { createGuard, type Decision } from '../../src/guard/create-guard.js';
import type { Finding } from '../../src/guard/verdict.js';

// Customers whose data must not reach whoever types an address or number into a check.
const erik = {
  id: 'C-2',
  name: 'Erik Lind',
  emails: ['Erik.Lind+shop@gmail.com'],
  phones: ['073-987 65 43'],
};
const household = { id: 'C-3', name: 'Maria Lind', emails: ['eriklind@gmail.com'] };
const anna = { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] };
const directory = createDirectory([erik, household, anna]);

/** Every string in a value, however deep: where another customer's data could hide. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function only<C extends Finding['code']>(
  findings: readonly Finding[],
  code: C,
): Extract<Finding, { code: C }>[] {
  return findings.filter((finding): finding is Extract<Finding, { code: C }> => finding.code === code);
}

describe('what a check reveals about other customers', () => {
  it('says only that an address is registered to another customer, once, without their id or stored spelling', () => {
    const verdict = checkRecipient({ entered: 'erik.lind@gmail.com', customer: { id: 'NEW-1' }, directory });
    const others = only(verdict.findings, 'belongs-to-other-customer');
    // Two customers share the mailbox; how many there are is theirs to know, not the caller's.
    expect(others).toHaveLength(1);
    expect(others[0]).not.toHaveProperty('customerId');
    expect(others[0]?.message).toBe(
      "This address is registered to another customer. Check that it really is this customer's.",
    );
    const revealed = strings(verdict);
    for (const secret of [
      'C-2',
      'C-3',
      'Erik.Lind+shop@gmail.com',
      'eriklind@gmail.com',
      'Erik Lind',
      'Maria Lind',
    ])
      expect(revealed.some((text) => text.includes(secret))).toBe(false);
    expect(verdict.action).toBe('confirm');
  });

  it("masks a duplicate's address and gives no suggestion, read-back, id or slips from it", () => {
    const verdict = checkRecipient({
      entered: 'anna.svensson185@gmail.com',
      customer: { id: 'NEW-1', name: 'Svensson, Anna' },
      directory,
    });
    expect(verdict.action).toBe('block');
    const [duplicate] = only(verdict.findings, 'near-miss-other-customer');
    expect(duplicate).toMatchObject({ known: 'a***@gmail.com', distance: 1 });
    expect(duplicate).not.toHaveProperty('customerId');
    expect(duplicate).not.toHaveProperty('edits');
    expect(duplicate?.message).toBe(
      'Looks like a typo of an address registered to another customer (a***@gmail.com): check the address with the customer, who may be registered twice.',
    );
    expect(verdict.suggestion).toBeUndefined();
    expect(verdict.readBack?.suggestion).toBeUndefined();
    expect(strings(verdict).some((text) => text.includes('1985') || text.includes('C-1'))).toBe(false);
  });

  it("suggests the corrected provider domain only when it is no other customer's address, masked or not", () => {
    const verdict = checkRecipient({
      entered: 'anna.svensson1985@gmial.com',
      customer: { id: 'NEW-1', name: 'Anna Svensson' },
      directory,
    });
    expect(verdict.findings.map((finding) => finding.code)).toEqual([
      'near-miss-other-customer',
      'domain-typo',
      'unverified-address',
    ]);
    // Corrected, it is C-1's address: withheld, and the finding names neither it nor its domain.
    expect(verdict.suggestion).toBeUndefined();
    expect(strings(verdict).some((text) => text.includes('1985@gmail'))).toBe(false);
    expect(
      checkRecipient({ entered: 'anna.svensson1985@gmial.com', customer: { id: 'NEW-1' } }).suggestion,
    ).toBe('anna.svensson1985@gmail.com');
  });

  it('hands the details to a staff tool that asks for them with revealOtherCustomers', () => {
    const staff = { revealOtherCustomers: true };
    const shared = checkRecipient(
      { entered: 'erik.lind@gmail.com', customer: { id: 'NEW-1' }, directory },
      staff,
    );
    expect(only(shared.findings, 'belongs-to-other-customer').map((finding) => finding.customerId)).toEqual([
      'C-2',
      'C-3',
    ]);
    expect(only(shared.findings, 'belongs-to-other-customer')[0]?.known).toBe('Erik.Lind+shop@gmail.com');

    const duplicate = checkRecipient(
      { entered: 'anna.svensson185@gmail.com', customer: { id: 'NEW-1', name: 'Svensson, Anna' }, directory },
      staff,
    );
    // Named to staff, but never the suggestion: a suggestion is pre-filled and released to.
    expect(duplicate.suggestion).toBeUndefined();
    expect(only(duplicate.findings, 'near-miss-other-customer')[0]).toMatchObject({
      customerId: 'C-1',
      known: 'anna.svensson1985@gmail.com',
      edits: [{ kind: 'missing', character: '9' }],
    });
  });

  it('decides the same with or without the details', () => {
    const entered = ['erik.lind@gmail.com', 'anna.svensson185@gmail.com', 'eriklind@gmail.com', 'x@y.se'];
    for (const address of entered) {
      const input = { entered: address, customer: { id: 'NEW-1', name: 'Anna Svensson' }, directory };
      const minimal = checkRecipient(input);
      const revealed = checkRecipient(input, { revealOtherCustomers: true });
      expect(minimal.action).toBe(revealed.action);
      expect(new Set(minimal.findings.map((finding) => finding.code))).toEqual(
        new Set(revealed.findings.map((finding) => finding.code)),
      );
    }
  });

  it("masks another customer's phone number unless the details are asked for", () => {
    const input = { entered: '+46739876543', customer: { id: 'NEW-1' }, directory };
    const [minimal] = only(checkPhone(input).findings, 'belongs-to-other-customer');
    expect(minimal).not.toHaveProperty('customerId');
    expect(minimal?.known).toBe('*********43');
    expect(minimal?.message).toBe(
      "This number is registered to another customer. Check that it really is this customer's.",
    );
    const [revealed] = only(
      checkPhone(input, { revealOtherCustomers: true }).findings,
      'belongs-to-other-customer',
    );
    expect(revealed).toMatchObject({ customerId: 'C-2', known: '+46739876543' });
  });

  it('takes the option on createGuard too, and refuses one that is not a boolean', async () => {
    const decisions: Decision[] = [];
    const guard = createGuard({ directory, onDecision: (decision) => void decisions.push(decision) });
    await guard.check({ entered: 'erik.lind@gmail.com', customer: { id: 'NEW-1' } });
    expect(strings(decisions).some((text) => text.includes('C-2'))).toBe(false);
    const staff = createGuard({ directory, revealOtherCustomers: true });
    const verdict = await staff.check({ entered: 'erik.lind@gmail.com', customer: { id: 'NEW-1' } });
    expect(only(verdict.findings, 'belongs-to-other-customer')[0]?.customerId).toBe('C-2');
    expect(() =>
      checkRecipient({ entered: 'a@b.se', customer: { id: 'C' } }, { revealOtherCustomers: 'yes' } as never),
    ).toThrow(InvalidInputError);
    expect(() =>
      checkPhone({ entered: '070', customer: { id: 'C' } }, { revealOtherCustomers: 1 } as never),
    ).toThrow(InvalidInputError);
  });
});

describe('what a failed lookup reveals', () => {
  const secret = 'connect ECONNREFUSED 10.0.0.7:5432 while reading anna.svensson1985@gmail.com';

  it("never copies a lookup error's text into the verdict or the decision, only its kind", async () => {
    const decisions: Decision[] = [];
    const guard = createGuard({
      lookupCustomer: async () => {
        throw Object.assign(new Error(secret), { code: 'ECONNREFUSED' });
      },
      onDecision: (decision) => void decisions.push(decision),
    });
    const verdict = await guard.check({ entered: 'anna@example.se', customerId: 'C-1' });
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'error', kind: 'threw' });
    expect(verdict.findings[0]?.code === 'lookup-failed' && verdict.findings[0].error).toBe(
      'the lookup threw an error (ECONNREFUSED)',
    );
    expect(strings(decisions).some((text) => text.includes('10.0.0.7') || text.includes('1985'))).toBe(false);
  });

  it('names an error without a code by its class only, and nothing that is not a plain name', async () => {
    const check = (error: unknown) =>
      createGuard({
        lookupCustomer: async () => {
          throw error;
        },
      }).check({ entered: 'anna@example.se', customerId: 'C-1' });
    const typeError = await check(new TypeError(secret));
    expect(typeError.findings[0]?.code === 'lookup-failed' && typeError.findings[0].error).toBe(
      'the lookup threw an error (TypeError)',
    );
    const odd = await check(Object.assign(new Error(secret), { name: secret }));
    expect(odd.findings[0]?.code === 'lookup-failed' && odd.findings[0].error).toBe(
      'the lookup threw an error',
    );
    const text = await check(secret);
    expect(strings(text).some((item) => item.includes('10.0.0.7'))).toBe(false);
  });

  it('does not name the other customer a lookup answered with', async () => {
    const other: Customer = { id: 'C-777', name: 'Olle Holm', emails: ['olle@example.se'] };
    const verdict = await createGuard({ lookupCustomer: async () => other }).check({
      entered: 'anna@example.se',
      customerId: 'C-1',
    });
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', kind: 'other-customer' });
    expect(strings(verdict).some((text) => text.includes('C-777') || text.includes('olle'))).toBe(false);
  });

  it("fails closed, without the error's text, when a caller's directory throws or does not answer", async () => {
    const own = createDirectory([anna]);
    const throwing = {
      findAddress: own.findAddress.bind(own),
      findPhone: own.findPhone.bind(own),
      get: async () => {
        throw new Error(secret);
      },
    };
    const verdict = await createGuard({ directory: throwing as never }).check({
      entered: 'anna.svensson1985@gmail.com',
      customerId: 'C-1',
    });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'error', kind: 'threw' });
    expect(strings(verdict).some((text) => text.includes('10.0.0.7'))).toBe(false);

    const silent = { ...throwing, get: () => new Promise(() => undefined) };
    const late = await createGuard({ directory: silent as never, lookupTimeoutMs: 20 }).check({
      entered: 'anna.svensson1985@gmail.com',
      customerId: 'C-1',
    });
    expect(late.findings[0]).toMatchObject({ code: 'lookup-failed', reason: 'timeout' });
  });
});

describe('a masked near miss of another customer', () => {
  it("hides the domain when the slip is in it, since the local part typed is then that customer's", () => {
    const directory = createDirectory([
      { id: 'C-9', name: 'Anna Svensson', emails: ['anna.svensson@svensson-bygg.se'] },
    ]);
    const verdict = checkRecipient({
      entered: 'anna.svensson@svenson-bygg.se',
      customer: { id: 'NEW-1', name: 'Anna Svensson' },
      directory,
    });
    expect(verdict.action).toBe('block');
    const text = JSON.stringify(verdict);
    expect(text).not.toContain('svensson-bygg.se');
    expect(verdict.findings[0]).toMatchObject({ code: 'near-miss-other-customer', known: 'a***@***' });
  });
});
