import type * as PhoneNumbers from 'libphonenumber-js';
import { lazyChunk } from './lazy-chunk.js';

/**
 * libphonenumber-js and its numbering metadata (about 30 KB gzipped, most of the weight of a check
 * in a page), fetched as their own chunk of the browser build the first time a phone number is
 * read: a page that never meets a customer's phone number or region never downloads them.
 */
const phoneNumbers = lazyChunk('the phone numbering data', () => import('./phone-numbers.js'));

// The browser build resolves the core's `libphonenumber-js` imports to this module (see
// scripts/browser-build.ts): the same functions, answered by the library once it has loaded.
export const isSupportedCountry: typeof PhoneNumbers.isSupportedCountry = (country) =>
  phoneNumbers.get().isSupportedCountry(country);
export const parsePhoneNumberFromString: typeof PhoneNumbers.parsePhoneNumberFromString = (
  ...args: Parameters<typeof PhoneNumbers.parsePhoneNumberFromString>
) => phoneNumbers.get().parsePhoneNumberFromString(...args);
export const getCountries: typeof PhoneNumbers.getCountries = () => phoneNumbers.get().getCountries();
export const getCountryCallingCode: typeof PhoneNumbers.getCountryCallingCode = (country) =>
  phoneNumbers.get().getCountryCallingCode(country);
