import type { MailboxRule } from '../address/mailbox-rules.js';
import type { MailboxProvider } from '../matching/data/mailbox-providers.js';
import type { Action, FindingCode, Locale } from './verdict.js';

/** Options of `checkRecipient` and `createGuard`: configure once, check many times. */
export interface CheckOptions {
  /** Language of messages and read-backs. @default 'en' */
  readonly locale?: Locale;
  /** Actions per finding code, over the defaults (see `defaultPolicy`). @default defaultPolicy */
  readonly policy?: Partial<Record<FindingCode, Action>>;
  /** Which spellings reach the same mailbox. @default defaultMailboxRules */
  readonly mailboxRules?: readonly MailboxRule[];
  /** Mailbox providers whose domains are real and whose slips are typos. @default defaultMailboxProviders */
  readonly providers?: readonly MailboxProvider[];
  /** Valid top-level domains, lower-case ASCII. @default the IANA Root Zone Database */
  readonly topLevelDomains?: ReadonlySet<string>;
  /** Disposable mailbox domains, or a test for one. @default defaultDisposableDomains */
  readonly disposableDomains?: ReadonlySet<string> | ((domain: string) => boolean);
  /** Local parts of role and shared mailboxes. @default defaultRoleLocalParts */
  readonly roleLocalParts?: ReadonlySet<string>;
  /** Region for reading the customer's national phone numbers when `customer.country` is absent. @default 'SE' */
  readonly defaultCountry?: string;
}
