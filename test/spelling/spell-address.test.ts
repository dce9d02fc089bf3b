import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charactersOf } from '../../src/spelling/characters-of.js';
import {
  natoSpellingAlphabet,
  type SpellingAlphabet,
  swedishSpellingAlphabet,
} from '../../src/spelling/data/spelling-alphabets.js';
import { displayAddress } from '../../src/spelling/display-domain.js';
import { spellAddress } from '../../src/spelling/spell-address.js';

/** The reading as defined: every character of the address as shown, one phrase each, in order. */
function spellEachCharacter(address: string, alphabet: SpellingAlphabet): string {
  const phrase = (character: string): string => {
    for (const candidate of [character, character.toLowerCase()]) {
      if (Object.hasOwn(alphabet.symbols, candidate)) return alphabet.symbols[candidate] as string;
      if (Object.hasOwn(alphabet.letters, candidate))
        return `${candidate} ${alphabet.asIn} ${alphabet.letters[candidate]}`;
      const digit = /^[0-9]$/.test(candidate) ? alphabet.digits[Number(candidate)] : undefined;
      if (digit !== undefined) return digit;
    }
    const codes = [...character].map(
      (codePoint) => `U+${(codePoint.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`,
    );
    return `${character} (${codes.join(' ')})`;
  };
  return charactersOf(displayAddress(address.trim())).map(phrase).join(', ');
}

describe('spellAddress', () => {
  it('reads an address back with the Swedish spelling alphabet', () => {
    expect(spellAddress('Åsa.ö-1@x.se', { locale: 'sv' })).toBe(
      'å som i Åke, s som i Sigurd, a som i Adam, punkt, ö som i Östen, bindestreck, ett, snabel-a, x som i Xerxes, punkt, s som i Sigurd, e som i Erik',
    );
  });

  it('reads an address back with the ICAO alphabet and digits one by one', () => {
    expect(spellAddress('jo_185+q@pm.me')).toBe(
      'j as in Juliett, o as in Oscar, underscore, one, eight, five, plus, q as in Quebec, at, p as in Papa, m as in Mike, dot, m as in Mike, e as in Echo',
    );
  });

  it('names a character no alphabet has by its code point instead of a letter it resembles', () => {
    expect(spellAddress('\u0430@x.se', { locale: 'en' })).toMatch(/^\u0430 \(U\+0430\), at,/);
  });

  it('reads an emoji sequence back as one character, naming each of its code points', () => {
    expect(spellAddress('ok\u{1F468}\u200D\u{1F469}\u200D\u{1F467}@x.se')).toBe(
      'o as in Oscar, k as in Kilo, \u{1F468}\u200D\u{1F469}\u200D\u{1F467} (U+1F468 U+200D U+1F469 U+200D U+1F467), at, x as in X-ray, dot, s as in Sierra, e as in Echo',
    );
    expect(spellAddress('\u{1F1F8}\u{1F1EA}@x.se')).toMatch(
      /^\u{1F1F8}\u{1F1EA} \(U\+1F1F8 U\+1F1EA\), at,/u,
    );
    expect(spellAddress('a\u{1F600}@x.se')).toMatch(/^a as in Alfa, \u{1F600} \(U\+1F600\), at,/u);
  });

  it('has a code word for every letter of its alphabet', () => {
    for (const letter of 'abcdefghijklmnopqrstuvwxyzåäö')
      expect(swedishSpellingAlphabet.letters[letter]).toBeTruthy();
    for (const letter of 'abcdefghijklmnopqrstuvwxyz')
      expect(natoSpellingAlphabet.letters[letter]).toBeTruthy();
  });

  it('reads every character of any text as its own phrase, the same on every call', () => {
    const character = fc.oneof(
      fc.constantFrom(
        ...'aZ09@.-_+ \tåÄöé\u0430\uD800\uDC00',
        '\u{1F600}',
        '\u{1F44D}\u{1F3FD}',
        '\u{1F1F8}\u{1F1EA}',
        '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const text = fc.oneof(
      fc.array(character, { maxLength: 20 }).map((characters) => characters.join('')),
      fc.constantFrom('anna@xn--keri-poa.se', 'a@b@gmail.com', '@gmail.com', 'anna@', 'ANNA@GMAIL.COM'),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('en', 'sv') as fc.Arbitrary<'en' | 'sv'>, (address, locale) => {
        const alphabet = locale === 'sv' ? swedishSpellingAlphabet : natoSpellingAlphabet;
        const expected = spellEachCharacter(address, alphabet);
        expect(spellAddress(address, { locale })).toBe(expected);
        // Again, now that its domain is remembered.
        expect(spellAddress(address, { locale })).toBe(expected);
      }),
      { numRuns: 3_000 },
    );
  });
});
