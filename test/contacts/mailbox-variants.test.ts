import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mailboxVariants } from '../../src/contacts/mailbox-variants.js';
import { editDistance } from '../../src/matching/edit-distance.js';

describe('mailboxVariants', () => {
  it('files an address under its mailbox key and each one-character deletion', () => {
    expect(mailboxVariants('Anna+x@Example.se')).toEqual([
      'anna+x@example.se',
      'nna+x@example.se',
      'ana+x@example.se',
      'ann+x@example.se',
      'annax@example.se',
      'anna+@example.se',
    ]);
    expect(mailboxVariants('a.n.n.a+tag@googlemail.com')[0]).toBe('anna@gmail.com');
  });

  it('files nothing for an address that does not parse', () => {
    expect(mailboxVariants('anna(at)gmail.com')).toEqual([]);
  });

  it('lists no string twice', () => {
    const variants = mailboxVariants('aaabbb.cc@example.se');
    expect(new Set(variants).size).toBe(variants.length);
  });

  const local = fc.string({ unit: fc.constantFrom(...'abcde19'), minLength: 2, maxLength: 10 });
  const shareVariant = (a: string, b: string) =>
    mailboxVariants(`${a}@example.se`).some((v) => mailboxVariants(`${b}@example.se`).includes(v));

  it('gives addresses one slip apart a variant in common', () => {
    const slipped = fc
      .tuple(local, fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...'abcde19'))
      .map(([a, position, kind, character]) => {
        const at = position % a.length;
        const b = [
          a.slice(0, at) + a.slice(at + 1),
          a.slice(0, at) + character + a.slice(at),
          a.slice(0, at) + character + a.slice(at + 1),
          a.slice(0, at) + a.slice(at + 1, at + 2) + a.slice(at, at + 1) + a.slice(at + 2),
        ][kind] as string;
        return [a, b] as const;
      });
    fc.assert(
      fc.property(slipped, ([a, b]) => {
        fc.pre(b.length > 0);
        expect(shareVariant(a, b)).toBe(true);
      }),
    );
    expect(shareVariant('anna1985', 'anna9185')).toBe(true);
  });

  it('gives a common variant only to addresses at most two slips apart', () => {
    // Two strings sharing a variant are each the variant with at most one character added.
    const sharing = fc
      .tuple(local, fc.nat(), fc.nat(), fc.constantFrom(...'abcde19'), fc.constantFrom(...'abcde19'))
      .map(([common, i, j, x, y]) => {
        const at = i % (common.length + 1);
        const bt = j % (common.length + 1);
        return [
          common.slice(0, at) + x + common.slice(at),
          common.slice(0, bt) + y + common.slice(bt),
        ] as const;
      });
    fc.assert(
      fc.property(sharing, ([a, b]) => {
        expect(shareVariant(a, b)).toBe(true);
        expect(editDistance(a, b, { maxDistance: 2 })).toBeLessThanOrEqual(2);
      }),
    );
    expect(shareVariant('abc', 'bcd')).toBe(true);
    expect(editDistance('abc', 'bcd')).toBe(2);
  });

  it('files two spellings of å, ä and ö under one folded key', () => {
    const [a, b, c] = ['asa.oberg@telia.se', 'aasa.oeberg@telia.se', 'åsa.öberg@telia.se'].map((address) =>
      mailboxVariants(address),
    );
    expect(b).toContain('asa.oberg@telia.se');
    expect(c).toContain('asa.oberg@telia.se');
    expect(a?.[0]).toBe('asa.oberg@telia.se');
    expect(a).toHaveLength(new Set(a).size);
  });
});
