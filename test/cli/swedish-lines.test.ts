import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { processContext } from '../../src/cli/program-context.js';
import { createProgram } from '../../src/cli/run-cli.js';
import { swedishHelp } from '../../src/cli/swedish-help.js';
import { crmExport } from '../support/crm-export.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });

/**
 * English that must not reach a reader of `--locale sv`. Technical tokens (file names, ids, finding
 * codes such as `column-not-read`, option names such as `--customers`, JSON keys) may stay: each
 * phrase is matched as words, not inside a hyphenated token. ("argument" is Swedish too.)
 */
const ENGLISH = [
  'the',
  'is not',
  'are not',
  'cannot',
  'not read',
  'row skipped',
  'skipped',
  'error',
  'unknown',
  'option',
  'missing',
  'required',
  'suggestion',
  'usable',
  'already used',
  'fields where',
  'header',
  'quote',
  'column',
  'valid',
  'object',
  'empty',
  'longer than',
  'expected',
  'folder',
  'add --help',
  'usage',
  'too many',
  'phone number',
  'birth date',
  'problems not shown',
  'no such',
  'did you mean',
  'line',
];

/** The English phrases in `text` (the temporary folder's path taken out: it is a file name). */
function englishIn(text: string): string[] {
  const plain = text.split(dir.path).join('DIR');
  return ENGLISH.filter((phrase) =>
    new RegExp(`(?<![\\w-])${phrase.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}(?![\\w-])`, 'i').test(plain),
  );
}

async function swedish(args: string[]): Promise<{ status: number | null; lines: string }> {
  const run = await runCliInProcess([...args, '--locale', 'sv']);
  return { status: run.status, lines: `${run.stdout}\n${run.stderr}` };
}

/** A CSV export with a row of each kind `loadCustomers` reports, and a planted finding or two. */
function brokenCsv(): string {
  const file = join(dir.path, 'export.csv');
  writeFileSync(
    file,
    [
      'id;name;email;phone;födelsedatum;land;favoritfärg',
      'C-1;Anna Svensson;anna.svensson1985@gmail.com;070-123 45 67;1985-03-14;SE;blå',
      'C-2;Erik Lind;erik(at)telia.com;;;;',
      'C-3;Karin Berg;karin.berg@hotmial.se;;;;',
      'C-4;Lars Holm;lars.holm@gmail.com;inte ett nummer;;;',
      'C-5;Maria Ek;maria.ek@gmail.com;;14/03/1985;;',
      'C-6;Johan Dahl;johan.dahl@gmail.com;;;Sverige;',
      'C-1;Anna Svensson;anna.svensson1985@gmail.com;;;;',
      'C-7;Eva Blom;eva.blom@gmail.com',
      ';Per Holm;per.holm@gmail.com;;;;',
      'C-8;"Sara Falk;sara.falk@gmail.com;;;;',
    ].join('\n'),
  );
  return file;
}

function brokenNdjson(): string {
  const file = join(dir.path, 'export.ndjson');
  writeFileSync(
    file,
    [
      '{"id":"C-1","name":"Anna Svensson","email":"anna.svensson1985@gmail.com","skostorlek":38}',
      '{"id":"C-2",',
      '[1,2,3]',
      '{"id":1e400,"email":"x@example.se"}',
      '{"id":"C-3","email":["a@example.se","b@example.se"],"e-post":"c@example.se"}',
      '{"name":"Ingen Id","email":"ingen@example.se"}',
    ].join('\n'),
  );
  return file;
}

