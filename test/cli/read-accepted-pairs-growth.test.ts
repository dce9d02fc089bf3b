import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAcceptedPairs } from '../../src/cli/read-accepted-pairs.js';
import { expectLinearGrowth } from '../support/growth.js';
import { useTempDir } from '../support/use-temp-dir.js';

// `customers check --accept FILE` reads a list of pairs a CRM owner keeps and may let grow to
// thousands of rows, or a file made by anyone: its cost must grow linearly with its size.
const dir = useTempDir({ scope: 'file' });

let files = 0;
/** Writes `text` to a file of its own with `ending` and returns its path (outside the timing). */
function file(text: string, ending: string): string {
  const path = join(dir.path, `${files++}${ending}`);
  writeFileSync(path, text);
  return path;
}

async function read(path: string): Promise<number> {
  return (await readAcceptedPairs(path, 'sv')).length;
}

describe('reading an --accept file', () => {
  it('takes time linear in the number of CSV rows', async () => {
    const make = (n: number) =>
      file(
        `kund;kund;anteckning\n${Array.from({ length: n }, (_, i) => `K-${i};K-${i + n};"samma hushåll; ${i}"\n`).join('')}`,
        '.csv',
      );
    expect(await read(make(10))).toBe(10);
    await expectLinearGrowth({ make, run: read, n: 5_000 });
  });

  it('takes time linear in the number of JSON pairs, each named by its line', async () => {
    const make = (n: number) =>
      file(
        `[\n${Array.from({ length: n }, (_, i) => `  { "customers": ["K-${i}", "K-${i + n}"], "note": "hushåll" }`).join(',\n')}\n]\n`,
        '.json',
      );
    const pairs = await readAcceptedPairs(make(3), 'en');
    expect(pairs.map(({ line }) => line)).toEqual([2, 3, 4]);
    await expectLinearGrowth({ make, run: read, n: 5_000 });
  });

  it('takes time linear in the number of JSON pairs written on one line', async () => {
    const make = (n: number) =>
      file(
        JSON.stringify(Array.from({ length: n }, (_, i) => ({ customers: [`K-${i}`, `K-${i + n}`] }))),
        '.json',
      );
    expect(await read(make(10))).toBe(10);
    await expectLinearGrowth({ make, run: read, n: 5_000 });
  });
});
