import type * as PhoneNumbers from 'libphonenumber-js';

/**
 * Thrown by the functions below while the numbering data is not loaded yet; `checkRecipient` of
 * the browser entry catches it, loads the data and checks again. It never reaches a caller.
 */
export class PhoneNumbersNotLoaded extends Error {
  constructor() {
    super('the phone numbering data is not loaded yet');
    this.name = 'PhoneNumbersNotLoaded';
  }
}

type Library = typeof import('./phone-numbers.js');

let library: Library | undefined;
let loading: Promise<void> | undefined;

/**
 * Fetches libphonenumber-js and its numbering metadata (about 30 KB gzipped, most of the weight
 * of a check in a page) the first time a phone number is read, as its own chunk of the browser
 * build: a page that never meets a customer's phone number or region never downloads it.
 */
export function loadPhoneNumbers(): Promise<void> {
  loading ??= import('./phone-numbers.js').then(
    (loaded) => {
      library = loaded;
    },
    (error: unknown) => {
      // A failed download (the network was away) is tried again at the next check.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function loaded(): Library {
  if (!library) throw new PhoneNumbersNotLoaded();
  return library;
}

// The browser build resolves the core's `libphonenumber-js` imports to this module (see
// scripts/browser-build.ts): the same functions, answered by the library once it has loaded.
export const isSupportedCountry: typeof PhoneNumbers.isSupportedCountry = (country) =>
  loaded().isSupportedCountry(country);
export const parsePhoneNumberFromString: typeof PhoneNumbers.parsePhoneNumberFromString = (
  ...args: Parameters<typeof PhoneNumbers.parsePhoneNumberFromString>
) => loaded().parsePhoneNumberFromString(...args);
export const getCountries: typeof PhoneNumbers.getCountries = () => loaded().getCountries();
export const getCountryCallingCode: typeof PhoneNumbers.getCountryCallingCode = (country) =>
  loaded().getCountryCallingCode(country);
