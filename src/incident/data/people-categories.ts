import type { DataCategory } from './data-categories.js';

/**
 * The identifiers that belong to one person each, by which the number of people a message is about
 * is counted (GDPR Art. 33(3)(a): "the approximate number of data subjects concerned"). A name is not
 * among them: a greeting and a signature name people who are not the data subjects of a list.
 *
 * @example
 * ```ts
 * peopleCategories.includes('email-address'); // true
 * ```
 */
export const peopleCategories = [
  'national-id-number',
  'email-address',
  'customer-number',
  'postal-address',
] as const satisfies readonly DataCategory[];

/** One of {@link peopleCategories}. */
export type PeopleCategory = (typeof peopleCategories)[number];

/**
 * The identifiers of one person each, in words, in the plural (Swedish also in its definite form).
 *
 * @example
 * ```ts
 * peopleWords['email-address'].en; // 'e-mail addresses'
 * ```
 */
export const peopleWords: Readonly<
  Record<PeopleCategory, { readonly sv: string; readonly svDefinite: string; readonly en: string }>
> = {
  'national-id-number': { sv: 'personnummer', svDefinite: 'personnumren', en: 'identity numbers' },
  'email-address': { sv: 'e-postadresser', svDefinite: 'e-postadresserna', en: 'e-mail addresses' },
  'customer-number': { sv: 'kundnummer', svDefinite: 'kundnumren', en: 'customer numbers' },
  'postal-address': { sv: 'postadresser', svDefinite: 'postadresserna', en: 'postal addresses' },
};
