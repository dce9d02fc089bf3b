import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import type { Hit } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Findings of a user trial of the command (issue 13), each on real files in a temporary folder.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

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

describe('a row with one cell that cannot be read', () => {
  const export2 = () =>
    write(
      'dates2.csv',
      [
        'Kundnummer;Namn;E-post;Mobil;Födelsedatum',
        'K-1;Anna Svensson;anna.svensson1985@gmail.com;;19850412',
        'K-2;Erik Lind;erik.lind@telia.com;;12/04/1970',
        'K-3;Karin Berg;karin.berg@hotmail.se;;1957-02-30',
        'K-4;Olle Ek;olle.ek@telia.se;07O-123 45 67;1960-01-01',
        '',
      ].join('\n'),
    );

  it('keeps the customer with the fields it could read, so the audit still finds mail to its address', async () => {
    const customers = export2();
    const mail = folder('dates-mail', {
      'e2.eml': message('e2', 'anna.svensson185@gmail.com'),
      'e3.eml': message('e3', 'erik.lindd@telia.com'),
      'e4.eml': message('e4', 'olle.eek@telia.se'),
    });
    const result = await run(['audit', mail, '--customers', customers, '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      hits: Hit[];
      customerRows: {
        rows: number;
        loaded: number;
        skipped: number;
        problems: { line: number; reason: string }[];
      };
    };
    expect(report.hits.map((hit) => hit.customerId)).toEqual(['K-1', 'K-2', 'K-4']);
    expect(report.customerRows).toMatchObject({ rows: 4, loaded: 4, skipped: 0 });
    expect(report.customerRows.problems.map((problem) => problem.line)).toEqual([3, 4, 5]);
  });

  it('reads YYYYMMDD as a birth date and reports the other forms as a finding of the kept row', async () => {
    const result = await run(['customers', 'check', export2(), '--json']);
    const report = JSON.parse(result.stdout) as {
      customers: number;
      findings: { kind: string; line: number; customerId?: string }[];
    };
    expect(report.customers).toBe(4);
    expect(report.findings.filter((finding) => finding.kind === 'unreadable-row')).toEqual([]);
    expect(
      report.findings
        .filter((finding) => finding.kind === 'field-not-read')
        .map((finding) => [finding.line, finding.customerId]),
    ).toEqual([
      [3, 'K-2'],
      [4, 'K-3'],
      [5, 'K-4'],
    ]);
  });

  it('says in the audit report how many customer rows were skipped and why', async () => {
    const customers = write(
      'skipped.csv',
      'id;name;email\nK-1;Anna;anna@gmail.com\nK-2;Bo;bo(at)telia.com\n',
    );
    const mail = folder('skipped-mail', { 'a.eml': message('a', 'anna@gmail.com') });
    const out = join(dir.path, 'skipped-report.json');
    const result = await run(['audit', mail, '--customers', customers, '--out', out]);
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      customerRows: {
        rows: number;
        loaded: number;
        skipped: number;
        problems: { line: number; loaded: boolean }[];
      };
    };
    expect(report.customerRows).toMatchObject({ rows: 2, loaded: 1, skipped: 1 });
    expect(report.customerRows.problems).toMatchObject([{ line: 3, loaded: false }]);
  });
});

describe('--since', () => {
  it('takes a date without a time as midnight in the local time zone', async () => {
    const customers = write('since.csv', 'id;name;email\nK-1;Anna;anna.svensson@gmail.com\n');
    const mail = folder('since-mail', {
      'a.eml': message('a', 'anna.svenson@gmail.com', 'Sat, 21 Nov 2026 00:30:00 +0100'),
      'b.eml': message('b', 'anna.svenson@gmail.com', 'Fri, 20 Nov 2026 23:30:00 +0100'),
    });
    const args = ['audit', mail, '--customers', customers, '--json', '--since', '2026-11-21'];
    const stockholm = await run(args, { TZ: 'Europe/Stockholm' });
    const result = JSON.parse(stockholm.stdout) as { skipped: number; hits: Hit[] };
    expect(result.hits.map((hit) => hit.messageId)).toEqual(['<a@example.se>']);
    expect(result.skipped).toBe(1);
    // An offset is taken as given.
    const utc = await run([...args.slice(0, -1), '2026-11-21T00:00:00Z'], { TZ: 'Europe/Stockholm' });
    expect((JSON.parse(utc.stdout) as { skipped: number }).skipped).toBe(2);
  });
});

