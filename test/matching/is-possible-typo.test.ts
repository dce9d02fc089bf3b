import { describe, expect, it } from 'vitest';
import { isPossibleTypo } from '../../src/matching/is-possible-typo.js';

describe('isPossibleTypo', () => {
  it.each([
    ['lnisslon', 'lnilsson'],
    ['lmilssom', 'lnilsson'],
    ['anan.lnud', 'anna.lund'],
    ['eirk.lidn', 'erik.lind'],
    ['kalrsson', 'karlson'],
    ['karinnn', 'karin'],
    ['ldstrom', 'lindstrom'],
    ['jnias', 'jonas'],
    ['eb55', 'ebba55'],
    ['eba0', 'eva80'],
    ['linb', 'linusb'],
    ['lmilsspn', 'lnilsson'],
  ])('reads %s as two slips of %s', (entered, known) => {
    expect(isPossibleTypo(entered, known)).toBe(true);
  });

  it.each([
    // one slip is a near miss, three are another address
    ['lnilssno', 'lnilsson'],
    ['lnilsson', 'lnilsson'],
    ['lnslsno', 'lnilsson'],
    // another person's name
    ['ella.berg', 'eva.berg'],
    ['ana.lnud', 'anna.lund'],
    ['pia.lund', 'per.lund'],
    ['ida.lund', 'mia.lund'],
    ['andreas', 'anders'],
    ['johanna', 'johan'],
    ['annika.ek', 'anna.ek'],
    ['emil.berg', 'erik.berg'],
    // the difference is a whole number: numbered mailboxes are told apart elsewhere
    ['anna.lund', 'anna.lund79'],
    ['lund1979', 'lund1985'],
    ['nils1961', 'nils61'],
    ['olle.12', 'olle'],
    // too short to tell a typo from another address
    ['abcd', 'abxy'],
    // long local parts: two slips are a near miss there
    ['anna.svenson19', 'anna.svensson1985'],
  ])('does not read %s as two slips of %s', (entered, known) => {
    expect(isPossibleTypo(entered, known)).toBe(false);
  });

  it('takes the first names it is given', () => {
    expect(isPossibleTypo('ebba.berg', 'eva.berg')).toBe(false);
    expect(isPossibleTypo('ebba.berg', 'eva.berg', { firstNames: new Set() })).toBe(true);
    expect(isPossibleTypo('lnisslon', 'lnilsson', { firstNames: new Set(['lnisslon']) })).toBe(false);
  });
});
