import { describe, expect, it } from 'vitest';
import { authorities } from '../../src/incident/data/authorities.js';
import { countryTimeZones } from '../../src/incident/data/country-time-zones.js';
import { eeaEftaStates, euMemberStates } from '../../src/incident/data/eea-states.js';
import { gdprCountries } from '../../src/incident/data/legal-bases.js';

// The countries outside the EU/EEA that the tables support, each under its own law.
const outside = ['GB'];

describe('the EU/EEA states behind the one-stop shop (GDPR Art. 56)', () => {
  it('lists 27 EU member states and 3 EEA EFTA states, none twice', () => {
    expect(new Set(euMemberStates).size).toBe(27);
    expect(euMemberStates).toHaveLength(27);
    expect([...eeaEftaStates].sort()).toEqual(['IS', 'LI', 'NO']);
    expect(euMemberStates.filter((country) => eeaEftaStates.includes(country))).toEqual([]);
    expect([...gdprCountries].sort()).toEqual([...euMemberStates, ...eeaEftaStates].sort());
  });

  it('agrees with the time zones: a country added to one and not the other fails', () => {
    const zoned = Object.keys(countryTimeZones).filter((country) => !outside.includes(country));
    expect(zoned.sort()).toEqual([...gdprCountries].sort());
  });

  it('agrees with the authorities: each one of a GDPR country is in the list or named outside', () => {
    const countries = new Set(
      authorities.filter((authority) => authority.regime === 'gdpr').map((authority) => authority.country),
    );
    for (const country of countries)
      expect(gdprCountries.has(country) || outside.includes(country)).toBe(true);
  });
});
