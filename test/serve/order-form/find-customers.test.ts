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

describe('findCustomers', () => {
  it('finds a name by every word typed, whatever the case and accents', async () => {
    const customers = directory();
    expect(await findCustomers(customers, 'ostlund')).toEqual([{ id: 'C-1002', name: 'Åsa Östlund' }]);
    expect(await findCustomers(customers, 'ANNA berg')).toEqual([{ id: 'K-77', name: 'Anna Berg' }]);
    expect((await findCustomers(customers, 'anna')).map((hit) => hit.id)).toEqual(['C-1001', 'K-77']);
  });

  it('puts the exact id first, then ids that start with what was typed', async () => {
    const customers = directory();
    expect((await findCustomers(customers, 'C-1002')).map((hit) => hit.id)).toEqual(['C-1002']);
    expect((await findCustomers(customers, 'c-10')).map((hit) => hit.id)).toEqual(['C-1001', 'C-1002']);
  });

  it('answers at most the limit, and nothing for one character', async () => {
    const customers = directory();
    expect(await findCustomers(customers, 'a')).toEqual([]);
    expect(await findCustomers(customers, 'c-', { limit: 2 })).toHaveLength(2);
  });

  it('finds a customer added after the first search', async () => {
    const customers = directory();
    expect(await findCustomers(customers, 'holm')).toEqual([]);
    customers.add({ id: 'C-3003', name: 'Stina Holm', emails: ['stina.holm@gmail.com'] });
    expect(await findCustomers(customers, 'holm')).toEqual([{ id: 'C-3003', name: 'Stina Holm' }]);
  });
});
