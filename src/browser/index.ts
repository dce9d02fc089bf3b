// email-guard/browser: the check for a page (an order form), without Node built-ins and with the
// phone numbering data loaded only when a phone number is read.
export type { ParseAddressResult, ParsedAddress } from '../address/parse-address.js';
export { parseAddress } from '../address/parse-address.js';
export type { Customer } from '../contacts/customer.js';
export type { EmailGuardErrorCode, InputIssue } from '../errors.js';
export { EmailGuardError, InvalidInputError, isEmailGuardError } from '../errors.js';
export type { CheckOptions } from '../guard/check-options.js';
export type { CheckPhoneInput, CheckPhoneOptions } from '../guard/check-phone.js';
export type { CheckRecipientInput } from '../guard/recipient-checker.js';
export type {
  Action,
  Finding,
  FindingCode,
  FindingEvidence,
  Locale,
  Severity,
  Verdict,
} from '../guard/verdict.js';
export type { SpellingAlphabet } from '../spelling/data/spelling-alphabets.js';
export { natoSpellingAlphabet, swedishSpellingAlphabet } from '../spelling/data/spelling-alphabets.js';
export type { SpellAddressOptions } from '../spelling/spell-address.js';
export { spellAddress } from '../spelling/spell-address.js';
export { checkPhone } from './check-phone.js';
export { checkRecipient } from './check-recipient.js';
