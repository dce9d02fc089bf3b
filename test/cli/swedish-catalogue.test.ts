import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTexts } from '../../src/cli/cli-texts.js';
import { swedishHelp } from '../../src/cli/swedish-help.js';
import { writeCustomerExport, writeDraftFacts } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { startServer } from '../support/started-server.js';

const fixture = usePipelineFixture();

/** Stands in for each argument of a catalogue entry that takes some: the text around it is fixed. */
const HOLE = '\u241f';

/**
 * The fixed pieces of text an entry of a catalogue prints: the entry itself, or what a function
 * entry writes around its arguments, cut at each argument and line.
 */
function pieces(entry: unknown): string[] {
  if (typeof entry === 'string') return entry.split(/[\n\u241f]/).map((piece) => piece.trim());
  if (typeof entry === 'function')
    return pieces((entry as (...args: string[]) => string)(...Array<string>(entry.length).fill(HOLE)));
  if (entry !== null && typeof entry === 'object') return Object.values(entry).flatMap(pieces);
  return [];
}

/** The fixed pieces of the Swedish catalogue: an example command line, an option name, a JSON key. */
const swedish = new Set(pieces(cliTexts.sv));

/** Whether a piece of text is prose a reader would read (two words or more), not a name or a number. */
const prose = (piece: string) =>
  !swedish.has(piece) && piece.length >= 8 && /[a-z]{2,} [a-z]{2,}/i.test(piece);

/**
 * The English texts of the command's catalogues that a reader of `--locale sv` must not see: each
 * piece of cliTexts.en and each English description of swedish-help.ts, less the pieces the Swedish
 * catalogue prints too and the ones too short to tell.
 */
const english = [...new Set([...pieces(cliTexts.en), ...Object.keys(swedishHelp)])].filter(prose);

/**
 * The English in a run's output under `--locale sv`: the pieces of the English catalogue, and the
 * lines the same run prints in English unchanged (English written outside any catalogue).
 */
function englishIn(output: string, inEnglish = ''): string[] {
  const lines = new Set(output.split('\n').map((line) => line.trim()));
  const unchanged = inEnglish
    .split('\n')
    .map((line) => line.trim())
    // An example command line is typed the same in either language.
    .filter((line) => prose(line) && !line.startsWith('$ ') && lines.has(line));
  return [...english.filter((piece) => output.includes(piece)), ...unchanged];
}

async function expectSwedish(args: string[], status: number): Promise<void> {
  const run = await runCliInProcess([...args, '--locale', 'sv']);
  const en = await runCliInProcess([...args, '--locale', 'en']);
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, `${args.join(' ')}\n${output}`).toBe(status);
  expect(output.trim(), args.join(' ')).not.toBe('');
  expect(englishIn(output, `${en.stdout}\n${en.stderr}`), `${args.join(' ')}\n${output}`).toEqual([]);
}

const customerFile = () => writeCustomerExport(fixture.dir, customers);

