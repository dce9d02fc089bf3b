import unhomoglyph from 'unhomoglyph';
import data from 'unhomoglyph/data.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { confusableSkeleton } from '../../src/matching/confusable-skeleton.js';

// findConfusables' test of a skeleton: the characters of an ordinary address.
const ADDRESS_SKELETON = /^[a-z0-9._-]+$/;
const asAddress = (skeleton: string): string | undefined =>
  ADDRESS_SKELETON.test(skeleton) ? skeleton : undefined;

describe('confusableSkeleton', () => {
  it('reads every Unicode character as the full confusables data does wherever the skeleton can be an address', () => {
    // The compact table keeps only mappings to address characters; compare with the package it
    // is generated from over every code point, as findConfusables applies it (NFD, lower case).
    const disagreements: string[] = [];
    for (let codePoint = 0x80; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const decomposed = String.fromCodePoint(codePoint).normalize('NFD');
      // A character none of whose parts is in the data reads as itself in both.
      if (![...decomposed].some((part) => Object.hasOwn(data, part))) continue;
      const expected = asAddress(unhomoglyph(decomposed).toLowerCase());
      const actual = asAddress(confusableSkeleton(decomposed).toLowerCase());
      if (expected !== actual) disagreements.push(`U+${codePoint.toString(16)}: ${expected} vs ${actual}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('maps a look-alike to what it passes for and leaves other characters alone', () => {
    expect(confusableSkeleton('gm\u0430il')).toBe('grnail');
    expect(confusableSkeleton('åsa')).toBe('åsa');
  });
});