describe('--locale sv, every line a user sees', () => {
  it('words the rows of a CRM export that are not read, and why, in Swedish', async () => {
    for (const file of [brokenCsv(), brokenNdjson()]) {
      const run = await swedish(['customers', 'check', file]);
      expect(run.status).toBe(1);
      expect(englishIn(run.lines), run.lines).toEqual([]);
    }
  });

  it("words check's suggestion and the rows its --customers file skipped in Swedish", async () => {
    const run = await swedish([
      'check',
      'anna.svensson185@gmail.com',
      '--customer-id',
      'C-1',
      '--customers',
      brokenCsv(),
    ]);
    expect(run.status).toBe(1);
    expect(run.lines).toContain('förslag: anna.svensson1985@gmail.com');
    expect(englishIn(run.lines), run.lines).toEqual([]);
  });

  it('words the messages the audit cannot read, and stores it cannot read, in Swedish', async () => {
    const folder = join(dir.path, 'sent');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'tom.eml'), '');
    writeFileSync(
      join(folder, 'no-recipients.eml'),
      'From: order@butiken.se\r\nSubject: Order\r\n\r\nTack.\r\n',
    );
    writeFileSync(
      join(folder, 'typo.eml'),
      'From: order@butiken.se\r\nTo: anna.svensson185@gmail.com\r\nX-Customer-Id: C-1\r\nSubject: Order\r\n\r\nTack.\r\n',
    );
    const customers = brokenCsv();
    const run = await swedish(['audit', folder, '--customers', customers]);
    expect(run.status).toBe(1);
    expect(englishIn(run.lines), run.lines).toEqual([]);
    const notMbox = join(dir.path, 'sent.mbox');
    writeFileSync(notMbox, 'Hello, this is no mbox\n');
    const empty = join(dir.path, 'nothing');
    mkdirSync(empty, { recursive: true });
    for (const path of [notMbox, empty, join(dir.path, 'saknas')]) {
      const refused = await swedish(['audit', path, '--customers', customers]);
      expect(refused.status).toBe(3);
      expect(englishIn(refused.lines), refused.lines).toEqual([]);
    }
    const noRows = join(dir.path, 'tom.csv');
    writeFileSync(noRows, 'id;name;email\n');
    for (const file of [noRows, folder, join(dir.path, 'saknas.csv')]) {
      const refused = await swedish(['customers', 'check', file]);
      expect(refused.status).toBe(3);
      expect(englishIn(refused.lines), refused.lines).toEqual([]);
    }
  });

  it('words usage errors in Swedish: an unknown option, a missing argument, a missing option', async () => {
    const customers = join(dir.path, 'planted.csv');
    writeFileSync(customers, crmExport(40).csv);
    for (const args of [
      ['check', 'anna@example.se', '--bogus'],
      ['check'],
      ['audit', dir.path],
      ['audit', dir.path, '--customers'],
      ['customers', 'check', customers, 'extra'],
      ['customers', 'check', 'customers.xyz'],
      ['customers', 'check', customers, '--out', 'report.pdf'],
      ['customers', 'kontroll'],
    ]) {
      const run = await swedish(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.lines.trim(), args.join(' ')).not.toBe('');
      expect(englishIn(run.lines), `${args.join(' ')}\n${run.lines}`).toEqual([]);
    }
  });

  it('names the values of a usage error in Swedish words, keeping exit code 2', async () => {
    // Trial 13: "alternativet '--store <dir>' måste anges", "argumentet 'address' saknas".
    const sv = ['--locale', 'sv'];
    for (const [args, said] of [
      [['holds', 'list', ...sv], '--store MAPP (en mapp) eller --database URL'],
      [['holds', 'release', 'ID', '--store', 'x', ...sv], "'--by <person>'"],
      [['check', ...sv], "'adress'"],
      [['holds', 'show', '--store', 'x', ...sv], "'id'"],
      // The option without its value last: --locale after it would be taken as the value.
      [['audit', dir.path, ...sv, '--customers'], "'--customers <fil>'"],
      [['customers', 'check', 'x.csv', ...sv, '--columns'], "'--columns <mappning>'"],
      [['serve', ...sv, '--port'], "'--port <port>'"],
    ] as const) {
      const run = await runCliInProcess([...args]);
      const lines = `${run.stdout}\n${run.stderr}`;
      expect(run.status, args.join(' ')).toBe(2);
      expect(lines, args.join(' ')).toContain(said);
      expect(lines, args.join(' ')).not.toMatch(
        /<(dir|file|address|mapping|sent-mail|report|date|name|host|addresses|locale)(\.\.\.)?>|'address'|'sent-mail'/,
      );
    }
  });

  it("words the help's headings and an invalid choice in Swedish", async () => {
    for (const args of [
      ['--help'],
      ['check', '--help'],
      ['customers', '--help'],
      ['customers', 'check', '--help'],
      ['audit', '--help'],
      ['holds', '--help'],
      ['holds', 'list', '--help'],
      ['holds', 'show', '--help'],
      ['holds', 'release', '--help'],
      ['holds', 'discard', '--help'],
      ['help', 'holds'],
      ['holds', 'help', 'release'],
      ['incident', '--help'],
      ['serve', '--help'],
    ]) {
      const run = await swedish(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.lines, args.join(' ')).toMatch(/^Användning:/m);
      expect(run.lines, args.join(' ')).toMatch(/^Alternativ:/m);
      // commander's own words: its headings, the help entry, and the usage words of every command
      // line, the command list's included.
      for (const heading of [
        'Usage:',
        'Options:',
        'Commands:',
        'Arguments:',
        'display help for command',
        '[options]',
        '[command]',
      ])
        expect(run.lines, args.join(' ')).not.toContain(heading);
    }
    const incident = await swedish(['incident', '--help']);
    expect(incident.lines).toContain('Användning: email-guard incident [alternativ]');
    expect(incident.lines).toMatch(
      /rapportens format \(värden: "text", "markdown", "html",\s+förval: "text"\)/,
    );
    const program = await swedish(['--help']);
    expect(program.lines).toMatch(/^Kommandon:/m);
    expect(program.lines).toMatch(/^ {2}check \[alternativ\] <adress> /m);
    // The names of arguments and option values: a Swedish user's trial read "<address>", "<file>".
    const check = await swedish(['check', '--help']);
    expect(check.lines).toContain('Användning: email-guard check [alternativ] <adress>');
    expect(check.lines).toMatch(/^ {2}--customers <fil> /m);
    expect(check.lines).toMatch(/^ {2}adress /m);
    expect(check.lines).not.toMatch(/<address>|<file>/);
    expect(program.lines).toMatch(/^ {2}help \[kommando\] /m);
    const choice = await swedish(['incident', '--format', 'pdf']);
    expect(choice.status).toBe(2);
    expect(choice.lines).toContain(
      "värdet 'pdf' för '--format <format>' är ogiltigt. Tillåtna värden: text, markdown, html.",
    );
    expect(englishIn(choice.lines), choice.lines).toEqual([]);
  });

  it('names the findings of the Swedish HTML and CSV reports in Swedish, the codes kept in the JSON', async () => {
    // A Swedish user's trial: the "Fynd" column read `domain-typo`, `invalid-address`.
    const customers = brokenCsv();
    const read = async (name: string) => {
      const out = join(dir.path, name);
      const run = await swedish(['customers', 'check', customers, '--out', out]);
      expect(run.status, run.lines).toBe(1);
      return readFileSync(out, 'utf8');
    };
    const html = await read('rapport.html');
    expect(html).toContain('<th scope="row">felskriven domän</th>');
    expect(html).toContain('<td>ogiltig adress</td>');
    expect(html).not.toMatch(/>(domain-typo|invalid-address|role-address|unreadable-row)</);
    const csv = await read('rapport.csv');
    expect(csv).toContain(';felskriven domän;');
    expect(csv).not.toMatch(/;(domain-typo|invalid-address|unreadable-row);/);
    const json = JSON.parse(await read('rapport.json'));
    expect(json.findings.map((finding: { kind: string }) => finding.kind)).toContain('domain-typo');
    const folder = join(dir.path, 'sent-report');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'typo.eml'),
      'From: order@butiken.se\r\nTo: anna.svensson185@gmail.com\r\nX-Customer-Id: C-1\r\nSubject: Order\r\n\r\nTack.\r\n',
    );
    const out = join(dir.path, 'granskning.html');
    const audit = await swedish(['audit', folder, '--customers', customers, '--out', out]);
    expect(audit.status, audit.lines).toBe(1);
    const audited = readFileSync(out, 'utf8');
    expect(audited).toContain('<td>skrivfel</td>');
    expect(audited).not.toMatch(/>(near-miss|domain-typo)</);
  });

  it("shows a message's date in the Swedish form in the audit's lines and report", async () => {
    // A Swedish user's trial: "Fri, 20 Nov 2026" beside Swedish words.
    const folder = join(dir.path, 'sent-dated');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'typo.eml'),
      'From: order@butiken.se\r\nTo: anna.svensson185@gmail.com\r\nX-Customer-Id: C-1\r\nDate: Fri, 20 Nov 2026 10:00:00 +0100\r\nSubject: Order\r\n\r\nTack.\r\n',
    );
    const out = join(dir.path, 'daterad.html');
    const customers = brokenCsv();
    const lines = await swedish(['audit', folder, '--customers', customers]);
    const report = await swedish(['audit', folder, '--customers', customers, '--out', out]);
    expect(report.status, report.lines).toBe(1);
    for (const text of [lines.lines, readFileSync(out, 'utf8')]) {
      expect(text).toContain('2026-11-20 kl. 10.00');
      expect(text).not.toContain('Fri, 20 Nov 2026');
    }
    // The JSON keeps the Date field as the message gave it.
    const json = await runCliInProcess([
      'audit',
      folder,
      '--customers',
      customers,
      '--json',
      '--locale',
      'sv',
    ]);
    expect(JSON.parse(json.stdout).hits[0].date).toBe('Fri, 20 Nov 2026 10:00:00 +0100');
  });

  it('names the script of a look-alike letter in Swedish: kyrillisk, grekisk', async () => {
    const customer = '{"id":"C-1","emails":["eva@gmail.com"]}';
    const cyrillic = await swedish(['check', 'eva@gm\u0430il.com', '--customer', customer]);
    expect(cyrillic.status).toBe(1);
    expect(cyrillic.lines).toContain('\u0430 (kyrillisk U+0430)');
    const greek = await swedish(['check', 'eva@gmail.c\u03bfm', '--customer', customer]);
    expect(greek.lines).toContain('\u03bf (grekisk U+03BF)');
    const lookalikes = resolve(__dirname, '../fixtures/audit/lookalike');
    const audit = await swedish(['audit', lookalikes, '--customers', join(lookalikes, 'customers.csv')]);
    expect(audit.status).toBe(1);
    expect(audit.lines).toContain('(kyrillisk U+0430)');
    for (const run of [cyrillic, greek, audit]) expect(run.lines).not.toMatch(/Cyrillic|Greek/);
  });

  it('refuses an --out over the input file and an --out that is no folder in Swedish', async () => {
    const customers = join(dir.path, 'kunder.csv');
    writeFileSync(customers, crmExport(5).csv);
    const over = await swedish(['customers', 'check', customers, '--out', customers]);
    expect(over.status).toBe(2);
    expect(over.lines).toContain('är indatafilen');
    expect(englishIn(over.lines), over.lines).toEqual([]);
    const file = join(dir.path, 'fil.txt');
    writeFileSync(file, 'x');
    const notFolder = await swedish([
      'incident',
      '--message',
      file,
      '--intended',
      'a@b.se',
      '--actual',
      'a@c.se',
      '--facts',
      file,
      '--out',
      file,
    ]);
    expect(notFolder.status).toBe(3);
    expect(notFolder.lines).toContain('ingen mapp');
  });

  it('has a Swedish description for every command, argument and option in --help', () => {
    const english: string[] = [];
    const walk = (command: Command) => {
      const texts = [
        command.description(),
        ...command.options.map((option) => option.description),
        ...command.registeredArguments.map((argument) => argument.description),
      ];
      for (const text of texts) if (text && swedishHelp[text] === undefined) english.push(text);
      command.commands.forEach(walk);
    };
    walk(createProgram(processContext()));
    expect(english).toEqual([]);
  });

  it('keeps English as the default and the JSON keys in English', async () => {
    const run = await runCliInProcess(['customers', 'check', brokenCsv()]);
    expect(run.stderr + run.stdout).toContain('is not a usable address');
    const json = await runCliInProcess(['customers', 'check', brokenCsv(), '--json', '--locale', 'sv']);
    expect(Object.keys(JSON.parse(json.stdout))).toEqual([
      'file',
      'rows',
      'customers',
      'rowsNotRead',
      'customersWithFindings',
      'summary',
      'findings',
    ]);
  });
});
