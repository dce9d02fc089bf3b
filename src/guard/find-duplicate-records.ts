import type { ParsedAddress } from '../address/parse-address.js';
import type { Directory, DirectoryAddressMatch } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { findNumberMismatches, type KnownNumber, knownNumbers } from '../matching/find-number-mismatches.js';
import { parsePhone } from '../phone/parse-phone.js';
import { directoryFindings } from './directory-findings.js';

/** Another customer of the same name whose address is one slip from this one: a duplicate record. */
export interface DuplicateRecord {
  readonly customerId: string;
  /** That customer's address, domain as a person reads it. */
  readonly address: string;
  /**
   * Which of the two fits the customer's own birth date or phone number: `other` when only the
   * other address carries it, `this` when only this one does, absent when that cannot be told.
   */
  readonly right?: 'this' | 'other';
}

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
 * Which of two addresses one slip apart fits the customer's own facts. Two records of the same name
 * one slip apart are each told of the other, so a correction would point both ways; a CRM owner who
 * applied both would move the good record onto the slip. Only the person's own facts tell which
 * is right: the one that carries the person's own number when the other does not. The two records
 * are taken for one person (same name, one slip apart), so the facts of both count: a birth date
 * on one record tells for the pair, and both records get the same answer.
 */
export function rightOfTwo(
  customer: Customer,
  address: string,
  other: string,
  defaultCountry: string,
  otherCustomer?: Customer,
): DuplicateRecord['right'] {
  const numbers = ownNumbers(customer, defaultCountry);
  if (otherCustomer)
    for (const known of ownNumbers(otherCustomer, defaultCountry))
      if (!numbers.some((number) => number.digits === known.digits)) numbers.push(known);
  if (numbers.length === 0) return undefined;
  const thisFits = fitsOwnNumbers(address, numbers);
  const otherFits = fitsOwnNumbers(other, numbers);
  if (otherFits && !thisFits) return 'other';
  if (thisFits && !otherFits) return 'this';
  return undefined;
}

/**
 * The duplicate records of a stored address: the `near-miss-other-customer` pairs that
 * `auditCustomerBase` reports (the same rule, `directoryFindings`, with the customer's own
 * addresses left out), each with which of the two fits the customer's own facts. The sent-mail
 * audit asks it of a recipient that is itself a known address, which may be the typo saved as a
 * second record of the same person.
 *
 * @example
 * ```ts
 * findDuplicateRecords({ address: parsed('anna.svensson185@gmail.com'), customer: c6, directory });
 * // [{ customerId: 'C-1', address: 'anna.svensson1985@gmail.com', right: 'other' }]
 * ```
 */
export function findDuplicateRecords(
  input: {
    readonly address: ParsedAddress;
    readonly customer: Customer;
    readonly directory: Directory;
    /** The directory's matches of the address, of any customer, when they were looked up already. */
    readonly matches?: readonly DirectoryAddressMatch[];
  },
  options: { readonly defaultCountry?: string } = {},
): DuplicateRecord[] {
  const records: DuplicateRecord[] = [];
  for (const finding of directoryFindings(input, { knownMailbox: false, revealOtherCustomers: true })) {
    // Two records whose birth dates or phones differ are two people: no duplicate (docs/cli.md).
    if (
      finding.code !== 'near-miss-other-customer' ||
      finding.customerId === undefined ||
      finding.otherPerson
    )
      continue;
    const right = rightOfTwo(
      input.customer,
      input.address.address,
      finding.known,
      options.defaultCountry ?? 'SE',
      input.directory.get(finding.customerId),
    );
    records.push({ customerId: finding.customerId, address: finding.known, ...(right ? { right } : {}) });
  }
  return records;
}
