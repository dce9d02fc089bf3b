import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEmailAddresses } from '../../src/incident/find-email-addresses.js';
import { findPrices } from '../../src/incident/find-prices.js';
import { htmlToText } from '../../src/incident/html-to-text.js';

// The scanners replace patterns that backtracked on long runs; on short texts, where the patterns
// are quick, both must find the same things.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PRICE =
  /[^\n]{0,60}?\d[\d \u00a0\u202f]*(?:[,.]\d{1,2})?\s?(?:kr|SEK|:-|EUR|€)(?:\s?\/\s?(?:mån|månad|month|mo))?(?![\p{L}])/giu;

const found = (matches: Iterable<{ index: number; value: string }>) =>
  [...matches].map((match) => [match.index, match.value]);
const matched = (text: string, pattern: RegExp) =>
  [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);

const textOf = (alphabet: string[]) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((parts) => parts.join(''));

describe('findEmailAddresses', () => {
  it('finds what the address pattern finds', () => {
    fc.assert(
      fc.property(textOf(['a', 'B', '1', '.', '-', '_', '+', '@', ' ', 'se', 'com', '..', 'ö']), (text) => {
        expect(found(findEmailAddresses(text))).toEqual(matched(text, EMAIL));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds addresses in running text', () => {
    const text = 'Skriv till anna.svensson1985@gmail.com, eller info@nordkabel.se.';
    expect(found(findEmailAddresses(text))).toEqual([
      [text.indexOf('anna'), 'anna.svensson1985@gmail.com'],
      [text.indexOf('info'), 'info@nordkabel.se'],
    ]);
  });
});

describe('findPrices', () => {
  it('finds what the price pattern finds', () => {
    fc.assert(
      fc.property(
        textOf([
          '1',
          '0',
          ' ',
          '\u00a0',
          ',',
          '.',
          'kr',
          'SEK',
          ':-',
          '€',
          'EUR',
          '/',
          'mån',
          'ad',
          'o',
          'x',
          '\n',
          '\t',
          'Pris ',
        ]),
        (text) => {
          expect(found(findPrices(text))).toEqual(matched(text, PRICE));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps the line before the amount, up to 60 characters', () => {
    expect(found(findPrices('Bredband 250/250\nMånadsavgift 1 299,50 kr/mån inkl. moms'))).toEqual([
      [17, 'Månadsavgift 1 299,50 kr/mån'],
    ]);
  });
});

/** The HTML reading with patterns (quadratic on a `<` without `>`), source white space collapsed as CSS does. */
function htmlToTextByPatterns(html: string): string {
  const decode = (text: string) =>
    text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,31});/gi, (whole, name: string) =>
      name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : whole,
    );
  const links = [...html.matchAll(/\bhref\s*=\s*["']([^"']+)["']/gi)].map((match) => decode(match[1] ?? ''));
  const text = html
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h[1-6]|table)\s*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n +/g, '\n');
  return `${decode(text)}\n${links.join('\n')}`;
}

describe('htmlToText', () => {
  it('reads what the patterns read', () => {
    fc.assert(
      fc.property(
        textOf([
          '<',
          '>',
          '/',
          'p',
          'br',
          'style',
          'script',
          'head',
          'td',
          ' ',
          '\t',
          '\n',
          'x',
          '&amp;',
          '&lt',
          ';',
          'href=',
          '"',
          "'",
          'a',
        ]),
        (html) => {
          expect(htmlToText(html)).toBe(htmlToTextByPatterns(html));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps the words and the link targets of an order confirmation', () => {
    expect(
      htmlToText(
        '<html><head><style>p{}</style></head><body><p>Hej Anna!</p><table><tr><td>Bredband</td><td>299 kr</td></tr></table><a href="https://x.se/reset?t=1">Byt</a></body></html>',
      ),
    ).toBe(' Hej Anna!\nBredband\t299 kr\n\nByt\nhttps://x.se/reset?t=1');
  });
});
