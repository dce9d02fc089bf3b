import type { OrderTerm } from './data/order-terms.js';
import type { FoundTerm } from './find-order-terms.js';

// The units a medicine's strength is given in on its package and in FASS (Läkemedelsverket, LVFS
// 2005:11 on labelling: the amount of active substance per dose unit): milligrams, micrograms,
// international units, and the same per millilitre or per dose. Grams and millilitres alone are
// left out: they weigh and measure ordinary goods too.
const STRENGTH =
  /(?<![\p{L}\p{N}])\d{1,5}(?:[.,]\d{1,3})?[ \t\u00a0]?(?:mg|mikrogram|µg|μg|mcg|IE|IU)(?:\/(?:ml|dos|dose|g))?(?![\p{L}\p{N}])/gu;

/**
 * The strengths of medicines in a text (`50 mg`, `400 IE`, `100 mikrogram/dos`), each as a term of
 * the `health` category named by the strength as written: an order line that gives an amount of active substance
 * names a medicine, and a medicine bought is data concerning health (GDPR Art. 4(15) and Recital 35;
 * Art. 9(1)), whatever the product is called.
 *
 * @example
 * ```ts
 * findMedicineStrengths('1 st Sertralin Bluefish 50 mg 30 st').map((found) => found.term.term); // ['50 mg']
 * ```
 */
export function findMedicineStrengths(text: string): FoundTerm[] {
  const found: FoundTerm[] = [];
  for (const match of text.matchAll(STRENGTH)) {
    // Each strength is its own term, so two medicines on one order are two findings.
    const term: OrderTerm = { term: match[0].replace(/\s+/gu, ' '), category: 'health' };
    found.push({ index: match.index, end: match.index + match[0].length, term });
  }
  return found;
}
