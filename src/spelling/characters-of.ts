// An emoji or a flag (a pair of regional indicators): one character however many code points it
// takes (Unicode UTS #51 emoji sequences, UAX #29 grapheme clusters).
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

// A character a person sees as one may take more than one UTF-16 code unit: a surrogate pair (an
// emoji, U+1F600), a zero-width joiner (U+200D) or emoji variation selector (U+FE0F) inside an
// emoji sequence, a combining keycap (U+20E3).
const COMPOSED = /[\uD800-\uDFFF]|\u200D|\uFE0F|\u20E3/;

/** Whether `text` may hold a character of more than one UTF-16 code unit (else each unit is one). */
export function isComposed(text: string): boolean {
  return COMPOSED.test(text);
}

let graphemes: Intl.Segmenter | undefined;

/**
 * The characters of `text` as a person counts them: code points, and each emoji sequence as one
 * (a skin tone, a ZWJ family, a flag: UAX #29 grapheme clusters). A letter and a combining mark
 * stay two, as messages and read-backs name an invisible mark on its own (U+0308). Without
 * `Intl.Segmenter`, code points.
 *
 * @example
 * ```ts
 * charactersOf('ok\u{1F44D}\u{1F3FD}'); // ['o', 'k', '\u{1F44D}\u{1F3FD}']
 * ```
 */
export function charactersOf(text: string): string[] {
  // Text of single code units (nearly every address) needs no segmenter, which costs microseconds.
  if (!isComposed(text)) return text.split('');
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return Array.from(text);
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const characters: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (segment.length === 1 || EMOJI.test(segment)) characters.push(segment);
    else for (const character of segment) characters.push(character);
  }
  return characters;
}
