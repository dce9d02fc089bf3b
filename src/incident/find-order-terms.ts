import type { OrderTerm } from './data/order-terms.js';

/** One term of the table found in a text. */
export interface FoundTerm {
  readonly index: number;
  readonly end: number;
  readonly term: OrderTerm;
}

interface CompiledTerms {
  readonly pattern: RegExp;
  readonly byTerm: ReadonlyMap<string, OrderTerm>;
}

const compiled = new WeakMap<readonly OrderTerm[], CompiledTerms>();

function compile(terms: readonly OrderTerm[]): CompiledTerms {
  let entry = compiled.get(terms);
  if (!entry) {
    const byTerm = new Map<string, OrderTerm>();
    for (const term of terms) {
      const key = term.term.trim().toLowerCase();
      if (key && !byTerm.has(key)) byTerm.set(key, term);
    }
    // Longest first, so `blodtrycksmätare` is named by the longest term that starts it. The words are
    // literals: one alternation, tried at the start of each word, reads a text in linear time.
    const alternatives = [...byTerm.keys()]
      .sort((a, b) => b.length - a.length)
      .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
    const pattern =
      alternatives.length === 0
        ? /(?!)/gu
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
    entry = { pattern, byTerm };
    compiled.set(terms, entry);
  }
  return entry;
}

/**
 * Every place a term of `terms` starts a word in `text` (case-insensitive; a term may go on into a
 * Swedish compound: `inkontinens` finds `inkontinensskydd`).
 */
export function findOrderTerms(text: string, terms: readonly OrderTerm[]): FoundTerm[] {
  const { pattern, byTerm } = compile(terms);
  const found: FoundTerm[] = [];
  for (const match of text.matchAll(pattern)) {
    const term = byTerm.get(match[0].toLowerCase().replace(/\s+/g, ' '));
    if (term) found.push({ index: match.index, end: match.index + match[0].length, term });
  }
  return found;
}
