import type { Edit } from '../matching/explain-edits.js';
import { charactersOf } from '../spelling/characters-of.js';
import type { Locale } from './verdict.js';

type CharacterKind =
  | 'digit'
  | 'letter'
  | 'dot'
  | 'hyphen'
  | 'underscore'
  | 'at'
  | 'space'
  | 'invisible'
  | 'emoji'
  | 'other';

// Format, combining, separator and control characters show as nothing (or as a mark on the letter
// before): a zero-width space (U+200B), the dot of a capital İ lower-cased (U+0307).
const INVISIBLE = /^[\p{Cf}\p{M}\p{Z}\p{Cc}]$/u;
// Extended_Pictographic (UTS #51, UAX #29): emoji and their sequences, never a digit, # or *.
const PICTOGRAPH = /^\p{Extended_Pictographic}/u;

/** A character as it can be told: itself, a space by name, or its code point when it cannot be seen. */
function shown(character: string, locale: Locale = 'en'): string {
  if (character === ' ') return locale === 'sv' ? 'ett mellanslag' : 'a space';
  // Printable ASCII (U+0021 to U+007E) is seen as itself: nearly every slip in an address.
  const code = character.length === 1 ? character.charCodeAt(0) : 0;
  if ((code > 0x20 && code < 0x7f) || !INVISIBLE.test(character)) return character;
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function kindOf(character: string): CharacterKind {
  if (character === ' ') return 'space';
  // Printable ASCII is told without the Unicode property tables: nearly every slip in an address.
  if (character.length === 1) {
    const code = character.charCodeAt(0);
    if (code >= 0x30 && code <= 0x39) return 'digit';
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 'letter';
  }
  if (INVISIBLE.test(character)) return 'invisible';
  if (/\p{N}/u.test(character)) return 'digit';
  if (/\p{L}/u.test(character)) return 'letter';
  if (character === '.') return 'dot';
  if (character === '-') return 'hyphen';
  if (character === '_') return 'underscore';
  if (character === '@') return 'at';
  // An emoji or an emoji sequence (UAX #29 grapheme cluster starting with a pictograph) is said as
  // what it is, so a joined family is not taken for a stray symbol.
  if (PICTOGRAPH.test(character)) return 'emoji';
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
    space: () => 'a space',
    invisible: (c) => `an invisible character (${shown(c)})`,
    emoji: (c) => `an emoji ${c}`,
    other: (c) => `a character ${c}`,
  },
  sv: {
    digit: (c) => `siffran ${c}`,
    letter: (c) => `bokstaven ${c}`,
    dot: () => 'en punkt',
    hyphen: () => 'ett bindestreck',
    underscore: () => 'ett understreck',
    at: () => 'ett snabel-a',
    space: () => 'ett mellanslag',
    invisible: (c) => `ett osynligt tecken (${shown(c)})`,
    emoji: (c) => `emojin ${c}`,
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
    space: () => 'an extra space',
    invisible: (c) => `an extra invisible character (${shown(c)})`,
    emoji: (c) => `an extra emoji ${c}`,
    other: (c) => `an extra character ${c}`,
  },
  sv: {
    digit: (c) => `en extra siffra ${c}`,
    letter: (c) => `en extra bokstav ${c}`,
    dot: () => 'en extra punkt',
    hyphen: () => 'ett extra bindestreck',
    underscore: () => 'ett extra understreck',
    at: () => 'ett extra snabel-a',
    space: () => 'ett extra mellanslag',
    invisible: (c) => `ett extra osynligt tecken (${shown(c)})`,
    emoji: (c) => `en extra emoji ${c}`,
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
        ? `det står ${shown(edit.character, locale)} i stället för ${shown(edit.expected, locale)} ${at}`
        : `${shown(edit.character, locale)} was typed instead of ${shown(edit.expected, locale)} ${at}`;
    case 'swapped': {
      const [first, second] = edit.characters.map((character) => shown(character, locale));
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

type RunKind = 'digit' | 'letter' | 'emoji' | 'other';

const RUN_NAMES: Record<Locale, Record<RunKind, { extra: string; missing: string }>> = {
  en: {
    digit: { extra: 'there are extra digits', missing: 'the digits' },
    letter: { extra: 'there are extra letters', missing: 'the letters' },
    emoji: { extra: 'there are extra emoji', missing: 'the emoji' },
    other: { extra: 'there are extra characters', missing: 'the characters' },
  },
  sv: {
    digit: { extra: 'det finns extra siffror', missing: 'siffrorna' },
    letter: { extra: 'det finns extra bokstäver', missing: 'bokstäverna' },
    emoji: { extra: 'det finns extra emojier', missing: 'emojierna' },
    other: { extra: 'det finns extra tecken', missing: 'tecknen' },
  },
};

/** Several characters missing or extra at one place, said once. */
function describeRun(edit: RunEdit, characters: readonly string[], locale: Locale): string {
  const kinds = new Set(characters.map(kindOf));
  const [only] = kinds;
  // Emoji are said as emoji, as one is (a flag, a family: UTS #51 sequences), and apart, so each
  // sequence reads as the one symbol it is.
  const kind: RunKind =
    kinds.size === 1 && (only === 'digit' || only === 'letter' || only === 'emoji') ? only : 'other';
  const text =
    kind === 'other' || kind === 'emoji'
      ? characters.map((character) => shown(character, locale)).join(' ')
      : characters.join('');
  const name = RUN_NAMES[locale][kind][edit.kind];
  const at = where(edit.after, locale);
  if (edit.kind === 'extra') return `${name} ${text} ${at}`;
  return locale === 'sv' ? `${name} ${text} saknas ${at}` : `${name} ${text} are missing ${at}`;
}

/**
 * A letter with a diacritic written as it is when the letter cannot be typed, both ways round:
 * Swedish å, ä, ö as aa, ae, oe (Språkrådet, "Svenska skrivregler"), German ü as ue, Danish and
 * Norwegian æ, ø as ae, oe; or the letter without its marks (`a` for `å`, Unicode canonical
 * decomposition, NFD). `aa` against `å` reads as one thing the customer did, not two edits.
 */
const WRITTEN_AS: ReadonlyMap<string, readonly string[]> = new Map([
  ['å', ['aa']],
  ['ä', ['ae']],
  ['ö', ['oe']],
  ['ü', ['ue']],
  ['æ', ['ae', 'a']],
  ['ø', ['oe', 'o']],
]);

function isWrittenAs(letter: string, written: string): boolean {
  if (WRITTEN_AS.get(letter)?.includes(written)) return true;
  if (letter.length !== 1 || written.length !== 1) return false;
  const base = letter.normalize('NFD').replace(/\p{M}+/gu, '');
  return base !== letter && base === written;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function hasNonAsciiCharacter(edit: Edit): boolean {
  switch (edit.kind) {
    case 'extra':
    case 'missing':
      return !isAscii(edit.character);
    case 'substituted':
      return !isAscii(edit.character) || !isAscii(edit.expected);
    case 'swapped':
      return !isAscii(edit.characters[0]) || !isAscii(edit.characters[1]);
  }
}

/** Where an edit ends in the known string. */
function endOf(edit: Edit): number {
  switch (edit.kind) {
    case 'extra':
      return edit.index;
    case 'missing':
      return edit.index + edit.character.length;
    case 'substituted':
      return edit.index + edit.expected.length;
    case 'swapped':
      return edit.index + edit.characters[0].length + edit.characters[1].length;
  }
}

/** The entered text for `known.slice(from, to)`, the slips in that span applied. */
function applyEdits(known: string, edits: readonly Edit[], from: number, to: number): string {
  let text = '';
  let at = from;
  for (const edit of edits) {
    text += known.slice(at, edit.index);
    switch (edit.kind) {
      case 'extra':
        text += edit.character;
        break;
      case 'substituted':
        text += edit.character;
        break;
      case 'swapped':
        text += edit.characters[1] + edit.characters[0];
        break;
      case 'missing':
        break;
    }
    at = Math.max(edit.index, endOf(edit));
  }
  return text + known.slice(at, to);
}

type Clause = { readonly text: string } | { readonly written: readonly [string, string] };

/**
 * Every slip, joined into one clause; characters missing or extra at one place are said once.
 * Given the `known` string the slips apply to, a letter written another way (`aa` for `å`) is said
 * as that, and slips that all fall in the ending of a domain as the ending typed for the known one
 * ("the ending .nu instead of .se").
 */
export function describeEdits(edits: readonly Edit[], locale: Locale, known?: string): string {
  const sv = locale === 'sv';
  const clauses: Clause[] = [];
  let rest = edits;
  let ending: string | undefined;
  if (known !== undefined) {
    // The top-level domain of a known address: after its last dot, when that dot follows the @.
    const dot = known.lastIndexOf('.');
    if (dot > known.lastIndexOf('@') && known.lastIndexOf('@') >= 0) {
      const inEnding = edits.filter((edit) => edit.index > dot);
      if (inEnding.length > 0) {
        rest = edits.filter((edit) => edit.index <= dot);
        const typed = applyEdits(known, inEnding, dot + 1, known.length);
        ending = sv
          ? `ändelsen .${typed} i stället för .${known.slice(dot + 1)}`
          : `the ending .${typed} instead of .${known.slice(dot + 1)}`;
      }
    }
  }
  const joined = joinRuns(rest);
  // A letter written another way has a letter outside ASCII on one side (`å` on file, or typed):
  // with none in the known string nor in any slip, there is none to look for.
  const mayBeWrittenAs = known !== undefined && (!isAscii(known) || joined.some(hasNonAsciiCharacter));
  for (let k = 0; k < joined.length; k++) {
    const edit = joined[k] as Edit;
    if (mayBeWrittenAs && known !== undefined) {
      // One or two slips side by side that write one letter another way.
      let written: [string, string] | undefined;
      for (const span of [2, 1]) {
        const group = joined.slice(k, k + span);
        if (group.length !== span) continue;
        const from = (group[0] as Edit).index;
        const to = Math.max(...group.map(endOf));
        if (to - from > 2 || group.some((item, i) => i > 0 && item.index > endOf(group[i - 1] as Edit)))
          continue;
        const onFile = known.slice(from, to).toLowerCase();
        const typed = applyEdits(known, group, from, to).toLowerCase();
        if (onFile !== '' && typed !== '' && (isWrittenAs(onFile, typed) || isWrittenAs(typed, onFile))) {
          written = [onFile, typed];
          k += span - 1;
          break;
        }
      }
      if (written) {
        clauses.push({ written });
        continue;
      }
    }
    if (edit.kind !== 'extra' && edit.kind !== 'missing') {
      clauses.push({ text: describeEdit(edit, locale) });
      continue;
    }
    const characters = charactersOf(edit.character);
    clauses.push({
      text: characters.length === 1 ? describeEdit(edit, locale) : describeRun(edit, characters, locale),
    });
  }
  let first = true;
  const parts = clauses.map((clause) => {
    if ('text' in clause) return clause.text;
    const [onFile, typed] = clause.written;
    const said = first
      ? `${onFile} ${sv ? 'skrivet som' : 'written as'} ${typed}`
      : `${onFile} ${sv ? 'som' : 'as'} ${typed}`;
    first = false;
    return said;
  });
  if (ending !== undefined) parts.push(ending);
  if (parts.length <= 1) return parts[0] ?? '';
  const last = parts.pop() as string;
  return `${parts.join(', ')} ${sv ? 'och' : 'and'} ${last}`;
}
