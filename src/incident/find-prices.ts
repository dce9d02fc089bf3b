import type { FoundText } from './find-email-addresses.js';

// A currency after an amount (`299 kr`, `1 299:-`, `49 EUR`, `€`), case-insensitive as written, or
// the pound sign before one, as UK prices are written (`£749.00`, `£1,299`: the Bank of England's and
// the Office for National Statistics' style, thousands grouped by commas, pence after a point).
const CURRENCY =
  /kr|sek|:-|eur|€|£[ \u00a0]?\d{1,3}(?:,\d{3}){0,4}(?:\.\d{2})?(?!\d|[,.]\d)|£[ \u00a0]?\d{1,12}(?:\.\d{2})?/giu;
// What may follow the currency: a period (`/mån`), and then no letter (`kronor` is not `kr`).
const AFTER_CURRENCY = /(?:\s?\/\s?(?:mån|månad|month|mo))?(?!\p{L})/iuy;
const WHITE_SPACE = /\s/u;
// Digits and the spaces that group them (`1 299`; Intl writes a no-break or narrow no-break space).
const AMOUNT = /[\d \u00a0\u202f]/;
const DIGIT = /\d/;

/** How much of the line before an amount a price finding keeps (the product's name, say). */
const LEAD = 60;

/**
 * The prices in a text: an amount, a currency and maybe a period, with up to 60 characters of the
 * line before it (what was bought), as the pattern
 * `[^\n]{0,60}?\d[\d ]*(?:[,.]\d{1,2})?\s?(?:kr|SEK|:-|EUR|€)(?:\s?\/\s?(?:mån|månad|month|mo))?(?!\p{L})`
 * finds them. That pattern tried every place in a run of digits as the start of the amount, with
 * each of 60 leads: 1.2 s at 5 KB of digits, 75 s at 40 KB. Here each currency looks left for its
 * amount, never past the currency or price before it, so every character is read a bounded number
 * of times.
 */
export function* findPrices(text: string): Generator<FoundText> {
  let taken = 0;
  for (const currency of text.matchAll(CURRENCY)) {
    const at = currency.index;
    if (at < taken) continue;
    AFTER_CURRENCY.lastIndex = at + currency[0].length;
    if (!AFTER_CURRENCY.test(text)) continue;
    const end = AFTER_CURRENCY.lastIndex;
    const amountStart = currency[0].startsWith('£') ? at : findAmountStart(text, at, taken);
    if (amountStart === undefined) continue;
    let start = Math.max(taken, amountStart - LEAD);
    // The line break is looked for within the lead only: on a long line without one, a search back
    // to the text's start for every price would read the line once per price, quadratic in its length.
    const lineBreak = text.slice(start, amountStart).lastIndexOf('\n');
    if (lineBreak !== -1) start += lineBreak + 1;
    yield { index: start, value: text.slice(start, end) };
    taken = end;
  }
}

/**
 * Where the amount before a currency at `at` starts: one optional white-space character, optional
 * decimals (`,50`), then digits and grouping spaces beginning with a digit. Reads back no further
 * than `floor`, and no further than the amount itself.
 */
function findAmountStart(text: string, at: number, floor: number): number | undefined {
  let end = at;
  if (end > floor && WHITE_SPACE.test(text[end - 1] ?? '')) end -= 1;
  end = beforeDecimals(text, end, floor);
  let start = end;
  while (start > floor && AMOUNT.test(text[start - 1] ?? '')) start -= 1;
  // The amount begins with a digit: grouping spaces before it belong to the text before.
  while (start < end && !DIGIT.test(text[start] ?? '')) start += 1;
  return start < end ? start : undefined;
}

/** The end of the whole part of an amount that ends at `end`: before `,5` or `.50` when present. */
function beforeDecimals(text: string, end: number, floor: number): number {
  for (const digits of [2, 1]) {
    const mark = end - digits - 1;
    if (mark - 1 < floor) continue;
    const decimals = text.slice(mark + 1, end);
    if (
      (text[mark] === ',' || text[mark] === '.') &&
      /^\d+$/.test(decimals) &&
      DIGIT.test(text[mark - 1] ?? '')
    )
      return mark;
  }
  return end;
}
