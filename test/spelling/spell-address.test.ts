import { describe, expect, it } from 'vitest';
import { natoSpellingAlphabet, swedishSpellingAlphabet } from '../../src/spelling/data/spelling-alphabets.js';
import { spellAddress } from '../../src/spelling/spell-address.js';

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

  it('has a code word for every letter of its alphabet', () => {
    for (const letter of 'abcdefghijklmnopqrstuvwxyzåäö')
      expect(swedishSpellingAlphabet.letters[letter]).toBeTruthy();
    for (const letter of 'abcdefghijklmnopqrstuvwxyz')
      expect(natoSpellingAlphabet.letters[letter]).toBeTruthy();
  });
});
