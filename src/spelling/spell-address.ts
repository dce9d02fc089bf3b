import {
  natoSpellingAlphabet,
  type SpellingAlphabet,
  swedishSpellingAlphabet,
} from './data/spelling-alphabets.js';
import { displayAddress } from './display-domain.js';

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
  const phrases = phrasesOf(alphabet);
  // One phrase per character, joined once: a string grown phrase by phrase took time growing
  // faster than the address on long input.
  const spoken: string[] = [];
  // A domain in Punycode (`xn--keri-poa.se`) is read as the customer wrote it (`åkeri.se`).
  for (const character of displayAddress(address.trim())) {
    spoken.push(
      phrases.get(character) ?? phrases.get(character.toLowerCase()) ?? unknownCharacter(character),
    );
  }
  return spoken.join(', ');
}

const phraseCache = new WeakMap<SpellingAlphabet, ReadonlyMap<string, string>>();

/** Every phrase an alphabet says, built once: "a som i Adam", "snabel-a", "fem". */
function phrasesOf(alphabet: SpellingAlphabet): ReadonlyMap<string, string> {
  let phrases = phraseCache.get(alphabet);
  if (!phrases) {
    const map = new Map<string, string>();
    for (const [digit, word] of alphabet.digits.entries()) map.set(String(digit), word);
    for (const [letter, word] of Object.entries(alphabet.letters))
      map.set(letter, `${letter} ${alphabet.asIn} ${word}`);
    for (const [symbol, word] of Object.entries(alphabet.symbols)) map.set(symbol, word);
    phrases = map;
    phraseCache.set(alphabet, phrases);
  }
  return phrases;
}

/**
 * A letter the alphabet has no word for (é, ü, or another script) is named by its code point, so
 * nothing is read back as a letter it only resembles.
 */
function unknownCharacter(character: string): string {
  const codePoint = (character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
  return `${character} (U+${codePoint})`;
}
