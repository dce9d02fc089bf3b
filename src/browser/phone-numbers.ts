// The part of libphonenumber-js the core reads, as the chunk the browser build loads lazily (see
// lazy-phone-numbers.ts): importing the package as a whole would bring every export along.
export {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';
