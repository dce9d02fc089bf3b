import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Findings of a user trial of the command (issue 13), each on real files in a temporary folder.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

interface Hit {
  where: string;
  messageId?: string;
  recipient: string;
  customerId?: string;
  intended?: string;
  finding: string;
}

function write(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

function message(id: string, to: string, date = 'Tue, 24 Nov 2026 10:00:00 +0100'): string {
  return [
    'From: butiken@example.se',
    `Date: ${date}`,
    `Message-ID: <${id}@example.se>`,
    `To: ${to}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Tack för din beställning.',
    '',
  ].join('\r\n');
}

function folder(name: string, messages: Record<string, string>): string {
  const path = join(dir.path, name);
  mkdirSync(path, { recursive: true });
  for (const [file, text] of Object.entries(messages)) writeFileSync(join(path, file), text);
  return path;
}

async function run(args: readonly string[], env?: NodeJS.ProcessEnv) {
  return runBuiltCli(args, { cwd: dir.path, ...(env ? { env } : {}) });
}

describe('å, ä and ö written another way', () => {
  it("finds mail sent to the å/ä/ö spellings of a customer's address without a customer header", async () => {
    const customers = write(
      'swedish.csv',
      'Kundnummer;Namn;E-post\nK-4;Åsa Öberg;asa.oberg@telia.se\nK-5;Åke Löfgren;åke.löfgren@telia.com\n',
    );
    const mail = folder('swedish-mail', {
      'u1.eml': message('u1', '=?UTF-8?Q?=C3=85sa?= <åsa.öberg@telia.se>'),
      'u2.eml': message('u2', 'aasa.oeberg@telia.se'),
      'u3.eml': message('u3', 'ake.lofgren@telia.com'),
    });
    const result = await run(['audit', mail, '--customers', customers, '--json']);
    expect(result.status).toBe(1);
    const hits = (JSON.parse(result.stdout) as { hits: Hit[] }).hits;
    expect(hits.map((hit) => [hit.messageId, hit.finding, hit.customerId, hit.intended])).toEqual([
      ['<u1@example.se>', 'near-miss', 'K-4', 'asa.oberg@telia.se'],
      ['<u2@example.se>', 'near-miss', 'K-4', 'asa.oberg@telia.se'],
      ['<u3@example.se>', 'near-miss', 'K-5', 'åke.löfgren@telia.com'],
    ]);
  });

  it('flags same-name customers whose addresses differ only in how å, ä and ö are written', async () => {
    const customers = write(
      'dups2.csv',
      'Kundnr;Namn;E-post\nK-1;Åsa Öberg;asa.oberg@telia.se\nK-2;Åsa Öberg;aasa.oeberg@telia.se\nK-3;Åke Löfgren;ake.lofgren@telia.com\nK-4;Åke Löfgren;åke.löfgren@telia.com\n',
    );
    const result = await run(['customers', 'check', customers, '--json']);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { customerId: string; kind: string }[] })
      .findings;
    const pairs = findings.filter((finding) => finding.kind === 'near-miss-other-customer');
    expect(new Set(pairs.map((finding) => finding.customerId))).toEqual(
      new Set(['K-1', 'K-2', 'K-3', 'K-4']),
    );
  });
});
