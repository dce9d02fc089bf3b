export type { MailboxEquivalence, MailboxKey, MailboxRuleIndex } from './address/mailbox-key.js';
export { describeEquivalence, indexMailboxRules, mailboxKey } from './address/mailbox-key.js';
export type { MailboxRule } from './address/mailbox-rules.js';
export { defaultMailboxRules } from './address/mailbox-rules.js';
export type { InvalidAddressReason, ParseAddressResult, ParsedAddress } from './address/parse-address.js';
export { parseAddress } from './address/parse-address.js';
export type { AsyncDirectory } from './contacts/async-directory.js';
export type { CustomerEncoding } from './contacts/byte-source-decoder.js';
export type {
  Directory,
  DirectoryAddressMatch,
  DirectoryCustomer,
  DirectoryOptions,
  DirectoryPhoneMatch,
} from './contacts/create-directory.js';
export { createDirectory, DirectorySchema } from './contacts/create-directory.js';
export type { Customer } from './contacts/customer.js';
export { CustomerSchema } from './contacts/customer.js';
export { isSamePerson } from './contacts/is-same-person.js';
export type {
  CustomerColumn,
  CustomerSource,
  LoadCustomersInput,
  LoadCustomersOptions,
  LoadCustomersResult,
  LoadProblem,
  LoadProgress,
} from './contacts/load-customers.js';
export {
  defaultCustomerColumns,
  LoadCustomersInputSchema,
  loadCustomers,
} from './contacts/load-customers.js';
export { mailboxVariants } from './contacts/mailbox-variants.js';
export { nameKey } from './contacts/name-key.js';
export type {
  AwaitingVerificationDetails,
  ChallengeDetails,
  EmailGuardErrorCode,
  EnvelopeAddress,
  FewerCustomers,
  HeldMessageDetails,
  InputIssue,
} from './errors.js';
export {
  AuditLogFailedError,
  DirectoryWriteFailedError,
  EmailGuardError,
  FewerCustomersError,
  HeldMessageClaimedError,
  HeldMessageNotLockedError,
  HoldStoreFailedError,
  InvalidInputError,
  isEmailGuardError,
  LookupFailedError,
  MessageHeldError,
  MessageUnreadableError,
  MigrateFailedError,
  RecipientAwaitingVerificationError,
  RecipientBlockedError,
  RecipientNeedsConfirmationError,
  SmtpUtf8NotAnnouncedError,
  VerificationRateLimitedError,
  VerificationStoreFailedError,
} from './errors.js';
export type {
  AuditCustomerBaseInput,
  AuditCustomerBaseOptions,
  CustomerBaseFinding,
  CustomerBaseFindingCode,
} from './guard/audit-customer-base.js';
export {
  AuditCustomerBaseInputSchema,
  auditCustomerBase,
  customerBaseFindingCodes,
} from './guard/audit-customer-base.js';
export type { CheckOptions } from './guard/check-options.js';
export { CheckOptionsSchema } from './guard/check-options.js';
export type { CheckPhoneInput, CheckPhoneOptions } from './guard/check-phone.js';
export { CheckPhoneInputSchema, checkPhone } from './guard/check-phone.js';
export { checkRecipient } from './guard/check-recipient.js';
export { CheckRecipientInputSchema } from './guard/check-recipient-input-schema.js';
export type {
  Decision,
  Guard,
  GuardCheckInput,
  GuardCheckPhoneInput,
  GuardOptions,
  VerifiedAddressSource,
} from './guard/create-guard.js';
export { createGuard, GuardCheckInputSchema, GuardCheckPhoneInputSchema } from './guard/create-guard.js';
export type { Policy } from './guard/policy.js';
export { defaultPolicy } from './guard/policy.js';
export type { CheckRecipientInput } from './guard/recipient-checker.js';
export type { LookupErrorKind } from './guard/settle-lookup.js';
export type {
  Action,
  ConfusableCharacter,
  Finding,
  FindingCode,
  FindingEvidence,
  Locale,
  Severity,
  Verdict,
} from './guard/verdict.js';
export { defaultDisposableDomains } from './matching/data/disposable-domains.js';
export { defaultFirstNames } from './matching/data/first-names.js';
export { ianaTopLevelDomains } from './matching/data/iana-tlds.js';
export type { MailboxProvider } from './matching/data/mailbox-providers.js';
export { defaultMailboxProviders } from './matching/data/mailbox-providers.js';
export { defaultRoleLocalParts } from './matching/data/role-local-parts.js';
export { editDistance } from './matching/edit-distance.js';
export type { Edit } from './matching/explain-edits.js';
export { explainEdits } from './matching/explain-edits.js';
export type { DomainTypo, DomainTypoOptions } from './matching/find-domain-typo.js';
export { findDomainTypo } from './matching/find-domain-typo.js';
export type { ParsedPhone } from './phone/parse-phone.js';
export { parsePhone } from './phone/parse-phone.js';
export type { SpellingAlphabet } from './spelling/data/spelling-alphabets.js';
export { natoSpellingAlphabet, swedishSpellingAlphabet } from './spelling/data/spelling-alphabets.js';
export type { SpellAddressOptions } from './spelling/spell-address.js';
export { spellAddress } from './spelling/spell-address.js';
