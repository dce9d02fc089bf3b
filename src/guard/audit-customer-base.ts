import { z } from 'zod';
import { type Directory, DirectorySchema } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { parseInput } from '../internal/parse-input.js';
import { type CheckOptions, CheckOptionsSchema } from './check-options.js';
import { checkRecipient } from './check-recipient.js';
import { rightOfTwo } from './find-duplicate-records.js';
import type { Action, Finding, Severity } from './verdict.js';

/**
 * The finding codes that say something about a stored address and the rest of the base. Left out:
 * `unverified-address` and the other findings about how an address was entered, which every stored
 * address would get when checked as if entered anew.
 */
export const customerBaseFindingCodes = [
  'invalid-address',
  'domain-typo',
  'confusable-characters',
  'number-mismatch',
  'belongs-to-other-customer',
  'near-miss-other-customer',
  'role-address',
  'disposable-domain',
] as const satisfies readonly Finding['code'][];

export type CustomerBaseFindingCode = (typeof customerBaseFindingCodes)[number];

/** One stored address of one customer that is wrong, or is an incident waiting to happen. */
export interface CustomerBaseFinding {
  readonly code: CustomerBaseFindingCode;
  readonly customerId: string;
  readonly address: string;
  /** Why, in the locale of the options, as `checkRecipient` words it. */
  readonly message: string;
  readonly action: Action;
  readonly severity: Severity;
  /**
   * The address it should probably be, when the finding blocks and a correction is known. For a
   * duplicate record (`near-miss-other-customer`), only when the other address carries the
   * customer's own birth date or phone number and this one does not.
   */
  readonly suggestion?: string;
  /**
   * The other customer of a pair (`belongs-to-other-customer`, `near-miss-other-customer`), by id:
   * a pair kept on purpose (a household's shared mailbox, two people of one name) is known by the
   * two ids, so a caller can accept it once instead of reading it on every run. Absent with
   * `revealOtherCustomers: false`.
   */
  readonly otherCustomerId?: string;
}

export interface AuditCustomerBaseInput {
  /** The customer base: every address of every customer in it is checked against all the others. */
  readonly directory: Directory;
}

/** Options of {@link auditCustomerBase}: those of `checkRecipient`, and progress. */
export interface AuditCustomerBaseOptions extends CheckOptions {
  /**
   * Whether a message may name the other customer an address belongs to (the audit is for whoever
   * keeps the base, who may see it).
   * @default true
   */
  readonly revealOtherCustomers?: boolean;
  /** Called with the number of customers checked every `progressEvery` customers and once at the end. @default undefined */
  readonly onProgress?: (checked: number, total: number) => void;
  /** Customers between progress calls. @default 5000 */
  readonly progressEvery?: number;
}

export const AuditCustomerBaseInputSchema = z.object({ directory: DirectorySchema });

const AuditCustomerBaseOptionsSchema = CheckOptionsSchema.extend({
  onProgress: z
    .custom<AuditCustomerBaseOptions['onProgress']>((value) => typeof value === 'function', 'a function')
    .optional(),
  progressEvery: z.number().int().positive().optional(),
});

const codes: ReadonlySet<string> = new Set(customerBaseFindingCodes);

/**
 * Finds the incidents that have not happened yet in a customer base: each stored address is checked
 * with `checkRecipient` as if it were being entered again for its customer (its own addresses left
 * out, so every finding is about the address itself and the rest of the base), and what that says
 * about the data is returned: an address that is invalid, at a mistyped provider, made of
 * look-alike letters, with digits that contradict the customer's, shared with another customer, one
 * slip from another customer's with the same name, a role or a throw-away mailbox. Synchronous: the
 * directory is in memory. Findings come in the directory's order, a customer's in the check's order.
 *
 * @example
 * ```ts
 * const directory = createDirectory([
 *   { id: 'C-1', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
 *   { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
 * ]);
 * auditCustomerBase({ directory }).map((finding) => `${finding.customerId} ${finding.code}`);
 * // ['C-1 belongs-to-other-customer', 'C-2 belongs-to-other-customer']
 * ```
 */
