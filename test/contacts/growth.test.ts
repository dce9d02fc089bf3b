import { describe, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { isSamePerson } from '../../src/contacts/is-same-person.js';
import { loadCustomers } from '../../src/contacts/load-customers.js';
import { expectLinearGrowth } from '../support/growth.js';

// Each public path that reads untrusted input must cost in proportion to it: time at n and at 4n.
// A super-linear path fails every try; a retry only absorbs a machine busy with other work.
const GROWTH_TEST = { timeout: 120_000, retry: 2 } as const;
describe('growth of the contacts layer', () => {
  it(
    'finds an address shared by many customers (a CRM placeholder) in linear time',
    GROWTH_TEST,
    async () => {
      await expectLinearGrowth({
        n: 10_000,
        make: (n) =>
          createDirectory(
            Array.from({ length: n }, (_, i) => ({ id: `C-${i}`, emails: ['noreply@example.se'] })),
          ),
        run: (directory) => directory.findAddress({ entered: 'noreply@example.se' }),
      });
    },
  );

  it(
    'adds a base in many small batches (addAll, as loadCustomers does) in linear time',
    GROWTH_TEST,
    async () => {
      await expectLinearGrowth({
        n: 5_000,
        make: (n) =>
          Array.from({ length: n }, (_, i) => ({
            id: `C-${i}`,
            name: `Anna Svensson ${i}`,
            emails: [`anna.svensson${i}@example.se`],
          })),
        run: (customers) => {
          const directory = createDirectory();
          for (let from = 0; from < customers.length; from += 100)
            directory.addAll(customers.slice(from, from + 100));
          return directory.findAddress({ entered: 'anna.svensson1@example.se' });
        },
        tries: 3,
      });
    },
  );

  it('keeps the last of one id repeated through a bulk load in linear time', GROWTH_TEST, async () => {
    await expectLinearGrowth({
      n: 3_000,
      make: (n) => Array.from({ length: n }, (_, i) => ({ id: 'C-1', emails: [`anna${i}@example.se`] })),
      run: (customers) => createDirectory(customers),
    });
  });

  it('compares two long names in linear time', GROWTH_TEST, async () => {
    const word = (i: number) => `Name${String.fromCharCode(97 + (i % 26))}${i}`;
    await expectLinearGrowth({
      n: 200_000,
      make: (n) => {
        const words = Array.from({ length: n / 10 }, (_, i) => word(i));
        // Two letters swapped at the end, so a comparison must read the whole name.
        const a = `${words.join(' ')} Svensson`;
        const b = `${words.join(' ')} Svesnson`;
        return [a, b] as const;
      },
      run: ([a, b]) => isSamePerson(a, b),
    });
  });

  it('reads a long CSV header line fed in small chunks in linear time', GROWTH_TEST, async () => {
    await expectLinearGrowth({
      n: 200_000,
      make: (n) => {
        const header = `${Array.from({ length: n / 10 }, (_, i) => `note${i}`).join(',')},id`;
        return header.match(/[\s\S]{1,16}/g) ?? [];
      },
      run: (chunks) => loadCustomers({ source: chunks, format: 'csv' }),
    });
  });

  it('reads one long quoted CSV field, whole or in small chunks, in linear time', GROWTH_TEST, async () => {
    // 150,000 characters and 600,000: a field built one character at a time cost 1 ms at the first
    // and about 100 ms at the second, once it outgrew the young generation of the heap.
    const exportWith = (n: number) => `id,note\nC-1,"${'a'.repeat(n)}"\nC-2,x\n`;
    for (const chunks of [(text: string) => [text], (text: string) => text.match(/[\s\S]{1,16}/g) ?? []])
      await expectLinearGrowth({
        n: 150_000,
        make: (n) => chunks(exportWith(n)),
        run: (source) => loadCustomers({ source, format: 'csv' }),
      });
  });

  it('reads a CSV export with many columns and the id last in linear time', GROWTH_TEST, async () => {
    await expectLinearGrowth({
      // Timed at 2,500 and 10,000 columns (ratio about 3). From 5,000 to 20,000 the best times go
      // from 5 ms to 49 ms on an idle machine, at earlier commits too: a step between 10,000 and
      // 20,000 columns whose cause is not yet found.
      n: 2_500,
      make: (n) => {
        const header = `${Array.from({ length: n }, (_, i) => `note${i}`).join(',')},id`;
        const row = (r: number) => `${Array.from({ length: n }, () => 'x').join(',')},C-${r}`;
        return [header, ...Array.from({ length: 20 }, (_, r) => row(r))].join('\n');
      },
      run: (source) => loadCustomers({ source, format: 'csv' }),
    });
  });

  it('reads a long NDJSON line fed in small chunks in linear time', GROWTH_TEST, async () => {
    await expectLinearGrowth({
      n: 400_000,
      make: (n) => {
        const line = `{"id":"C-1","name":"${'a'.repeat(n)}"}\n{"id":"C-2"}\n`;
        return line.match(/[\s\S]{1,16}/g) ?? [];
      },
      run: (chunks) => loadCustomers({ source: chunks, format: 'ndjson' }),
    });
  });

  it(
    'names the id of a long broken NDJSON line full of quotes and escapes in linear time',
    GROWTH_TEST,
    async () => {
      await expectLinearGrowth({
        n: 50_000,
        make: (n) => `{"a":"\\"b":${'"\\" :'.repeat(n)}"id":"C-1"\n`,
        run: (source) => loadCustomers({ source, format: 'ndjson' }),
      });
    },
  );
});