describe('a recipient the audit cannot read', () => {
  it('is named with its file and reason and counted as unreadable', async () => {
    const customers = write('unread.csv', 'id;name;email\nK-1;Anna;anna.svensson@gmail.com\n');
    const mail = folder('unread-mail', {
      'a.eml': message('a', 'hello world'),
      'b.eml': message('b', '=?UTF-8?B?YW5uYS5zdmVuc3NvbkBnbWFpbC5jb20=?='),
      'c.eml': message('c', 'anna.svensson@gmail.com'),
    });
    const result = await run(['audit', mail, '--customers', customers, '--json']);
    expect((JSON.parse(result.stdout) as { unreadable: number }).unreadable).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/a\.eml: .*hello world/);
    expect(lines[1]).toMatch(/b\.eml: .*=\?UTF-8\?B\?/);
  });

  it('names each unreadable message in the saved reports, as the customer rows are named', async () => {
    const customers = write('unread-report.csv', 'id;name;email\nK-1;Anna;anna.svensson@gmail.com\n');
    const mail = folder('unread-report-mail', {
      'a.eml': message('a', 'hello world'),
      'c.eml': message('c', 'anna.svensson@gmail.com'),
    });
    const json = join(dir.path, 'unread-report.json');
    const html = join(dir.path, 'unread-report.html');
    await run(['audit', mail, '--customers', customers, '--out', json]);
    await run(['audit', mail, '--customers', customers, '--out', html]);
    const saved = JSON.parse(readFileSync(json, 'utf8')) as {
      unreadableMessages: { where: string; reason: string }[];
    };
    expect(saved.unreadableMessages).toHaveLength(1);
    expect(saved.unreadableMessages[0]?.where).toMatch(/a\.eml$/);
    expect(saved.unreadableMessages[0]?.reason).toMatch(/hello world/);
    expect(readFileSync(html, 'utf8')).toMatch(/a\.eml: [^<]*hello world/);
  });
});

describe('output piped to a reader that stops early', () => {
  it('ends quietly, with no stack trace, when the reader closes the pipe', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `K-${i};Kund ${i};kund${i}(at)telia.com`);
    const customers = write('many.csv', ['id;name;email', ...rows].join('\n'));
    const cli = await builtCli();
    const { spawnSync } = await import('node:child_process');
    const piped = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${cli}" customers check "${customers}" 2>"${join(dir.path, 'err.txt')}" | head -1`,
      ],
      { cwd: dir.path, encoding: 'utf8' },
    );
    expect(piped.stdout.split('\n')[0]).toMatch(/many\.csv/);
    const stderr = readFileSync(join(dir.path, 'err.txt'), 'utf8');
    expect(stderr).not.toMatch(/EPIPE|at .*\(/);
  });
});

describe('mail to a mistyped provider', () => {
  it("reports a known customer's mail sent to a mistyped provider as domain-typo, with the customer, in every format", async () => {
    // Trial 13: karin.berg@hotmial.se and bjorn.strom@gmial.com came out as near-miss.
    const customers = write(
      'providers.csv',
      'Kundnummer;Namn;E-post\nK-1;Anna Svensson;anna.svensson@gmail.com\nK-2;Karin Berg;karin.berg@hotmail.se\n',
    );
    const named = message('p2', 'karin.berg@hotmial.se').replace('To:', 'X-Customer-Id: K-2\r\nTo:');
    const mail = folder('provider-mail', {
      'p1.eml': message('p1', 'anna.svensson@gmial.com'),
      'p2.eml': named,
    });
    const json = await run(['audit', mail, '--customers', customers, '--json']);
    expect(json.status).toBe(1);
    const hits = (JSON.parse(json.stdout) as { hits: Hit[] }).hits;
    expect(hits.map((hit) => [hit.messageId, hit.finding, hit.customerId, hit.intended])).toEqual([
      ['<p1@example.se>', 'domain-typo', 'K-1', 'anna.svensson@gmail.com'],
      ['<p2@example.se>', 'domain-typo', 'K-2', 'karin.berg@hotmail.se'],
    ]);
    const text = await run(['audit', mail, '--customers', customers]);
    expect(text.stdout).toMatch(/anna\.svensson@gmial\.com\s+K-1\s+anna\.svensson@gmail\.com\s+domain-typo/);
    expect(text.stdout).not.toContain('near-miss');
    for (const ending of ['csv', 'html']) {
      const out = join(dir.path, `provider-report.${ending}`);
      await run(['audit', mail, '--customers', customers, '--out', out]);
      const report = readFileSync(out, 'utf8');
      expect(report).toContain('domain-typo');
      expect(report).toContain('anna.svensson@gmail.com');
      // The HTML summary names every kind, with its count; the CSV has only the hits.
      if (ending === 'csv') expect(report).not.toContain('near-miss');
    }
  });

  it('agrees in customers check: a stored address at a mistyped provider is a domain-typo', async () => {
    const customers = write(
      'providers-check.csv',
      'Kundnummer;Namn;E-post\nK-1;Anna Svensson;anna.svensson@gmail.com\nK-3;Anna Svensson;anna.svensson@gmial.com\n',
    );
    const result = await run(['customers', 'check', customers, '--json']);
    const findings = (JSON.parse(result.stdout) as { findings: { customerId: string; kind: string }[] })
      .findings;
    expect(
      findings.filter((finding) => finding.customerId === 'K-3').map((finding) => finding.kind),
    ).toContain('domain-typo');
  });
});

