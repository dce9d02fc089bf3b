import { parsePhone } from '../phone/parse-phone.js';

/** What of a record tells two people apart: a customer, or a directory's match of another one. */
export interface PersonFacts {
  /** ISO 8601 calendar date. */
  readonly birthDate?: string | undefined;
  readonly phones?: readonly string[] | undefined;
  /** ISO 3166-1 region of national numbers; the default country when absent. */
  readonly country?: string | undefined;
}

/** The numbers of a record as E.164, so `070-123 45 67` and `+46 70 123 45 67` are one number. */
function phoneNumbers(customer: PersonFacts, defaultCountry: string): Set<string> {
  const numbers = new Set<string>();
  for (const phone of customer.phones ?? []) {
    const parsed = parsePhone(phone, customer.country ?? defaultCountry);
    if (parsed) numbers.add(parsed.e164);
  }
  return numbers;
}

/**
 * Whether two customer records say they are two people, whatever their names: both carry a birth
 * date and the dates differ, or both carry phone numbers and none is shared. Two Maria Anderssons
 * born 1958 and 1977 are two customers, and an address one slip from the other's is the mail that
 * could reach the wrong one, not a duplicate record (docs/cli.md, customers check: the birth dates
 * and phone numbers of both records count). A record without the fact tells nothing either way.
 *
 * @example
 * ```ts
 * recordsContradict({ birthDate: '1958-11-10' }, { birthDate: '1977-02-02' }); // true
 * recordsContradict({ phones: ['070-599 62 32'] }, { phones: ['+46705996232'] }); // false
 * recordsContradict({ birthDate: '1958-11-10' }, {}); // false
 * ```
 */
export function recordsContradict(a: PersonFacts, b: PersonFacts, defaultCountry = 'SE'): boolean {
  if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate) return true;
  const numbersA = phoneNumbers(a, defaultCountry);
  if (numbersA.size === 0) return false;
  const numbersB = phoneNumbers(b, defaultCountry);
  if (numbersB.size === 0) return false;
  for (const number of numbersA) if (numbersB.has(number)) return false;
  return true;
}
