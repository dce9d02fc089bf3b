import { describe, expect, it } from 'vitest';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { codes, find } from '../support/verdict-findings.js';

const maria = { id: 'C-1', name: 'Maria Lund', emails: ['maria.lund79@telia.com'] };
const nils = { id: 'C-2', name: 'Nils Ek', emails: ['nils61@gmail.com'] };
const olle = { id: 'C-3', name: 'Olle Sand', emails: ['olle.12@hotmail.com'] };
const karin = { id: 'C-4', name: 'Karin Berg', emails: ['karinberg1970@telia.com'] };
const stina = { id: 'C-5', name: 'Stina Holm', emails: ['stina.holm@bredband.net'] };
const jan = { id: 'C-6', name: 'Jan Nyberg', emails: ['jan.nyberg62@telia.com'] };

describe('a whole number dropped or changed', () => {
  it('asks to confirm a known address typed without its number, suggesting the known one', () => {
    const verdict = checkRecipient({ entered: 'maria.lund@telia.com', customer: maria });
    expect(verdict.action).toBe('confirm');
    expect(verdict.suggestion).toBe('maria.lund79@telia.com');
    expect(codes(verdict)).toEqual(['number-changed', 'unverified-address']);
    const change = find(verdict, 'number-changed');
    expect(change).toMatchObject({ known: 'maria.lund79@telia.com', knownNumber: '79', severity: 'warning' });
    expect(change.message).toBe(
      "The number is missing: the customer's known address is maria.lund79@telia.com. A name without its number usually belongs to someone else.",
    );
  });

  it('says so in Swedish', () => {
    const verdict = checkRecipient({ entered: 'olle@hotmail.com', customer: olle }, { locale: 'sv' });
    expect(verdict.suggestion).toBe('olle.12@hotmail.com');
    expect(find(verdict, 'number-changed').message).toBe(
      'Numret saknas: kundens kända adress är olle.12@hotmail.com. Ett namn utan sitt nummer tillhör oftast någon annan.',
    );
  });

  it('asks to confirm a two-digit year written with four digits', () => {
    const verdict = checkRecipient({ entered: 'nils1961@gmail.com', customer: nils });
    expect(verdict.action).toBe('confirm');
    expect(verdict.suggestion).toBe('nils61@gmail.com');
    const change = find(verdict, 'number-changed');
    expect(change).toMatchObject({ enteredNumber: '1961', knownNumber: '61' });
    expect(change.message).toBe(
      "The number is different (1961 instead of 61): the customer's known address is nils61@gmail.com.",
    );
  });

  it.each([
    ['maria.lund1979@telia.com', maria, '1979', '79'],
    ['maria.lund79@telia.com', { ...maria, emails: ['maria.lund1979@telia.com'] }, '79', '1979'],
    ['karin.berg2003@telia.com', { ...karin, emails: ['karin.berg03@telia.com'] }, '2003', '03'],
  ])(
    'asks to confirm %s, the year of a long known address with its century added or left out, as docs/check.md says',
    (entered, customer, enteredNumber, knownNumber) => {
      const verdict = checkRecipient({ entered, customer });
      expect(verdict.action).toBe('confirm');
      expect(verdict.suggestion).toBe(customer.emails[0]);
      expect(codes(verdict)).toEqual(['number-changed', 'unverified-address']);
      const change = find(verdict, 'number-changed');
      expect(change).toMatchObject({ enteredNumber, knownNumber });
      expect(change.message).toBe(
        `The number is different (${enteredNumber} instead of ${knownNumber}): the customer's known address is ${customer.emails[0]}.`,
      );
    },
  );

  it('keeps blocking two slips in the number of a long known address as a near miss', () => {
    const verdict = checkRecipient({
      entered: 'maria.lund1988@telia.com',
      customer: { ...maria, emails: ['maria.lund1979@telia.com'] },
    });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)).toContain('near-miss');
  });

  it('keeps blocking a one-slip change of the number as a near miss', () => {
    const verdict = checkRecipient({ entered: 'maria.lund7@telia.com', customer: maria });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)).toContain('near-miss');
    expect(codes(verdict)).not.toContain('number-changed');
  });

  it('reads a number added to a plain known name as another address, as before', () => {
    const verdict = checkRecipient({
      entered: 'anna.jonsson37@gmail.com',
      customer: { id: 'C-7', name: 'Anna Jonsson', emails: ['anna.jonsson@gmail.com'] },
    });
    expect(verdict.action).toBe('confirm');
    expect(codes(verdict)).toEqual(['unverified-address']);
    expect(verdict.suggestion).toBeUndefined();
  });

  it('compares only with known addresses at the same provider', () => {
    const verdict = checkRecipient({ entered: 'maria.lund@gmail.com', customer: maria });
    expect(codes(verdict)).toEqual(['unverified-address']);
  });
});

