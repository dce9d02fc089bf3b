import { defaultFirstNames } from './data/first-names.js';
import { foldLetters } from './fold-letters.js';

/** Another first name standing where the customer's stands in a known local part. */
export interface OtherFirstName {
  /** The name typed instead, folded as typed (`jana`). */
  readonly enteredName: string;
  /** The customer's first name, as written in the customer's name (`Jan`). */
  readonly customerName: string;
}

const isLetter = (character: string | undefined) => character !== undefined && /\p{L}/u.test(character);

/**
 * Whether one string is the other with a letter doubled or a double letter made single
 * (`sarahholm` for `saraholm`, `hana` for `hanna`): a key pressed twice or once too few is among
 * the commonest typing slips (Damerau 1964), so a name that comes out of one is read as a typo.
 */
function isDoubledLetter(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let at = 0;
  while (at < short.length && long[at] === short[at]) at++;
  return long.slice(at + 1) === short.slice(at) && (long[at] === long[at - 1] || long[at] === long[at + 1]);
}

/** A customer's name read for the comparison: its words as written and folded, and which are first names. */
/**
 * Whether `text` from `from` to `to` holds an ASCII character other than a to z: folded text is
 * lower case, and only ASCII is judged here (a letter outside it may take two code units).
 */
function holdsAsciiNonLetter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && (code < 0x61 || code > 0x7a)) return true;
  }
  return false;
}

interface ReadName {
  readonly written: readonly string[];
  readonly folded: readonly string[];
  readonly own: ReadonlySet<string>;
  /** Indexes of the words that are first names. */
  readonly firstNames: readonly number[];
}

// A customer's name recurs from check to check (one per known address, and the next order): each
// is read once per list. Capped, the oldest forgotten first.
const READ_NAMES_SIZE = 1024;
const readNames = new WeakMap<ReadonlySet<string>, Map<string, ReadName>>();

function readName(name: string, list: ReadonlySet<string>): ReadName {
  let cache = readNames.get(list);
  if (!cache) {
    cache = new Map();
    readNames.set(list, cache);
  }
  let read = cache.get(name);
  if (read) return read;
  const written = name.match(/\p{L}+/gu) ?? [];
  const folded = written.map(foldLetters);
  let firstNames = written.flatMap((_word, index) => (list.has(folded[index] as string) ? [index] : []));
  if (firstNames.length === 0 && written.length > 1) firstNames = [0];
  read = { written, folded, own: new Set(folded), firstNames };
  if (cache.size >= READ_NAMES_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(name, read);
  return read;
}

/**
 * Whether `entered` is the `known` local part with the customer's first name replaced by another
 * real first name: `jana.nyberg62` for Jan Nyberg's `jan.nyberg62` is more likely the spouse's or
 * a child's mailbox than a typo. Only when the customer's name is known, the rest of the local
 * part is unchanged, and the name typed is on the list but is none of the customer's own names; a
 * typo of the customer's name (`jna`) is on no list, so it stays a near miss.
 *
 * The customer's first names are the words of `customerName` on the list (the first word when
 * none is), so `Nyberg, Jan` works as `Jan Nyberg` does. Cost: a few string comparisons per name
 * word and one `Set` lookup, whatever the length of the list.
 *
 * @example
 * ```ts
 * findOtherFirstName('jana.nyberg62', 'jan.nyberg62', { customerName: 'Jan Nyberg' });
 * // { enteredName: 'jana', customerName: 'Jan' }
 * findOtherFirstName('jna.nyberg62', 'jan.nyberg62', { customerName: 'Jan Nyberg' }); // undefined
 * ```
 */
export function findOtherFirstName(
  entered: string,
  known: string,
  options: { readonly customerName?: string; readonly firstNames?: ReadonlySet<string> } = {},
): OtherFirstName | undefined {
  if (!options.customerName) return undefined;
  const list = options.firstNames ?? defaultFirstNames;
  const typed = foldLetters(entered);
  const onFile = foldLetters(known);
  if (typed === onFile || isDoubledLetter(typed, onFile)) return undefined;
  // What the two share at the start and at the end: the name must cover all that differs.
  let same = 0;
  while (same < typed.length && typed[same] === onFile[same]) same++;
  let sameEnd = 0;
  while (
    sameEnd < typed.length &&
    sameEnd < onFile.length &&
    typed[typed.length - 1 - sameEnd] === onFile[onFile.length - 1 - sameEnd]
  )
    sameEnd++;
  // A name is letters, and so is what is typed in its place: a digit or a dot where the two
  // differ (`jan.nyberg6` for `jan.nyberg62`, the commonest slip) leaves no name to look for.
  if (
    holdsAsciiNonLetter(onFile, same, onFile.length - sameEnd) ||
    holdsAsciiNonLetter(typed, same, typed.length - sameEnd)
  )
    return undefined;
  const { written, folded, own, firstNames } = readName(options.customerName, list);
  for (const index of firstNames) {
    const name = folded[index] as string;
    if (name.length < 2) continue;
    // Every place the name starts a part of the known local part (`jan.nyberg62`, `nyberg.jan`).
    for (let at = onFile.indexOf(name); at !== -1; at = onFile.indexOf(name, at + 1)) {
      const after = onFile.length - at - name.length;
      if (isLetter(onFile[at - 1]) || same < at || sameEnd < after) continue;
      if (typed.length - at - after < 2) continue;
      const instead = typed.slice(at, typed.length - after);
      if (instead !== name && /^\p{L}+$/u.test(instead) && !own.has(instead) && list.has(instead))
        return { enteredName: instead, customerName: written[index] as string };
    }
  }
  return undefined;
}
