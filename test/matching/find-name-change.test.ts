import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNameChange } from '../../src/matching/find-name-change.js';
import { expectLinearGrowth } from '../support/growth.js';

describe('findNameChange', () => {
  it('finds the whole number of a known local part left out', () => {
    expect(findNameChange('maria.lund', 'maria.lund79')).toEqual({
      code: 'number-changed',
      knownNumber: '79',
    });
    expect(findNameChange('olle', 'olle.12')).toEqual({ code: 'number-changed', knownNumber: '12' });
  });

  it('finds a two-digit year written with four digits, and the reverse', () => {
    expect(findNameChange('nils1961', 'nils61')).toEqual({
      code: 'number-changed',
      enteredNumber: '1961',
      knownNumber: '61',
    });
    expect(findNameChange('maria.lund79', 'maria.lund1979')).toEqual({
      code: 'number-changed',
      enteredNumber: '79',
      knownNumber: '1979',
    });
  });

  it('finds another whole number in place of the known one', () => {
    expect(findNameChange('nils85', 'nils61')).toEqual({
      code: 'number-changed',
      enteredNumber: '85',
      knownNumber: '61',
    });
  });

  it('reads a number added to a plain known name as another address, not a change', () => {
    expect(findNameChange('anna.jonsson37', 'anna.jonsson')).toBeUndefined();
  });

  it('finds the same name parts in another order or with another separator', () => {
    expect(findNameChange('lund.maria', 'maria.lund')).toEqual({ code: 'name-reordered' });
    expect(findNameChange('holm-stina', 'stina.holm')).toEqual({ code: 'name-reordered' });
    expect(findNameChange('holmstina', 'stina.holm')).toEqual({ code: 'name-reordered' });
    expect(findNameChange('1970.karin.berg', 'karin.berg1970')).toEqual({ code: 'name-reordered' });
  });

  it("splits run-together names with the customer's name", () => {
    expect(findNameChange('bergkarin1970', 'karinberg1970', { name: 'Karin Berg' })).toEqual({
      code: 'name-reordered',
    });
    expect(findNameChange('bergkarin1970', 'karinberg1970')).toBeUndefined();
  });

  it('calls a number left out of reordered names a changed number', () => {
    expect(findNameChange('lund.maria', 'maria.lund79')).toEqual({
      code: 'number-changed',
      knownNumber: '79',
    });
  });

  it('finds nothing in other names, initials, or the very same local part', () => {
    expect(findNameChange('k.berg', 'karin.berg')).toBeUndefined();
    expect(findNameChange('karin.lund', 'maria.lund79')).toBeUndefined();
    expect(findNameChange('maria.lund79', 'maria.lund79')).toBeUndefined();
    expect(findNameChange('lund', 'maria.lund79')).toBeUndefined();
    expect(findNameChange('79', 'maria.lund79')).toBeUndefined();
  });
});

describe('findNameChange with characters that are no separator', () => {
  it('finds no reordering where an emoji, a quote or a space stands beside the same names', () => {
    expect(findNameChange('maria.lund😀', 'maria.lund')).toBeUndefined();
    expect(findNameChange('lund😀maria', 'maria.lund')).toBeUndefined();
    expect(findNameChange('"lund.maria"', 'maria.lund')).toBeUndefined();
    expect(findNameChange('maria.lund', '"maria lund"')).toBeUndefined();
    expect(findNameChange('lund+maria', 'maria.lund')).toEqual({ code: 'name-reordered' });
  });
});

describe('findNameChange with initials', () => {
  it('reads an initial the known local part separates in a run-together entered one', () => {
    expect(findNameChange('brownp54', 'p.brown54')).toEqual({ code: 'name-reordered' });
    expect(findNameChange('annaberg', 'a.berg', { name: 'Anna Berg' })).toBeUndefined();
  });
});

describe('findNameChange on any input', () => {
  const local = fc
    .array(fc.constantFrom(...'abnoå.-_19'), { minLength: 0, maxLength: 20 })
    .map((characters) => characters.join(''));

  it('never throws, and reads a reordering the same both ways', () => {
    fc.assert(
      fc.property(local, local, fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (a, b, name) => {
        const options = name === undefined ? {} : { name };
        const forth = findNameChange(a, b, options);
        const back = findNameChange(b, a, options);
        if (forth?.code === 'name-reordered') expect(back?.code).toBe('name-reordered');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findNameChange: names reordered with one slip in them', () => {
  it('finds names reordered with one written another way', () => {
    expect(findNameChange('ohman.svenaake', 'svenake.ohman')).toEqual({
      code: 'name-reordered',
      misspelt: { entered: 'svenaake', known: 'svenake' },
    });
  });

  it('finds names reordered with two letters swapped in one', () => {
    expect(findNameChange('lund.mraia79', 'maria.lund79')).toEqual({
      code: 'name-reordered',
      misspelt: { entered: 'mraia', known: 'maria' },
    });
  });

  it('finds names reordered and written together with two letters swapped in one', () => {
    expect(findNameChange('lundmraia79', 'maria.lund79')).toEqual({
      code: 'name-reordered',
      misspelt: { entered: 'mraia', known: 'maria' },
    });
    expect(findNameChange('mraialund79', 'lund.maria79')).toEqual({
      code: 'name-reordered',
      misspelt: { entered: 'mraia', known: 'maria' },
    });
    expect(findNameChange('ohmansvenaake', 'svenake.ohman')).toEqual({
      code: 'name-reordered',
      misspelt: { entered: 'svenaake', known: 'svenake' },
    });
  });

  it('reads names written together, kept in order with a slip, or with two slips, as no reordering', () => {
    expect(findNameChange('marialnud79', 'maria.lund79')).toBe(undefined);
    expect(findNameChange('lundmraai79', 'maria.lund79')).toBe(undefined);
    expect(findNameChange('lundmario79', 'maria.lund79', { firstNames: new Set(['maria', 'mario']) })).toBe(
      undefined,
    );
  });

  it('splits names written together in time linear in their length', async () => {
    await expectLinearGrowth({
      n: 20_000,
      make: (n) => `lund${'mraia'.repeat(n / 5)}79`,
      run: (typed) => {
        for (let i = 0; i < 20; i++) findNameChange(typed, 'maria.anna.lund79');
      },
    });
  });

  it('reads no slip to another first name as a reordering', () => {
    expect(findNameChange('lund.mario79', 'maria.lund79', { firstNames: new Set(['maria', 'mario']) })).toBe(
      undefined,
    );
  });

  it('reads no slip in the names kept in order as a reordering', () => {
    expect(findNameChange('maria.lnud79', 'maria.lund79')).toBe(undefined);
  });

  it('reads two slips, or a changed number, beside a reordering as another address', () => {
    expect(findNameChange('lund.mraai79', 'maria.lund79')).toBe(undefined);
    expect(findNameChange('lund.mraia80', 'maria.lund79')).toBe(undefined);
  });
});
