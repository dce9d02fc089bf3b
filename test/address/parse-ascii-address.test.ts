import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress, parseAddressInFull } from '../../src/address/parse-address.js';
import { parseAsciiAddress } from '../../src/address/parse-ascii-address.js';

// Characters that sit on the edge of what an address may hold: atext symbols, the specials of
// RFC 5322 §3.2.3, white space and line breaks, quotes, non-ASCII letters that UTS #46 maps
// (Å, ß, the Kelvin sign, full-width letters), invisible and control characters.
const EDGE = [
  ...'aZz09.-_+@',
  ..."!#$%&'*/=?^`{|}~",
  ...'"(),:;<>[]\\ \t\r\n',
  'å',
  'Å',
  'ß',
  '\u212A',
  'Ａ',
  '\u00A0',
  '\u200B',
  '\u0000',
  '\u007F',
  '\uD800',
  'é',
  'ı',
];
const edgeCharacter = fc.constantFrom(...EDGE);
const letterOrDigit = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const atom = fc
  .array(fc.oneof({ weight: 8, arbitrary: letterOrDigit }, { weight: 1, arbitrary: edgeCharacter }), {
    minLength: 0,
    maxLength: 12,
  })
  .map((characters) => characters.join(''));
/** A label of any length up to past the 63-character limit, hyphens and digits included. */
const label = fc.oneof(
  fc
    .array(
      fc.oneof(
        { weight: 8, arbitrary: letterOrDigit },
        { weight: 2, arbitrary: fc.constant('-') },
        { weight: 1, arbitrary: edgeCharacter },
      ),
      { minLength: 0, maxLength: 10 },
    )
    .map((characters) => characters.join('')),
  fc.integer({ min: 60, max: 66 }).map((length) => 'x'.repeat(length)),
  fc.constantFrom('xn--keri-poa', 'XN--KERI-POA', '123', '0', 'se', 'COM', '-se', 'se-', 'a--b'),
);
/** Local parts of any length up to past the 64-octet limit, dots anywhere. */
const local = fc.oneof(
  fc.array(atom, { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join('.')),
  fc.integer({ min: 62, max: 66 }).map((length) => 'a'.repeat(length)),
  fc.constantFrom('.anna', 'anna.', 'an..na', '"anna svensson"', '"a\\"b"', 'ANNA'),
);
const domain = fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.'));
/** Something around an address: nothing most of the time, else blanks, a line break, a name. */
const around = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\t', '\u00A0', '\r\n', '\n', '<', '>', ',', '"', '\uFEFF') },
);
const plainAtom = fc
  .array(
    fc.oneof({ weight: 12, arbitrary: letterOrDigit }, { weight: 1, arbitrary: fc.constantFrom(..."_+-'") }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((characters) => characters.join(''));
const plainLabel = fc
  .array(fc.oneof({ weight: 10, arbitrary: letterOrDigit }, { weight: 1, arbitrary: fc.constant('-') }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((characters) => characters.join(''));
/** Address-shaped strings with every kind of fault in them, and many with none. */
const addressLike = fc.oneof(
  fc
    .tuple(around, local, fc.constantFrom('@', '@', '@', '', '@@'), domain, around)
    .map(([before, l, at, d, after]) => `${before}${l}${at}${d}${after}`),
  fc
    .tuple(
      fc.array(plainAtom, { minLength: 1, maxLength: 3 }),
      fc.array(plainLabel, { minLength: 1, maxLength: 4 }),
    )
    .map(([atoms, labels]) => `${atoms.join('.')}@${labels.join('.')}`),
);
/** Long addresses around the 254-octet limit. */
const longAddress = fc
  .tuple(
    fc.integer({ min: 1, max: 64 }),
    fc.array(fc.integer({ min: 1, max: 63 }), { minLength: 2, maxLength: 6 }),
  )
  .map(([localLength, labels]) => `${'a'.repeat(localLength)}@${labels.map((n) => 'b'.repeat(n)).join('.')}`);
/** Any string at all, and any mix of the edge characters. */
const anything = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(edgeCharacter, { maxLength: 30 }).map((characters) => characters.join('')),
);

/** Checks the single pass against the full parser; counts how often the single pass answered. */
function sameAsFullParser(input: string, answered: { count: number }): void {
  const plain = parseAsciiAddress(input);
  const full = parseAddressInFull(input);
  if (plain) {
    answered.count++;
    expect({ ok: true, address: plain }).toEqual(full);
  }
  expect(parseAddress(input)).toEqual(full);
}

describe('parseAsciiAddress', () => {
  it('gives exactly the full parse for every address-shaped string it reads, and leaves the rest to the full parser', () => {
    const answered = { count: 0 };
    fc.assert(
      fc.property(addressLike, (input) => sameAsFullParser(input, answered)),
      { numRuns: 10_000 },
    );
    // Not a test that passes by never answering: most generated addresses are plain ASCII.
    expect(answered.count).toBeGreaterThan(2_000);
  });

  it('gives exactly the full parse around the RFC 5321 length limits', () => {
    const answered = { count: 0 };
    fc.assert(
      fc.property(longAddress, (input) => sameAsFullParser(input, answered)),
      { numRuns: 3_000 },
    );
    expect(answered.count).toBeGreaterThan(300);
  });

  it('never answers differently from the full parser on any string at all', () => {
    fc.assert(
      fc.property(anything, (input) => sameAsFullParser(input, { count: 0 })),
      { numRuns: 10_000 },
    );
  });

  it.each([
    ['anna@gmail.com'],
    ['Anna.Svensson@Gmail.COM'],
    ['a@b.c0'],
    ['a@b.0c'],
    ['a@xn--keri-poa.se'],
    ['a@B-c.se'],
    [`${'a'.repeat(64)}@gmail.com`],
    [`a@${'b'.repeat(63)}.se`],
  ])('reads the plain address %s exactly as the full parser does', (input) => {
    const plain = parseAsciiAddress(input);
    expect(plain).toBeDefined();
    expect({ ok: true, address: plain }).toEqual(parseAddressInFull(input));
  });

  it.each([
    [' anna@gmail.com'],
    ['anna@gmail.com\r\n'],
    ['"anna svensson"@gmail.com'],
    ['anna@åkeri.se'],
    ['anna@gmail.com.'],
    ['.anna@gmail.com'],
    ['anna.@gmail.com'],
    ['an..na@gmail.com'],
    ['anna@-gmail.com'],
    ['anna@gmail-.com'],
    ['anna@gmail.123'],
    ['anna@localhost'],
    ['anna@b@gmail.com'],
    [`${'a'.repeat(65)}@gmail.com`],
    [`a@${'b'.repeat(64)}.se`],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`],
  ])('leaves %j to the full parser', (input) => {
    expect(parseAsciiAddress(input)).toBeUndefined();
  });
});
