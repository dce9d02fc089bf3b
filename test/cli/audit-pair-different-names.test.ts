import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hit } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

/** A sent confirmation to `to` for the customer `customerId`. */
function message(to: string, customerId: string): string {
  return [
    'From: Butiken AB <order@butiken.se>',
    `To: ${to}`,
    'Subject: Order',
    'Date: Sat, 07 Nov 2026 16:17:03 +0000',
    `Message-ID: <${customerId}@butiken.se>`,
    `X-Customer-Id: ${customerId}`,
    '',
    'Tack för din order.',
    '',
  ].join('\r\n');
}

describe('email-guard audit: two customers with different names, one slip apart', () => {
  it('names both customers of a message sent to the other one’s stored address', async () => {
    // Erik Berg's address and Eva Lund's are one letter apart; nothing else ties the two records.
    const customers = join(dir.path, 'kunder.csv');
    writeFileSync(
      customers,
      'id;name;email\nK3;Erik Berg;erik.berg@telia.com\nK4;Eva Lund;erik.berh@telia.com\n',
    );
    mkdirSync(join(dir.path, 'sent'));
    writeFileSync(join(dir.path, 'sent', 'order.eml'), message('erik.berh@telia.com', 'K3'));
    for (const locale of ['en', 'sv'] as const) {
      const json = await runCliInProcess([
        'audit',
        join(dir.path, 'sent'),
        '--customers',
        customers,
        '--json',
        '--locale',
        locale,
      ]);
      expect(json.status).toBe(1);
      const [hit] = (JSON.parse(json.stdout) as { hits: (Hit & { reason: string })[] }).hits;
      expect(hit).toMatchObject({ recipient: 'erik.berh@telia.com', customerId: 'K3', finding: 'near-miss' });
      // The officer sees both records: the customer the message was for, and the one whose mailbox it reached.
      for (const named of ['K3', 'Erik Berg', 'erik.berg@telia.com', 'K4', 'Eva Lund'])
        expect(hit?.reason, `${locale}: ${named}`).toContain(named);
      const text = await runCliInProcess([
        'audit',
        join(dir.path, 'sent'),
        '--customers',
        customers,
        '--locale',
        locale,
      ]);
      const row = text.stdout.split('\n').find((line) => line.includes('order.eml'));
      for (const named of ['K3', 'Erik Berg', 'K4', 'Eva Lund'])
        expect(row, `${locale}: ${named}`).toContain(named);
    }
  });
});
