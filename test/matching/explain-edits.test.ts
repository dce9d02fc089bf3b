import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainEdits, explainEditsInFull } from '../../src/matching/explain-edits.js';

/** Every string over `alphabet` up to `longest` characters. */
function allWords(alphabet: string, longest: number): string[] {
  const words = [''];
  let level = [''];
  for (let length = 1; length <= longest; length++) {
    level = level.flatMap((word) => [...alphabet].map((character) => word + character));
    words.push(...level);
  }
  return words;
}

/** `text` with one to three slips: a character added, dropped, replaced, or two swapped. */
const slipped = (text: string, alphabet: string) =>
  fc
    .array(fc.tuple(fc.nat(4), fc.nat(text.length + 3), fc.constantFrom(...alphabet)), {
      minLength: 1,
      maxLength: 3,
    })
    .map((slips) => {
      const characters = [...text];
      for (const [kind, position, character] of slips) {
        const at = Math.min(position, characters.length);
        if (kind === 0) characters.splice(at, 0, character);
        else if (kind === 1) characters.splice(at, 1);
        else if (kind === 2 && at < characters.length) characters[at] = character;
        else if (at + 1 < characters.length)
          [characters[at], characters[at + 1]] = [characters[at + 1] as string, characters[at] as string];
      }
      return characters.join('');
    });

describe('explainEdits', () => {
  it('explains a slip between a shared start and a shared ending as the full alignment does', () => {
    expect(explainEdits('anna.svensson1985@gmail.com', 'anna.svensson185@gmail.com')).toEqual([
      { kind: 'missing', character: '9', after: 'anna.svensson1', index: 14 },
    ]);
    // The shared ending starts with a character the middle holds: the extra a is the later one.
    expect(explainEdits('a', 'baa')).toEqual(explainEditsInFull('a', 'baa'));
    expect(explainEdits('a', 'baa')[1]).toEqual({ kind: 'extra', character: 'a', after: 'a', index: 1 });
  });

  it('counts in characters: an emoji typed for another character is one slip, named once', () => {
    expect(explainEdits('anna\u{1F603}', 'anna\u{1F600}')).toEqual([
      { kind: 'substituted', character: '\u{1F600}', expected: '\u{1F603}', after: 'anna', index: 4 },
    ]);
    expect(explainEdits('anna', 'ann\u{1F600}')).toEqual([
      { kind: 'substituted', character: '\u{1F600}', expected: 'a', after: 'ann', index: 3 },
    ]);
    // `index` stays a position in the known string as JavaScript counts it, so `after` is its start.
    expect(explainEdits('\u{1F600}ab', '\u{1F600}b')).toEqual([
      { kind: 'missing', character: 'a', after: '\u{1F600}', index: 2 },
    ]);
    // An emoji with a skin tone, a flag, a family joined by ZWJ: one character each (UAX #29).
    expect(explainEdits('ok\u{1F44D}\u{1F3FD}', 'ok\u{1F44D}')).toEqual([
      { kind: 'substituted', character: '\u{1F44D}', expected: '\u{1F44D}\u{1F3FD}', after: 'ok', index: 2 },
    ]);
    expect(explainEdits('a\u{1F1F8}\u{1F1EA}', 'a\u{1F1F3}\u{1F1F4}')).toHaveLength(1);
    expect(explainEdits('a\u{1F468}\u200D\u{1F469}\u200D\u{1F467}b', 'ab')).toEqual([
      { kind: 'missing', character: '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', after: 'a', index: 1 },
    ]);
    // A letter and a combining mark stay two characters, as the messages name the mark (U+0308).
    expect(explainEdits('\u{1F600}a\u0308', '\u{1F600}a')).toEqual([
      { kind: 'missing', character: '\u0308', after: '\u{1F600}a', index: 3 },
    ]);
  });

  it('gives exactly the slips of the full alignment for every pair of short strings over small alphabets', () => {
    for (const [alphabet, longest] of [
      ['ab', 6],
      ['ab.', 4],
    ] as const) {
      const words = allWords(alphabet, longest);
      for (const known of words)
        for (const entered of words) {
          const trimmed = explainEdits(known, entered);
          const full = explainEditsInFull(known, entered);
          if (JSON.stringify(trimmed) !== JSON.stringify(full))
            expect({ known, entered, trimmed }).toEqual({ known, entered, trimmed: full });
        }
    }
  });

  it('gives exactly the slips of the full alignment for addresses and their typos', () => {
    const alphabet = 'aens1989.@gmailcomå\u{1F600}';
    const text = fc
      .array(fc.constantFrom(...[...alphabet]), { maxLength: 24 })
      .map((characters) => characters.join(''));
    const pair = fc.oneof(
      fc.tuple(text, text),
      text.chain((known) => fc.tuple(fc.constant(known), slipped(known, alphabet))),
      fc
        .constantFrom('anna.svensson1985@gmail.com', 'lars.aaberg@telia.com', 'ee.eee@e.se', 'mm@mmm.mm')
        .chain((known) => fc.tuple(fc.constant(known), slipped(known, 'aemls19.@'))),
    );
    fc.assert(
      fc.property(pair, ([known, entered]) => {
        expect(explainEdits(known, entered)).toEqual(explainEditsInFull(known, entered));
      }),
      { numRuns: 20_000 },
    );
  });
});