export function auditCustomerBase(
  input: AuditCustomerBaseInput,
  options: AuditCustomerBaseOptions = {},
): CustomerBaseFinding[] {
  const { directory } = parseInput(AuditCustomerBaseInputSchema, input, ['input']);
  parseInput(AuditCustomerBaseOptionsSchema, options, ['options']);
  const { onProgress, progressEvery = 5_000, ...rest } = options;
  // One options object for every check: checkRecipient builds its checker once per options object.
  const checkOptions: CheckOptions = { ...rest, revealOtherCustomers: rest.revealOtherCustomers ?? true };
  const findings: CustomerBaseFinding[] = [];
  const total = directory.size;
  let checked = 0;
  for (const customer of directory.customers()) {
    const alone = { ...customer, emails: [] };
    for (const address of customer.emails ?? []) {
      const verdict = checkRecipient({ entered: address, customer: alone, directory }, checkOptions);
      for (const finding of verdict.findings) {
        if (!codes.has(finding.code)) continue;
        // Of a duplicate pair, the record whose address carries the person's own number (on either
        // record) is the right one: only the other's address is reported, as the likely typo.
        // Without the other customer named (revealOtherCustomers: false), only this one's facts tell.
        // Two people (their birth dates or phones differ) have no right one of two: no suggestion.
        const other =
          finding.code !== 'near-miss-other-customer' || finding.otherPerson
            ? undefined
            : finding.customerId !== undefined
              ? { address: finding.known, customer: directory.get(finding.customerId) }
              : verdict.suggestion
                ? { address: verdict.suggestion, customer: undefined }
                : undefined;
        const right = other
          ? rightOfTwo(customer, address, other.address, rest.defaultCountry ?? 'SE', other.customer)
          : undefined;
        if (right === 'this') continue;
        const suggestion =
          finding.action !== 'block'
            ? undefined
            : finding.code === 'near-miss-other-customer'
              ? right === 'other'
                ? // A check never suggests another customer's address; the record's fix is the
                  // duplicate's, the first spelling of that mailbox found (`sameMailbox`).
                  (verdict.suggestion ?? finding.sameMailbox?.known ?? other?.address)
                : undefined
              : verdict.suggestion;
        const otherCustomerId =
          finding.code === 'belongs-to-other-customer' || finding.code === 'near-miss-other-customer'
            ? finding.customerId
            : undefined;
        findings.push({
          code: finding.code as CustomerBaseFindingCode,
          customerId: customer.id,
          address,
          message: withBothNames(finding, customer, directory, rest.locale),
          action: finding.action,
          severity: finding.severity,
          ...(suggestion ? { suggestion } : {}),
          ...(otherCustomerId !== undefined ? { otherCustomerId } : {}),
        });
      }
    }
    if (++checked % progressEvery === 0) onProgress?.(checked, total);
  }
  onProgress?.(checked, total);
  return findings;
}

/**
 * A duplicate pair's finding with both names, when they are not written alike (`Aron Falk` and
 * `Arno Falk`, two letters swapped, `isSamePerson`): "the same or a similar name" alone would leave
 * the reader to look up which.
 */
function withBothNames(
  finding: Finding,
  customer: Customer,
  directory: Directory,
  locale: CheckOptions['locale'],
): string {
  if (finding.code !== 'near-miss-other-customer' || finding.customerId === undefined) return finding.message;
  const own = customer.name?.trim();
  const other = directory.get(finding.customerId)?.name?.trim();
  if (!own || !other || own.toLowerCase() === other.toLowerCase()) return finding.message;
  return locale === 'sv'
    ? `${finding.message} Namnen: ${own} och ${other}.`
    : `${finding.message} The names: ${own} and ${other}.`;
}
