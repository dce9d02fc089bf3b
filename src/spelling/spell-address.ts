import { charactersOf, isComposed } from './characters-of.js';
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
  // A domain in Punycode (`xn--keri-poa.se`) is read as the customer wrote it (`åkeri.se`).
  const shown = displayAddress(address.trim());
  const at = shown.lastIndexOf('@');
  if (at < 0) return spell(shown, alphabet);
  // The same few domains come back check after check (gmail.com, telia.com): each is spelled once.
  // The two halves join as the whole would, one phrase per character.
  const domain = shown.slice(at);
  let domains = domainCache.get(alphabet);
  if (!domains) {
    domains = new Map();
    domainCache.set(alphabet, domains);
  }
  let spokenDomain = domains.get(domain);
  if (spokenDomain === undefined) {
    spokenDomain = spell(domain, alphabet);
    if (domain.length <= MAX_CACHED_DOMAIN) {
      if (domains.size >= DOMAIN_CACHE_SIZE) domains.delete(domains.keys().next().value as string);
      domains.set(domain, spokenDomain);
    }
  }
  return at === 0 ? spokenDomain : `${spell(shown.slice(0, at), alphabet)}, ${spokenDomain}`;
}

const DOMAIN_CACHE_SIZE = 1024;
// An `@` and a domain of at most 253 octets (RFC 1035 §2.3.4) as people read it; longer text is not a domain.
const MAX_CACHED_DOMAIN = 254;
const domainCache = new WeakMap<SpellingAlphabet, Map<string, string>>();

/**
 * One phrase per character, joined once: a string grown phrase by phrase took time growing faster
 * than the text on long input. An emoji sequence (a skin tone, a flag, a ZWJ family: UAX #29) is
 * one character and one phrase, as a person sees it.
 */
function spell(text: string, alphabet: SpellingAlphabet): string {
  const phrases = phrasesOf(alphabet);
  const ascii = asciiPhrasesOf(alphabet, phrases);
  const spoken: string[] = [];
  if (isComposed(text)) {
    for (const character of charactersOf(text)) {
      const unit = character.charCodeAt(0);
      spoken.push(
        character.length === 1 && unit < 0x80 ? (ascii[unit] as string) : phraseOf(character, phrases),
      );
    }
    return spoken.join(', ');
  }
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      spoken.push(ascii[unit] as string);
      continue;
    }
    const character = String.fromCodePoint(text.codePointAt(i) as number);
    i += character.length - 1;
    spoken.push(phraseOf(character, phrases));
  }
  return spoken.join(', ');
}

function phraseOf(character: string, phrases: ReadonlyMap<string, string>): string {
  return phrases.get(character) ?? phrases.get(character.toLowerCase()) ?? unknownCharacter(character);
}

const asciiCache = new WeakMap<SpellingAlphabet, readonly string[]>();

/** The phrase of each ASCII character, indexed by its code: the characters of nearly every address. */
function asciiPhrasesOf(alphabet: SpellingAlphabet, phrases: ReadonlyMap<string, string>): readonly string[] {
  let table = asciiCache.get(alphabet);
  if (!table) {
    table = Array.from({ length: 0x80 }, (_, code) => phraseOf(String.fromCharCode(code), phrases));
    asciiCache.set(alphabet, table);
  }
  return table;
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
 * nothing is read back as a letter it only resembles; an emoji sequence by each of its code points.
 */
function unknownCharacter(character: string): string {
  const codePoints: string[] = [];
  for (const codePoint of character)
    codePoints.push(`U+${(codePoint.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
  return `${character} (${codePoints.join(' ')})`;
}
