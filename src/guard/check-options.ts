import * as z from 'zod';
import type { MailboxRule } from '../address/mailbox-rules.js';
import { MailboxRulesSchema } from '../address/mailbox-rules-schema.js';
import type { MailboxProvider } from '../matching/data/mailbox-providers.js';
import { RegionSchema } from '../phone/region-schema.js';
import { PolicyOverridesSchema } from './resolve-policy.js';
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
  /**
   * First names, lower case (ASCII-folded forms too: `asa` for `åsa`), to tell a household member's
   * mailbox (`jana.nyberg62` for Jan Nyberg's `jan.nyberg62`) from a typo.
   * @default defaultFirstNames
   */
  readonly firstNames?: ReadonlySet<string>;
  /** Region for reading the customer's national phone numbers when `customer.country` is absent. @default 'SE' */
  readonly defaultCountry?: string;
  /**
   * Show other customers' details in `belongs-to-other-customer` and `near-miss-other-customer`
   * findings: their id, their address or number unmasked, the slips from it, one finding per
   * customer, and their address as the suggestion of `checkRecipient` (`guard.check` suggests no
   * address that is another customer's). Meant for staff tools behind a login. Left off,
   * a finding says only that the address or number is registered to another customer, masked
   * (`a***@gmail.com`), so a check run near the public (a web shop, a browser) cannot be used to
   * look up other customers' data.
   * @default false
   */
  readonly revealOtherCustomers?: boolean;
}

const setOfStrings = z.custom<ReadonlySet<string>>(
  (value) => typeof (value as { has?: unknown } | null)?.has === 'function',
  'a Set of strings',
);

/**
 * Validates {@link CheckOptions} once, when a check or guard is configured, so that a misspelt
 * option (`locale: 'se'`, `policy: { 'near-miss': 'Block' }`) is an `InvalidInputError` naming
 * it, never a silently weaker check.
 *
 * @example
 * ```ts
 * CheckOptionsSchema.safeParse({ policy: { 'near-miss': 'warn' } }).success; // false
 * ```
 */
export const CheckOptionsSchema = z.object({
  locale: z.enum(['en', 'sv']).optional(),
  policy: PolicyOverridesSchema.optional(),
  mailboxRules: MailboxRulesSchema.optional(),
  providers: z
    .array(
      z.object({
        name: z.string(),
        domains: z.array(z.string()),
        exclusiveNames: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  topLevelDomains: setOfStrings.optional(),
  disposableDomains: z
    .union([setOfStrings, z.custom<(domain: string) => boolean>((value) => typeof value === 'function')])
    .optional(),
  roleLocalParts: setOfStrings.optional(),
  firstNames: setOfStrings.optional(),
  defaultCountry: RegionSchema.optional(),
  revealOtherCustomers: z.boolean().optional(),
});
