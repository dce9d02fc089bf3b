import type { Edit } from '../matching/explain-edits.js';
import type { Locale } from './verdict.js';

type CharacterKind = 'digit' | 'letter' | 'dot' | 'hyphen' | 'underscore' | 'at' | 'invisible' | 'other';

// Format, combining, separator and control characters show as nothing (or as a mark on the letter
// before): a zero-width space (U+200B), the dot of a capital İ lower-cased (U+0307).
const INVISIBLE = /^[\p{Cf}\p{M}\p{Z}\p{Cc}]$/u;

/** A character as it can be told: itself, or its code point when it cannot be seen. */
function shown(character: string): string {
  if (!INVISIBLE.test(character)) return character;
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function kindOf(character: string): CharacterKind {
  if (INVISIBLE.test(character)) return 'invisible';
  if (/\p{N}/u.test(character)) return 'digit';
  if (/\p{L}/u.test(character)) return 'letter';
  if (character === '.') return 'dot';
  if (character === '-') return 'hyphen';
  if (character === '_') return 'underscore';
  if (character === '@') return 'at';
  return 'other';
}

// How a salesperson names a character aloud. Digits and letters are named with the character.
const NAMES: Record<Locale, Record<CharacterKind, (character: string) => string>> = {
  en: {
    digit: (c) => `a digit ${c}`,
    letter: (c) => `a letter ${c}`,
    dot: () => 'a dot',
    hyphen: () => 'a hyphen',
    underscore: () => 'an underscore',
    at: () => 'an @ sign',
    invisible: (c) => `an invisible character (${shown(c)})`,
    other: (c) => `a character ${c}`,
  },
  sv: {
    digit: (c) => `siffran ${c}`,
    letter: (c) => `bokstaven ${c}`,
    dot: () => 'en punkt',
    hyphen: () => 'ett bindestreck',
    underscore: () => 'ett understreck',
    at: () => 'ett snabel-a',
    invisible: (c) => `ett osynligt tecken (${shown(c)})`,
    other: (c) => `tecknet ${c}`,
  },
};

const EXTRA_NAMES: Record<Locale, Record<CharacterKind, (character: string) => string>> = {
  en: {
    digit: (c) => `an extra digit ${c}`,
    letter: (c) => `an extra letter ${c}`,
    dot: () => 'an extra dot',
    hyphen: () => 'an extra hyphen',
    underscore: () => 'an extra underscore',
    at: () => 'an extra @ sign',
    invisible: (c) => `an extra invisible character (${shown(c)})`,
    other: (c) => `an extra character ${c}`,
  },
  sv: {
    digit: (c) => `en extra siffra ${c}`,
    letter: (c) => `en extra bokstav ${c}`,
    dot: () => 'en extra punkt',
    hyphen: () => 'ett extra bindestreck',
    underscore: () => 'ett extra understreck',
    at: () => 'ett extra snabel-a',
    invisible: (c) => `ett extra osynligt tecken (${shown(c)})`,
    other: (c) => `ett extra tecken ${c}`,
  },
};

function where(after: string, locale: Locale): string {
  if (after === '') return locale === 'sv' ? 'i början' : 'at the start';
  return locale === 'sv' ? `efter ”${after}”` : `after "${after}"`;
}

/**
 * One slip in words a salesperson can say to the customer: "a digit 9 is missing after
 * "anna.svensson1"" / "siffran 9 saknas efter ”anna.svensson1”".
 *
 * @example
 * ```ts
 * describeEdit({ kind: 'missing', character: '9', after: 'anna.svensson1', index: 14 }, 'en');
 * // 'a digit 9 is missing after "anna.svensson1"'
 * ```
 */
export function describeEdit(edit: Edit, locale: Locale): string {
  const at = where(edit.after, locale);
  switch (edit.kind) {
    case 'missing': {
      const name = NAMES[locale][kindOf(edit.character)](edit.character);
      return locale === 'sv' ? `${name} saknas ${at}` : `${name} is missing ${at}`;
    }
    case 'extra': {
      const name = EXTRA_NAMES[locale][kindOf(edit.character)](edit.character);
      return locale === 'sv' ? `det finns ${name} ${at}` : `there is ${name} ${at}`;
    }
    case 'substituted':
      return locale === 'sv'
        ? `det står ${shown(edit.character)} i stället för ${shown(edit.expected)} ${at}`
        : `${shown(edit.character)} was typed instead of ${shown(edit.expected)} ${at}`;
    case 'swapped': {
      const [first, second] = edit.characters.map(shown);
      return locale === 'sv'
        ? `${first} och ${second} har bytt plats ${at}`
        : `${first} and ${second} are swapped ${at}`;
    }
  }
}

/** Every slip, joined into one clause. */
export function describeEdits(edits: readonly Edit[], locale: Locale): string {
  const parts = edits.map((edit) => describeEdit(edit, locale));
  if (parts.length <= 1) return parts[0] ?? '';
  const last = parts.pop() as string;
  return `${parts.join(', ')} ${locale === 'sv' ? 'och' : 'and'} ${last}`;
}
