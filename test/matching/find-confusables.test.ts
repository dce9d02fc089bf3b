import { describe, expect, it } from 'vitest';
import { findConfusables } from '../../src/matching/find-confusables.js';
import { parsed } from '../support/parsed.js';

describe('findConfusables', () => {
  it('finds a Cyrillic а in the domain and shows what it passes for', () => {
    const report = findConfusables(parsed('anna@gm\u0430il.com'));
    expect(report?.lookalike).toBe('anna@gmail.com');
    expect(report?.characters).toEqual([
      {
        character: '\u0430',
        codePoint: 'U+0430',
        script: 'Cyrillic',
        looksLike: 'a',
        part: 'domain',
        index: 2,
      },
    ]);
  });

  it('finds the same look-alike in a domain given in Punycode, as a CRM export may store it', () => {
    // Trial 13: `bo@xn--gmil-63d.com` is `gmаil.com` with a Cyrillic а (RFC 3492).
    const report = findConfusables(parsed('bo@xn--gmil-63d.com'));
    expect(report?.lookalike).toBe('bo@gmail.com');
    expect(report?.characters.map((c) => [c.codePoint, c.part, c.index])).toEqual([['U+0430', 'domain', 2]]);
    expect(findConfusables(parsed('kund@xn--keri-poa.se'))).toBeUndefined();
  });

  it('finds a Greek ο and a fullwidth letter in the local part', () => {
    const report = findConfusables(parsed('j\u03bfhan\uff41@example.se'));
    expect(report?.characters.map((c) => [c.script, c.looksLike, c.part])).toEqual([
      ['Greek', 'o', 'local'],
      ['Fullwidth', 'a', 'local'],
    ]);
    expect(report?.lookalike).toBe('johana@example.se');
  });

  it('finds a name spelt wholly in look-alikes of another script', () => {
    expect(findConfusables(parsed('anna@\u0440\u0430\u0443\u0440\u0430l.com'))?.lookalike).toBe(
      'anna@paypal.com',
    );
  });

  it('leaves a name written wholly in another script alone, as it reads as what it is', () => {
    expect(findConfusables(parsed('ivan@почта.рф'))).toBeUndefined();
  });

  it('leaves Swedish letters and plain ASCII alone', () => {
    expect(findConfusables(parsed('åsa.öberg@ränteportalen.se'))).toBeUndefined();
    expect(findConfusables(parsed('anna.svensson1985@gmail.com'))).toBeUndefined();
  });

  it('does not report a fullwidth domain that UTS #46 maps onto the same host', () => {
    expect(findConfusables(parsed('anna@\uff47mail.com'))).toBeUndefined();
  });

  it('reads every full-width letter in the local part as the ASCII letter it passes for', () => {
    // ｎ (U+FF4E) is missing from the confusables data that has ａ (U+FF41); both are ASCII under NFKC.
    const report = findConfusables(parsed('\uff41\uff4e\uff4e\uff41.svensson@gmail.com'));
    expect(report?.lookalike).toBe('anna.svensson@gmail.com');
    expect(report?.characters.map((character) => [character.codePoint, character.looksLike])).toEqual([
      ['U+FF41', 'a'],
      ['U+FF4E', 'n'],
      ['U+FF4E', 'n'],
      ['U+FF41', 'a'],
    ]);
  });
});
