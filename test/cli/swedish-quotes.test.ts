import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport, writeLines } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Swedish quotes with ” on both sides (Språkrådet, Svenska skrivregler, on citattecken; the library's own
// Swedish findings do: ”oskar.wallin4637”), never “…”, „…” or the typewriter's "…". JSON and the
// shell examples of --help keep their straight quotes: they are to be typed as they stand.
const dir = useTempDir({ scope: 'file' });
const fixture = usePipelineFixture();
const source = (file: string) => readFileSync(resolve(__dirname, '../../src', file), 'utf8');

/** The Swedish half of a message table (from its `sv:` to the end of the file, or to `end`). */
function swedishHalf(file: string, end?: string): string {
  const text = source(file);
  const start = text.indexOf('\n  sv: {\n');
  expect(start).toBeGreaterThan(0);
  return text.slice(start, end === undefined ? undefined : text.indexOf(end));
}

/** Each line with quotes that are not `”`: JSON (`{"id": …}`) and `--reason "…"` left out. */
function wrongQuotes(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .map((line) => line.replace(/\{"[^}]*\}|\("id": "…"\)/g, '').replace(/--reason "[^"]*"/g, ''))
    .filter((line) => /[“„"]/.test(line));
}

describe('quotes in the Swedish lines of the command', () => {
  it('are ” on both sides in the Swedish message table', () => {
    expect(wrongQuotes(swedishHalf('cli/cli-texts.ts', '\n} satisfies Record<CliLocale'))).toEqual([]);
  });

  it('are ” on both sides in the Swedish problems of a customer export, which customers check prints', () => {
    expect(wrongQuotes(swedishHalf('contacts/load-problem-texts.ts'))).toEqual([]);
  });

  it("are ” on both sides in the Swedish wording of a facts file's fields", () => {
    const swedish = source('incident/describe-input-issues.ts')
      .split('\n')
      .filter((line) => /menade du|okänt fält/.test(line));
    expect(swedish.length).toBeGreaterThan(0);
    expect(wrongQuotes(swedish.join('\n'))).toEqual([]);
  });

  it('quotes a value the user gave with ” in what the built command prints', async () => {
    const customers = join(dir.path, 'kunder.csv');
    const run = await runBuiltCli(
      [
        'audit',
        resolve(__dirname, '../../examples/data'),
        '--customers',
        customers,
        '--since',
        'igår',
        '--locale',
        'sv',
      ],
      { cwd: dir.path },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--since: ”igår” är inget datum');
  });
  it('quotes a birth date, a country or a name from the export with ” in what customers check prints', async () => {
    const customers = writeLines(dir.path, 'kunder.ndjson', [
      '{"id":"K-1","name":"Anna Berg","emails":["anna.berg@telia.com"],"birthDate":"1985-13-45"}',
      '{"id":"K-2","emails":["erik.lind@telia.com"],"country":"Sverige"}',
      '{"id":"K-3","emails":["karin.ek@telia.com"],"name":1985}',
    ]);
    const run = await runBuiltCli(['customers', 'check', customers, '--locale', 'sv'], { cwd: dir.path });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('födelsedatumet ”1985-13-45” är inget datum');
    expect(run.stdout).toContain('”Sverige” är ingen landskod');
    // A value that is no text is shown as the JSON it was.
    expect(run.stdout).toContain('namn 1985 är inte text');
    const reasons = run.stdout.split('\n').filter((line) => line.startsWith(customers));
    expect(wrongQuotes(reasons.join('\n'))).toEqual([]);
  });

  it('quotes the recipients of a refused release with ” in what the built command prints', async () => {
    const typo = 'anna.svensson185@gmail.com';
    const id = await holdMessage(fixture, typo);
    const release = (to: string) =>
      runBuiltCli(
        releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), ['--to', to, '--locale', 'sv']),
        { cwd: fixture.dir },
      );
    // The address it was held for, given again: the finding that held it stands.
    const stands = await release(typo);
    expect(stands.status).toBe(1);
    expect(stands.stderr).toContain(`${id} ligger kvar: mottagaren ”${typo}” stoppad (`);
    const notOne = await release(`Anna <${typo}>`);
    expect(notOne.status).toBe(2);
    expect(notOne.stderr).toContain(`--to: mottagare 1 (”Anna <${typo}>”) är inte en ensam adress`);
    for (const run of [stands, notOne]) expect(wrongQuotes(run.stderr)).toEqual([]);
    expect(fixture.sink.received).toHaveLength(0);
  });
});