describe('--locale sv, against the English catalogue', () => {
  it('finds the English catalogue in the English help, so that it can fail', async () => {
    const run = await runCliInProcess(['holds', 'release', '--help']);
    expect(englishIn(run.stdout)).toContain(
      'Exit codes: 0 done, 1 held messages listed or a release refused, 2 usage error, 3 no such store or',
    );
  });

  it("holds every command's words in the catalogue: reports, bars, verdicts, incident and facts", () => {
    // Word tables kept beside a command escaped the checks below, which read the catalogue only.
    expect(english).toEqual(
      expect.arrayContaining([
        'checking customers',
        'reading messages',
        'Customer data check',
        "a shared or role mailbox, not a person's",
        'What it means',
        'phone script',
        'not a JSON object',
      ]),
    );
    expect(pieces(cliTexts.en)).toEqual(expect.arrayContaining(['confirm', 'Summary', 'notice']));
  });

  it('asks whether to discard a held message with the answers of its language', () => {
    // A Swedish reader was asked "[y/N]": ja is j.
    expect(cliTexts.sv.holds.question('h-1', 'stoppa', 'a@b.se')).toMatch(/\? \[j\/N\]$/);
    expect(cliTexts.en.holds.question('h-1', 'block', 'a@b.se')).toMatch(/\? \[y\/N\]$/);
  });

  it("finds the audit's and holds' English lines in the English catalogue, so that it can fail", async () => {
    const sent = join(fixture.dir, 'sent-en');
    mkdirSync(sent, { recursive: true });
    const mail = (to: string, id: string) =>
      `From: order@butiken.se\r\nTo: ${to}\r\nMessage-ID: <${id}@butiken.se>\r\nSubject: Order\r\n\r\nTack.\r\n`;
    writeFileSync(join(sent, 'a.eml'), mail('anna.svensson185@gmail.com', 'a'));
    writeFileSync(join(sent, 'b.eml'), mail('stranger@gmial.com', 'b'));
    const audit = await runCliInProcess(['audit', sent, '--customers', customerFile()]);
    expect(audit.status, audit.stderr).toBe(1);
    expect(englishIn(audit.stdout)).toEqual(
      expect.arrayContaining([
        'messages read,',
        'One slip from',
        ', the address of customer',
        'looks like a typo of',
      ]),
    );
    const store = join(fixture.dir, 'empty-store');
    mkdirSync(store, { recursive: true });
    const holds = await runCliInProcess(['holds', 'list', '--store', store]);
    expect(englishIn(holds.stdout)).toContain('no held messages');
  });

  it("prints every command's --help, its examples and exit codes included, without a line of English", async () => {
    for (const args of [
      [],
      ['check'],
      ['customers'],
      ['customers', 'check'],
      ['audit'],
      ['holds'],
      ['holds', 'list'],
      ['holds', 'show'],
      ['holds', 'release'],
      ['holds', 'discard'],
      ['incident'],
      ['serve'],
    ])
      await expectSwedish([...args, '--help'], 0);
  });

  it("words the audit's refusals of --since and --incidents, and the drafts it could not write, in Swedish", async () => {
    const customers = customerFile();
    const sent = join(fixture.dir, 'sent');
    mkdirSync(sent, { recursive: true });
    // A stranger at a mistyped domain: a hit with a likely address but no known customer.
    writeFileSync(
      join(sent, 'stranger.eml'),
      'From: order@butiken.se\r\nTo: stranger@gmial.com\r\nMessage-ID: <1@butiken.se>\r\nSubject: Order\r\n\r\nTack.\r\n',
    );
    const facts = writeDraftFacts(fixture.dir, 'facts.json');
    const used = join(fixture.dir, 'used');
    mkdirSync(used, { recursive: true });
    writeFileSync(join(used, '0001-report.md'), '# earlier\n');
    const audit = ['audit', sent, '--customers', customers];
    await expectSwedish([...audit, '--since', 'igår'], 2);
    await expectSwedish([...audit, '--incidents', join(fixture.dir, 'drafts')], 2);
    await expectSwedish([...audit, '--incidents', facts, '--facts', facts], 2);
    await expectSwedish([...audit, '--incidents', used, '--facts', facts], 2);
    await expectSwedish([...audit, '--incidents', join(fixture.dir, 'drafts'), '--facts', facts], 1);
  });

  it("words holds' refusal of an --smtp it cannot send through in Swedish", async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const release = (smtp: string) =>
      releaseArgs(fixture, id, customerFile(), ['--to', 'anna.svensson1985@gmail.com'], { smtp });
    await expectSwedish(release('smtp://127.0.0.1:9'), 4);
    await expectSwedish(release('smtp://127.0.0.1:http'), 2);
  });

  it("words serve's start-up refusals in Swedish", async () => {
    const customers = customerFile();
    for (const args of [
      ['--customers', customers, '--database', 'postgres://localhost/x'],
      ['--schema', 'kunder'],
      ['--port', '70000'],
      ['--host', '0.0.0.0'],
      ['--smtp', 'smtp://127.0.0.1:25'],
    ])
      await expectSwedish(['serve', ...args], 2);
    await expectSwedish(['serve', '--holds', join(fixture.dir, 'saknas')], 3);
  });

  it('words the lines serve prints as it starts, and the rows of its export it skipped, in Swedish', async () => {
    const file = join(fixture.dir, 'kunder.csv');
    writeFileSync(file, 'id,name,email,phone\nC-1,Anna,anna(at)x.se,\nC-2,Erik,erik@x.se,inget nummer\n');
    const server = await startServer(['--customers', file, '--locale', 'sv'], { EMAIL_GUARD_TOKEN: '' });
    try {
      expect(server.stderr()).toContain('lyssnar på http://');
      expect(englishIn(server.stderr()), server.stderr()).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('the audit summary in English', () => {
  it('writes one message and one hit in the singular', () => {
    expect(cliTexts.en.audit.read('sent/', 'eml-folder', 1, 0, 0, 1)).toBe(
      'sent/ (eml-folder): 1 message read, 0 before --since, 0 unreadable, 1 hit.',
    );
    expect(cliTexts.en.audit.read('sent/', 'eml-folder', 2, 0, 0, 3)).toBe(
      'sent/ (eml-folder): 2 messages read, 0 before --since, 0 unreadable, 3 hits.',
    );
  });
});
