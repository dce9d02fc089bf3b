import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecipientSchema } from '../../src/incident/breach-facts.js';
import { DataCategorySchema } from '../../src/incident/index.js';

const docs = readFileSync(new URL('../../docs/incident.md', import.meta.url), 'utf8');

/** The values listed between the two markers, in order. */
function listed(marker: string): string[] {
  const block = docs.slice(docs.indexOf(`<!-- ${marker}:start -->`), docs.indexOf(`<!-- ${marker}:end -->`));
  return [...block.matchAll(/^- `([^`]+)`/gm)].map((match) => match[1] ?? '');
}

describe('docs/incident.md lists the allowed values of the facts', () => {
  it('lists exactly the data categories of DataCategorySchema, in order', () => {
    expect(listed('data-categories')).toEqual(DataCategorySchema.options);
  });

  it('lists exactly the recipients of RecipientSchema, in order', () => {
    expect(listed('recipients')).toEqual(RecipientSchema.options);
  });
});
