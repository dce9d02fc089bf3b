import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../../src/contacts/create-directory.js';
import { findCustomers } from '../../../src/serve/order-form/find-customers.js';

const directory = () => {
  const made = createDirectory();
  made.addAll([
    { id: 'C-1001', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
    { id: 'C-1002', name: 'Åsa Östlund', emails: ['asa.ostlund@telia.com'] },
    { id: 'K-77', name: 'Anna Berg', emails: ['anna.berg@hotmail.com'] },
    { id: 'C-2002', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
  ]);
  return made;
};

const ids = (search: { customers: { id: string }[] }) => search.customers.map((hit) => hit.id);

describe('findCustomers', () => {
  it('finds a name by the start of its words, whatever the case and accents', async () => {
    const customers = directory();
    expect(await findCustomers(customers, 'ostlund')).toEqual({
      customers: [{ id: 'C-1002', name: 'Åsa Östlund' }],
      more: false,
    });
    expect(ids(await findCustomers(customers, 'ANNA berg'))).toEqual(['K-77']);
    expect(ids(await findCustomers(customers, 'anna'))).toEqual(['C-1001', 'K-77']);
    expect(ids(await findCustomers(customers, 'svens'))).toEqual(['C-1001']);
    // Inside a word is not the start of one: "son" would list every -son.
    expect(ids(await findCustomers(customers, 'sson'))).toEqual([]);
  });

  it('finds an id only whole, in any case, never by its start', async () => {
    const customers = directory();
    expect(ids(await findCustomers(customers, 'C-1002'))).toEqual(['C-1002']);
    expect(ids(await findCustomers(customers, 'c-1002'))).toEqual(['C-1002']);
    expect(ids(await findCustomers(customers, 'C-10'))).toEqual([]);
    expect(ids(await findCustomers(customers, 'C-100'))).toEqual([]);
  });

  it('answers nothing for a word of fewer than three letters', async () => {
    const customers = directory();
    expect(await findCustomers(customers, 'a')).toEqual({ customers: [], more: false });
    expect(await findCustomers(customers, 'an')).toEqual({ customers: [], more: false });
    expect(await findCustomers(customers, 'bo')).toEqual({ customers: [], more: false });
    expect(await findCustomers(customers, 'bo sv')).toEqual({ customers: [], more: false });
  });

  it('finds a name with a word of one or two letters beside a word of three or more', async () => {
    const customers = directory();
    customers.addAll([
      { id: 'C-4001', name: 'Bo Svensson', emails: ['bo.svensson@telia.com'] },
      { id: 'C-4002', name: 'Lo Svensson', emails: ['lo.svensson@telia.com'] },
    ]);
    expect(ids(await findCustomers(customers, 'Bo Svensson'))).toEqual(['C-4001']);
    expect(ids(await findCustomers(customers, 'lo svens'))).toEqual(['C-4002']);
    expect(ids(await findCustomers(customers, 'anna b'))).toEqual(['K-77']);
  });

  it('answers at most the limit, and says when more matched', async () => {
    const customers = directory();
    expect(await findCustomers(customers, 'anna', { limit: 1 })).toEqual({
      customers: [{ id: 'C-1001', name: 'Anna Svensson' }],
      more: true,
    });
    expect((await findCustomers(customers, 'anna', { limit: 2 })).more).toBe(false);
  });

  it('finds a customer added after the first search', async () => {
    const customers = directory();
    expect(ids(await findCustomers(customers, 'holm'))).toEqual([]);
    customers.add({ id: 'C-3003', name: 'Stina Holm', emails: ['stina.holm@gmail.com'] });
    expect(await findCustomers(customers, 'holm')).toEqual({
      customers: [{ id: 'C-3003', name: 'Stina Holm' }],
      more: false,
    });
  });
});
