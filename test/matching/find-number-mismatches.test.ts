import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findNumberMismatches,
  knownNumbers,
  longestNumberWithin,
} from '../../src/matching/find-number-mismatches.js';

const anna = knownNumbers({ birthDate: '1985-04-12', phoneDigits: ['0701234567', '701234567'] });

describe('findNumberMismatches', () => {
  it.each([
    ['anna195', '1985'],
    ['anna19885', '1985'],
    ['anna1958', '1985'],
    // Two digits one off the birth year: the year slipped by one (`84`, `86` for 1985).
    ['anna84', '85'],
    ['anna86', '85'],
    ['anna.0701234576', '0701234567'],
    ['anna070123456', '0701234567'],
  ])('flags %s as a slip of %s', (local, expected) => {
    expect(findNumberMismatches(local, anna).map((m) => m.expected)).toEqual([expected]);
  });

  it.each([
    'anna1985',
    'anna85',
    'anna.19850412',
    'anna0412',
    'anna0701234567',
    'anna.svensson',
    'anna77',
    'anna87',
    // A reversed pair is as often another number (a customer number) as a slipped year.
    'anna58',
  ])('raises nothing for %s', (local) => {
    expect(findNumberMismatches(local, anna)).toEqual([]);
  });

  it.each([
    // Two digits changed: `79` is one off 1980 as a number, but two slips from `80` (Damerau 1964).
    ['erik79', '1980-02-03'],
    ['erik.19860413', '1985-04-12'],
  ])('raises nothing for %s, two slips from a customer born %s', (local, birthDate) => {
    expect(findNumberMismatches(local, knownNumbers({ birthDate }))).toEqual([]);
  });

  it('flags a birth year one off by one changed digit', () => {
    expect(findNumberMismatches('lena.ek81', knownNumbers({ birthDate: '1980-05-06' }))).toMatchObject([
      { digits: '81', expected: '80', edits: [{ kind: 'substituted' }] },
    ]);
  });

  it.each([
    // Customer numbers from the trial's CRM export (stor.csv): none is written like the year or date it is near.
    ['gosta.holm37', '1973-05-06'],
    ['karin.dahl1199', '1999-02-03'],
    ['lena.berg10952', '1952-07-08'],
    ['olle.ek1086', '1970-10-06'],
    ['olle.ek10018', '1970-10-01'],
    ['olle.ek1803', '1968-03-09'],
    ['olle.ek100', '1970-10-07'],
  ])('raises nothing for %s, a number not written as the birth date (born %s)', (local, birthDate) => {
    expect(findNumberMismatches(local, knownNumbers({ birthDate }))).toEqual([]);
  });

  it('flags a whole year of the same century other than the birth year', () => {
    expect(
      findNumberMismatches('erik.johansson1979', knownNumbers({ birthDate: '1982-04-04' })),
    ).toMatchObject([
      { digits: '1979', expected: '1982', source: 'birth-date', birthDatePart: 'year', otherYear: true },
    ]);
  });

  it('still flags a slipped date written as a date', () => {
    expect(findNumberMismatches('anna0421', anna)).toMatchObject([
      { digits: '0421', birthDatePart: 'day-month' },
    ]);
  });

  it('knows nothing to compare with for a customer without numbers', () => {
    expect(findNumberMismatches('anna195', knownNumbers({}))).toEqual([]);
  });
});

describe('findNumberMismatches with letters for digits', () => {
  const born = (birthDate: string) => knownNumbers({ birthDate });

  it.each([
    ['maria.l979', '1979-03-02', 'l979', '1979'],
    ['maria.lund19o2', '1902-03-02', '19o2', '1902'],
    ['maria.lund197e', '1973-03-02', '197e', '1973'],
    ['maria.lundI985', '1985-03-02', 'I985', '1985'],
    ['maria.lund2oo1', '2001-03-02', '2oo1', '2001'],
    ['maria.lund2OO1', '2001-03-02', '2OO1', '2001'],
    ['karl.lund197q', '1971-03-02', '197q', '1971'],
    ['fredrik8o', '1980-03-02', '8o', '80'],
    ['ava_taylor_S4', '1954-03-02', 'S4', '54'],
    ['jonas_lindgren8g0222', '1989-02-22', '8g0222', '890222'],
    ['olof_hanssonlq63', '1963-06-17', 'lq63', '1963'],
    ['ida95oz25', '1995-02-25', '95oz25', '950225'],
  ])('reads %s as a number typed with letters (%s: %s for %s)', (local, birthDate, digits, expected) => {
    const [mismatch] = findNumberMismatches(local, born(birthDate));
    expect(mismatch).toMatchObject({ digits, expected, source: 'birth-date' });
  });

  it('names each letter typed for a digit', () => {
    const [mismatch] = findNumberMismatches('maria.lund2oo1', born('2001-03-02'));
    expect(mismatch?.edits).toEqual([
      { kind: 'substituted', character: 'o', expected: '0', after: '2', index: 1 },
      { kind: 'substituted', character: 'o', expected: '0', after: '20', index: 2 },
    ]);
  });

  it('reads letters in a phone number too', () => {
    const numbers = knownNumbers({ phoneDigits: ['0701234567'] });
    expect(findNumberMismatches('anna.07o1234567', numbers)[0]).toMatchObject({
      digits: '07o1234567',
      expected: '0701234567',
      source: 'phone',
    });
  });

  it.each([
    ['karl1985', '1985-03-02'],
    ['karl85', '1985-03-02'],
    ['olle1985', '1985-03-02'],
    ['kalle.lo85', '1985-03-02'],
    ['anna.lo', '2001-03-02'],
    ['ole.l5', '1985-03-02'],
    ['ole.l', '1985-03-02'],
    ['lisa.b19', '1919-03-02'],
  ])('raises nothing for %s (born %s)', (local, birthDate) => {
    expect(findNumberMismatches(local, born(birthDate))).toEqual([]);
  });
});

describe('longestNumberWithin', () => {
  it('gives the digits of the local part and two slips', () => {
    expect(longestNumberWithin('anna.svensson')).toBe(2);
    expect(longestNumberWithin('anna.svensson85')).toBe(4);
    expect(longestNumberWithin('a1n2n3a4')).toBe(6);
  });

  it('is all the numbers findNumberMismatches needs: a longer one changes nothing it finds', () => {
    const digitsOrLetters = fc.constantFrom(...'0123456789lLoOsSzZbgqewr.a');
    const local = fc.array(digitsOrLetters, { maxLength: 14 }).map((characters) => characters.join(''));
    const phone = fc
      .array(fc.constantFrom(...'0123456789'), { minLength: 2, maxLength: 12 })
      .map((digits) => digits.join(''));
    const birthDate = fc.constantFrom(undefined, '1985-04-12', '1962-11-03', '2001-03-02');
    fc.assert(
      fc.property(local, fc.array(phone, { maxLength: 3 }), birthDate, (typed, phones, born) => {
        const all = knownNumbers({ ...(born ? { birthDate: born } : {}), phoneDigits: phones });
        const reach = longestNumberWithin(typed);
        const within = all.filter((known) => known.digits.length <= reach);
        expect(findNumberMismatches(typed, within)).toEqual(findNumberMismatches(typed, all));
      }),
      { numRuns: 5000 },
    );
  });
});
