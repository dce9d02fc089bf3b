import { asciiConfusables } from './data/confusables.js';

let lookalikes: Map<string, string> | undefined;

/**
 * Replaces every character the Unicode confusables data (UTS #39 §4) maps to the characters of an
 * ordinary address by what it passes for, and leaves every other character as it is: the
 * skeleton `unhomoglyph` computes, restricted to the mappings that can make an ASCII skeleton.
 * The table is read into a map on first use, so a page that never meets a non-ASCII address, nor a
 * provider name with a letter typed for another, never builds it.
 *
 * @example
 * ```ts
 * confusableSkeleton('gm\u0430il'); // 'grnail' (the Cyrillic а passes for a, and m for rn)
 * ```
 */
export function confusableSkeleton(text: string): string {
  if (!lookalikes) {
    lookalikes = new Map();
    for (const [lookalike, characters] of asciiConfusables)
      for (const character of characters) lookalikes.set(character, lookalike);
  }
  let skeleton = '';
  for (const character of text) skeleton += lookalikes.get(character) ?? character;
  return skeleton;
}
