import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeDraftFacts } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, a CRM owner's and a data protection officer's trial: what `audit`, `incident` and
// `customers check` say of real files, on the built command, against what docs/cli.md promises.
const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

const run = (args: readonly string[]) => runBuiltCli(args, { cwd: dir.path });

/** Writes `text` as `name` in the test's folder (its folders made); answers its path. */
function write(name: string, text: string): string {
  const file = join(dir.path, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A sent order confirmation with the header `fields` besides the usual ones. */
function sentMail(name: string, fields: readonly string[]): string {
  return write(
    name,
    [
      `Message-ID: <${name.replace(/\W/g, '')}@butiken.se>`,
      'Date: Mon, 02 Nov 2026 10:00:00 +0100',
      'From: Butiken <order@butiken.se>',
      'Subject: Orderbekräftelse',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      ...fields,
      '',
      'Tack för din beställning.',
      '',
    ].join('\r\n'),
  );
}

/** `audit sent/` with drafts in a folder of the locale's own: the run, and the first draft report. */
async function auditWithDrafts(customers: string, facts: string, locale: 'sv' | 'en') {
  const drafts = `drafts-${locale}`;
  const audit = await run([
    'audit',
    'sent/',
    '--customers',
    customers,
    '--incidents',
    drafts,
    '--facts',
    facts,
    '--locale',
    locale,
  ]);
  expect(audit.status, audit.stderr).toBe(1);
  return { audit, report: readFileSync(join(dir.path, drafts, '0001-report.md'), 'utf8') };
}

/** The draft's section under `heading`, up to the next one. */
function section(report: string, heading: string): string {
  const start = report.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = report.indexOf('\n## ', start + 3);
  return report.slice(start, end < 0 ? undefined : end);
}

interface Hit {
  readonly recipient: string;
  readonly finding: string;
  readonly reason: string;
  readonly customerId?: string;
  readonly intended?: string;
}

describe('email-guard audit: mail to the other record of a duplicate pair', () => {
  // P-07 carries the birth date its address has; P-08, of the same name, has none and an address
  // one slip from it. The message names P-07 and went to P-08's address.
  const export_ = [
    'Kundnummer;Förnamn;Efternamn;E-post;Mobil;Födelsedatum;Land',
    'P-07;Maja;Lindqvist;maja.lindqvist1988@gmail.com;070-111 22 39;1988-04-04;SE',
    'P-08;Maja;Lindqvist;maja.lindqvist198@gmail.com;;;SE',
  ].join('\n');

  it('calls it the pair it is in the line, and the draft says possibly one person stored twice', async () => {
    const customers = write('kunder.csv', export_);
    sentMail('sent/09.eml', ['To: maja.lindqvist198@gmail.com', 'X-Customer-Id: P-07']);
    const facts = writeDraftFacts(dir.path, 'facts.json');
    const json = await run(['audit', 'sent/', '--customers', customers, '--json']);
    const hits = (JSON.parse(json.stdout) as { hits: Hit[] }).hits;
    expect(hits).toEqual([
      expect.objectContaining({
        recipient: 'maja.lindqvist198@gmail.com',
        customerId: 'P-07',
        intended: 'maja.lindqvist1988@gmail.com',
        finding: 'near-miss-other-customer',
      }),
    ]);
    expect(hits[0]?.reason).toContain('P-08');

    for (const locale of ['sv', 'en'] as const) {
      const { audit, report } = await auditWithDrafts(customers, facts, locale);
      expect(audit.stdout).toContain('near-miss-other-customer');
      if (locale === 'en') {
        expect(report).not.toContain('stored wrongly');
        expect(report).not.toContain('belongs to another person');
        expect(section(report, 'Description of the incident')).toContain('may belong to someone else');
        expect(section(report, 'Cause')).toContain('possibly the same person stored twice');
      } else {
        expect(report).not.toContain('fel lagrad');
        expect(report).not.toContain('tillhör en annan person');
        expect(report).toContain('kan tillhöra en annan person');
        expect(report).toContain('möjligen samma person lagrad två gånger');
      }
    }
  });
});

describe('email-guard audit: look-alike letters from another script', () => {
  const export_ = 'id,name,email\nC-1,Olle Ek,olle.ek@gmail.com\nC-2,Man Berg,man.berg@comhem.se\n';

  it('reports confusable-characters with the address it passes for, with and without the customer named', async () => {
    const customers = write('k.csv', export_);
    sentMail('sent/1.eml', ['To: olle.ek@gm\u0430il.com']);
    sentMail('sent/2.eml', ['To: man.berg@comh\u0435m.se']);
    sentMail('sent/3.eml', ['To: olle.ek@xn--gmil-63d.com']);
    sentMail('sent/9.eml', ['To: olle.ek@gm\u0430il.com', 'X-Customer-Id: C-1']);
    const json = await run(['audit', 'sent/', '--customers', customers, '--json']);
    const hits = (JSON.parse(json.stdout) as { hits: Hit[] }).hits;
    expect(
      hits.map(({ recipient, finding, customerId, intended }) => ({
        recipient,
        finding,
        customerId,
        intended,
      })),
    ).toEqual([
      {
        recipient: 'olle.ek@gm\u0430il.com',
        finding: 'confusable-characters',
        customerId: 'C-1',
        intended: 'olle.ek@gmail.com',
      },
      {
        recipient: 'man.berg@comh\u0435m.se',
        finding: 'confusable-characters',
        customerId: 'C-2',
        intended: 'man.berg@comhem.se',
      },
      {
        recipient: 'olle.ek@gm\u0430il.com',
        finding: 'confusable-characters',
        customerId: 'C-1',
        intended: 'olle.ek@gmail.com',
      },
      {
        recipient: 'olle.ek@gm\u0430il.com',
        finding: 'confusable-characters',
        customerId: 'C-1',
        intended: 'olle.ek@gmail.com',
      },
    ]);
    for (const hit of hits) expect(hit.reason).toContain('Cyrillic U+04');
    const plain = await run(['audit', 'sent/', '--customers', customers]);
    expect(plain.stdout).not.toMatch(/domain-typo|near-miss/);
    expect(plain.stdout.match(/ confusable-characters /g)).toHaveLength(4);
  });

  it('says in the draft which letter is from which script', async () => {
    const customers = write('k.csv', export_);
    sentMail('sent/9.eml', ['To: olle.ek@gm\u0430il.com', 'X-Customer-Id: C-1']);
    const facts = writeDraftFacts(dir.path, 'facts.json');
    for (const locale of ['en', 'sv'] as const) {
      const { report } = await auditWithDrafts(customers, facts, locale);
      expect(report).toContain(
        locale === 'en'
          ? 'the \u0430 (U+0430) in olle.ek@gm\u0430il.com is a Cyrillic letter, not the Latin a'
          : '\u0430 (U+0430) i olle.ek@gm\u0430il.com är en kyrillisk bokstav, inte latinskt a',
      );
    }
  });
});

describe('a hit through Resent-To', () => {
  const export_ = [
    'Kundnummer;Förnamn;Efternamn;E-post;Födelsedatum',
    'K-000021;Greiss;Jökrakius;greiss.jokrakius1981@icloud.com;1981-11-21',
  ].join('\n');
  const resent = [
    'Resent-Date: Tue, 03 Nov 2026 09:00:00 +0100',
    'Resent-From: order@butiken.se',
    'Resent-To: greiss.jokrakius1918@icloud.com',
    'To: greiss.jokrakius1981@icloud.com',
    'X-Customer-Id: K-000021',
  ];

  it('gets a draft from the audit, and email-guard incident takes the Resent-To address as --actual', async () => {
    const customers = write('kunder.csv', export_);
    const message = sentMail('sent/05.eml', resent);
    const facts = writeDraftFacts(dir.path, 'facts.json');
    const audit = await run([
      'audit',
      'sent/',
      '--customers',
      customers,
      '--incidents',
      'drafts',
      '--facts',
      facts,
    ]);
    expect(audit.stdout).toContain('greiss.jokrakius1918@icloud.com (Resent-To)');
    expect(audit.stderr).not.toContain('own recipients');
    expect(audit.stdout).toContain('incident drafts: 1 in drafts');
    const report = readFileSync(join(dir.path, 'drafts', '0001-report.md'), 'utf8');
    expect(report).toContain('greiss.jokrakius1918@icloud.com');

    const incidentFacts = writeDraftFacts(dir.path, 'incident-facts.json', {
      customer: { id: 'K-000021', name: 'Greiss Jökrakius', emails: ['greiss.jokrakius1981@icloud.com'] },
      reference: 'NK-1',
      detectedAt: '2026-12-03T10:00:00+01:00',
    });
    const args = (actual: string, out: string) => [
      'incident',
      '--message',
      message,
      '--intended',
      'greiss.jokrakius1981@icloud.com',
      '--actual',
      actual,
      '--facts',
      incidentFacts,
      '--out',
      out,
    ];
    const accepted = await run(args('greiss.jokrakius1918@icloud.com', 'inc05'));
    expect(accepted.stderr).toBe('');
    expect(accepted.status).toBe(0);
  });

  it('names the refused --actual address when the message was not sent there', async () => {
    const message = sentMail('sent/05.eml', resent);
    const incidentFacts = writeDraftFacts(dir.path, 'incident-facts.json', {
      customer: { id: 'K-000021', name: 'Greiss Jökrakius', emails: ['greiss.jokrakius1981@icloud.com'] },
      reference: 'NK-1',
      detectedAt: '2026-12-03T10:00:00+01:00',
    });
    const refused = await run([
      'incident',
      '--message',
      message,
      '--intended',
      'greiss.jokrakius1981@icloud.com',
      '--actual',
      'someone.else@icloud.com',
      '--facts',
      incidentFacts,
      '--out',
      'inc',
    ]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain("someone.else@icloud.com is not among the message's own recipients");
    expect(refused.stderr).toContain('Resent-To');
  });
});

describe('email-guard incident without a recipient fact', () => {
  it('says the address may belong to someone else, not that it does', async () => {
    const message = sentMail('sent/01.eml', ['To: lanna.brykrergen@outlook.com']);
    const facts = writeDraftFacts(dir.path, 'incident-facts.json', {
      customer: { id: 'K-000009', name: 'Länna Brykrergren', emails: ['lanna.brykrergren@outlook.com'] },
      reference: 'NK-2',
      detectedAt: '2026-12-03T10:00:00+01:00',
    });
    for (const locale of ['sv', 'en'] as const) {
      const out = `inc01-${locale}`;
      const answer = await run([
        'incident',
        '--message',
        message,
        '--intended',
        'lanna.brykrergren@outlook.com',
        '--actual',
        'lanna.brykrergen@outlook.com',
        '--facts',
        facts,
        '--locale',
        locale,
        '--out',
        out,
      ]);
      expect(answer.status, answer.stderr).toBe(0);
      const report = readFileSync(join(dir.path, out, 'report.txt'), 'utf8');
      if (locale === 'sv') {
        expect(report).not.toContain('som tillhör en annan person');
        expect(report).toContain('som kan tillhöra en annan person');
      } else {
        expect(report).not.toContain('which belongs to another person');
        expect(report).toContain('which may belong to someone else');
      }
    }
  });
});

describe('plain lines of input text', () => {
  it('keeps a CRM field with a line break on one line of customers check', async () => {
    const customers = write(
      'kunder.csv',
      'id;name;email\nP-06;Planta Sexton;"planta.sexton@telia.com\nBcc: x@evil.com"\nK-1;Anna Svensson;anna.svensson@hotmial.se\n',
    );
    const checked = await run(['customers', 'check', customers]);
    const lines = (checked.stdout + checked.stderr).split('\n');
    expect(lines.filter((line) => line.startsWith('Bcc:'))).toEqual([]);
    expect(checked.stdout + checked.stderr).toContain('planta.sexton@telia.com\\x0aBcc: x@evil.com');
  });

  it('says it creates the folders of an --out path that does not exist yet', async () => {
    const customers = write('kunder.csv', 'id;name;email\nK-1;Anna Svensson;anna.svensson@hotmial.se\n');
    const answer = await run(['customers', 'check', customers, '--out', 'new/dir/x.html']);
    expect(answer.stderr).toContain('new/dir');
    expect(readFileSync(join(dir.path, 'new', 'dir', 'x.html'), 'utf8')).toContain('<html');
  });
});

describe('email-guard customers check: two names one slip apart', () => {
  it('calls Aron Falk and Arno Falk similar names, naming both, not the same name', async () => {
    const customers = write(
      'names2.csv',
      [
        'Kundnr;Namn;E-post;Födelsedatum',
        'A-1;Aron Falk;aron.falk@gmail.com;1980-01-01',
        'A-2;Arno Falk;arno.falk@gmail.com;1990-02-02',
        'A-3;Lena Berg;lena.berg@gmail.com;1980-01-01',
        'A-4;Lina Berg;lina.berg@gmail.com;1982-02-02',
      ].join('\n'),
    );
    for (const locale of ['en', 'sv'] as const) {
      const answer = await run(['customers', 'check', customers, '--locale', locale]);
      const pairLines = answer.stdout.split('\n').filter((line) => line.includes('near-miss-other-customer'));
      expect(pairLines.length).toBeGreaterThan(0);
      for (const line of pairLines) {
        expect(line).not.toMatch(/the same name|samma namn/);
        expect(line).toMatch(locale === 'en' ? /similar name/ : /liknande namn/);
      }
      const rows = pairLines.filter((line) => line.includes('names2.csv:'));
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row).toMatch(/Aron Falk.*Arno Falk|Arno Falk.*Aron Falk/);
    }
  });
});
