import { charactersOf } from './characters-of.js';

// Unicode's private use area (U+E000-U+F8FF): one code unit stands for each longer character.
const PRIVATE_USE_START = 0xe000;
const PRIVATE_USE_END = 0xf8ff;

/** One string written one code unit per character, with where each character starts in the original. */
export interface EncodedCharacters {
  readonly encoded: string;
  /** Where each character starts in the original text, then its end. */
  readonly offsets: readonly number[];
}

/** Writes texts one code unit per character, the same unit for the same character across calls. */
export interface CharacterEncoder {
  /** `undefined` when more distinct long characters come than the private use area holds. */
  encode(text: string): EncodedCharacters | undefined;
  /** The character a code unit stands for (the unit itself for a one-unit character). */
  decode(unit: string): string;
}

/**
 * An encoder for comparing two strings by characters (an emoji, a flag, a ZWJ sequence is one,
 * as a person reads it): each character longer than one code unit is written as one private-use
 * code unit that neither string holds, so code-unit algorithms (edit distance, alignment) count
 * characters. Shared by editDistance and explainEdits, so both count slips alike.
 */
export function createCharacterEncoder(a: string, b: string): CharacterEncoder {
  const unitOf = new Map<string, string>();
  const characterOf = new Map<string, string>();
  let next = PRIVATE_USE_START;
  return {
    encode(text) {
      const offsets = [0];
      let encoded = '';
      for (const character of charactersOf(text)) {
        offsets.push((offsets[offsets.length - 1] as number) + character.length);
        if (character.length === 1) {
          encoded += character;
          continue;
        }
        let unit = unitOf.get(character);
        if (unit === undefined) {
          while (
            next <= PRIVATE_USE_END &&
            (a.includes(String.fromCharCode(next)) || b.includes(String.fromCharCode(next)))
          )
            next++;
          if (next > PRIVATE_USE_END) return undefined;
          unit = String.fromCharCode(next++);
          unitOf.set(character, unit);
          characterOf.set(unit, character);
        }
        encoded += unit;
      }
      return { encoded, offsets };
    },
    decode: (unit) => characterOf.get(unit) ?? unit,
  };
}
