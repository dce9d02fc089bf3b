import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Lines a new user read in a trial of the command (issue 13), each checked in this process.
const dir = useTempDir({ scope: 'file' });

function file(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

describe('the lines of the command', () => {
  it('says nothing was skipped for a column it does not read, as customers check does', async () => {
    const customers = file('extra-column.csv', 'id;name;email;Anteckning\nK-1;Anna;anna@example.se;ring\n');
    const run = await runCliInProcess([
      'check',
      'anna@example.se',
      '--customer-id',
      'K-1',
      '--customers',
      customers,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Anteckning');
    expect(run.stderr).not.toContain('row skipped');
  });
});