// Two customers of one name, one slip apart: born 1958 and 1977, with other phone numbers, so two
// people. Beside them a real duplicate: one Lars Berg, one birth date.
const twoMarias = [
  'Kundnr;Namn;E-post;Telefon;Födelsedatum',
  'K-125347;Maria Andersson;maria.andersson57864@gmail.com;070-599 62 32;1958-11-10',
  'K-137867;Maria Andersson;maria.andersson58764@gmail.com;070-359 64 61;1977-02-02',
  'K-200001;Lars Berg;lars.berg1961@outlook.com;070-111 22 33;1961-05-05',
  'K-200002;Lars Berg;lars.berg161@outlook.com;;1961-05-05',
  '',
].join('\n');

describe('two customers of one name whose birth dates and phones differ', () => {
  it('customers check reports the address one slip from another person, not a duplicate record', async () => {
    const customers = write('two-marias.csv', twoMarias);
    const result = await run(['customers', 'check', customers, '--json', '--locale', 'sv']);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { customerId: string; kind: string }[] })
      .findings;
    const maria = findings.filter((finding) => finding.customerId.startsWith('K-1'));
    expect(maria.map((finding) => [finding.customerId, finding.kind])).toEqual([
      ['K-125347', 'near-miss-other-customer'],
      ['K-137867', 'near-miss-other-customer'],
    ]);
    for (const finding of maria) {
      expect(JSON.stringify(finding)).not.toContain('samma person');
      expect(JSON.stringify(finding)).toContain('två olika personer');
    }
    // The real duplicate is still one: the slip is reported, not the address with the birth year.
    const lars = findings.filter(
      (finding) => finding.customerId.startsWith('K-2') && finding.kind === 'near-miss-other-customer',
    );
    expect(lars.map((finding) => finding.customerId)).toEqual(['K-200002']);
    expect(JSON.stringify(lars[0])).toContain('samma person');
  });

  it('audit finds no duplicate record in mail to either of the two', async () => {
    const recipients = [
      'maria.andersson57864@gmail.com',
      'maria.andersson58764@gmail.com',
      'lars.berg161@outlook.com',
    ];
    const mail = folder(
      'two-marias-mail',
      Object.fromEntries(recipients.map((to, index) => [`m${index}.eml`, message(`m${index}`, to)])),
    );
    const result = await run([
      'audit',
      mail,
      '--customers',
      write('two-marias-audit.csv', twoMarias),
      '--json',
    ]);
    const { hits } = JSON.parse(result.stdout) as { hits: Hit[] };
    // Only the Lars Berg slip: mail to either Maria Andersson went to her own address.
    expect({ status: result.status, hits }).toMatchObject({
      status: 1,
      hits: [
        {
          messageId: '<m2@example.se>',
          finding: 'near-miss-other-customer',
          customerId: 'K-200001',
          intended: 'lars.berg1961@outlook.com',
        },
      ],
    });
    expect(hits).toHaveLength(1);
  });
});

describe("an address one slip from another customer's that fits that customer's name", () => {
  it('check with the customer asks for confirmation naming the finding; customers check does not report it', async () => {
    const customers = write(
      'wallin.csv',
      [
        'Kundnr;Namn;E-post;Telefon;Födelsedatum',
        'K-101924;Oskar Wallin;oskar.wallin46375@live.se;070-678 32 28;1951-10-02',
        'K-900004;Erik Lind;erik.lind@telia.com;;',
        '',
      ].join('\n'),
    );
    const check = await run([
      'check',
      'oskar.wallin46376@live.se',
      '--customer-id',
      'K-900004',
      '--customers',
      customers,
      '--json',
    ]);
    expect(check.status).toBe(1);
    const verdict = JSON.parse(check.stdout) as { action: string; findings: { code: string }[] };
    expect(verdict.action).toBe('confirm');
    expect(verdict.findings.map((finding) => finding.code)).toContain('near-miss-other-name');
    const base = await run(['customers', 'check', customers, '--json']);
    expect(base.status).toBe(0);
  });
});
