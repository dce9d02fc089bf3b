import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectLinearGrowth } from '../support/growth.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

// `email-guard audit` looks up the customer id each sent message names (X-Customer-Id) in the CRM
// export, and names an id the export does not hold: whoever sent the message chose that id, so a
// long one must cost time linear in its length, whether the export holds it or not.
const dir = useTempDir({ scope: 'file' });

let files = 0;
/** An export holding `id` (or not) and one message naming `id`, each in a file of its own. */
function audited(id: string, inExport: boolean): { message: string; customers: string } {
  const name = files++;
  const customers = join(dir.path, `${name}.csv`);
  writeFileSync(
    customers,
    [
      'Kundnr;Förnamn;Efternamn;E-postadress',
      `${inExport ? id : 'K900003'};Anna;Andersson;anna.andersson@telia.com`,
      '',
    ].join('\n'),
  );
  const message = join(dir.path, `${name}.eml`);
  writeFileSync(
    message,
    [
      'From: Butiken AB <order@butiken.se>',
      'To: anna.anderson@telia.com',
      'Subject: Order',
      'Date: Sat, 07 Nov 2026 16:17:03 +0000',
      `X-Customer-Id: ${id}`,
      '',
      'Hej! Tack för din beställning.',
      '',
    ].join('\r\n'),
  );
  return { message, customers };
}

async function audit(files: { message: string; customers: string }): Promise<void> {
  const run = await runCliInProcess(['audit', files.message, '--customers', files.customers]);
  expect(run.stderr).not.toContain('Error');
}

describe('email-guard audit with a long customer id', () => {
  it('names an id the export does not hold in time linear in its length', async () => {
    const first = audited('7'.repeat(10), false);
    expect(
      (await runCliInProcess(['audit', first.message, '--customers', first.customers])).stderr,
    ).toContain(`"${'7'.repeat(10)}" is no customer in`);
    await expectLinearGrowth({ n: 20_000, make: (n) => audited('7'.repeat(n), false), run: audit });
  });

  it('finds an id the export holds in time linear in its length', async () => {
    const id = `K${'7'.repeat(1_000)}`;
    const first = audited(id, true);
    const run = await runCliInProcess(['audit', first.message, '--customers', first.customers]);
    // The hit names the customer, so the id was found, not passed over as unknown.
    expect(run.stdout).toContain(`anna.anderson@telia.com  ${id}  anna.andersson@telia.com`);
    expect(run.stderr).not.toContain('is no customer in');
    await expectLinearGrowth({ n: 20_000, make: (n) => audited(`K${'7'.repeat(n)}`, true), run: audit });
  });
});
