/**
 * The time zone a report from each supported country is written in: the zone of its capital (IANA
 * tz database, zone1970.tab), so a British report reads in British time and a Finnish one in Finnish
 * time. A country with more than one zone (Portugal's Azores, Spain's Canary Islands) gets its
 * capital's; pass `timeZone` where the organisation keeps another.
 *
 * @example
 * ```ts
 * countryTimeZones.GB; // 'Europe/London'
 * ```
 */
export const countryTimeZones: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome',
  LI: 'Europe/Vaduz',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
};

/**
 * The time zone of an organisation's country, Stockholm's where the country is not given or not in
 * {@link countryTimeZones}.
 */
export function countryTimeZone(country: string | undefined): string {
  return (country === undefined ? undefined : countryTimeZones[country]) ?? 'Europe/Stockholm';
}
