import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFacts } from '../../src/cli/read-facts.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

function factsFile(text: string): string {
  const file = join(dir.path, 'facts.json');
  writeFileSync(file, text);
  return file;
}

describe('readFacts', () => {
  it('refuses a key written twice, naming it, rather than keeping the last', async () => {
    const file = factsFile(
      '{"reference":"R-1","detectedAt":"2026-12-01T14:00:00Z","detectedAt":"2026-12-03T09:00:00Z"}',
    );
    await expect(readFacts(file)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('"detectedAt"'),
    });
  });

  it('reads a file that begins with a UTF-8 byte order mark', async () => {
    const file = factsFile('\uFEFF{"reference":"R-1"}');
    await expect(readFacts(file)).resolves.toEqual({ reference: 'R-1' });
  });

  it.each([
    ['a line break', 'Anna Svensson\r\nBcc: evil@evil.com'],
    ['a NUL', 'Anna\u0000Svensson'],
    ['a right-to-left override', 'Anna \u202eSvensson'],
  ])('refuses a customer name with %s, naming the field', async (_what, name) => {
    const file = factsFile(JSON.stringify({ customer: { id: '1', name } }));
    await expect(readFacts(file)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('customer.name'),
    });
  });

  it('refuses the same in Swedish', async () => {
    const file = factsFile('{"customer":{"name":"A","name":"B"}}');
    await expect(readFacts(file, 'sv')).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('customer.name'),
    });
  });
});
