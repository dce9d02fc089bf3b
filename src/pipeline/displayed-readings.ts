// Code points a client draws as nothing: Unicode's Default_Ignorable_Code_Point property
// (DerivedCoreProperties.txt; UAX #44 §5.3), among them the zero-width space U+200B, the soft
// hyphen U+00AD, the word joiner U+2060, the byte order mark U+FEFF, the joiners U+200C/D and the
// bidi marks and controls U+200E/F, U+202A-E, U+2066-9.
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
// The explicit directional formatting characters of UAX #9 §2 (and the marks of §2.6).
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']);
// The embeddings, overrides and isolates (LRE, RLE, LRO, RLO, LRI, RLI, FSI).
const OPENERS = new Set(['\u202a', '\u202b', '\u202d', RIGHT_TO_LEFT_OVERRIDE, ...ISOLATES]);
const POP_DIRECTIONAL_FORMATTING = '\u202c';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * A text as a mail client draws it, the way to read a display name for the address it shows: its
 * default-ignorable code points left out (drawn as nothing; UTS #39 §4 leaves them out of a
 * confusable skeleton too), its compatibility forms folded to the plain ones they are drawn like
 * (NFKC, UAX #15, so a full-width `＠` U+FF20 reads `@`), and, when it holds bidi controls, a
 * second reading with each run under a right-to-left
 * override in visual order (reversed, UAX #9 §2.2), so `\u202emoc.ailet@dnil.kire` reads as drawn.
 *
 * A third reading puts the runs of letters, digits and dots in reverse order, as a right-to-left
 * paragraph or embedding draws runs that right-to-left marks separate (UAX #9 rules N1 and L2):
 * `\u202btelia.com\u200f@\u200ferik.lind\u202c` is drawn `erik.lind@telia.com`. It reads more
 * names as reordered than a client draws so (one without the marks), on the safe side: full
 * UAX #9 resolution is not done.
 *
 * @example
 * ```ts
 * displayedReadings('erik.lind@telia\u200b.com'); // ['erik.lind@telia.com']
 * displayedReadings('\u202emoc.ailet@dnil.kire');
 * // ['moc.ailet@dnil.kire', 'erik.lind@telia.com', 'dnil.kire@moc.ailet']
 * ```
 */
export function displayedReadings(text: string): string[] {
  const readings = BIDI_CONTROL.test(text) ? [text, overridesDrawn(text), runsRightToLeft(text)] : [text];
  // NFKC can yield a default-ignorable code point (U+FFA0 becomes the Hangul filler U+3164).
  return readings.map((reading) =>
    reading.replace(DEFAULT_IGNORABLE, '').normalize('NFKC').replace(DEFAULT_IGNORABLE, ''),
  );
}

/**
 * The text with each run under a right-to-left override reversed in place. An embedding or an
 * isolate starts without an override; a PDF ends the innermost embedding or override, a PDI the
 * innermost isolate and everything opened inside it (UAX #9 §3.3.2, rules X2-X6a).
 */
function overridesDrawn(text: string): string {
  const stack: string[] = [];
  const drawn: string[] = [];
  let run: string[] = [];
  const flush = () => {
    drawn.push(...run.reverse());
    run = [];
  };
  for (const character of text) {
    if (OPENERS.has(character)) stack.push(character);
    else if (character === POP_DIRECTIONAL_FORMATTING) {
      if (stack.length > 0 && !ISOLATES.has(stack.at(-1) as string)) stack.pop();
    } else if (character === POP_DIRECTIONAL_ISOLATE) {
      let isolate = stack.length - 1;
      while (isolate >= 0 && !ISOLATES.has(stack[isolate] as string)) isolate -= 1;
      if (isolate >= 0) stack.length = isolate;
    }
    if (stack.at(-1) === RIGHT_TO_LEFT_OVERRIDE) run.push(character);
    else {
      flush();
      drawn.push(character);
    }
  }
  flush();
  return drawn.join('');
}

// A run a right-to-left paragraph keeps in its own order: letters, digits and what joins them in an
// address between letters (UAX #9 rule N1 resolves a neutral between two left-to-right letters so).
const RUN = /[\p{L}\p{M}\p{N}._%+-]+|./gsu;

/** The text's runs in reverse order, each run's characters in their own. */
function runsRightToLeft(text: string): string {
  return (text.match(RUN) ?? []).reverse().join('');
}
