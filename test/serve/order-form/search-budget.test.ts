import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_BUDGET_DEFAULTS } from '../../../src/serve/order-form/search-budget.js';

const root = resolve(__dirname, '../../..');
const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const spelled = (n: number) => (n <= 10 ? words[n] : n === 20 ? 'twenty' : String(n));
/** Markdown prose with its line breaks as spaces, so a phrase wrapped over two lines is found. */
const prose = (path: string) => readFileSync(resolve(root, path), 'utf8').replace(/\s+/g, ' ');

describe('the search budget as the documents state it', () => {
  const { searches, refillMs } = SEARCH_BUDGET_DEFAULTS;
  const phrase = `${spelled(searches)} searches in a row, and then one every ${refillMs / 1000} seconds`;

  it('is the budget the server keeps, in the README and in docs/serve.md alike', () => {
    expect(prose('README.md')).toContain(phrase);
    expect(prose('docs/serve.md')).toContain(phrase);
  });

  it('is said nowhere in the README as a budget per session', () => {
    expect(prose('README.md')).not.toMatch(/searches a session/);
  });
});
