import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import type { CheckOptions } from '../../src/guard/check-options.js';
import { createRecipientChecker } from '../../src/guard/recipient-checker.js';

// Addresses as they stand on customer records: plain, with capitals, blanks around them, an
// internationalised domain, provider rules (Gmail's dots, +tags), and some that do not parse.
const ON_FILE = [
  'anna.svensson1985@gmail.com',
  'Anna.Svensson1985@Gmail.com',
  ' anna.svensson1985@gmail.com ',
  'a.svensson@svenssonbygg.se',
  'anna.svensson1985@hotmail.se',
  'jan.nyberg62@telia.com',
  'jana.nyberg62@telia.com',
  'nils61@outlook.com',
  'karinberg1970@icloud.com',
  'åke.löfgren@åkeri.se',
  'ake.lofgren@xn--keri-poa.se',
  'info@foretaget.se',
  'lnilsson@telia.se',
  'maria.lund79@gmail.com',
  'anna@mailinator.com',
  'anna..svensson@gmail.com',
  'anna svensson@gmail.com',
  'not an address',
  '',
];
const NAMES = ['Anna Svensson', 'Jan Nyberg', 'Nils Holm', 'Karin Berg', 'Åke Löfgren', 'Maria Lund'];
const PHONES = ['070-123 45 67', '+46701234567', '08-123 456 78', 'x', '+1 212 555 0100'];
const BIRTH_DATES = ['1985-04-12', '1962-11-03', '1979-07-30', '1961-01-01'];
const SLIP_CHARACTERS = [...'abcdeilnosAB0123456789.-_+@ ', 'å', 'ö', 'Å', '\u212A', 'о', '\u200B', '\n'];

const customer: fc.Arbitrary<Customer> = fc.record(
  {
    id: fc.constantFrom('C-1', 'C-2'),
    name: fc.constantFrom(...NAMES),
    emails: fc.array(fc.constantFrom(...ON_FILE), { maxLength: 3 }),
    phones: fc.array(fc.constantFrom(...PHONES), { maxLength: 2 }),
    birthDate: fc.constantFrom(...BIRTH_DATES),
    country: fc.constantFrom('SE', 'GB'),
  },
  { requiredKeys: ['id'] },
);

/** One slip as fingers make them: a character left out, added, changed, or two swapped. */
const slip = fc.tuple(fc.nat(), fc.constantFrom(0, 1, 2, 3), fc.constantFrom(...SLIP_CHARACTERS));
function applySlip(text: string, [at, kind, character]: [number, number, string]): string {
  const i = text.length === 0 ? 0 : at % text.length;
  if (kind === 0) return text.slice(0, i) + text.slice(i + 1);
  if (kind === 1) return text.slice(0, i) + character + text.slice(i);
  if (kind === 2) return text.slice(0, i) + character + text.slice(i + 1);
  return text.slice(0, i) + (text[i + 1] ?? '') + (text[i] ?? '') + text.slice(i + 2);
}

/** What is typed for a customer: a known address as on file, changed a little or not at all, or another. */
function entered(record: Customer): fc.Arbitrary<string> {
  const known = record.emails && record.emails.length > 0 ? record.emails : ['anna@example.se'];
  const base = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom(...ON_FILE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
  return fc
    .tuple(
      base,
      fc.constantFrom('as is', 'upper', 'trimmed', 'slips'),
      fc.array(slip, { minLength: 1, maxLength: 2 }),
    )
    .map(([text, change, slips]) => {
      if (change === 'upper') return text.toUpperCase();
      if (change === 'trimmed') return text.trim();
      if (change === 'slips') return slips.reduce(applySlip, text);
      return text;
    });
}

/** A change to the record between two checks, as a sales system makes them. */
const change = fc.constantFrom(
  (record: Customer) => (record.emails as string[] | undefined)?.push('anna.svensson185@gmail.com'),
  (record: Customer) => (record.emails as string[] | undefined)?.splice(0, 1, 'jan.nyberg62@telia.com'),
  (record: Customer) => (record.phones as string[] | undefined)?.splice(0, 1, '070-765 43 21'),
  (record: Customer) => Object.assign(record, { birthDate: '1958-04-12' }),
  (record: Customer) => Object.assign(record, { country: 'NO' }),
  (record: Customer) => Object.assign(record, { emails: ['lnilsson@telia.se'] }),
);

describe.each<[string, CheckOptions]>([
  ['in English', {}],
  ['in Swedish', { locale: 'sv' }],
])('the fast paths of the recipient check, %s', (_, options) => {
  const fast = createRecipientChecker(options);
  const plain = createRecipientChecker(options, { fastPaths: false });

  it('give exactly the verdicts of the plain reading, on the first check of a record and on every later one', () => {
    fc.assert(
      fc.property(
        customer.chain((record) => fc.tuple(fc.constant(record), entered(record), entered(record))),
        ([record, first, second]) => {
          const expected = plain({ entered: first, customer: structuredClone(record) });
          expect(fast({ entered: first, customer: record })).toEqual(expected);
          // The same record again: its facts are now remembered.
          expect(fast({ entered: first, customer: record })).toEqual(expected);
          expect(fast({ entered: second, customer: record })).toEqual(
            plain({ entered: second, customer: structuredClone(record) }),
          );
        },
      ),
      { numRuns: 3000, endOnFailure: true },
    );
  }, 120_000);

  it('read a record again once its addresses, phones, birth date or country have changed', () => {
    fc.assert(
      fc.property(
        customer.chain((record) => fc.tuple(fc.constant(record), entered(record), change)),
        ([record, typed, changeRecord]) => {
          fast({ entered: typed, customer: record });
          changeRecord(record);
          expect(fast({ entered: typed, customer: record })).toEqual(
            plain({ entered: typed, customer: structuredClone(record) }),
          );
          // The entry that now matches the changed record exactly.
          const now = record.emails?.[0];
          if (now !== undefined)
            expect(fast({ entered: now, customer: record })).toEqual(
              plain({ entered: now, customer: structuredClone(record) }),
            );
        },
      ),
      { numRuns: 2000, endOnFailure: true },
    );
  }, 120_000);
});
