import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import { RegimeSchema } from './assess-breach.js';
import { type Authority, AuthoritySchema, authorities as builtInAuthorities } from './data/authorities.js';
import { countryTimeZone } from './data/country-time-zones.js';
import { calendarDay, lawInForce } from './data/legal-bases.js';
import { DateInputSchema, toDate } from './date-input.js';
import { TimeZoneSchema } from './option-schemas.js';

const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166-1 code such as SE');

/**
 * What {@link findAuthority} needs: where the organisation is established, the regime and when the
 * breach happened.
 *
 * @example
 * ```ts
 * FindAuthorityInputSchema.safeParse({ country: 'SE', regime: 'gdpr', at: '2018-02-23T13:36:00+01:00' }).success; // true
 * ```
 */
export const FindAuthorityInputSchema = z.object({
  /** ISO 3166-1 alpha-2 code of the country of the organisation's (main) establishment (GDPR Art. 56). */
  country: CountrySchema,
  regime: RegimeSchema,
  /** When the breach happened: the law in force at that moment applies. */
  at: DateInputSchema,
});
/** The input of {@link findAuthority}. */
export type FindAuthorityInput = z.input<typeof FindAuthorityInputSchema>;

/**
 * The authority a breach is reported to under one regime and the law that governed it, as stored in
 * a report.
 *
 * @example
 * ```ts
 * AuthorityFindingSchema.parse(findAuthority({ country: 'SE', regime: 'eprivacy', at: new Date() }));
 * ```
 */
export const AuthorityFindingSchema = z.object({
  regime: RegimeSchema,
  country: CountrySchema,
  /** The authority under the name it had on the day; absent when the table has none for the country. */
  authority: AuthoritySchema.omit({ formerNames: true }).optional(),
  law: z.object({
    /** The law in force required notifying the authority. */
    notificationDuty: z.boolean(),
    citations: z.array(z.string().min(1)),
    /** The provision that requires the provider's own register of incidents. */
    register: z.string().min(1).optional(),
    /** The period the cited law was in force (YYYY-MM-DD, `until` exclusive). */
    from: z.string().optional(),
    until: z.string().optional(),
  }),
});
/** One authority and its law (see {@link AuthorityFindingSchema}). */
export type AuthorityFinding = z.infer<typeof AuthorityFindingSchema>;

/** Options of {@link findAuthority}. */
export interface FindAuthorityOptions {
  /**
   * The table of authorities, replacing the built-in one (a regulator that was renamed, a country
   * the built-in table has no e-privacy authority for).
   * @default authorities
   */
  readonly authorities?: readonly Authority[];
  /**
   * The time zone in which the day of the breach is read against the dates laws took effect.
   * @default the zone of the organisation's country (Europe/London for GB), else 'Europe/Stockholm'
   */
  readonly timeZone?: string;
}

const FindAuthorityOptionsSchema = z.object({
  authorities: z.array(AuthoritySchema).optional(),
  timeZone: TimeZoneSchema.optional(),
});

/**
 * Names the authority a breach is reported to and the law in force on the day it happened: from the
 * organisation's country, the regime (`gdpr`: the data protection authority; `eprivacy`: for
 * providers of electronic communications services, the authority that receives their breach
 * notifications) and the date. A Swedish operator's breach of 23 February 2018 goes to PTS under
 * 6 kap. 4 a § lagen (2003:389) and Regulation (EU) No 611/2013, and no GDPR duty applies yet: the GDPR
 * applies from 25 May 2018, and personuppgiftslagen (1998:204) had no general duty to notify.
 * Throws {@link InvalidInputError} when the input or an option breaks its schema.
 *
 * @example
 * ```ts
 * const finding = findAuthority({ country: 'SE', regime: 'eprivacy', at: '2018-02-23T13:36:00+01:00' });
 * finding.authority?.abbreviation; // 'PTS'
 * finding.law.citations; // ['6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation', 'Commission Regulation (EU) No 611/2013']
 * ```
 */
export function findAuthority(
  input: FindAuthorityInput,
  options: FindAuthorityOptions = {},
): AuthorityFinding {
  const given = parseInput(FindAuthorityInputSchema, input, ['input']);
  const settings = parseInput(FindAuthorityOptionsSchema, options, ['options']);
  const day = calendarDay(toDate(given.at), settings.timeZone ?? countryTimeZone(given.country));
  const table = settings.authorities ?? builtInAuthorities;
  const authority = table.find(
    (candidate) => candidate.country === given.country && candidate.regime === given.regime,
  );
  const law = lawInForce(given.country, given.regime, day);
  return {
    regime: given.regime,
    country: given.country,
    ...(authority === undefined ? {} : { authority: asOf(authority, day) }),
    law: {
      notificationDuty: law.notificationDuty,
      citations: [...law.citations],
      ...(law.register === undefined ? {} : { register: law.register }),
      ...(law.from === undefined ? {} : { from: law.from }),
      ...(law.until === undefined ? {} : { until: law.until }),
    },
  };
}

/** The authority under the name it had on the day (the first former name still in use then). */
function asOf(authority: Authority, day: string): Omit<Authority, 'formerNames'> {
  const { formerNames, ...current } = authority;
  const former = [...(formerNames ?? [])]
    .sort((a, b) => a.until.localeCompare(b.until))
    .find((name) => day < name.until);
  if (former === undefined) return current;
  // The current Swedish name and abbreviation were not the former name's.
  const { abbreviation: _abbreviation, nameSv: _nameSv, ...withoutAbbreviation } = current;
  return {
    ...withoutAbbreviation,
    name: former.name,
    nameEn: former.nameEn,
    ...(former.abbreviation === undefined ? {} : { abbreviation: former.abbreviation }),
  };
}
