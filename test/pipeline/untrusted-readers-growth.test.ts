import { describe, expect, it } from 'vitest';
import { collectRecipients } from '../../src/pipeline/collect-recipients.js';
import { decodeUtf7Words } from '../../src/pipeline/decode-utf7-words.js';
import { displayedReadings } from '../../src/pipeline/displayed-readings.js';
import { expectLinearScanning } from '../support/expect-linear-scanning.js';

// A display name and an envelope entry are the sender's text: each reading of them must scan the
// text in proportion to its length, however it is built. Counted, not timed (expectLinearScanning),
// so a busy machine cannot fail them.

describe('displayedReadings', () => {
  it('scans a long name in linear proportion, default-ignorables and full-width forms in it (NFKC)', () => {
    expectLinearScanning({
      n: 5_000,
      make: (n) => 'ｅｒｉｋ\u200b.ｌｉｎｄ\u00ad＠'.repeat(n),
      run: displayedReadings,
    });
  });

  it('scans many bidi runs in linear proportion, and draws each reading no longer than the name', () => {
    const make = (n: number) => '\u202eerik\u202c\u202bmoc.ailet\u200f@\u2066lind\u2069'.repeat(n);
    expectLinearScanning({ n: 2_000, make, run: displayedReadings });
    for (const reading of displayedReadings(make(2_000)))
      expect(reading.length).toBeLessThanOrEqual(make(2_000).length);
  });
});

describe('decodeUtf7Words', () => {
  it('scans many shifted runs in one word in linear proportion', () => {
    expectLinearScanning({
      n: 5_000,
      make: (n) => `=?utf-7?q?${'erik+AEA-'.repeat(n)}telia.com?=`,
      run: decodeUtf7Words,
    });
  });

  it('scans many UTF-7 words, and shifted runs that never end, in linear proportion', () => {
    expectLinearScanning({
      n: 5_000,
      make: (n) => `${'=?utf-7?q?+AEA-?= '.repeat(n)}=?utf-7?q?+${'A'.repeat(n)}?=`,
      run: decodeUtf7Words,
    });
  });
});

describe('an envelope entry', () => {
  it('is read in linear proportion to a long entry with a name before its address', () => {
    expectLinearScanning({
      n: 5_000,
      make: (n) => ({ envelope: { to: [`${'Bob '.repeat(n)}<bob@example.net>`] } }),
      run: (sources) => collectRecipients(sources),
    });
  });

  it('is read in linear proportion to the white space inside its angle brackets', () => {
    expectLinearScanning({
      n: 5_000,
      make: (n) => ({ envelope: { to: [`Bob <${' '.repeat(n)}bob@example.net${' '.repeat(n)}>`] } }),
      run: (sources) => collectRecipients(sources),
    });
  });

  // Each named mailbox's address is looked for among the entry's angle-bracket addresses, read once
  // for the whole entry (it was searched for again per mailbox: n² characters).
  it('is read in linear proportion to the number of named mailboxes in one entry', () => {
    expectLinearScanning({
      n: 500,
      make: (n) => ({
        envelope: {
          to: [Array.from({ length: n }, (_, index) => `Bob <bob${index}@example.net>`).join(', ')],
        },
      }),
      run: (sources) => collectRecipients(sources),
    });
  });
});
