import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSamePerson } from '../../src/contacts/is-same-person.js';
import { nameKey } from '../../src/contacts/name-key.js';

describe('nameKey', () => {
  it('folds case, diacritics, punctuation and word order', () => {
    expect(nameKey('Svensson, Åsa-Lena')).toBe(nameKey('åsa lena SVENSSON'));
    expect(nameKey('Jörgen Ødegård')).toBe(nameKey('Jorgen Odegard'));
  });

  it('gives an empty key to a name without letters', () => {
    expect(nameKey(' - ')).toBe('');
  });

  it('is unchanged by folding twice', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(nameKey(nameKey(name))).toBe(nameKey(name));
      }),
    );
  });
});

describe('isSamePerson', () => {
  it('takes no name with digits for a name match: Person 13440 and Person 31440 are two records', () => {
    expect(isSamePerson('Person 13440', 'Person 31440')).toBe(false);
    expect(isSamePerson('Anna Svensson 2', 'Anna Svensson')).toBe(false);
    expect(isSamePerson('Person 1', 'Person 1')).toBe(false);
  });

  it('matches the same name written differently', () => {
    expect(isSamePerson('Anna Svensson', 'SVENSSON, anna')).toBe(true);
    expect(isSamePerson('Åsa Öberg', 'Asa Oberg')).toBe(true);
  });

  it('matches a name with two letters swapped', () => {
    expect(isSamePerson('Anna Svensson', 'Anan Svensson')).toBe(true);
  });

  it('matches a name with a middle name added', () => {
    expect(isSamePerson('Anna Svensson', 'Anna Maria Svensson')).toBe(true);
  });

  it('tells apart people sharing a surname or a given name', () => {
    expect(isSamePerson('Anna Svensson', 'Erik Svensson')).toBe(false);
    expect(isSamePerson('Erik Lind', 'Erik Lund')).toBe(false);
    expect(isSamePerson('Eva Jansson', 'Eva Jonsson')).toBe(false);
    expect(isSamePerson('Per Nilson', 'Per Nilsson')).toBe(false);
    expect(isSamePerson('Anna Svensson', 'Anna Lindqvist')).toBe(false);
    expect(isSamePerson('Anna', 'Anna Svensson')).toBe(false);
  });

  it('never matches without both names', () => {
    expect(isSamePerson(undefined, 'Anna Svensson')).toBe(false);
    expect(isSamePerson('Anna Svensson', '')).toBe(false);
  });

  it('answers false, never throws, for names that are not strings', () => {
    expect(isSamePerson(42 as never, 'Anna Svensson')).toBe(false);
    expect(isSamePerson('Anna Svensson', {} as never)).toBe(false);
    expect(nameKey(null as never)).toBe('');
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expect(typeof isSamePerson(a as string, b as string)).toBe('boolean');
        expect(typeof nameKey(a as string)).toBe('string');
      }),
    );
  });

  it('answers the same both ways round when a name repeats a word', () => {
    expect(isSamePerson('Anna Anna', 'Anna Svensson')).toBe(false);
    expect(isSamePerson('Anna Svensson', 'Anna Anna')).toBe(false);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(isSamePerson(a, b)).toBe(isSamePerson(b, a));
      }),
    );
  });
});
