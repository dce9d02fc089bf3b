import { isSupportedCountry } from 'libphonenumber-js';
import * as z from 'zod';

/**
 * Codes people write for a region that ISO 3166-1 spells otherwise: the United Kingdom is `GB`
 * (`UK` is only exceptionally reserved), and `EL` is the EU's code for Greece, whose ISO code is `GR`.
 */
const COMMON_MISTAKES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

const TWO_LETTERS = /^[A-Za-z]{2}$/;
// Two letters in either case make at most 2,704 strings: each answer is looked up once.
const supportedRegions = new Map<string, boolean>();

/**
 * Whether {@link RegionSchema} accepts `value`: two letters, in any case, naming a region
 * libphonenumber-js has numbering metadata for.
 *
 * @example
 * ```ts
 * isSupportedRegion('se'); // true
 * isSupportedRegion('UK'); // false: the United Kingdom is GB
 * ```
 */
export function isSupportedRegion(value: string): boolean {
  if (!TWO_LETTERS.test(value)) return false;
  let supported = supportedRegions.get(value);
  if (supported === undefined) {
    supported = isSupportedCountry(value.toUpperCase());
    supportedRegions.set(value, supported);
  }
  return supported;
}

/**
 * An ISO 3166-1 alpha-2 region (any case) that libphonenumber-js has numbering metadata for. A
 * region it does not know (`XX`) would read every national number as unreadable, so a customer's
 * own number would look like a stranger's: it is refused where it is given, naming the field.
 *
 * @example
 * ```ts
 * RegionSchema.safeParse('se').success; // true
 * RegionSchema.safeParse('XX').success; // false
 * ```
 */
export const RegionSchema = z.string().superRefine((value, context) => {
  if (!TWO_LETTERS.test(value)) {
    context.addIssue({ code: 'custom', message: 'a two-letter ISO 3166-1 country code' });
    return;
  }
  if (isSupportedRegion(value)) return;
  const hint = COMMON_MISTAKES[value.toUpperCase()];
  context.addIssue({
    code: 'custom',
    message: `"${value}" is not an ISO 3166-1 region with phone numbering data${hint ? ` (did you mean "${hint}"?)` : ''}`,
  });
});
