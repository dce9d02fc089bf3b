import { defaultFirstNames } from './data/first-names.js';
import { editDistance } from './edit-distance.js';
import { foldLetters } from './fold-letters.js';
import { type LocalPartToken, splitLocalPart } from './split-local-part.js';

/**
 * How an entered local part is a known one rewritten: its whole number left out or changed
 * (`maria.lund` or `maria.lund1979` for `maria.lund79`), or its name parts in another order or
 * with other separators (`holm-stina` for `stina.holm`).
 */
export type NameChange =
  | {
      readonly code: 'number-changed';
      /** The known local part's number. */
      readonly knownNumber: string;
      /** The number typed instead; absent when it was left out. */
      readonly enteredNumber?: string;
    }
  | {
      readonly code: 'name-reordered';
      /**
       * One name part with one slip in it beside the new order (`mraia` for `maria`), or written
       * another way (`svenaake` for `svenake`): the part as typed and as on file.
       */
      readonly misspelt?: { readonly entered: string; readonly known: string };
    };

// Anything but letters (with their marks), digits and the separators people put between names.
const OTHER_THAN_NAME_PARTS = /[^\p{L}\p{M}\p{N}._+-]/u;

// Letter counts for plain ASCII local parts, reused: the check is synchronous and single-threaded.
const counts = new Int32Array(128);

/**
 * Whether two folded local parts hold the same letters, in any order, ignoring digits and
 * separators. Most entered addresses fail this, so it is made cheap: one pass over each string
 * for ASCII, a sort only for other scripts.
 */
function sameLetters(a: string, b: string): boolean {
  let ascii = true;
  let letters = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code >= 128) ascii = false;
    else if (code >= 97 && code <= 122) {
      counts[code] = (counts[code] as number) + 1;
      letters++;
    }
  }
  for (let i = 0; i < b.length && ascii; i++) {
    const code = b.charCodeAt(i);
    if (code >= 128) ascii = false;
    else if (code >= 97 && code <= 122) {
      counts[code] = (counts[code] as number) - 1;
      letters--;
    }
  }
  let same = ascii && letters === 0;
  for (let code = 97; code <= 122; code++) {
    if (counts[code] !== 0) same = false;
    counts[code] = 0;
  }
  if (ascii) return same;
  const sorted = (text: string) => [...text.replace(/[^\p{L}]+/gu, '')].sort().join('');
  return sorted(a) === sorted(b);
}

/** The letters of a folded local part, in order. */
function lettersOf(folded: string): string {
  return folded.replace(/[^\p{L}]+/gu, '');
}

function textsOf(tokens: readonly LocalPartToken[], kind: LocalPartToken['kind']): string[] {
  return tokens.filter((token) => token.kind === kind).map((token) => token.text);
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((item, index) => item === right[index]);
}

/**
 * Whether `entered` is the `known` local part with its whole number left out or changed, or with
 * the same name parts in another order or with other separators. Names written together
 * (`karinberg1970`) are split with the words of the customer's `name` and the parts either local
 * part separates; without a name, only separators split.
 *
 * A number added to a known local part that has none (`anna.jonsson37` beside `anna.jonsson`) is
 * not a change: people number a second mailbox on purpose, so that is another address. The name
 * parts must all be there: `k.berg` or `lund` is another address, not a rewritten one.
 *
 * @example
 * ```ts
 * findNameChange('maria.lund', 'maria.lund79'); // { code: 'number-changed', knownNumber: '79' }
 * findNameChange('bergkarin1970', 'karinberg1970', { name: 'Karin Berg' }); // { code: 'name-reordered' }
 * findNameChange('anna.jonsson37', 'anna.jonsson'); // undefined
 * ```
 */
export function findNameChange(
  entered: string,
  known: string,
  options: { readonly name?: string; readonly firstNames?: ReadonlySet<string> } = {},
): NameChange | undefined {
  return findExactChange(entered, known, options) ?? findReorderedWithSlip(entered, known, options);
}

// Name parts as separators or a change between letters and digits set them apart.
const PARTS = /\p{L}+|\p{N}+/gu;

