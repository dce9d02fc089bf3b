import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTextArray } from '../../src/postgres/parse-text-array.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

/** The server's text output of `values` as a `text[]`, unparsed. */
async function arrayLiteral(values: readonly (string | null)[]): Promise<string> {
  const { rows } = await database.pool.query<{ literal: string }>({
    text: 'SELECT $1::text[] AS literal',
    values: [values],
    types: { getTypeParser: () => (value: string) => value },
  });
  return rows[0]?.literal as string;
}

describe('parseTextArray', () => {
  it('reads back every array the server writes, quoted, escaped and null elements included', async () => {
    const tricky = [
      '',
      'NULL',
      'null',
      'a b',
      ' lead',
      'a,b',
      '{x}',
      'say "hi"',
      'back\\slash',
      '\\"',
      'å@ö.se',
      null,
    ];
    expect(parseTextArray(await arrayLiteral(tricky))).toEqual(tricky);
    expect(parseTextArray(await arrayLiteral([]))).toEqual([]);
    // PostgreSQL text holds any character but NUL.
    const element = fc.oneof(
      fc.string({
        unit: fc.constantFrom('a', '@', '.', ',', '"', '\\', ' ', '{', '}', '\t', 'Ö', 'N', 'U', 'L'),
      }),
      fc.string({ unit: 'binary' }).map((text) => text.replaceAll('\u0000', '')),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 8 }), async (values) => {
        expect(parseTextArray(await arrayLiteral(values))).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses, naming it, a literal of more than one dimension or with bounds', async () => {
    const { rows } = await database.pool.query<{ two: string; bounded: string }>({
      text: `SELECT ARRAY[['a','b'],['c','d']]::text AS two, '[0:1]={a,b}'::text[]::text AS bounded`,
    });
    expect(() => parseTextArray(rows[0]?.two as string)).toThrow(
      'not a one-dimensional text[] literal: "{{a,b},{c,d}}"',
    );
    expect(() => parseTextArray(rows[0]?.bounded as string)).toThrow(
      'not a one-dimensional text[] literal: "[0:1]={a,b}"',
    );
  });
});
