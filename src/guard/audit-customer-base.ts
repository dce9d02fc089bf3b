import { z } from 'zod';
import { type Directory, DirectorySchema } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { parseInput } from '../internal/parse-input.js';
import { findNumberMismatches, type KnownNumber, knownNumbers } from '../matching/find-number-mismatches.js';
import { parsePhone } from '../phone/parse-phone.js';
import { type CheckOptions, CheckOptionsSchema } from './check-options.js';
import { checkRecipient } from './check-recipient.js';
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

/** The customer's own numbers (birth date, phones) as they may appear in an address. */
function ownNumbers(customer: Customer, defaultCountry: string): KnownNumber[] {
  const phoneDigits = (customer.phones ?? []).flatMap((phone) => {
    const parsed = parsePhone(phone, customer.country ?? defaultCountry);
    return parsed ? [parsed.nationalDigits, parsed.nationalNumber] : [];
  });
  return knownNumbers({ ...(customer.birthDate ? { birthDate: customer.birthDate } : {}), phoneDigits });
}

/** Whether the local part of an address carries one of the customer's own numbers, unchanged. */
function fitsOwnNumbers(address: string, numbers: readonly KnownNumber[]): boolean {
  const local = address.slice(0, address.lastIndexOf('@'));
  const runs = local.match(/\d{2,}/g) ?? [];
  return (
    runs.some((run) => numbers.some((known) => known.digits === run)) &&
    findNumberMismatches(local, numbers).length === 0
  );
}

/**
 * Whether a duplicate record's address may be offered in place of the customer's own. Two records
 * of the same name one slip apart are each told of the other, so the suggestion would point both
 * ways; a CRM owner who applied both would move the good record onto the slip. Only the customer's
 * own facts tell which is right: the suggestion stands when it carries the customer's own number
 * and the address on file does not, and is dropped when that cannot be told.
 */
function suggestionFits(customer: Customer, address: string, suggestion: string, country: string): boolean {
  const numbers = ownNumbers(customer, country);
  if (numbers.length === 0) return false;
  return fitsOwnNumbers(suggestion, numbers) && !fitsOwnNumbers(address, numbers);
}

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
        const suggestion =
          verdict.suggestion &&
          finding.action === 'block' &&
          (finding.code !== 'near-miss-other-customer' ||
            suggestionFits(customer, address, verdict.suggestion, rest.defaultCountry ?? 'SE'))
            ? verdict.suggestion
            : undefined;
        findings.push({
          code: finding.code as CustomerBaseFindingCode,
          customerId: customer.id,
          address,
          message: finding.message,
          action: finding.action,
          severity: finding.severity,
          ...(suggestion ? { suggestion } : {}),
        });
      }
    }
    if (++checked % progressEvery === 0) onProgress?.(checked, total);
  }
  onProgress?.(checked, total);
  return findings;
}