describe('name order or separator changed', () => {
  it('asks to confirm the name parts in another order, suggesting the known address', () => {
    const verdict = checkRecipient({ entered: 'holm-stina@bredband.net', customer: stina });
    expect(verdict.action).toBe('confirm');
    expect(verdict.suggestion).toBe('stina.holm@bredband.net');
    expect(codes(verdict)).toEqual(['name-reordered', 'unverified-address']);
    expect(find(verdict, 'name-reordered').message).toBe(
      "The same name in another order or with other separators: the customer's known address is stina.holm@bredband.net.",
    );
  });

  it("splits a run-together name with the customer's name", () => {
    const verdict = checkRecipient({ entered: 'bergkarin1970@telia.com', customer: karin });
    expect(verdict.suggestion).toBe('karinberg1970@telia.com');
    expect(codes(verdict)).toContain('name-reordered');
    const nameless = checkRecipient({
      entered: 'bergkarin1970@telia.com',
      customer: { id: 'C-4', emails: ['karinberg1970@telia.com'] },
    });
    expect(codes(nameless)).toEqual(['unverified-address']);
  });

  it('says so in Swedish', () => {
    const verdict = checkRecipient({ entered: 'holm.stina@bredband.net', customer: stina }, { locale: 'sv' });
    expect(find(verdict, 'name-reordered').message).toBe(
      'Samma namn i en annan ordning eller med andra skiljetecken: kundens kända adress är stina.holm@bredband.net.',
    );
  });

  it('leaves a genuinely new address alone', () => {
    const verdict = checkRecipient({ entered: 'k.berg@telia.com', customer: karin });
    expect(codes(verdict)).toEqual(['unverified-address']);
    expect(verdict.suggestion).toBeUndefined();
  });
});

describe('household members', () => {
  it('asks to confirm another real first name one slip away instead of blocking it', () => {
    const verdict = checkRecipient({ entered: 'jana.nyberg62@telia.com', customer: jan });
    expect(verdict.action).toBe('confirm');
    expect(codes(verdict)).toEqual(['other-first-name', 'unverified-address']);
    expect(verdict.suggestion).toBe('jan.nyberg62@telia.com');
    const other = find(verdict, 'other-first-name');
    expect(other).toMatchObject({
      known: 'jan.nyberg62@telia.com',
      enteredName: 'jana',
      customerName: 'Jan',
    });
    expect(other.message).toBe(
      "The name Jana stands where the customer's known address jan.nyberg62@telia.com has Jan: probably another person in the household. Ask the customer which address is meant.",
    );
  });

  it('says so in Swedish', () => {
    const verdict = checkRecipient({ entered: 'jana.nyberg62@telia.com', customer: jan }, { locale: 'sv' });
    expect(find(verdict, 'other-first-name').message).toBe(
      'Namnet Jana står där kundens kända adress jan.nyberg62@telia.com har Jan: troligen en annan person i hushållet. Fråga kunden vilken adress som avses.',
    );
  });

  it('names another first name further away too, without blocking', () => {
    const verdict = checkRecipient({ entered: 'eva.nyberg62@telia.com', customer: jan });
    expect(verdict.action).toBe('confirm');
    expect(codes(verdict)).toEqual(['other-first-name', 'unverified-address']);
  });

  it('still blocks a typo of the customer own first name', () => {
    const verdict = checkRecipient({ entered: 'jna.nyberg62@telia.com', customer: jan });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)).toContain('near-miss');
  });

  it('never reads a household member without the customer name', () => {
    const verdict = checkRecipient({
      entered: 'jana.nyberg62@telia.com',
      customer: { id: 'C-6', emails: ['jan.nyberg62@telia.com'] },
    });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)).not.toContain('other-first-name');
  });

  it('sends the known address entered exactly', () => {
    const verdict = checkRecipient({ entered: 'jan.nyberg62@telia.com', customer: jan });
    expect(verdict.action).toBe('send');
    expect(codes(verdict)).toEqual(['exact-match']);
  });
});

