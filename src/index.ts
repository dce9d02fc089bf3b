export type { MailboxEquivalence, MailboxKey, MailboxRuleIndex } from './address/mailbox-key.js';
export { describeEquivalence, indexMailboxRules, mailboxKey } from './address/mailbox-key.js';
export type { MailboxRule } from './address/mailbox-rules.js';
export { defaultMailboxRules } from './address/mailbox-rules.js';

export type { InvalidAddressReason, ParseAddressResult, ParsedAddress } from './address/parse-address.js';
export { parseAddress } from './address/parse-address.js';
export type { EmailGuardErrorCode, InputIssue } from './errors.js';
export { EmailGuardError, InvalidInputError, LookupFailedError } from './errors.js';
