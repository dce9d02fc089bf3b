import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

/** An export whose second customer has a phone of letters: libphonenumber-js reads only its `070`. */
function exportWithLetterPhone(): string {
  const file = join(dir.path, 'export.csv');
  writeFileSync(
    file,
    'id,name,email,phone\nc1,Olle Ek,olle.ek@example.se,070-123 45 67\nc2,Anna Berg,anna.berg@example.se,070-ABC\n',
  );
  return file;
}

describe('email-guard customers check on a phone that cannot be read', () => {
  it('names the customer, the line, the field and the value in the JSON report', async () => {
    const run = await runCliInProcess(['customers', 'check', exportWithLetterPhone(), '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { findings: Record<string, unknown>[] };
    expect(result.findings).toEqual([
      {
        kind: 'field-not-read',
        line: 3,
        customerId: 'c2',
        address: 'anna.berg@example.se',
        field: 'phones',
        header: 'phone',
        value: '070-ABC',
        reason: 'column "phone": "070-ABC" cannot be read as a phone number',
      },
    ]);
  });

  it('prints it as a line naming the file, line, customer and value', async () => {
    const file = exportWithLetterPhone();
    const run = await runCliInProcess(['customers', 'check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${file}:3  c2  field-not-read  anna.berg@example.se  column "phone": "070-ABC" cannot be read as a phone number`,
    );
  });

  it('lists it in the CSV and HTML reports', async () => {
    const file = exportWithLetterPhone();
    for (const name of ['quality.csv', 'quality.html']) {
      const out = join(dir.path, name);
      const run = await runCliInProcess(['customers', 'check', file, '--out', out]);
      expect(run.status).toBe(1);
      const report = readFileSync(out, 'utf8');
      expect(report).toContain('field-not-read');
      expect(report).toMatch(/070-ABC/);
      expect(report).toContain('c2');
    }
  });
});