describe('the first-name list', () => {
  it('can be replaced through the options', () => {
    const withoutJana = { firstNames: new Set(['eva']) };
    expect(checkRecipient({ entered: 'jana.nyberg62@telia.com', customer: jan }, withoutJana).action).toBe(
      'block',
    );
    expect(() =>
      checkRecipient({ entered: 'x@y.se', customer: jan }, { firstNames: ['eva'] as never }),
    ).toThrow(/firstNames/);
  });
});

describe('the cost of reading rewritten addresses', () => {
  it('grows linearly with the number of known addresses, each one read', async () => {
    const { expectLinearGrowth } = await import('../support/growth.js');
    await expectLinearGrowth({
      n: 60,
      make: (n) => ({
        id: 'C-9',
        name: 'Karin Maria Berg Lund',
        emails: Array.from({ length: n }, (_, i) => `karin.berg${i + 10}@telia.com`),
      }),
      run: (customer) => {
        for (let i = 0; i < 20; i++) checkRecipient({ entered: 'berg.karin@telia.com', customer });
      },
    });
  });
});

describe('the number-changed message', () => {
  it('also says when a number was added where the known address has none', async () => {
    const { messageFor } = await import('../../src/guard/messages.js');
    const facts = {
      code: 'number-changed',
      action: 'confirm',
      severity: 'warning',
      known: 'anna.jonsson@gmail.com',
      enteredNumber: '37',
    } as const;
    expect(messageFor(facts, 'en')).toBe(
      "A number (37) has been added: the customer's known address is anna.jonsson@gmail.com.",
    );
    expect(messageFor(facts, 'sv')).toBe(
      'Ett nummer (37) har lagts till: kundens kända adress är anna.jonsson@gmail.com.',
    );
  });
});

describe('characters that are no separator', () => {
  it.each([
    ['maria.lund😀😀@telia.com', 'maria.lund@telia.com'],
    ['maria.lund@telia.com', 'maria.lund😀😀@telia.com'],
    ['lund😀maria@telia.com', 'maria.lund@telia.com'],
    ['"lund.maria"@telia.com', 'maria.lund@telia.com'],
    ['"maria lund"@telia.com', 'maria.lund@telia.com'],
    ['maria.lund@telia.com', '"maria lund"@telia.com'],
    ["o'lund.maria@telia.com", 'olund.maria@telia.com'],
  ])('does not call %s a reordering of the known %s', (entered, known) => {
    const verdict = checkRecipient({ entered, customer: { ...maria, emails: [known] } });
    expect(codes(verdict)).not.toContain('name-reordered');
    expect(verdict.action).not.toBe('send');
  });

  it('still reads the separators . - _ + as separators', () => {
    const verdict = checkRecipient({
      entered: 'lund_maria@telia.com',
      customer: { ...maria, emails: ['maria.lund@telia.com'] },
    });
    expect(codes(verdict)).toContain('name-reordered');
  });
});

describe('checkRecipient: names reordered with a slip in them (issue 9)', () => {
  it.each([
    ['ohman.svenaake@telia.com', 'svenake.ohman@telia.com', 'Sven-Åke Öhman', 'svenaake for svenake'],
    ['lund.mraia79@telia.com', 'maria.lund79@telia.com', 'Maria Lund', 'mraia for maria'],
    ['lundmraia79@telia.com', 'maria.lund79@telia.com', 'Maria Lund', 'mraia for maria'],
  ])('suggests the known address for %s, naming the order and the slip', (entered, known, name, slip) => {
    const verdict = checkRecipient({ entered, customer: { id: 'C-1', name, emails: [known] } });
    expect(verdict.action).toBe('confirm');
    expect(verdict.suggestion).toBe(known);
    const reordered = verdict.findings.find((finding) => finding.code === 'name-reordered');
    expect(reordered?.message).toBe(
      `The same name in another order or with other separators, and ${slip}: the customer's known address is ${known}.`,
    );
  });

  it('says so in Swedish', () => {
    const verdict = checkRecipient(
      { entered: 'lund.mraia79@telia.com', customer: { id: 'C-1', emails: ['maria.lund79@telia.com'] } },
      { locale: 'sv' },
    );
    expect(verdict.findings.find((finding) => finding.code === 'name-reordered')?.message).toBe(
      'Samma namn i en annan ordning eller med andra skiljetecken, och mraia i stället för maria: kundens kända adress är maria.lund79@telia.com.',
    );
  });
});
