import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** `check ADDRESS --customer-id K-1 --customers FILE`, and `more` arguments. */
function checkCustomerK1(address: string, customers: string, ...more: string[]) {
  return runCliInProcess(['check', address, '--customer-id', 'K-1', '--customers', customers, ...more]);
}

describe('the lines of the command', () => {
  it('says nothing was skipped for a column it does not read, as customers check does', async () => {
    const customers = file('extra-column.csv', 'id;name;email;Anteckning\nK-1;Anna;anna@example.se;ring\n');
    const run = await checkCustomerK1('anna@example.se', customers);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Anteckning');
    expect(run.stderr).not.toContain('row skipped');
  });

  it('refuses an incident --out folder that holds a report, unless --overwrite is given', async () => {
    const examples = resolve(__dirname, '../../examples/data');
    const out = join(dir.path, 'incident');
    const args = [
      'incident',
      '--message',
      join(examples, 'orderbekraftelse.eml'),
      '--intended',
      'anna.svensson1985@gmail.com',
      '--actual',
      'anna.svensson185@gmail.com',
      '--facts',
      join(examples, 'incident-facts.json'),
      '--out',
      out,
    ];
    expect((await runCliInProcess(args)).status).toBe(0);
    const first = readFileSync(join(out, 'notice.eml'), 'utf8');
    const again = await runCliInProcess([...args, '--format', 'html']);
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toEqual([
      `email-guard: --out ${out} already holds a report (notice.eml, phone-script.txt, report.txt): give a new or empty folder, or --overwrite to replace it`,
    ]);
    expect(readFileSync(join(out, 'notice.eml'), 'utf8')).toBe(first);
    expect((await runCliInProcess([...args, '--overwrite'])).status).toBe(0);
  });

  it('writes a CSV report as a spreadsheet opens it: UTF-8 with a BOM, and ; between cells under sv', async () => {
    const customers = file('sv-export.csv', 'id;name;email\nK-1;Åsa Öberg;asa.oberg@hotmial.se\n');
    const out = join(dir.path, 'r.csv');
    const run = await runCliInProcess(['customers', 'check', customers, '--out', out, '--locale', 'sv']);
    expect(run.status, run.stderr).toBe(1);
    const written = readFileSync(out, 'utf8');
    expect(written.startsWith('\uFEFF')).toBe(true);
    const [header, row] = written.slice(1).split('\r\n');
    expect(header?.split(';').length).toBeGreaterThan(3);
    expect(header).not.toContain(',');
    expect(row).toContain(';K-1;asa.oberg@hotmial.se;felskriven domän;');
    const english = join(dir.path, 'r-en.csv');
    await runCliInProcess(['customers', 'check', customers, '--out', english]);
    expect(readFileSync(english, 'utf8')).toMatch(/^\uFEFFLine,Customer,/);
  });

  it('speaks Swedish under --locale sv: the verdict words, a --customer that is not JSON, the audit usage lines', async () => {
    const anna = JSON.stringify({ id: 'K-1', emails: ['anna.svensson1985@gmail.com'] });
    const check = await runCliInProcess([
      'check',
      'anna.svensson185@gmail.com',
      '--customer',
      anna,
      '--locale',
      'sv',
    ]);
    expect(check.stdout.split('\n')[0]).toBe('stoppa  anna.svensson185@gmail.com');
    expect(check.stdout).toContain('  stoppa   skrivfel (near-miss): ');
    // Each finding's code after a word padded to the 8 letters of "bekräfta": at column 11.
    const findingLines = check.stdout.split('\n').filter((line) => line.startsWith('  '));
    for (const line of findingLines) expect(line.slice(10, 12)).toMatch(/^ \S$/);
    const notJson = await runCliInProcess(['check', 'a@b.se', '--customer', "{id:'K-1'}", '--locale', 'sv']);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('--customer är inte giltig JSON');
    expect(notJson.stderr).not.toMatch(/Expected|property|position/);
    const customers = file('sv-audit.csv', 'id;name;email\nK-1;Anna;anna@example.se\n');
    const since = await runCliInProcess([
      'audit',
      dir.path,
      '--customers',
      customers,
      '--since',
      'yesterday',
      '--locale',
      'sv',
    ]);
    expect(since.stderr).toContain('--since: ”yesterday” är inget datum');
    const facts = await runCliInProcess([
      'audit',
      dir.path,
      '--customers',
      customers,
      '--incidents',
      join(dir.path, 'd'),
      '--locale',
      'sv',
    ]);
    expect(facts.stderr).toContain('--incidents behöver --facts FIL');
  });

  it('gives advice the command line can follow for an export without an id column, never the name column', async () => {
    const customers = file('no-id.csv', 'Namn;E-post;Löpnr\nAnna;anna@example.se;K-1\n');
    const run = await checkCustomerK1('anna@example.se', customers);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('rename the header of the id column to one of those');
    expect(run.stderr).toContain('--columns id=Löpnr');
    expect(run.stderr).not.toContain('id=Namn');
    const sv = await checkCustomerK1('a@example.se', customers, '--locale', 'sv');
    expect(sv.stderr).toContain('byt namn på id-kolumnens rubrik till ett av dem');
  });

  it('prints a look-alike recipient as the export holds it, the Punycode of the mail beside it', async () => {
    const customers = file('lookalike.csv', 'id;name;email\nK-12;Olle Ek;olle.ek@gm\u0430il.com\n');
    const sent = join(dir.path, 'lookalike-sent');
    mkdirSync(sent);
    writeFileSync(
      join(sent, 'm.eml'),
      'From: order@butiken.se\r\nTo: olle.ek@xn--gmil-63d.com\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\nMessage-ID: <l@b>\r\nSubject: Order\r\n\r\nHej\r\n',
    );
    const text = await runCliInProcess(['audit', sent, '--customers', customers]);
    expect(text.stdout).toContain('olle.ek@gm\u0430il.com (olle.ek@xn--gmil-63d.com)');
    const json = await runCliInProcess(['audit', sent, '--customers', customers, '--json']);
    expect(JSON.parse(json.stdout).hits[0]).toMatchObject({
      recipient: 'olle.ek@gm\u0430il.com',
      sentAs: 'olle.ek@xn--gmil-63d.com',
    });
    const out = join(dir.path, 'lookalike.html');
    await runCliInProcess(['audit', sent, '--customers', customers, '--out', out]);
    expect(readFileSync(out, 'utf8')).toContain('olle.ek@gm\u0430il.com (olle.ek@xn--gmil-63d.com)');
  });
});
