import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditWithFacts } from '../support/audit-with-facts.js';
import { draftOrganisation } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });

const customers = 'Kundnummer;Namn;E-post\nK-1;Anna Svensson;anna.svensson1985@gmail.com\n';
const slip =
  'From: order@butiken.se\r\nTo: anna.svensson195@gmail.com\r\nSubject: Order 8\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\nMessage-ID: <a@butiken.se>\r\n\r\nHej Anna Svensson!\r\nTack för din beställning.\r\n';

/** The facts file applies to every draft: a field that cannot hold for them all is refused up front. */
async function auditWith(name: string, facts: Record<string, unknown>) {
  const { run } = await auditWithFacts(join(dir.path, name), {
    customers,
    facts,
    messages: { 'a.eml': slip },
  });
  return run;
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
