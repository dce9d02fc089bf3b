import type { Edit } from '../matching/explain-edits.js';
import { charactersOf } from '../spelling/characters-of.js';
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

type RunEdit = Extract<Edit, { kind: 'missing' | 'extra' }>;

/**
 * Characters missing side by side, or typed together at one place, as one edit with all of them
 * (`character` then holds them in order): the place is said once, and the two halves of an emoji
 * (a UTF-16 surrogate pair) come back together as the one character they are.
 */
function joinRuns(edits: readonly Edit[]): Edit[] {
  const joined: Edit[] = [];
  for (const edit of edits) {
    const last = joined[joined.length - 1];
    if (
      last !== undefined &&
      (edit.kind === 'extra' || edit.kind === 'missing') &&
      last.kind === edit.kind &&
      // Extra characters typed together share their place in the known string; missing ones follow it.
      edit.index === last.index + (edit.kind === 'missing' ? last.character.length : 0)
    ) {
      joined[joined.length - 1] = { ...last, character: last.character + edit.character } as RunEdit;
    } else joined.push(edit);
  }
  return joined;
}

const RUN_NAMES: Record<Locale, Record<'digit' | 'letter' | 'other', { extra: string; missing: string }>> = {
  en: {
    digit: { extra: 'there are extra digits', missing: 'the digits' },
    letter: { extra: 'there are extra letters', missing: 'the letters' },
    other: { extra: 'there are extra characters', missing: 'the characters' },
  },
  sv: {
    digit: { extra: 'det finns extra siffror', missing: 'siffrorna' },
    letter: { extra: 'det finns extra bokstäver', missing: 'bokstäverna' },
    other: { extra: 'det finns extra tecken', missing: 'tecknen' },
  },
};

/** Several characters missing or extra at one place, said once. */
function describeRun(edit: RunEdit, characters: readonly string[], locale: Locale): string {
  const kinds = new Set(characters.map(kindOf));
  const kind =
    kinds.size === 1 && (kinds.has('digit') || kinds.has('letter'))
      ? kinds.has('digit')
        ? 'digit'
        : 'letter'
      : 'other';
  const text = kind === 'other' ? characters.map(shown).join(' ') : characters.join('');
  const name = RUN_NAMES[locale][kind][edit.kind];
  const at = where(edit.after, locale);
  if (edit.kind === 'extra') return `${name} ${text} ${at}`;
  return locale === 'sv' ? `${name} ${text} saknas ${at}` : `${name} ${text} are missing ${at}`;
}

/** Every slip, joined into one clause; characters missing or extra at one place are said once. */
export function describeEdits(edits: readonly Edit[], locale: Locale): string {
  const parts = joinRuns(edits).map((edit) => {
    if (edit.kind !== 'extra' && edit.kind !== 'missing') return describeEdit(edit, locale);
    const characters = charactersOf(edit.character);
    return characters.length === 1 ? describeEdit(edit, locale) : describeRun(edit, characters, locale);
  });
  if (parts.length <= 1) return parts[0] ?? '';
  const last = parts.pop() as string;
  return `${parts.join(', ')} ${locale === 'sv' ? 'och' : 'and'} ${last}`;
}
