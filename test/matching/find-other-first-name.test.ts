import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFirstNames } from '../../src/matching/data/first-names.js';
import { findOtherFirstName } from '../../src/matching/find-other-first-name.js';

const jan = { customerName: 'Jan Nyberg' };

describe('findOtherFirstName', () => {
  it("finds another real first name in place of the customer's", () => {
    expect(findOtherFirstName('jana.nyberg62', 'jan.nyberg62', jan)).toEqual({
      enteredName: 'jana',
      customerName: 'Jan',
    });
    expect(findOtherFirstName('jananyberg62', 'jannyberg62', jan)).toEqual({
      enteredName: 'jana',
      customerName: 'Jan',
    });
    expect(findOtherFirstName('nyberg.eva', 'nyberg.jan', { customerName: 'Nyberg, Jan' })).toEqual({
      enteredName: 'eva',
      customerName: 'Jan',
    });
  });

  it("finds nothing when the entered name is only a typo of the customer's", () => {
    expect(findOtherFirstName('jna.nyberg62', 'jan.nyberg62', jan)).toBeUndefined();
    expect(findOtherFirstName('jann.nyberg62', 'jan.nyberg62', jan)).toBeUndefined();
  });

  it('reads a name that comes out of a doubled or undoubled letter as a typo', () => {
    expect(findOtherFirstName('sarahholm46', 'saraholm46', { customerName: 'Sara Holm' })).toBeUndefined();
    expect(findOtherFirstName('hana.berg', 'hanna.berg', { customerName: 'Hanna Berg' })).toBeUndefined();
    expect(findOtherFirstName('sarah.holm46', 'sara.holm46', { customerName: 'Sara Holm' })).toEqual({
      enteredName: 'sarah',
      customerName: 'Sara',
    });
  });

  it('finds nothing without the customer name, or for the customer own other given name', () => {
    expect(findOtherFirstName('jana.nyberg62', 'jan.nyberg62', {})).toBeUndefined();
    expect(
      findOtherFirstName('erik.nyberg62', 'jan.nyberg62', { customerName: 'Jan Erik Nyberg' }),
    ).toBeUndefined();
  });

  it('finds nothing when more than the first name differs', () => {
    expect(findOtherFirstName('jana.nyberg61', 'jan.nyberg62', jan)).toBeUndefined();
    expect(findOtherFirstName('jan.nyberg62', 'jan.nyberg62', jan)).toBeUndefined();
  });

  it('folds Swedish letters in the entered name and in the customer name', () => {
    expect(findOtherFirstName('åsa.berg', 'olof.berg', { customerName: 'Olof Berg' })).toEqual({
      enteredName: 'asa',
      customerName: 'Olof',
    });
    expect(findOtherFirstName('osa.berg', 'asa.berg', { customerName: 'Åsa Berg' })).toBeUndefined();
    expect(findOtherFirstName('eva.berg', 'asa.berg', { customerName: 'Åsa Berg' })).toEqual({
      enteredName: 'eva',
      customerName: 'Åsa',
    });
  });

  it('takes a caller-supplied list', () => {
    const names = new Set(['jana']);
    expect(findOtherFirstName('jana.nyberg62', 'jan.nyberg62', { ...jan, firstNames: names })).toBeDefined();
    expect(findOtherFirstName('eva.nyberg62', 'jan.nyberg62', { ...jan, firstNames: names })).toBeUndefined();
  });
});

describe('defaultFirstNames', () => {
  it('holds common Swedish and international first names, as written and ASCII-folded', () => {
    for (const name of [
      'anna',
      'åsa',
      'asa',
      'björn',
      'bjorn',
      'jana',
      'mohammed',
      'fadumo',
      'piotr',
      'reza',
    ])
      expect(defaultFirstNames.has(name), name).toBe(true);
    expect(defaultFirstNames.has('jna')).toBe(false);
  });

  it('is compact and lower case', () => {
    expect(defaultFirstNames.size).toBeLessThan(5000);
    for (const name of defaultFirstNames) expect(name).toBe(name.toLowerCase());
  });
});

describe('findOtherFirstName on any input', () => {
  it('never throws, and never names the customer own name or a name off the list', () => {
    const local = fc
      .array(fc.constantFrom(...'janevo.1å'), { minLength: 0, maxLength: 16 })
      .map((characters) => characters.join(''));
    fc.assert(
      fc.property(local, local, fc.string({ maxLength: 30 }), (entered, known, customerName) => {
        const found = findOtherFirstName(entered, known, { customerName });
        if (found) {
          expect(defaultFirstNames.has(found.enteredName)).toBe(true);
          expect(customerName.toLowerCase()).not.toContain(found.enteredName);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
