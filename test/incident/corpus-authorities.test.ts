import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breachDecisions } from '../../src/incident/index.js';

const docs = readFileSync(new URL('../../docs/incident.md', import.meta.url), 'utf8');

/** The list docs/incident.md must hold: each authority of the corpus, its decisions and conclusions. */
function corpusAuthorities(): string {
  const byAuthority = new Map<string, { decisions: number; conclusions: number }>();
  for (const decision of breachDecisions) {
    const key = decision.authority.includes(`(${decision.country})`)
      ? decision.authority
      : `${decision.authority} (${decision.country})`;
    const entry = byAuthority.get(key) ?? { decisions: 0, conclusions: 0 };
    entry.decisions += 1;
    entry.conclusions += Object.values(decision.conclusions).filter((value) => value !== null).length;
    byAuthority.set(key, entry);
  }
  return [...byAuthority]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(
      ([authority, { decisions, conclusions }]) =>
        `- ${authority}: ${decisions} ${decisions === 1 ? 'decision' : 'decisions'}, ${conclusions} ${conclusions === 1 ? 'conclusion' : 'conclusions'} stated`,
    )
    .join('\n');
}

describe('docs/incident.md names exactly the authorities the corpus holds', () => {
  it('lists each authority of the corpus with its number of decisions, and no other', () => {
    const start = docs.indexOf('<!-- corpus-authorities -->');
    const end = docs.indexOf('<!-- /corpus-authorities -->');
    expect(start).toBeGreaterThan(-1);
    expect(docs.slice(start + '<!-- corpus-authorities -->'.length, end).trim()).toBe(corpusAuthorities());
  });

  it('does not claim decisions of an authority the corpus does not hold', () => {
    const prose = docs.slice(
      docs.indexOf('## Published decisions: the corpus'),
      docs.indexOf('<!-- corpus-authorities -->'),
    );
    for (const absent of ['Finnish ombudsman', 'AEPD'])
      if (!breachDecisions.some((decision) => decision.authority.includes(absent)))
        expect(prose).not.toContain(absent);
  });
});
