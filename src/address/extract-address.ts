import { parseAddress } from './parse-address.js';

/**
 * The one address a pasted or dictated text holds, where the text is not itself one address:
 *
 * - a `mailto:` link (RFC 6068), with its `?subject=…` dropped and `%40` read as @;
 * - a mailbox with a display name (RFC 5322 §3.4: `"Berg, Karin" <karin.berg@telia.com>`,
 *   `Karin Berg <karin.berg@telia.com>`): the address in the angle brackets;
 * - the forms that hide an address from harvesters or that a salesperson types as it is said:
 *   `(at)`, `[at]`, `{at}` and `(dot)`, `[dot]`, and the spoken words `at`, `dot`, `dash`,
 *   `underscore` and their Swedish counterparts `snabel-a`, `punkt`, `bindestreck`, `understreck`
 *   (`karin.berg snabel-a telia punkt se`);
 * - the punctuation of the sentence it was copied from (`karin.berg@telia.com.`, quotes,
 *   parentheses) and a leading label (`E-post: …`).
 *
 * Spoken words are read only where the text has no @ of its own, and only as a strict alternation
 * of parts and separators: `karin berg at telia dot com` holds no one address (is it `karin.berg`
 * or `karinberg`?), nor does a list. What is returned is exactly what {@link parseAddress} accepts.
 * Text with a line break or another control character is never read (a header-injection attempt,
 * RFC 5322 §2.2). The work is linear in the length of the text.
 *
 * @example
 * ```ts
 * extractAddress('"Berg, Karin" <karin.berg@telia.com>'); // 'karin.berg@telia.com'
 * extractAddress('karin.berg snabel-a telia punkt se');   // 'karin.berg@telia.se'
 * extractAddress('karin.berg@telia.com, bo@telia.com');   // undefined: two addresses
 * ```
 */
export function extractAddress(text: string): string | undefined {
  if (typeof text !== 'string' || CONTROL.test(text)) return undefined;
  const inner = angleContent(text.replace(/[＠﹫]/g, '@').replace(/[．。｡]/g, '.'));
  if (inner === undefined) return undefined;
  const spoken = !inner.includes('@') && !/%40/i.test(inner);
  const tokens = inner
    // The bracketed forms may stand glued to the address: `karin.berg(at)telia.com`.
    .replace(BRACKETED_AT, ' @ ')
    .replace(BRACKETED_DOT, ' . ')
    .split(/\s+/)
    .filter((token) => token !== '');
  const words = spoken ? readSpokenWords(tokens) : tokens;
  // A label before the address (`E-post:`, `Email:`, `Till:`) is not part of it.
  let first = 0;
  while (first < words.length - 1 && /^[\p{L}-]+:$/u.test(words[first] as string)) first++;
  const parts: string[] = [];
  let last = '';
  for (let i = first; i < words.length; i++) {
    const word = words[i] as string;
    const separator = SEPARATORS.has(word);
    // Two parts side by side: words of a sentence, or two addresses; no one address either way.
    if (!separator && last !== '' && !SEPARATORS.has(last)) return undefined;
    if (separator && (last === '@' || last === '.')) return undefined;
    parts.push(word);
    last = word;
  }
  const address = readLink(trimPunctuation(parts.join('')));
  if (address === undefined || address.indexOf('@') !== address.lastIndexOf('@')) return undefined;
  return parseAddress(address).ok ? address : undefined;
}

// CR/LF and every other control character (RFC 5322 §2.2; Unicode Cc, the line and paragraph separators).
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// Fixed-length patterns: no backtracking over runs of spaces, so the work stays linear.
const BRACKETED_AT = /[([{] ?(?:at|snabel-?a) ?[)\]}]/giu;
const BRACKETED_DOT = /[([{] ?(?:dot|punkt) ?[)\]}]/giu;
const SEPARATORS = new Set(['@', '.', '-', '_']);
// Spoken separators, English and Swedish (`snabel-a` is the Swedish name of @).
const SPOKEN: ReadonlyMap<string, string> = new Map([
  ['at', '@'],
  ['snabel-a', '@'],
  ['snabela', '@'],
  ['dot', '.'],
  ['punkt', '.'],
  ['dash', '-'],
  ['hyphen', '-'],
  ['bindestreck', '-'],
  ['underscore', '_'],
  ['understreck', '_'],
]);
const LEADING = new Set(['(', '[', '{', '"', "'", '«', '“', '‘', '<']);
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '"', "'", '»', '”', '’', '>']);

/**
 * The text inside the one pair of angle brackets, or the whole text without any; undefined for
 * several pairs (a list) or a broken pair.
 */
function angleContent(text: string): string | undefined {
  const open = text.indexOf('<');
  const close = text.indexOf('>');
  if (open === -1 && close === -1) return text;
  if (
    open === -1 ||
    close < open ||
    text.indexOf('<', open + 1) !== -1 ||
    text.indexOf('>', close + 1) !== -1
  )
    return undefined;
  // After the closing bracket only the punctuation of a sentence may follow.
  for (const character of text.slice(close + 1)) {
    if (!TRAILING.has(character) && !/\s/u.test(character)) return undefined;
  }
  return text.slice(open + 1, close);
}

/** Spoken separators as their characters: `snabel` `a` is one @. */
function readSpokenWords(tokens: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const lower = token.toLowerCase();
    if (lower === 'snabel' && tokens[i + 1]?.toLowerCase() === 'a') {
      words.push('@');
      i++;
    } else words.push(SPOKEN.get(lower) ?? token);
  }
  return words;
}

/** Without the quotes, brackets and sentence punctuation around it; linear, unlike a regex `+$`. */
function trimPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && LEADING.has(text[start] as string)) start++;
  while (end > start && TRAILING.has(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

/** A `mailto:` link's address (RFC 6068 §2): without the scheme and the header fields, decoded. */
function readLink(text: string): string | undefined {
  if (!/^mailto:/i.test(text)) return text;
  const question = text.indexOf('?');
  const target = text.slice('mailto:'.length, question === -1 ? text.length : question);
  try {
    const decoded = decodeURIComponent(target);
    return CONTROL.test(decoded) ? undefined : decoded;
  } catch {
    return undefined;
  }
}
