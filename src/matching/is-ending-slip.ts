import { editDistance } from './edit-distance.js';

/**
 * Endings people say or type for one another although no key slip joins them: `.nu` is the
 * Swedish "now" domain sold beside `.se` (Internetstiftelsen runs both), and customers mix them up
 * when they give an address from memory.
 */
const CONFUSED_ENDINGS: ReadonlySet<string> = new Set(['nu>se', 'se>nu']);

/**
 * Whether `entered` is the domain `known` with a slip in its ending only: the same name, and a
 * last label one slip away (`.es`, `.sw` for `.se`; `.co`, `.cm`, `.con` for `.com`) or a
 * confused ending (`.nu` for `.se`). Both are domains as lower-case ASCII. Another country's
 * domain of the same provider that is not one slip away (`hotmail.com` for `hotmail.se`) is no
 * slip: that is another mailbox (a sibling domain).
 *
 * @example
 * ```ts
 * isEndingSlip('telia.es', 'telia.se');       // true
 * isEndingSlip('telia.nu', 'telia.se');       // true
 * isEndingSlip('gmail.co', 'gmail.com');      // true
 * isEndingSlip('hotmail.com', 'hotmail.se');  // false
 * ```
 */
export function isEndingSlip(entered: string, known: string): boolean {
  if (entered === known) return false;
  const enteredDot = entered.lastIndexOf('.');
  const knownDot = known.lastIndexOf('.');
  if (enteredDot <= 0 || knownDot <= 0) return false;
  if (entered.slice(0, enteredDot) !== known.slice(0, knownDot)) return false;
  const enteredEnding = entered.slice(enteredDot + 1);
  const knownEnding = known.slice(knownDot + 1);
  if (enteredEnding.length < 2 || knownEnding.length < 2) return false;
  return (
    CONFUSED_ENDINGS.has(`${enteredEnding}>${knownEnding}`) ||
    editDistance(enteredEnding, knownEnding, { maxDistance: 1 }) === 1
  );
}
