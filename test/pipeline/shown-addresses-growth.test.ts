import { describe, expect, it } from 'vitest';
import { addressesShownIn } from '../../src/pipeline/addresses-shown-in.js';
import { decodeEncodedWords } from '../../src/pipeline/decode-encoded-words.js';
import { expectLinearScanning } from '../support/expect-linear-scanning.js';

// A display name is the sender's text (a prebuilt message's header, a template's name field): its
// encoded-words are decoded and the addresses it shows read out, so the reading must grow with the
// name and no faster, however it is built: many encoded-words, unclosed ones, or many addresses.
// Growth is counted in the text scanned (expectLinearScanning), so a busy machine cannot fail it.

describe('reading the addresses a display name shows', () => {
  it('reads an address spread over adjacent encoded-words', () => {
    expect(
      addressesShownIn('=?utf-8?q?erik.lind?= =?utf-8?q?=40telia.com?=', 'kundtjanst@butiken.se'),
    ).toEqual(['erik.lind@telia.com']);
  });

  it('grows linearly with the number of encoded-words', () => {
    expectLinearScanning({
      n: 5_000,
      make: (n) => `${'=?utf-8?q?Erik_Lind?= '.repeat(n)}=?utf-8?q?=40telia.com?=`,
      run: decodeEncodedWords,
    });
  });

  it('grows linearly with encoded-words that never close', () => {
    expectLinearScanning({
      n: 5_000,
      make: (n) => `${'=?utf-8?q?erik'.repeat(n)} =?${'a'.repeat(n)}`,
      run: decodeEncodedWords,
    });
  });

  it('grows linearly with the number of encoded control characters', () => {
    expectLinearScanning({
      n: 2_000,
      make: (n) => `${'=?utf-8?q?Erik=0A?= '.repeat(n)}erik.lind@telia.com`,
      run: (name: string) => addressesShownIn(name, 'kundtjanst@butiken.se'),
    });
  });

  it('grows linearly with the number of addresses a name shows', () => {
    expectLinearScanning({
      n: 2_000,
      make: (n) => Array.from({ length: n }, (_, index) => `kund${index}@telia.com`).join(', '),
      run: (name: string) => addressesShownIn(name, 'kundtjanst@butiken.se'),
    });
  });
});
