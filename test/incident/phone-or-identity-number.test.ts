import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/incident/find-personal-data.js';
import { expectLinearGrowth } from '../support/growth.js';

// Each number below passes the fødselsnummer check (Skatteetaten's two modulo 11 check digits) and
// is a valid phone number to libphonenumber-js's metadata.
const kinds = (text: string, region?: string) =>
  findPersonalData(text, region === undefined ? {} : { region }).map((hit) => [
    hit.kind,
    text.slice(hit.start, hit.end),
  ]);

describe('an 11-digit number that passes the fødselsnummer check', () => {
  it.each([
    ['with a +', 'Ring oss gärna: +46101234037', undefined, '+46101234037'],
    ['with 00 and a space', 'Nummer 00 46101234037', undefined, '00 46101234037'],
    ['after a phone label', 'Tel: 03012340078', 'DE', '03012340078'],
    ['after a mobile label, in Swedish', 'Mobil 03012340078', 'DE', '03012340078'],
    ['as a national number of the message’s region', 'Bitte 03012340078 anrufen.', 'DE', '03012340078'],
    ['as a London number in a British message', 'Our office: 02079460012', 'GB', '02079460012'],
  ] as const)('is a phone number when written as one: %s', (_how, text, region, number) => {
    const found = kinds(text, region);
    expect(found.map(([kind]) => kind)).not.toContain('identity-number');
    expect(found).toContainEqual(['phone-number', number]);
  });

  it.each([
    ['Fødselsnummer: 01019012480', 'DE'],
    ['fnr 03012340078', 'DE'],
    ['Personnummer: 02079460012', 'GB'],
    ['Fødselsnummer 01019012480', undefined],
    ['Fødselsnummer 01019012480, tel: 03012340078', 'DE'],
  ] as const)('stays an identity number when labelled as one: %j', (text, region) => {
    const found = kinds(text, region);
    expect(found[0]?.[0]).toBe('identity-number');
    expect(found.filter(([kind]) => kind === 'identity-number')).toHaveLength(1);
  });

  it('stays an identity number where nothing says phone and the region dials no trunk 0', () => {
    expect(kinds('Kunde 03012340078', 'NO')).toEqual([['identity-number', '03012340078']]);
  });
});

describe('telling phones from identity numbers', () => {
  it('grows linearly with the number of 11-digit runs that are both', async () => {
    await expectLinearGrowth({
      n: 2_000,
      make: (n: number) => 'Tel 03012340078 '.repeat(Math.ceil(n / 16)).slice(0, n),
      run: (text: string) => findPersonalData(text, { region: 'DE' }),
      tries: 5,
    });
  });
});
