import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectRecipients } from '../../src/pipeline/collect-recipients.js';
import {
  findHeaderEnd,
  HeaderEndScanner,
  normaliseHeaderSection,
} from '../../src/pipeline/find-header-end.js';
import { expectLinearScanning } from '../support/expect-linear-scanning.js';
import { expectLinearGrowth } from '../support/growth.js';

const end = (text: string) => findHeaderEnd(Buffer.from(text, 'latin1'));

describe('findHeaderEnd', () => {
  it('ends the header at the first empty line, in CRLF or in bare LF', () => {
    expect(end('To: a@example.se\r\n\r\nBody')).toBe(20);
    expect(end('To: a@example.se\n\nBody')).toBe(18);
    expect(end('To: a@example.se\r\nCc: b@example.se\r\n')).toBe(-1);
    expect(end('')).toBe(-1);
  });

  it('reads on where readers of mixed line endings disagree, to the later end', () => {
    // A lenient reader ends each of these at the bare LF; a strict one reads the Cc as a field.
    expect(end('To: a@example.se\r\n\nCc: b@example.se\r\n\r\nBody')).toBe(39);
    expect(end('To: a@example.se\n\r\nCc: b@example.se\r\n\r\nBody')).toBe(39);
    expect(end('To: a@example.se\r\n\r\r\nCc: b@example.se\r\n\r\nBody')).toBe(41);
    // Once a line ended in CRLF, two bare LFs are no end either.
    expect(end('To: a@example.se\r\nX: y\n\nCc: b@example.se\r\n\r\nBody')).toBe(44);
    // Empty lines before the first field end nothing.
    expect(end('\r\n\r\nTo: a@example.se\r\n\r\nBody')).toBe(24);
    expect(end('\n\nTo: a@example.se\n\nBody')).toBe(20);
  });

  it('finds the same end however the message is cut into chunks', () => {
    const bytes = fc.constantFrom('\r', '\n', '\r\n', 'T', 'o', ':', ' ', 'a');
    fc.assert(
      fc.property(fc.array(bytes, { maxLength: 40 }), fc.array(fc.nat(40)), (parts, cuts) => {
        const raw = Buffer.from(parts.join(''), 'latin1');
        const whole = findHeaderEnd(raw);
        const scanner = new HeaderEndScanner();
        const points = [...new Set(cuts.filter((cut) => cut < raw.length))].sort((a, b) => a - b);
        let found = -1;
        let from = 0;
        for (const cut of [...points, raw.length]) {
          found = scanner.push(raw.subarray(from, cut));
          from = cut;
          if (found !== -1) break;
        }
        expect(found).toBe(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a lenient parser the header with no empty line left inside it', () => {
    const header = Buffer.from('\r\nTo: a@example.se\r\n\nCc: b@example.se\n\r\n X\r\n\r\n', 'latin1');
    expect(normaliseHeaderSection(header).toString('latin1')).toBe(
      'To: a@example.se\r\nCc: b@example.se\r\n X\r\n\r\n',
    );
    expect(normaliseHeaderSection(Buffer.alloc(0)).toString('latin1')).toBe('\r\n');
  });

  // Each run stays short and is timed many times: on a busy machine a long run is more often
  // interrupted than a short one, which would pass for super-linear growth.
  it('scans in time linear in the length of any run of line-break bytes', async () => {
    for (const run of ['\r', '\r\n\n', '\n\r\n', 'a\r\n']) {
      await expectLinearGrowth({
        n: 10_000,
        tries: 15,
        make: (n) => Buffer.from(`X: a${run.repeat(n)}`, 'latin1'),
        run: (raw: Buffer) => {
          findHeaderEnd(raw);
          normaliseHeaderSection(raw);
        },
      });
    }
  });

  it('reads a header fed a byte at a time in time linear in its length', async () => {
    await expectLinearGrowth({
      n: 10_000,
      make: (n) => Buffer.from(`X: ${'a\r\n '.repeat(n)}\r\n\r\n`, 'latin1'),
      run: (raw: Buffer) => {
        const scanner = new HeaderEndScanner();
        for (let index = 0; index < raw.length; index++) scanner.push(raw.subarray(index, index + 1));
      },
    });
  });
});

describe('collectRecipients growth', () => {
  it('splits a long list of addresses in time linear in its length', async () => {
    await expectLinearGrowth({
      n: 1_000,
      make: (n) => Array.from({ length: n }, (_, index) => `Kund ${index} <k${index}@example.se>`).join(', '),
      run: (to: string) => collectRecipients({ to, resentTo: to }),
    });
  });

  // Counted, not timed: timed, the quoted run's ratio passed 9 on a busy machine. What it allocates
  // grows linearly too (about 45 bytes a character, most in nodemailer's address parser).
  it('reads one long token, and one long run of separators, scanning linearly in their length', () => {
    for (const unit of ['a', ',', '<', ':', '"a']) {
      expectLinearScanning({
        n: 5_000,
        make: (n) => unit.repeat(n),
        run: (to: string) => collectRecipients({ to }),
      });
    }
  });
});