/**
 * Name parts in another order or with other separators, and one of them with one slip
 * (`lund.mraia79` for `maria.lund79`) or written another way (`ohman.svenaake` for
 * `svenake.ohman`, Swedish å as aa), also with the names written together (`lundmraia79`): two
 * families of confusion at once, still the customer's address more likely than a stranger's. Parts
 * the typed text separates are compared, or a run of letters that a known name starts or ends is
 * split there; a slip that makes another first name (`mario` for `maria`) is another person's.
 */
function findReorderedWithSlip(
  entered: string,
  known: string,
  options: { readonly firstNames?: ReadonlySet<string> },
): NameChange | undefined {
  if (OTHER_THAN_NAME_PARTS.test(entered) || OTHER_THAN_NAME_PARTS.test(known)) return undefined;
  const typedParts = entered.toLowerCase().match(PARTS) ?? [];
  const knownParts = known.toLowerCase().match(PARTS) ?? [];
  if (knownParts.length < 2) return undefined;
  if (typedParts.length === knownParts.length) return compareParts(typedParts, knownParts, options);
  // Names written together as well (`lundmraia79`): known names peeled off either end of a typed
  // run of letters give the parts compared, looked for only where the parts do not pair up.
  if (
    typedParts.length > knownParts.length ||
    knownParts.length - typedParts.length > MAX_JOINS ||
    knownParts.length > MAX_PARTS
  )
    return undefined;
  for (const parts of splitWithKnownNames(typedParts, knownParts, knownParts.length - typedParts.length)) {
    const change = compareParts(parts, knownParts, options);
    if (change) return change;
  }
  return undefined;
}

// Names written together at most three at a time (`bergkarinanna`), in a known local part of at
// most five parts (names, initials and a number): the splits to try stay a few dozen at most,
// however the record's local part is cut up.
const MAX_PARTS = 5;
const MAX_JOINS = 2;

/**
 * Every way to split `joins` runs of letters off `parts` where a name of `knownParts` (two
 * letters or more) starts or ends a longer run: `lundmraia` is `lund` + `mraia` beside a known
 * `maria.lund`. At most {@link MAX_JOINS} splits deep, each over the few parts of one local part.
 */
function splitWithKnownNames(
  parts: readonly string[],
  knownParts: readonly string[],
  joins: number,
): string[][] {
  if (joins === 0) return [[...parts]];
  const names = [...new Set(knownParts.filter((part) => /^\p{L}{2,}$/u.test(part)))];
  const splits: string[][] = [];
  parts.forEach((part, i) => {
    if (!/^\p{L}+$/u.test(part)) return;
    for (const name of names) {
      if (part.length <= name.length) continue;
      const pieces: (readonly [string, string])[] = [];
      if (part.startsWith(name)) pieces.push([name, part.slice(name.length)]);
      if (part.endsWith(name)) pieces.push([part.slice(0, part.length - name.length), name]);
      for (const piece of pieces)
        splits.push(
          ...splitWithKnownNames(
            [...parts.slice(0, i), ...piece, ...parts.slice(i + 1)],
            knownParts,
            joins - 1,
          ),
        );
    }
  });
  return splits;
}

/** The typed parts against the known ones, as many of each: all but one the same, that one slipped. */
function compareParts(
  typedParts: readonly string[],
  knownParts: readonly string[],
  options: { readonly firstNames?: ReadonlySet<string> },
): NameChange | undefined {
  const typedFolded = typedParts.map(foldLetters);
  const left = knownParts.map(foldLetters);
  // Every typed part but one is a known part, once each.
  let odd = -1;
  for (let i = 0; i < typedFolded.length; i++) {
    const at = left.indexOf(typedFolded[i] as string);
    if (at >= 0) left.splice(at, 1);
    else if (odd >= 0) return undefined;
    else odd = i;
  }
  if (odd < 0 || left.length !== 1) return undefined;
  const typed = typedFolded[odd] as string;
  const onFile = left[0] as string;
  // A name, at least four letters on file, with one slip; a number changed is `number-changed`'s.
  if (!/^\p{L}+$/u.test(typed) || !/^\p{L}{4,}$/u.test(onFile)) return undefined;
  if (editDistance(typed, onFile, { maxDistance: 1 }) > 1 && !isWrittenAnotherWay(typed, onFile))
    return undefined;
  if ((options.firstNames ?? defaultFirstNames).has(typed)) return undefined;
  // Put right, the typed parts must then be in another order than on file: a slip alone, in
  // order, is a near miss or a possible typo, not a rewriting.
  const knownIndex = knownParts.map(foldLetters);
  const rightOrder = typedFolded.map((part, i) => (i === odd ? onFile : part));
  if (rightOrder.every((part, i) => part === knownIndex[i])) return undefined;
  const typedAsTyped = typedParts[odd] as string;
  const knownAsTyped = knownParts[knownIndex.indexOf(onFile)] as string;
  return { code: 'name-reordered', misspelt: { entered: typedAsTyped, known: knownAsTyped } };
}

