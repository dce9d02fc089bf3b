import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftOrganisation } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });

const customers = 'Kundnummer;Namn;E-post\nK-1;Anna Svensson;anna.svensson1985@gmail.com\n';
const slip =
  'From: order@butiken.se\r\nTo: anna.svensson195@gmail.com\r\nSubject: Order 8\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\nMessage-ID: <a@butiken.se>\r\n\r\nHej Anna Svensson!\r\nTack för din beställning.\r\n';

/** The facts file applies to every draft: a field that cannot hold for them all is refused up front. */
async function auditWith(name: string, facts: Record<string, unknown>) {
  const folder = join(dir.path, name);
  mkdirSync(join(folder, 'sent'), { recursive: true });
  writeFileSync(join(folder, 'customers.csv'), customers);
  writeFileSync(join(folder, 'facts.json'), JSON.stringify(facts));
  writeFileSync(join(folder, 'sent', 'a.eml'), slip);
  return runCliInProcess([
    'audit',
    join(folder, 'sent'),
    '--customers',
    join(folder, 'customers.csv'),
    '--incidents',
    join(folder, 'drafts'),
    '--facts',
    join(folder, 'facts.json'),
  ]);
}

describe('email-guard audit --incidents --facts', () => {
  it('refuses a recipient the audit cannot know: nothing shows who received a mistyped address', async () => {
    const run = await auditWith('internal', {
      organisation: draftOrganisation,
      detectedAt: '2026-12-02T02:00:00Z',
      recipient: 'internal',
    });
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toContain('recipient');
    expect(run.stderr).toContain('unknown-individual');
  });

  it('refuses a customer in the facts file, naming the field: each draft’s customer comes from the export', async () => {
    const run = await auditWith('customer', {
      organisation: draftOrganisation,
      detectedAt: '2026-12-02T02:00:00Z',
      customer: { id: '999', name: 'Fel Person', emails: ['fel@example.se'] },
    });
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/customer: .*--customers/);
  });
});
