import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

let callingCodes: ReadonlySet<string> | undefined;

/**
 * Whether an E.164-shaped number keeps a national trunk 0 right after its country code
 * (`+460701234567`), as people write when they put +46 in front of a national number. Such a
 * number must be read with libphonenumber-js to find its true E.164 form; any other can be taken
 * as it is. Country calling codes are prefix-free (ITU-T E.164 §6.2.1), so the first code that
 * matches is the only one. The codes come from libphonenumber-js metadata.
 *
 * @example
 * ```ts
 * startsWithTrunkZero('+460701234567'); // true
 * startsWithTrunkZero('+46701234567');  // false
 * ```
 */
export function startsWithTrunkZero(e164: string): boolean {
  callingCodes ??= new Set(getCountries().map((country) => getCountryCallingCode(country)));
  for (let length = 1; length <= 3; length++) {
    if (callingCodes.has(e164.slice(1, 1 + length))) return e164[1 + length] === '0';
  }
  return false;
}
