import { describe, expect, it } from 'vitest';
import { rememberedCustomers } from '../../src/cli/remembered-customers.js';
import { createDirectory } from '../../src/contacts/create-directory.js';

const directory = createDirectory([
  { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
  { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
  { id: 'C-3', name: 'Karin Berg', emails: ['karin.berg@hotmail.se'] },
]);

describe('rememberedCustomers', () => {
  it('answers the same customer object for every message to one customer, so its facts are read once', () => {
    const customerOf = rememberedCustomers(directory, { size: 10 });
    const first = customerOf('C-1');
    expect(first).toEqual(directory.get('C-1'));
    expect(customerOf('C-1')).toBe(first);
    expect(customerOf('C-9')).toBeUndefined();
  });

  it('keeps at most `size` customers, the least recently asked for going first', () => {
    const customerOf = rememberedCustomers(directory, { size: 2 });
    const anna = customerOf('C-1');
    const erik = customerOf('C-2');
    expect(customerOf('C-1')).toBe(anna);
    customerOf('C-3');
    expect(customerOf('C-1')).toBe(anna);
    const erikAgain = customerOf('C-2');
    expect(erikAgain).not.toBe(erik);
    expect(erikAgain).toEqual(erik);
  });
});
