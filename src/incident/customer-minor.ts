import { countryTimeZone } from './data/country-time-zones.js';
import { calendarDay } from './data/legal-bases.js';
import { type DateInput, toDate } from './date-input.js';

/** The age of majority: "Den som är under arton år är underårig" (föräldrabalken 9 kap. 1 §). */
const AGE_OF_MAJORITY = 18;

/**
 * Whether the customer was a child on the day the breach was detected: as the organisation's records
 * say (`minor`), or else as the birth date shows, the day read in the organisation's time zone (a
 * birthday begins at local midnight). `undefined` where neither says.
 *
 * @example
 * ```ts
 * customerMinor({ birthDate: '2010-05-01' }, '2024-03-11T10:05:00+01:00', 'SE'); // true
 * ```
 */
export function customerMinor(
  customer: { readonly minor?: boolean | undefined; readonly birthDate?: string | undefined },
  detectedAt: DateInput,
  country: string,
  timeZone?: string,
): boolean | undefined {
  if (customer.minor !== undefined) return customer.minor;
  if (customer.birthDate === undefined) return undefined;
  const day = calendarDay(toDate(detectedAt), timeZone ?? countryTimeZone(country));
  const [year = '', monthAndDay = ''] = [customer.birthDate.slice(0, 4), customer.birthDate.slice(5)];
  const adultFrom = `${String(Number(year) + AGE_OF_MAJORITY).padStart(4, '0')}-${monthAndDay}`;
  return day < adultFrom;
}
