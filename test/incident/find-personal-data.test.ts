import { describe, it } from 'vitest';
import { findPersonalData } from '../../src/incident/find-personal-data.js';
import { expectLinearGrowth } from '../support/growth.js';

// A sent message is untrusted text: each pattern of findPersonalData must read it in time in
// proportion to its length, also where a label is followed by a long run without what should end
// it (a colon, a digit, a value) or by many matches that fail at the last step.

/** Repeats `unit` until the text is `n` characters long. */
function run(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

// Each case: its name, the text of size n, and n.
const cases: Record<string, ReadonlyArray<[string, (n: number) => string, number]>> = {
  'the password in a sentence': [
    ['a label and white space without a colon', (n) => `Lösenordet till bilagan är${' '.repeat(n)}x`, 20_000],
    ['a label and line breaks without a colon', (n) => `The password ${'\n'.repeat(n)}x`, 5_000],
    [
      'labels, each followed by words without a colon',
      (n) => run('password is the one we agreed on ', n),
      20_000,
    ],
    ['labels and colons with a value too short', (n) => run('lösenordet är: abc ', n), 20_000],
    ['labels followed by white space', (n) => run(`password${' '.repeat(45)}`, n), 20_000],
    ['a pin followed by white space', (n) => `pin${' '.repeat(n)}x`, 20_000],
  ],
  'the bank details': [
    ['a bankgiro label and white space without a number', (n) => `Bankgiro:${' '.repeat(n)}x`, 20_000],
    ['bankgiro labels with half a number', (n) => run('bg 123- ', n), 20_000],
    ['plusgiro labels with digits and spaces', (n) => run('pg 1 2 3 4 5 6 7 8 ', n), 20_000],
    [
      'an account label, a clearing number and separators',
      (n) => `konto 1234${' -,'.repeat(n / 3)}x`,
      20_000,
    ],
    ['an account label, a clearing number and digits', (n) => `kontonummer 1234 ${'1'.repeat(n)}`, 20_000],
    ['account labels with a clearing number', (n) => run('konto 1234, ', n), 20_000],
    ['an OCR label and a long run of digits', (n) => `OCR ${'1'.repeat(n)}`, 20_000],
    ['OCR labels with one digit', (n) => run('OCR-nr 1 ', n), 20_000],
  ],
  'identity numbers': [
    ['CPR-shaped runs', (n) => run('120485-1234 ', n), 20_000],
    ['digit runs one short of a fødselsnummer', (n) => run('0101901248 ', n), 20_000],
    ['one long run of digits', (n) => '1'.repeat(n), 20_000],
    ['NI-shaped runs', (n) => run('AB 12 34 56 C ', n), 20_000],
  ],
  'the amount due': [
    // Small sizes: a pattern that splits one run of white space between several \s* is cubic, and
    // would take minutes at the sizes of the other cases.
    ['a label and white space without an amount', (n) => `Att betala${' '.repeat(n)}x`, 150],
    ['a label, a colon and white space without an amount', (n) => `Amount due:${' '.repeat(n)}SEK x`, 150],
    ['a label and an amount followed by white space', (n) => `Att betala 1${' '.repeat(n)}`, 20_000],
    ['a label and a long amount', (n) => `Att betala: ${run('1 000.', n)}`, 2_000],
    ['labels with a currency and no amount', (n) => run('att betala: SEK ', n), 20_000],
  ],
  'the prices': [
    // One line without a break: each price looks back for the line's start, never past its lead.
    ['prices on one long line', (n) => run('1 kr ', n), 20_000],
    ['prices with a period on one long line', (n) => run('99 kr/mån ', n), 20_000],
    ['pound prices on one long line', (n) => run('£1,299.00 ', n), 20_000],
    ['a pound sign and a long run of digits', (n) => `£${'1'.repeat(n)}`, 20_000],
  ],
  'masked card numbers': [
    ['a long run of mask characters', (n) => `${'*'.repeat(n)} 4417`, 20_000],
    ['mask groups without digits', (n) => run('**** ', n), 20_000],
  ],
  'the addresses': [
    ['capitalised words before a half postcode', (n) => run('Leeds Elm LS6 ', n), 20_000],
    ['street lines without a town', (n) => run('14 Elm Grove\n', n), 20_000],
    ['Nordic streets with a postcode and no town', (n) => run('Elmevej 14, 2100 ', n), 20_000],
  ],
  'the date of birth': [
    ['a label and white space without a date', (n) => `Födelsedatum:${' '.repeat(n)}x`, 20_000],
    ['labels with half a date', (n) => run('född 2011-04 ', n), 20_000],
  ],
};

for (const [pattern, patternCases] of Object.entries(cases)) {
  describe(`findPersonalData reads ${pattern} in linear time`, () => {
    for (const [name, make, n] of patternCases) {
      it(name, async () => {
        await expectLinearGrowth({ n, make, run: (text: string) => findPersonalData(text), tries: 5 });
      });
    }
  });
}
