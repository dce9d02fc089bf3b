import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';

/**
 * libphonenumber-js's reading of a number typed in any national or international format, for
 * `region` (ISO 3166-1, any case) when libphonenumber-js knows it and without one otherwise (an
 * international number is still read then). `undefined` when nothing number-like can be read.
 * What `parsePhone` and `toE164` both read a number with.
 *
 * @example
 * ```ts
 * readPhoneNumber('070-123 45 67', 'se')?.number; // '+46701234567'
 * readPhoneNumber('070-123 45 67', 'XX');         // undefined
 * ```
 */
export function readPhoneNumber(input: string, region: string): PhoneNumber | undefined {
  const country = typeof region === 'string' ? region.toUpperCase() : '';
  return isSupportedCountry(country)
    ? parsePhoneNumberFromString(input, country as CountryCode)
    : parsePhoneNumberFromString(input);
}
