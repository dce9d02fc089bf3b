import {
  natoSpellingAlphabet,
  type SpellingAlphabet,
  swedishSpellingAlphabet,
} from './data/spelling-alphabets.js';

/** Options of {@link spellAddress}. */
export interface SpellAddressOptions {
  /** Which language to read back in. @default 'en' */
  readonly locale?: 'en' | 'sv';
  /** A spelling alphabet of your own. @default the Swedish alphabet for 'sv', ICAO/NATO for 'en' */
  readonly alphabet?: SpellingAlphabet;
}

/**
 * The address as it is read back on the phone: each letter with its code word, each digit on its
 * own, every symbol by name, so "anna185" cannot be heard as "anna1985".
 *
 * @example
 * ```ts
 * spellAddress('ab1@x.se', { locale: 'sv' });
 * // 'a som i Adam, b som i Bertil, ett, snabel-a, x som i Xerxes, punkt, s som i Sigurd, e som i Erik'
 * spellAddress('ab1@x.se');
 * // 'a as in Alfa, b as in Bravo, one, at, x as in X-ray, dot, s as in Sierra, e as in Echo'
 * ```
 */
export function spellAddress(address: string, options: SpellAddressOptions = {}): string {
  const alphabet =
    options.alphabet ?? (options.locale === 'sv' ? swedishSpellingAlphabet : natoSpellingAlphabet);
  const words: string[] = [];
  for (const character of address.trim()) {
    const lower = character.toLowerCase();
    const digit = '0123456789'.indexOf(character);
    if (digit >= 0) {
      words.push(alphabet.digits[digit] as string);
    } else if (alphabet.letters[lower]) {
      words.push(`${lower} ${alphabet.asIn} ${alphabet.letters[lower]}`);
    } else if (alphabet.symbols[character]) {
      words.push(alphabet.symbols[character] as string);
    } else {
      // A letter the alphabet has no word for (é, ü, or another script): name its code point, so
      // nothing is read back as a letter it only resembles.
      const codePoint = (character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
      words.push(`${character} (U+${codePoint})`);
    }
  }
  return words.join(', ');
}
