import * as z from 'zod';
import { DirectorySchema, findPhoneUnchecked } from '../contacts/create-directory.js';
import { CustomerSchema } from '../contacts/customer.js';
import { parseInput } from '../internal/parse-input.js';
import { editDistance } from '../matching/edit-distance.js';
import { type Edit, explainEdits } from '../matching/explain-edits.js';
import { type ParsedPhone, parsePhone } from '../phone/parse-phone.js';
import { type CheckOptions, CheckOptionsSchema } from './check-options.js';
import { maskPhone } from './mask-phone.js';
import type { FindingFacts } from './messages.js';
import { phoneMessageFor } from './phone-messages.js';
import { byActionSeverity, findingSeverity, moreSevere } from './policy.js';
import { isPrefetched } from './prefetched-directory.js';
import { resolvePolicy } from './resolve-policy.js';
import type { Action, Finding, FindingEvidence, Verdict } from './verdict.js';

/**
 * The input of {@link checkPhone}: the number as entered for SMS confirmations, and the customer.
 *
 * @example
 * ```ts
 * CheckPhoneInputSchema.safeParse({ entered: '070-123 45 67', customer: { id: 'C-1' } }).success; // true
 * ```
 */
export const CheckPhoneInputSchema = z.object({
  /** The number as typed, in any national or international format; any string gets a verdict. */
  entered: z.string({ error: 'the entered number must be a string' }),
  customer: CustomerSchema,
  /** Every customer's contacts, to find the number on another customer's record. */
  directory: DirectorySchema.optional(),
});

/** What {@link checkPhone} takes (see {@link CheckPhoneInputSchema}). */
export type CheckPhoneInput = z.input<typeof CheckPhoneInputSchema>;

/** Options of {@link checkPhone}: the language, the policy and the region for national numbers. */
export type CheckPhoneOptions = Pick<
  CheckOptions,
  'locale' | 'policy' | 'defaultCountry' | 'revealOtherCustomers'
>;

const CheckPhoneOptionsSchema = CheckOptionsSchema.pick({
  locale: true,
  policy: true,
  defaultCountry: true,
  revealOtherCustomers: true,
});

interface KnownPhone {
  readonly given: string;
  readonly parsed: ParsedPhone;
}

/**
 * Checks a phone number entered for SMS order confirmations against the customer's known numbers,
 * with the same verdict shape as `checkRecipient`:
 *
 * - `exact-match` (send): any formatting of a known number, national or international.
 * - `near-miss` (block): one digit missing, extra, changed, or two swapped compared with a known
 *   number, also when the slip makes the number invalid; the known number is the suggestion.
 * - `invalid-phone` (block): not a number at all, or not a valid one for its country, and no slip
 *   of a known number.
 * - `belongs-to-other-customer` (confirm): the number is on another customer's record (`directory`);
 *   once and masked (`*********43`) unless `revealOtherCustomers`.
 * - `unverified-phone` (confirm): a valid number that is not one of the customer's.
 *
 * National numbers are read in `customer.country`, else `defaultCountry`. Digits are compared as
 * typed: nationally with the trunk prefix (`0701234567`), internationally without the `+`.
 *
 * @example
 * ```ts
 * const verdict = checkPhone({
 *   entered: '070-123 567',
 *   customer: { id: 'C-1001', phones: ['070-123 45 67'] },
 * });
 * verdict.action;     // 'block'
 * verdict.suggestion; // '070-123 45 67'
 * verdict.findings[0]?.message;
 * // 'Looks like a typo of the customer\'s known number 070-123 45 67: a digit 4 is missing after "070-123".'
 * ```
 */
