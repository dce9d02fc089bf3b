import { parseAddress } from './parse-address.js';

/**
 * The one address a pasted or dictated text holds, where the text is not itself one address:
 *
 * - a `mailto:` link (RFC 6068), with its `?subject=…` dropped and `%40` read as @;
 * - a mailbox with a display name (RFC 5322 §3.4: `"Berg, Karin" <karin.berg@telia.com>`,
 *   `Karin Berg <karin.berg@telia.com>`): the address in the angle brackets;
 * - a name or comment in parentheses (RFC 5322 §3.2.2): `Karin Berg (karin.berg@telia.com)`,
 *   `karin.berg@telia.com (Karin Berg)`;
 * - the forms that hide an address from harvesters or that a salesperson types as it is said:
 *   `(at)`, `[at]`, `{at}`, `(a)`, `[@]` and `(dot)`, `[dot]`, `[.]`, and the spoken words `at`,
 *   `dot`, `dash`, `underscore` and their Swedish counterparts `snabel-a`, `punkt`,
 *   `bindestreck`, `understreck` (`karin.berg snabel-a telia punkt se`);
 * - the punctuation of the sentence it was copied from (`karin.berg@telia.com.`, quotes), and
 *   before it a label (`E-post: …`), a name set off by a comma, or a word such as `är` or `to`.
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
  const normal = text.replace(/[＠﹫]/g, '@').replace(/[．。｡]/g, '.');
  const spoken = !normal.includes('@') && !/%40/i.test(normal);
  // The bracketed forms may stand glued to the address: `karin.berg(at)telia.com`.
  const inner = enclosedAddress(normal.replace(BRACKETED_AT, ' @ ').replace(BRACKETED_DOT, ' . '));
  if (inner === undefined) return undefined;
  const tokens = inner.split(/\s+/).filter((token) => token !== '');
  const words = spoken ? readSpokenWords(tokens) : tokens;
  const at = words.findIndex((word) => word.includes('@') || /^mailto:.*%40/i.test(word));
  if (at === -1) return undefined;
  // Back from the @ to where the address starts: parts and separators in turn.
  let first = words[at] === '@' || words[at]?.startsWith('@') ? at - 1 : at;
  while (
    first >= 2 &&
    SEPARATORS.has(words[first - 1] as string) &&
    !SEPARATORS.has(words[first - 2] as string)
  )
    first -= 2;
  if (first < 0 || !(isLeadIn(words[first - 1]) || isOwnName(words.slice(0, first), words[first] as string)))
    return undefined;
  const parts: string[] = [];
  let last = '';
  for (let i = first; i < words.length; i++) {
    const word = words[i] as string;
    const separator = SEPARATORS.has(word);
    const glued =
      separator || last === '' || SEPARATORS.has(last) || last.endsWith('@') || word.startsWith('@');
    // Two parts side by side: words of a sentence, or two addresses; no one address either way.
    if (!glued) return undefined;
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
// `(a)` is how Swedish web pages have long written @ for harvesters to miss.
const BRACKETED_AT = /[([{] ?(?:at|a|@|snabel-?a) ?[)\]}]/giu;
const BRACKETED_DOT = /[([{] ?(?:dot|punkt|\.) ?[)\]}]/giu;
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
// Swedish quotes open with ” and » as often as they close with them.
const LEADING = new Set(['(', '[', '{', '"', "'", '«', '»', '“', '”', '„', '‘', '’', '<']);
const TRAILING = new Set([
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '…',
  ')',
  ']',
  '}',
  '"',
  "'",
  '»',
  '«',
  '”',
  '’',
  '>',
]);
// Words a sentence puts right before an address: `Min mejl är karin.berg@telia.com`.
const LEAD_INS = new Set([
  'är',
  'is',
  'till',
  'to',
  'på',
  'mejl',
  'mail',
  'email',
  'e-mail',
  'e-post',
  'epost',
  'adress',
  'adressen',
  'address',
  'mailto',
]);

/**
 * Whether the words before an address are the name a mail program shows with it (`Björn Jansson
 * bjorn.jansson@live.se`): letters only, and one of them in the address itself. A word that is
 * not (`karin berg@telia.com`) may be the address's own first part, typed with a space.
 */
function isOwnName(words: readonly string[], address: string): boolean {
  const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const local = plain(address.slice(0, Math.max(address.indexOf('@'), 0)));
  return (
    words.length > 0 &&
    words.length <= 4 &&
    words.every((word) => /^\p{L}+$/u.test(word)) &&
    words.some((word) => word.length >= 2 && local.includes(plain(word)))
  );
}

/**
 * Whether the word before an address leaves it one address: none, a label or a name set off by
 * a colon or comma (`E-post:`, `Berg, Karin,`), or a word that leads into an address. A bare word
 * (`karin berg@telia.com`) may be the address's own first part, typed with a space.
 */
function isLeadIn(word: string | undefined): boolean {
  if (word === undefined) return true;
  if (word.endsWith(':') || word.endsWith(',')) return !word.includes('@');
  return LEAD_INS.has(word.toLowerCase());
}

/**
 * The text inside the one pair of angle brackets (`Karin Berg <karin.berg@telia.com>`); else,
 * for one pair of parentheses, the address inside them (`Karin Berg (karin.berg@telia.com)`) or the
 * text without them when they hold a comment (RFC 5322 §3.2.2: `karin.berg@telia.com (Karin
 * Berg)`); else the whole text. Undefined for several pairs (a list) or a broken one.
 */
function enclosedAddress(text: string): string | undefined {
  const angle = enclosed(text, '<', '>');
  if (angle === undefined) return undefined;
  if (angle !== null) return angle.after === '' ? angle.inside : undefined;
  const round = enclosed(text, '(', ')');
  if (round === null) return text;
  if (round === undefined) return undefined;
  if (round.inside.includes('@'))
    return `${round.before} ${round.after}`.includes('@') ? undefined : round.inside;
  return `${round.before} ${round.after}`;
}

/**
 * The one pair of brackets in a text: null when there is none, undefined when there are several or
 * they do not pair; what follows is kept without the punctuation of a sentence.
 */
function enclosed(
  text: string,
  open: string,
  close: string,
): { before: string; inside: string; after: string } | null | undefined {
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start === -1 && end === -1) return null;
  if (
    start === -1 ||
    end < start ||
    text.indexOf(open, start + 1) !== -1 ||
    text.indexOf(close, end + 1) !== -1
  )
    return undefined;
  let after = text.slice(end + 1);
  let cut = 0;
  while (cut < after.length && (TRAILING.has(after[cut] as string) || /\s/u.test(after[cut] as string)))
    cut++;
  if (cut === after.length) after = '';
  return { before: text.slice(0, start), inside: text.slice(start + 1, end), after };
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
