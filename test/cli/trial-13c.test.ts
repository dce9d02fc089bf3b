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
      expect(audit.stdout).toContain('near-miss-other-customer');
      const report = readFileSync(join(dir.path, drafts, '0001-report.md'), 'utf8');
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
