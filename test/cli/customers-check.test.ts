import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeLines } from '../support/cli-inputs.js';
import { crmExport } from '../support/crm-export.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

// The command runs in this process (runCliInProcess), each start of a process costing seconds on a
// loaded machine; one test starts the built command, as installed, where the terminal's escaping of
// what it prints is part of what is tested.
vi.setConfig({ testTimeout: 60_000 });

const dir = useTempDir();
/** The files of the trial run of issue 13, kept as they were. */
const fixture = (name: string) => join(__dirname, '../fixtures/customers-check', name);

beforeAll(async () => {
  await builtCli();
}, 120_000);

interface Finding {
  kind: string;
  line: number;
  customerId?: string;
  address?: string;
  reason: string;
  suggestion?: string;
}

describe('email-guard customers check', () => {
  it('finds every planted problem in a generated export and flags under 1 % of the clean rows', async () => {
    const generated = crmExport(3000);
    const file = join(dir.path, 'export.csv');
    writeFileSync(file, generated.csv);
    const run = await runCliInProcess(['customers', 'check', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { findings: Finding[]; customers: number };
    for (const planted of generated.planted) {
      const found = result.findings.find(
        (finding) =>
          finding.kind === planted.kind &&
          finding.line === planted.line &&
          (planted.customerId === undefined || finding.customerId === planted.customerId),
      );
      expect(found, `${planted.kind} on line ${planted.line}`).toBeDefined();
      expect(found?.reason).not.toBe('');
    }
    const domainTypo = result.findings.find((finding) => finding.kind === 'domain-typo');
    expect(domainTypo?.suggestion).toMatch(/@hotmail\.se$/);
    const clean = new Set(generated.clean);
    const flaggedClean = new Set(
      result.findings.flatMap((finding) =>
        finding.customerId && clean.has(finding.customerId) ? [finding.customerId] : [],
      ),
    );
    expect(flaggedClean.size / clean.size).toBeLessThan(0.01);
  });

  it('writes an HTML report, summary first, with everything from the export escaped, and leaves no temporary file', async () => {
    const file = join(dir.path, 'export.csv');
    writeFileSync(
      file,
      'id;name;email\n<img src=x onerror=alert(1)>;<b>Eve</b>;eve<script>@example.se\nC-2;Info;info@example.se\n',
    );
    const out = join(dir.path, 'reports', 'quality.html');
    const run = await runCliInProcess(['customers', 'check', file, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`report: ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html.indexOf('class="summary"')).toBeLessThan(html.indexOf('class="details"'));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('role-address');
    expect(readdirSync(join(dir.path, 'reports'))).toEqual(['quality.html']);
  });

  it('writes CSV and JSON reports, and reads an NDJSON export past a broken line', async () => {
    const file = join(dir.path, 'export.ndjson');
    writeFileSync(
      file,
      [
        '{"id":"C-1","name":"Anna","emails":["anna@hotmial.se"]}',
        '{"id":"C-2", broken',
        '{"id":"C-3","name":"Info","emails":["=cmd@example.se"]}',
      ].join('\n'),
    );
    const csv = join(dir.path, 'report.csv');
    const json = join(dir.path, 'report.json');
    expect((await runCliInProcess(['customers', 'check', file, '--out', csv])).status).toBe(1);
    expect((await runCliInProcess(['customers', 'check', file, '--out', json])).status).toBe(1);
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFLine,Customer,Address,Finding,Reason,Suggestion');
    expect(lines.some((line) => line.startsWith('1,C-1,anna@hotmial.se,domain-typo,'))).toBe(true);
    // A cell a spreadsheet would run as a formula is written as text.
    expect(readFileSync(csv, 'utf8')).not.toMatch(/(^|,)=cmd/m);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { findings: Finding[] };
    expect(report.findings.map((finding) => [finding.line, finding.kind])).toEqual([
      [1, 'domain-typo'],
      [2, 'unreadable-row'],
    ]);
  });

  it("writes the summary counts of a CSV report beside it, in the report's language, and in the JSON report", async () => {
    const file = writeLines(dir.path, 'export.csv', [
      'Kundnr;Namn;E-post;Anteckning',
      'K-1;Anna Berg;anna.berg@hotmial.se;',
      'K-2;Erik Lind;erik.lind(at)telia.com;',
      'K-3;Karin Ek;karin.ek@telia.com;',
      'K-4;Karin Ek;karin.ek@telia.com;',
    ]);
    const out = join(dir.path, 'reports', 'kontroll.csv');
    const summary = join(dir.path, 'reports', 'kontroll.summary.csv');
    const run = await runBuiltCli(['customers', 'check', file, '--out', out, '--locale', 'sv'], {
      cwd: dir.path,
    });
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').slice(-2)).toEqual([
      `rapport: ${out}`,
      `sammanfattning: ${summary}`,
    ]);
    expect(readdirSync(join(dir.path, 'reports')).sort()).toEqual(['kontroll.csv', 'kontroll.summary.csv']);
    const rows = readFileSync(summary, 'utf8').split('\r\n');
    expect(rows[0]).toBe('\uFEFFKod;Vad det betyder;Antal');
    expect(rows).toContain('domain-typo;hos en felskriven e-postleverantör;1');
    expect(rows).toContain('belongs-to-other-customer;samma brevlåda som en annan kund;2');
    expect(rows).toContain('invalid-address;adresser som inte går att använda (raden hoppades över);1');
    expect(rows).toContain('unreadable-row;rader som inte kan läsas (hoppades över);0');
    const json = join(dir.path, 'kontroll.json');
    expect((await runCliInProcess(['customers', 'check', file, '--out', json])).status).toBe(1);
    const counts = (JSON.parse(readFileSync(json, 'utf8')) as { summary: Record<string, number> }).summary;
    const csvCounts = Object.fromEntries(
      rows.slice(1, -1).map((row) => [row.split(';')[0], Number(row.split(';').at(-1))]),
    );
    expect(counts).toEqual(csvCounts);
  });

  it('refuses an --out whose summary would replace the export, and leaves the export as it was', async () => {
    const file = join(dir.path, 'export.summary.csv');
    const before = 'id,name,email\nC-1,Anna Svensson,anna.svensson@gmial.com\n';
    writeFileSync(file, before);
    const run = await runCliInProcess(['customers', 'check', file, '--out', join(dir.path, 'export.csv')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`its summary ${file} is the input file`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('says an audit log given as the customer file is an audit log, not a customer export', async () => {
    const log = writeLines(dir.path, 'audit.jsonl', [
      '{"at":"2026-12-01T15:28:56.518Z","customerId":"C-1001","mode":"enforce","outcome":"held","action":"block","recipients":[{"address":"anna.svensson185@gmail.com","action":"block","findings":[]}],"holdId":"h-1"}',
      '{"at":"2026-12-01T15:30:00.000Z","customerId":"C-1002","mode":"enforce","outcome":"sent","action":"send","recipients":[{"address":"erik.lind@telia.com","action":"send","findings":[]}]}',
    ]);
    const examples = join(__dirname, '../../examples/data');
    for (const args of [
      ['customers', 'check', log],
      ['audit', examples, '--customers', log],
    ]) {
      const run = await runBuiltCli(args, { cwd: dir.path });
      expect(run.status, args[0]).toBe(3);
      expect(run.stderr.trim()).toBe(
        `email-guard: ${log}: this is an audit log of email-guard's decisions, not a customer export: give the CRM's export of customers (CSV or NDJSON, a customer id and address per row)`,
      );
    }
    const swedish = await runCliInProcess(['customers', 'check', log, '--locale', 'sv']);
    expect(swedish.stderr).toContain(
      'det här är en granskningslogg över email-guards beslut, ingen kundexport',
    );
  });

  it('answers 0 for a clean export, 2 for a report name it cannot write, 3 for an export it cannot read', async () => {
    const good = join(dir.path, 'good.csv');
    writeFileSync(good, 'id,name,email\nC-1,Anna Svensson,anna.svensson@gmail.com\n');
    expect((await runCliInProcess(['customers', 'check', good])).status).toBe(0);
    expect((await runCliInProcess(['customers', 'check', good, '--out', 'x.pdf'])).status).toBe(2);
    const missing = await runCliInProcess(['customers', 'check', join(dir.path, 'nope.csv')]);
    expect(missing.status).toBe(3);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const noId = join(dir.path, 'no-id.csv');
    writeFileSync(noId, 'Nr;Namn\n1;Anna\n');
    const run = await runCliInProcess(['customers', 'check', noId]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`${noId}:1: the header row has no id column`);
  });

  it('refuses an --out that is the export itself, by any name, and leaves the export as it was', async () => {
    const copy = join(dir.path, 'copy.csv');
    const before = 'id,name,email\nC-1,Anna Svensson,anna.svensson@gmial.com\n';
    writeFileSync(copy, before);
    symlinkSync(copy, join(dir.path, 'link.csv'));
    for (const out of [copy, relative(process.cwd(), copy), join(dir.path, 'link.csv')]) {
      const run = await runCliInProcess(['customers', 'check', copy, '--out', out]);
      expect(run.status, out).toBe(2);
      expect(run.stderr).toContain(`--out ${out} is the input file ${copy}: the report would replace it`);
      expect(readFileSync(copy, 'utf8')).toBe(before);
    }
  });

  it('prints control characters from the export escaped, never raw on the terminal', async () => {
    const file = join(dir.path, 'controls.csv');
    writeFileSync(file, 'id,name,email\n"C-1\u001b[2J",Anna Svensson,info@gmial.com\n');
    const run = await runBuiltCli(['customers', 'check', file], { cwd: dir.path });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('C-1\\x1b[2J');
    expect(run.stdout + run.stderr).not.toContain('\u001b');
  });

  it('answers 3 naming the file for an export without customer rows: empty, a header only, blank lines', async () => {
    for (const name of ['empty.csv', 'hdr.csv', 'blank.ndjson']) {
      const run = await runCliInProcess(['customers', 'check', fixture(name)]);
      expect(run.status, name).toBe(3);
      expect(run.stderr.trim().split('\n'), name).toEqual([expect.stringContaining(`${fixture(name)}`)]);
      expect(run.stderr, name).toContain('no customer rows');
      expect(run.stdout, name).toBe('');
    }
  });

  it('counts the rows it could not read apart from the customers loaded and those with findings', async () => {
    const file = fixture('crm.csv');
    const sv = await runCliInProcess(['customers', 'check', file, '--locale', 'sv']);
    const en = await runCliInProcess(['customers', 'check', file]);
    const json = JSON.parse((await runCliInProcess(['customers', 'check', file, '--json'])).stdout) as {
      rows: number;
      customers: number;
      rowsNotRead: number;
      customersWithFindings: number;
      findings: Finding[];
    };
    // Lines 10, 13, 14 and 20 are skipped (crm.csv): their customers are not among those loaded.
    expect(json.rowsNotRead).toBe(4);
    const loadedWithFindings = new Set(
      json.findings
        .filter((f) => ![10, 13, 14, 20].includes(f.line) && f.customerId)
        .map((f) => f.customerId),
    );
    expect(json.customersWithFindings).toBe(loadedWithFindings.size);
    expect(sv.stdout).toContain(
      `${json.customers} kunder inlästa, 4 rader kunde inte läsas, ${json.customersWithFindings} kunder med fynd.`,
    );
    expect(en.stdout).toContain(
      `${json.customers} customers loaded, 4 rows could not be read, ${json.customersWithFindings} customers with findings.`,
    );
  });

  it('names the customer id and address of a skipped, unreadable or repeated row wherever the row gives them', async () => {
    const file = fixture('crm.csv');
    const json = await runCliInProcess(['customers', 'check', file, '--json']);
    const { findings } = JSON.parse(json.stdout) as { findings: Finding[] };
    const rowFindings = findings
      .filter((finding) => ['unreadable-row', 'invalid-address', 'repeated-id'].includes(finding.kind))
      .map((finding) => [finding.line, finding.kind, finding.customerId, finding.address]);
    expect(rowFindings).toEqual([
      // Too many fields: any cell after the first may be shifted, so no address is taken from one.
      [10, 'unreadable-row', 'C-09', undefined],
      [13, 'invalid-address', 'C-12', 'per(at)gustafsson.se'],
      // The quote never closed swallows the rest of the row: only the cells before it name it.
      [14, 'unreadable-row', 'C-13', undefined],
      [16, 'repeated-id', 'C-04', 'erik.lind2@telia.com'],
      [20, 'invalid-address', 'C-19', '<img src=x onerror=alert(1)>@x'],
    ]);
    const text = await runCliInProcess(['customers', 'check', file]);
    // The reason quotes the address: the line names it once.
    expect(text.stdout).toContain(
      `${file}:13  C-12  invalid-address  "per(at)gustafsson.se" is not a usable address: the @ sign is missing\n`,
    );
    expect(text.stdout).not.toContain('per(at)gustafsson.se  "per(at)gustafsson.se"');
    const csv = join(dir.path, 'rows.csv');
    await runCliInProcess(['customers', 'check', file, '--out', csv]);
    expect(readFileSync(csv, 'utf8')).toContain('16,C-04,erik.lind2@telia.com,repeated-id,');
  });

  it('prints every line of its own in Swedish with --locale sv', async () => {
    const file = fixture('clean.csv');
    const run = await runCliInProcess(['customers', 'check', file, '--locale', 'sv']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${file}: `);
    expect(run.stdout).toContain('0 kunder med fynd.');
    expect(run.stdout).toContain('kolumn som inte läses (column-not-read): kolumner som inte läses');
    const out = join(dir.path, 'kontroll.html');
    const written = await runCliInProcess(['customers', 'check', file, '--locale', 'sv', '--out', out]);
    expect(written.stdout.trim().split('\n').at(-1)).toBe(`rapport: ${out}`);
  });

  it('names each finding in Swedish first with --locale sv, and by its code in English, as the built command', async () => {
    const file = join(dir.path, 'named.csv');
    writeFileSync(
      file,
      ['id;name;email', 'C-1;Olle Ek;olle.ek@hotmial.se', 'C-2;Bo Ek;bo ek@example.se'].join('\n'),
    );
    for (const [locale, typo, invalid] of [
      ['en', 'domain-typo', 'invalid-address'],
      ['sv', 'felskriven domän (domain-typo)', 'ogiltig adress (invalid-address)'],
    ] as const) {
      const run = await runBuiltCli(['customers', 'check', file, '--locale', locale], { cwd: dir.path });
      expect(run.status).toBe(1);
      const lines = run.stdout.trim().split('\n');
      expect(lines.slice(1, 3).map((line) => line.trim().split(': ')[0])).toEqual([
        `1  ${invalid}`,
        `1  ${typo}`,
      ]);
      expect(lines[3]).toBe(
        `${file}:2  C-1  ${typo}  olle.ek@hotmial.se  ${locale === 'sv' ? 'hotmial.se ser ut som ett skrivfel av hotmail.se.' : 'hotmial.se looks like a typo of hotmail.se.'} -> olle.ek@hotmail.se`,
      );
      expect(lines[4]).toMatch(
        new RegExp(
          `^${file.replace(/[.\\/]/g, '\\$&')}:3  C-2  ${invalid.replace(/[()]/g, '\\$&')}  ${locale === 'sv' ? '”bo ek@example.se”' : '"bo ek@example.se"'} `,
        ),
      );
    }
  });

  it('answers 3 for a folder, and 0 for a clean export whose only note is a column not read', async () => {
    const folder = await runCliInProcess(['customers', 'check', '.']);
    expect(folder.status).toBe(3);
    expect(folder.stderr).toContain('.: not a file');
    // Trial 13's clean.csv: its "Anteckning" column is not read, and no customer has a finding.
    const clean = await runCliInProcess(['customers', 'check', fixture('clean.csv')]);
    expect(clean.stdout).toContain('0 customers with findings');
    expect(clean.stdout).toContain('column-not-read');
    expect(clean.status).toBe(0);
  });
});

describe('email-guard customers check, look-alike domains', () => {
  it('prints a look-alike address as written in the export, with its Punycode beside it', async () => {
    const file = join(dir.path, 'lookalike.csv');
    writeFileSync(
      file,
      'id;name;email\nK-1;Olle Ek;olle.ek@gm\u0430il.com\nK-2;Anna Svensson;anna.svensson1985@gmail.com\n',
    );
    const run = await runCliInProcess(['customers', 'check', file]);
    expect(run.stdout).toContain('olle.ek@gm\u0430il.com (olle.ek@xn--gmil-63d.com)');
  });
});
