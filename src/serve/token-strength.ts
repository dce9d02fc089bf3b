/** Why a token is too easy to guess, in the order {@link tokenStrength} looks. */
export type TokenWeakness =
  | 'too-short'
  | 'one-character'
  | 'repeated-pattern'
  | 'digits-only'
  | 'low-entropy';

/** What {@link tokenStrength} found. */
export interface TokenStrength {
  /**
   * A rough estimate of the bits an attacker must guess: the length of the token's repeating unit
   * times log2 of the characters its classes allow (digits 10, lower case 26, upper case 26, others 33).
   */
  readonly bits: number;
  /** Why the token is weak; `undefined` when it is not. */
  readonly weakness?: TokenWeakness;
}

/** The shortest token accepted off loopback. */
export const MIN_TOKEN_LENGTH = 32;
/**
 * The least estimated strength: OWASP ASVS 4.0 V2.9 and V3.5 ask for secrets of at least 128 bits
 * of entropy (NIST SP 800-63B §5.1.1.2 for the same reason: an attacker tries many guesses offline).
 */
const MIN_BITS = 128;
/**
 * The fewest digits in a token of digits alone: 40 random digits carry 40 × log2(10) ≈ 133 bits,
 * the round number above 128. A number a person typed (a date, a phone number) carries far less.
 */
const MIN_DIGITS = 40;

/**
 * Estimates how hard a token is to guess, simply: by the classes of characters it uses and how much
 * of it repeats. It cannot tell a random token from a chosen one (no estimate from the text alone
 * can), but it catches what a person makes up when asked for 32 characters: one key held down, a
 * short word or number typed again and again, or only digits. Tokens from `openssl rand -hex 32`
 * or `randomBytes(32)` are never weak by it.
 *
 * @example
 * ```ts
 * tokenStrength('abcd1234'.repeat(5)).weakness; // 'repeated-pattern'
 * tokenStrength(randomBytes(32).toString('hex')).weakness; // undefined
 * ```
 */
export function tokenStrength(token: string): TokenStrength {
  const characters = [...token];
  const unit = repeatingUnit(characters);
  const bits = unit * Math.log2(classPool(characters));
  const weakness = weaknessOf(characters, unit, bits);
  return weakness === undefined ? { bits } : { bits, weakness };
}

function weaknessOf(characters: readonly string[], unit: number, bits: number): TokenWeakness | undefined {
  if (characters.length < MIN_TOKEN_LENGTH) return 'too-short';
  // One character making up half the token or more: a key held down, with a few others around it.
  if (mostFrequentCount(characters) * 2 >= characters.length) return 'one-character';
  // The whole token is its first `unit` characters typed at least twice over.
  if (unit * 2 <= characters.length) return 'repeated-pattern';
  if (characters.every((character) => character >= '0' && character <= '9') && characters.length < MIN_DIGITS)
    return 'digits-only';
  if (bits < MIN_BITS) return 'low-entropy';
  return undefined;
}

/** The length of the shortest prefix the token repeats (possibly cut at the end); its length if none. */
function repeatingUnit(characters: readonly string[]): number {
  // The prefix function of Knuth-Morris-Pratt: the shortest period is the length less the longest
  // border, found in one pass (linear, whatever the token).
  const border = new Array<number>(characters.length).fill(0);
  for (let index = 1; index < characters.length; index++) {
    let length = border[index - 1] ?? 0;
    while (length > 0 && characters[index] !== characters[length]) length = border[length - 1] ?? 0;
    if (characters[index] === characters[length]) length++;
    border[index] = length;
  }
  return characters.length - (border[characters.length - 1] ?? 0);
}

/** How many characters the classes the token uses allow: digits, lower case, upper case, the rest of printable ASCII and beyond. */
function classPool(characters: readonly string[]): number {
  const classes = new Map<string, number>();
  for (const character of characters) {
    if (character >= '0' && character <= '9') classes.set('digit', 10);
    else if (character >= 'a' && character <= 'z') classes.set('lower', 26);
    else if (character >= 'A' && character <= 'Z') classes.set('upper', 26);
    else classes.set('other', 33);
  }
  let pool = 0;
  for (const size of classes.values()) pool += size;
  return Math.max(pool, 2);
}

function mostFrequentCount(characters: readonly string[]): number {
  const counts = new Map<string, number>();
  let most = 0;
  for (const character of characters) {
    const count = (counts.get(character) ?? 0) + 1;
    counts.set(character, count);
    if (count > most) most = count;
  }
  return most;
}