export function checkPhone(input: CheckPhoneInput, options: CheckPhoneOptions = {}): Verdict {
  const { entered, customer, directory } = parseInput(CheckPhoneInputSchema, input);
  parseInput(CheckPhoneOptionsSchema, options, ['options']);
  const locale = options.locale ?? 'en';
  const policy = resolvePolicy(options.policy);
  const region = customer.country ?? options.defaultCountry ?? 'SE';
  // `shown`: the known number as the message shows it, when that differs from the number on file.
  const finding = (evidence: FindingEvidence, shown?: string): Finding => {
    const facts = { ...evidence, action: policy[evidence.code], severity: findingSeverity[evidence.code] };
    const worded = shown === undefined ? facts : { ...facts, known: shown };
    return { ...facts, message: phoneMessageFor(worded as FindingFacts, locale) } as Finding;
  };

  const known: KnownPhone[] = [];
  const unreadable: string[] = [];
  for (const given of customer.phones ?? []) {
    const parsed = parsePhone(given, region);
    // A number on file that cannot be read cannot be compared; it is no reason to fail, but it is
    // said (as `invalid-known-address` for addresses), so the record gets mended.
    if (parsed) known.push({ given: given.trim(), parsed });
    else unreadable.push(given);
  }

  const findings: Finding[] = [];
  for (const given of unreadable) findings.push(finding({ code: 'invalid-known-phone', known: given }));
  const phone = parsePhone(entered, region);
  const exact = phone ? known.filter((candidate) => candidate.parsed.e164 === phone.e164) : [];
  for (const candidate of exact) findings.push(finding({ code: 'exact-match', known: candidate.given }));

  if (exact.length === 0) {
    const typed = typedDigits(entered, phone);
    for (const candidate of known) {
      const slip = compareDigits(typed, candidate.parsed);
      // The message points into the number as written in the form typed (national or
      // international), so it shows the known number in that form, not as it is on file.
      if (slip) {
        const { written, ...evidence } = slip;
        findings.push(finding({ code: 'near-miss', known: candidate.given, ...evidence }, written));
      }
    }
    const nearMiss = findings.length > 0;
    if (!phone?.valid) {
      if (!nearMiss)
        findings.push(
          finding({ code: 'invalid-phone', reason: phone ? 'invalid-for-region' : 'unreadable' }),
        );
    } else {
      findings.push(finding({ code: 'unverified-phone', knownPhones: known.length }));
    }
    if (phone && directory) {
      const others = findPhoneUnchecked(directory, { entered: phone.e164, excludeCustomerId: customer.id });
      if (options.revealOtherCustomers) {
        for (const match of others) {
          // Shown in the form it was typed in (`073-987 65 43`), not as the directory keeps it.
          const stored = parsePhone(match.phone, region);
          const shown =
            stored && (typed.international ? stored.formattedInternational : stored.formattedNational);
          findings.push(
            finding(
              { code: 'belongs-to-other-customer', customerId: match.customerId, known: match.phone },
              shown,
            ),
          );
        }
      } else if (others[0]) {
        // Once, masked, without the id: see `CheckOptions.revealOtherCustomers`.
        findings.push(finding({ code: 'belongs-to-other-customer', known: maskPhone(others[0].phone) }));
      }
    }
  }

  let action: Action = 'send';
  for (const item of findings) action = moreSevere(action, item.action);
  findings.sort(byActionSeverity);
  let suggestion = bestNearMiss(findings);
  // Never another customer's number, whoever else has it on record (a shared phone, a record typed
  // with another's number): an SMS there reaches that customer. A prefetched directory answers only
  // for the entered number; the guard asks its own directory about the suggestion itself.
  if (suggestion !== undefined && directory && !isPrefetched(directory)) {
    const known = parsePhone(suggestion, region);
    if (
      known &&
      findPhoneUnchecked(directory, { entered: known.e164, excludeCustomerId: customer.id }).length > 0
    )
      suggestion = undefined;
  }
  return {
    action,
    entered,
    ...(phone ? { address: phone.e164 } : {}),
    ...(suggestion ? { suggestion } : {}),
    findings,
  };
}

/** The entered digits in the form they were typed: international (no `+`) or national. */
function typedDigits(
  entered: string,
  phone: ParsedPhone | undefined,
): { digits: string; international: boolean } {
  // NFKC folds full-width digits and plus (０７０, ＋４６), which libphonenumber-js reads too, into
  // ASCII (Unicode UAX #15), so the slip is looked for in the number it read.
  const trimmed = entered.normalize('NFKC').trim();
  const digits = trimmed.replace(/\D/g, '');
  // ITU-T E.123: `+` or the international prefix 00 (used across Europe) starts an international number.
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) {
    return {
      digits: phone ? phone.e164.slice(1) : trimmed.startsWith('+') ? digits : digits.slice(2),
      international: true,
    };
  }
  return { digits, international: false };
}

/** One slip between the typed digits and a known number, explained against the number as written. */
function compareDigits(
  typed: { digits: string; international: boolean },
  known: ParsedPhone,
): { distance: number; edits: Edit[]; written: string } | undefined {
  const knownDigits = typed.international ? known.e164.slice(1) : known.nationalDigits;
  if (typed.digits.length === 0 || editDistance(knownDigits, typed.digits, { maxDistance: 1 }) !== 1)
    return undefined;
  const written = typed.international ? known.formattedInternational : known.formattedNational;
  const edits = explainEdits(knownDigits, typed.digits).map((edit) => ({
    ...edit,
    after: writtenPrefix(written, edit.index),
  }));
  return { distance: edits.length, edits, written };
}

/** The part of `written` (`070-123 45 67`) that holds its first `digits` digits (`070-123`). */
function writtenPrefix(written: string, digits: number): string {
  if (digits === 0) return '';
  let seen = 0;
  for (let i = 0; i < written.length; i++) {
    if (/\d/.test(written[i] as string) && ++seen === digits) return written.slice(0, i + 1);
  }
  return written;
}

function bestNearMiss(findings: readonly Finding[]): string | undefined {
  const known = new Set(findings.flatMap((item) => (item.code === 'near-miss' ? [item.known] : [])));
  return known.size === 1 ? [...known][0] : undefined;
}
