import { isSupportedCountry } from 'libphonenumber-js';

/**
 * Codes people write for a region that ISO 3166-1 spells otherwise: the United Kingdom is `GB`
 * (`UK` is only exceptionally reserved), and `EL` is the EU's code for Greece, whose ISO code is `GR`.
 */
export const COMMON_MISTAKES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

export const TWO_LETTERS = /^[A-Za-z]{2}$/;
// Two letters in either case make at most 2,704 strings: each answer is looked up once.
const supportedRegions = new Map<string, boolean>();

/**
 * Whether `RegionSchema` accepts `value`: two letters, in any case, naming a region
 * libphonenumber-js has numbering metadata for.
 *
 * @example
 * ```ts
 * isSupportedRegion('se'); // true
 * isSupportedRegion('UK'); // false: the United Kingdom is GB
 * ```
 */
export function isSupportedRegion(value: string): boolean {
  // Only two-letter strings are remembered, so an answer found is one for two letters.
  let supported = supportedRegions.get(value);
  if (supported !== undefined) return supported;
  if (!TWO_LETTERS.test(value)) return false;
  supported = isSupportedCountry(value.toUpperCase());
  supportedRegions.set(value, supported);
  return supported;
}
