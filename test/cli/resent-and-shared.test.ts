import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import type { Hit } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Findings of the second trial of the command (issue 13), each on real files in a temporary folder.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

function write(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

function folder(name: string, messages: Record<string, string>): string {
  const path = join(dir.path, name);
  mkdirSync(path, { recursive: true });
  for (const [file, text] of Object.entries(messages)) writeFileSync(join(path, file), text);
  return path;
}

async function run(args: readonly string[]) {
  return runBuiltCli(args, { cwd: dir.path });
}

const crm = [
  'Kundnummer;Förnamn;Efternamn;E-post;Födelsedatum',
  'K-5;Gustav;Holm;familjen.holm@telia.com;',
  'K-6;Eva;Holm;Familjen.Holm@telia.com;',
  'K-7;Maria;Lund;maria.lund1988@gmail.com;1988-06-01',
  'K-8;Maria;Lund;maria.lund198@gmail.com;',
  'K-12;Erik;Johansson;erik.johansson@gmail.com;',
  'K-13;Sofia;Åkesson;sofia.akesson@outlook.com;',
  '',
].join('\r\n');

describe('digits one slip from the birth date', () => {
  const numbers =
    'Kundnummer;Namn;E-post;Födelsedatum\nA-1;Erik Lund;erik79@gmail.com;1980-02-03\nA-2;Lena Ek;lena.ek81@hotmail.com;1980-05-06\n';

  it('flags only the address one changed digit from the birth year, in customers check and check alike', async () => {
    const file = write('numbers.csv', numbers);
    const result = await run(['customers', 'check', file, '--json']);
    const findings = (JSON.parse(result.stdout) as { findings: { customerId: string; kind: string }[] })
      .findings;
    expect(findings.filter((finding) => finding.kind === 'number-mismatch').map((f) => f.customerId)).toEqual(
      ['A-2'],
    );
    const codes = async (address: string, birthDate: string) => {
      const checked = await run([
        'check',
        address,
        '--customer',
        JSON.stringify({ id: 'x', birthDate }),
        '--json',
      ]);
      return (JSON.parse(checked.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code);
    };
    expect(await codes('erik79@gmail.com', '1980-02-03')).not.toContain('number-mismatch');
    expect(await codes('lena.ek81@hotmail.com', '1980-05-06')).toContain('number-mismatch');
  });
});

describe('resent and delivered mail', () => {
  const message = (headers: readonly string[], body = 'Tack för din beställning.') =>
    [
      'From: Butiken <order@butiken.se>',
      'Subject: Order',
      'Date: Fri, 20 Nov 2026 10:00:00 +0100',
      ...headers,
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n');

  it('audits the recipients of the latest resent block and the delivery headers, naming the header', async () => {
    const customers = write('crm-resent.csv', crm);
    const mail = folder('resent', {
      'r1.eml': message([
        'Resent-From: order@butiken.se',
        'Resent-To: erik.johansso@gmail.com',
        'Resent-Date: Sun, 29 Nov 2026 09:00:00 +0100',
        'Resent-Message-ID: <r1r@butiken.se>',
        // An earlier resent block: the latest one (first in the header, RFC 5322 §3.6.6) is read.
        'Resent-To: erik.johanson@gmail.com',
        'Resent-Date: Sat, 28 Nov 2026 09:00:00 +0100',
        'To: erik.johansson@gmail.com',
        'Message-ID: <r1@butiken.se>',
      ]),
      'r2.eml': message([
        'To: sofia.akesson@outlook.com',
        'Delivered-To: sofia.akeson@outlook.com',
        'X-Original-To: sofia.akeson@outlook.com',
        'Message-ID: <r2@butiken.se>',
      ]),
      // A forwarded message quoted in the body is not where this one went.
      'r3.eml': message(
        ['To: erik.johansson@gmail.com', 'Message-ID: <r3@butiken.se>'],
        '---------- Forwarded message ---------\r\nTo: erik.johansso@gmail.com\r\nResent-To: erik.johansso@gmail.com',
      ),
    });
    const result = await run(['audit', mail, '--customers', customers, '--json']);
    expect(result.status).toBe(1);
    const hits = (JSON.parse(result.stdout) as { hits: (Hit & { header?: string })[] }).hits;
    expect(hits.map((hit) => [hit.messageId, hit.recipient, hit.header, hit.customerId])).toEqual([
      ['<r1@butiken.se>', 'erik.johansso@gmail.com', 'Resent-To', 'K-12'],
      ['<r2@butiken.se>', 'sofia.akeson@outlook.com', 'Delivered-To', 'K-13'],
    ]);
    const text = await run(['audit', mail, '--customers', customers, '--locale', 'sv']);
    expect(text.stdout).toContain('erik.johansso@gmail.com (Resent-To)');
  });
});

describe('a mailbox shared with another customer', () => {
  it('says in check that another customer of the export has the same mailbox', async () => {
    const customers = write('crm-shared.csv', crm);
    for (const locale of ['en', 'sv'] as const) {
      const result = await run([
        'check',
        'familjen.holm@telia.com',
        '--customer-id',
        'K-5',
        '--customers',
        customers,
        '--locale',
        locale,
        '--json',
      ]);
      const verdict = JSON.parse(result.stdout) as {
        action: string;
        findings: { code: string; message: string }[];
      };
      expect(verdict.action).toBe('send');
      const shared = verdict.findings.find((finding) => finding.code === 'belongs-to-other-customer');
      expect(shared).toMatchObject({ action: 'send', customerId: 'K-6' });
      expect(shared?.message).toContain('K-6');
    }
  });
});

describe('a duplicate record judged the same way by customers check and audit', () => {
  const mail = (name: string, to: string) =>
    [
      'From: order@butiken.se',
      `To: ${to}`,
      'Date: Mon, 30 Nov 2026 10:00:00 +0100',
      `Message-ID: <${name}@butiken.se>`,
      '',
      'x',
      '',
    ].join('\r\n');

  it('takes the address that carries the birth date on either record as the right one', async () => {
    const customers = write('crm-dup.csv', crm);
    const checked = await run(['customers', 'check', customers, '--json']);
    const pairs = (
      JSON.parse(checked.stdout) as { findings: { customerId: string; kind: string; suggestion?: string }[] }
    ).findings.filter((finding) => finding.kind === 'near-miss-other-customer');
    expect(pairs.map((finding) => [finding.customerId, finding.suggestion])).toEqual([
      ['K-8', 'maria.lund1988@gmail.com'],
    ]);
    const sent = folder('dup-mail', {
      'd1.eml': mail('d1', 'maria.lund198@gmail.com'),
      'd2.eml': mail('d2', 'maria.lund1988@gmail.com'),
    });
    const audited = await run(['audit', sent, '--customers', customers, '--json']);
    const hits = (JSON.parse(audited.stdout) as { hits: Hit[] }).hits;
    expect(hits.map((hit) => [hit.messageId, hit.finding, hit.customerId, hit.intended])).toEqual([
      ['<d1@butiken.se>', 'near-miss-other-customer', 'K-7', 'maria.lund1988@gmail.com'],
    ]);
  });

  it('says for both records that it cannot be told when neither carries a number, and finds no mail to either', async () => {
    const customers = write(
      'crm-dup2.csv',
      'Kundnummer;Namn;E-post\nK-1;Maria Lund;maria.lund@gmail.com\nK-2;Maria Lund;maria.lundd@gmail.com\n',
    );
    const checked = await run(['customers', 'check', customers, '--json']);
    const pairs = (
      JSON.parse(checked.stdout) as { findings: { customerId: string; kind: string; suggestion?: string }[] }
    ).findings.filter((finding) => finding.kind === 'near-miss-other-customer');
    expect(pairs.map((finding) => [finding.customerId, finding.suggestion])).toEqual([
      ['K-1', undefined],
      ['K-2', undefined],
    ]);
    const sent = folder('dup-mail2', {
      'd1.eml': mail('d1', 'maria.lund@gmail.com'),
      'd2.eml': mail('d2', 'maria.lundd@gmail.com'),
    });
    // Each message went to an address on file for the person: nothing shows either was misdirected.
    const audited = await run(['audit', sent, '--customers', customers, '--json']);
    expect({ status: audited.status, hits: (JSON.parse(audited.stdout) as { hits: Hit[] }).hits }).toEqual({
      status: 0,
      hits: [],
    });
  });
});

describe('smaller lines', () => {
  it('lists every exit code in the top-level help, in both languages', async () => {
    expect((await run(['--help'])).stdout).toContain('4 the SMTP server did not take a released message');
    expect((await run(['--help', '--locale', 'sv'])).stdout).toContain('4 SMTP-servern tog inte emot');
  });

  it('says one customer with findings in the singular, in both languages', async () => {
    const file = write('one.csv', 'Kundnummer;Namn;E-post\nK-1;Anna Ek;anna.ek@gmial.com\n');
    expect((await run(['customers', 'check', file])).stdout).toContain(
      '1 row, 1 customer loaded, 1 customer with findings.',
    );
    expect((await run(['customers', 'check', file, '--locale', 'sv'])).stdout).toContain(
      '1 rad, 1 kund inläst, 1 kund med fynd.',
    );
  });
});
