import { describe, expect, it } from 'vitest';
import { indexMailboxRules } from '../../src/address/mailbox-key.js';
import { createCustomerFacts } from '../../src/guard/create-customer-facts.js';

const customer = {
  id: 'C-1',
  emails: ['anna.svensson1985@gmail.com'],
  phones: ['070-123 45 67', '+46 8 123 456 78'],
  birthDate: '1985-04-12',
};

describe.each([
  ['remembered', true],
  ['read on every check', false],
])('createCustomerFacts, %s', (_, remember) => {
  const factsOf = createCustomerFacts({ rules: indexMailboxRules(), defaultCountry: 'SE', remember });

  it('gives every number of the customer when asked for all', () => {
    expect(
      factsOf(customer)
        .numbers()
        .map((known) => known.digits),
    ).toEqual([
      '1985',
      '85',
      '19850412',
      '850412',
      '198504',
      '8504',
      '0412',
      '1204',
      '0701234567',
      '701234567',
      '0812345678',
      '812345678',
    ]);
  });

  it('leaves out the phone numbers longer than an address with so few digits can hold or be a slip of', () => {
    const record = structuredClone(customer);
    const digits = (reach: number) =>
      factsOf(record)
        .numbers(reach)
        .map((known) => known.digits);
    const birth = ['1985', '85', '19850412', '850412', '198504', '8504', '0412', '1204'];
    expect(digits(4)).toEqual(birth);
    expect(digits(9)).toEqual([...birth, '701234567', '812345678']);
    expect(digits(10)).toEqual([...birth, '0701234567', '701234567', '0812345678', '812345678']);
  });

  it('gives every number for any length once it has read them all: a longer one changes nothing', () => {
    const record = structuredClone(customer);
    const all = factsOf(record).numbers();
    expect(all).toHaveLength(12);
    expect(factsOf(record).numbers(4)).toEqual(remember ? all : all.slice(0, 8));
  });
});
