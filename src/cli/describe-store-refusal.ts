import { HeldMessageNotLockedError } from '../errors.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { inOneLine } from './escape-controls.js';

/**
 * A hold store's refusal of a release or discard of `id`, as one line in the words of `locale`: a
 * lock the store could not take says why in the system's terms (`åtkomst nekas … (EACCES)`), as a
 * file that cannot be written does; any other refusal in the store's own words.
 */
export function describeStoreRefusal(id: string, error: Error, locale: CliLocale): string {
  const text = cliTexts[locale].holds;
  if (error instanceof HeldMessageNotLockedError && error.causeCode !== undefined)
    return inOneLine(text.notLocked(id, error.causeCode));
  return `${text.staysHeld(id)}: ${inOneLine(error.message)}`;
}