/** One Swedish letter written another way between two folded names (`svenaake`, `svenake`). */
function isWrittenAnotherWay(typed: string, onFile: string): boolean {
  for (const [long, short] of [
    ['aa', 'a'],
    ['ae', 'a'],
    ['oe', 'o'],
  ] as const) {
    for (const [from, to] of [
      [typed, onFile],
      [onFile, typed],
    ] as const) {
      let at = from.indexOf(long);
      while (at >= 0) {
        if (from.slice(0, at) + short + from.slice(at + long.length) === to) return true;
        at = from.indexOf(long, at + 1);
      }
    }
  }
  return false;
}

function findExactChange(
  entered: string,
  known: string,
  options: { readonly name?: string },
): NameChange | undefined {
  // A rewriting moves names, numbers and separators only: an emoji, a quote or a space beside the
  // same names is something else typed, not another order (RFC 5322 §3.2.3 atext allows them all).
  if (OTHER_THAN_NAME_PARTS.test(entered) || OTHER_THAN_NAME_PARTS.test(known)) return undefined;
  const typed = foldLetters(entered);
  const onFile = foldLetters(known);
  // The same name parts mean the same letters: most entered addresses fail this at once, before
  // anything is split.
  if (typed === onFile || !sameLetters(typed, onFile)) return undefined;
  const letters = lettersOf(onFile);
  if (letters.length < 2) return undefined;

  let knownNumbers: string[];
  let typedNumbers: string[];
  let parts: () => number;
  if (letters === lettersOf(typed)) {
    // The letters in the same order: the names are the same, only numbers and separators can
    // differ, and the runs of digits say which without splitting any name.
    knownNumbers = onFile.match(/\p{N}+/gu) ?? [];
    typedNumbers = typed.match(/\p{N}+/gu) ?? [];
    parts = () =>
      Math.max((onFile.match(/\p{L}+|\p{N}+/gu) ?? []).length, (typed.match(/\p{L}+|\p{N}+/gu) ?? []).length);
  } else {
    // The parts either local part separates, initials too (`p.brown54` read in `brownp54`); from
    // the name, only whole words, so no single letter splits a name that happens to hold it.
    const words = new Set<string>([...(onFile.match(/\p{L}+/gu) ?? []), ...(typed.match(/\p{L}+/gu) ?? [])]);
    for (const word of foldLetters(options.name ?? '').match(/\p{L}{2,}/gu) ?? []) words.add(word);
    const knownTokens = splitLocalPart(onFile, words);
    const typedTokens = splitLocalPart(typed, words);
    if (!sameMultiset(textsOf(knownTokens, 'name'), textsOf(typedTokens, 'name'))) return undefined;
    knownNumbers = textsOf(knownTokens, 'number');
    typedNumbers = textsOf(typedTokens, 'number');
    parts = () => Math.max(knownTokens.length, typedTokens.length);
  }

  const [knownNumber] = knownNumbers;
  if (knownNumbers.length === 1 && knownNumber !== undefined) {
    const [enteredNumber] = typedNumbers;
    if (typedNumbers.length === 0) return { code: 'number-changed', knownNumber };
    if (typedNumbers.length === 1 && enteredNumber !== undefined && enteredNumber !== knownNumber)
      return { code: 'number-changed', knownNumber, enteredNumber };
  }
  if (!sameMultiset(knownNumbers, typedNumbers) || parts() < 2) return undefined;
  return { code: 'name-reordered' };
}
