import { describe, expect, it } from 'vitest';
import { reportMisdirected } from '../../src/incident/index.js';
import { elsasMisdirectedOrder, elsasOrder } from '../support/elsas-misdirected-order.js';

const guardians = [
  'Vårdnadshavare: Anna Holm, anna.holm@telia.com, 070-123 45 67, Storgatan 12, 123 45 Stockholm',
  'Vårdnadshavare: Per Holm, per.holm@telia.com, 070-765 43 21',
];
const now = '2024-03-11T11:00:00+01:00';

describe('a child’s message that labels two guardians', () => {
  it.each([
    ['en', 'per.holm@telia.com', 'not sent'],
    ['sv', 'per.holm@telia.com', 'inte skickat'],
  ] as const)(
    'says which guardian the notice goes to and names the other, not dropped without a word (%s)',
    async (locale, other, notSent) => {
      const result = await reportMisdirected(
        {
          ...elsasMisdirectedOrder(guardians),
          message: elsasOrder(guardians),
          customer: { id: '4711023', name: 'Elsa Holm', minor: true },
        },
        { now, locale },
      );
      expect(result.notices.email.to).toBe('anna.holm@telia.com');
      const notes = result.inventory.notes.join('\n');
      expect(notes).toContain('anna.holm@telia.com');
      expect(notes).toContain(other);
      expect(notes).toContain(notSent);
    },
  );
});
