import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAddress } from '../../src/address/extract-address.js';
import { parseAddress } from '../../src/address/parse-address.js';
import { expectLinearGrowth } from '../support/growth.js';

describe('extractAddress', () => {
  it.each([
    ['mailto:karin.berg@telia.com', 'karin.berg@telia.com'],
    ['MAILTO:karin.berg@telia.com?subject=Order%204711', 'karin.berg@telia.com'],
    ['mailto:karin.berg%40telia.com', 'karin.berg@telia.com'],
    ['"Berg, Karin" <karin.berg@telia.com>', 'karin.berg@telia.com'],
    ['Karin Berg <karin.berg@telia.com>', 'karin.berg@telia.com'],
    ['<karin.berg@telia.com>', 'karin.berg@telia.com'],
    ['Karin Berg <mailto:karin.berg@telia.com>', 'karin.berg@telia.com'],
    ['karin.berg(at)telia.com', 'karin.berg@telia.com'],
    ['karin.berg (at) telia.com', 'karin.berg@telia.com'],
    ['karin.berg[at]telia[dot]com', 'karin.berg@telia.com'],
    ['karin.berg [at] telia [dot] com', 'karin.berg@telia.com'],
    ['karin.berg {at} telia {dot} se', 'karin.berg@telia.se'],
    ['karin.berg snabel-a telia punkt se', 'karin.berg@telia.se'],
    ['karin punkt berg snabel-a telia punkt se', 'karin.berg@telia.se'],
    ['karin.berg snabel a telia punkt se', 'karin.berg@telia.se'],
    ['karin.berg snabela telia.se', 'karin.berg@telia.se'],
    ['Karin.Berg AT telia DOT com', 'Karin.Berg@telia.com'],
    ['karin dot berg at gmail dot com', 'karin.berg@gmail.com'],
    ['oliver at bennett dash joinery dot co dot uk', 'oliver@bennett-joinery.co.uk'],
    ['karin.berg @ telia.com', 'karin.berg@telia.com'],
    ['karin.berg@telia.com.', 'karin.berg@telia.com'],
    ['karin.berg@telia.com,', 'karin.berg@telia.com'],
    ['karin.berg@telia.com!', 'karin.berg@telia.com'],
    ['(karin.berg@telia.com)', 'karin.berg@telia.com'],
    ['"karin.berg@telia.com"', 'karin.berg@telia.com'],
    ["'karin.berg@telia.com';", 'karin.berg@telia.com'],
    ['E-post: karin.berg@telia.com', 'karin.berg@telia.com'],
    ['Email: karin.berg@telia.com.', 'karin.berg@telia.com'],
    ['Kund: Karin Berg <karin.berg@telia.com>', 'karin.berg@telia.com'],
    ['karin.berg＠telia.com', 'karin.berg@telia.com'],
    ['karin.berg(a)telia.se', 'karin.berg@telia.se'],
    ['karin.berg[@]telia[.]se', 'karin.berg@telia.se'],
    ['karin.berg@ telia.com', 'karin.berg@telia.com'],
    ['karin.berg @telia.com', 'karin.berg@telia.com'],
    ['karin.berg@telia.com (Karin Berg)', 'karin.berg@telia.com'],
    ['Karin Berg (karin.berg@telia.com)', 'karin.berg@telia.com'],
    ['Berg, Karin <karin.berg@telia.com>', 'karin.berg@telia.com'],
    ['Karin Berg <karin.berg@telia.com>.', 'karin.berg@telia.com'],
    ['Karin Berg, karin.berg@telia.com', 'karin.berg@telia.com'],
    ['Min mejl är karin.berg@telia.com.', 'karin.berg@telia.com'],
    ['skicka till karin punkt berg snabel-a telia punkt se', 'karin.berg@telia.se'],
    ['”karin.berg@telia.com”', 'karin.berg@telia.com'],
    ['»karin.berg@telia.com»', 'karin.berg@telia.com'],
    ['karin.berg@telia.com…', 'karin.berg@telia.com'],
    ['Björn Jansson bjorn.jansson@live.se', 'bjorn.jansson@live.se'],
    ['Karin Berg karin.berg@telia.com', 'karin.berg@telia.com'],
  ])('finds the one address in %j', (text, address) => {
    expect(extractAddress(text)).toBe(address);
  });

  it.each([
    '',
    'karin.berg',
    'Karin Berg',
    'karin.berg@telia.com, bo.berg@telia.com',
    'Karin <karin.berg@telia.com>, Bo <bo.berg@telia.com>',
    'karin.berg@telia.com bo.berg@telia.com',
    'Karin berg@telia.com',
    'karin berg at telia dot com',
    'karin berg@telia.com',
    'skicka karin.berg@telia.com tack',
    'Karin Berg <karin.berg@telia.com> kund',
    '(Karin) karin.berg@telia.com (Berg)',
    'we met at noon',
    'karin.berg at',
    'karin.berg@telia',
    '<>',
    'mailto:',
    'karin.berg@@telia.com',
    'karin.berg@telia.com\r\nBcc: everyone@example.com',
    'karin.berg@telia.com\nBcc: everyone@example.com',
  ])('finds none in %j', (text) => {
    expect(extractAddress(text)).toBeUndefined();
  });

  it('never returns what parseAddress would refuse, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const found = extractAddress(text);
        if (found !== undefined) expect(parseAddress(found).ok).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('mailto:', '<', '>', '"', ' at ', ' dot ', '(at)', '[dot]', '@', '.', ',', ' '),
        fc.array(fc.constantFrom('a', 'b', 'mailto:', '<', '>', ' at ', ' dot ', '(at)', '@', '.', ' ')),
        (first, rest) => {
          const found = extractAddress(first + rest.join(''));
          if (found !== undefined) expect(parseAddress(found).ok).toBe(true);
        },
      ),
    );
  });

  it('takes time in proportion to the length of the text', async () => {
    await expectLinearGrowth({
      n: 4_000,
      make: (n) => [`${'a at b dot '.repeat(n)}se`, `${'<'.repeat(n)}a@b.se`, `mailto:${'a'.repeat(n)}`],
      run: (texts) => {
        for (const text of texts) extractAddress(text);
      },
    });
  });
});
