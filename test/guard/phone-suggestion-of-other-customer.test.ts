import { describe, expect, it } from 'vitest';
import type { AsyncDirectory } from '../../src/contacts/async-directory.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { checkPhone } from '../../src/guard/check-phone.js';
import { createGuard } from '../../src/guard/create-guard.js';

// A number one digit from the customer's known number is corrected to that number. When the same
// number is on another customer's record, whose it is cannot be told from the records, and an SMS
// sent there reaches that customer: it is never the suggestion (read with libphonenumber-js's own
// metadata, national and international forms alike).
const anna = { id: 'C-1', name: 'Anna Svensson', phones: ['070-123 45 67'] };
const karin = { id: 'C-2', name: 'Karin Berg', phones: ['+46 70 123 45 67'] };
const TYPED = '070-123 45 68';

/** The same customers behind promises, as a database directory answers. */
function asynchronous(customers: Parameters<typeof createDirectory>[0]): AsyncDirectory {
  const inMemory = createDirectory(customers);
  return {
    asynchronous: true,
    get: async (id) => inMemory.get(id),
    findAddress: async (input, options) => inMemory.findAddress(input, options),
    findPhone: async (input) => inMemory.findPhone(input),
  };
}

describe("a phone suggestion that is on another customer's record", () => {
  it('is the known number when no other customer has it', () => {
    const verdict = checkPhone({ entered: TYPED, customer: anna, directory: createDirectory([anna]) });
    expect(verdict.findings[0]?.code).toBe('near-miss');
    expect(verdict.suggestion).toBe('070-123 45 67');
  });

  for (const revealOtherCustomers of [false, true])
    it(`is left out by checkPhone${revealOtherCustomers ? ', revealing other customers' : ''}`, () => {
      const verdict = checkPhone(
        { entered: TYPED, customer: anna, directory: createDirectory([anna, karin]) },
        { revealOtherCustomers },
      );
      expect(verdict.action).toBe('block');
      expect(verdict.findings[0]?.code).toBe('near-miss');
      expect(verdict.suggestion).toBeUndefined();
    });

  for (const [kind, directory] of [
    ['an in-memory', () => createDirectory([anna, karin])],
    ['an asynchronous', () => asynchronous([anna, karin])],
  ] as const)
    it(`is left out by guard.checkPhone with ${kind} directory`, async () => {
      const guard = createGuard({ directory: directory() });
      const verdict = await guard.checkPhone({ entered: TYPED, customer: anna });
      expect(verdict.findings[0]?.code).toBe('near-miss');
      expect(verdict.suggestion).toBeUndefined();
      const alone = createGuard({ directory: asynchronous([anna]) });
      expect((await alone.checkPhone({ entered: TYPED, customer: anna })).suggestion).toBe('070-123 45 67');
    });
});
