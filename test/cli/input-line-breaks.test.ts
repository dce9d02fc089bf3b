import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_INCIDENT_FACTS, SEED_MESSAGE } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// A line that input forges: a file name, an address or a CRM field with a line break, a carriage
// return or a terminal escape in it must not start a line of its own on stdout or stderr.
// biome-ignore lint/suspicious/noControlCharactersInRegex: a control character opening a line is what is looked for.
const FORGED = /^(forged|\u001b|\r)/m;

describe('line breaks and control characters taken from input', () => {
  it('keeps each stderr line of audit on one line, whatever the file names hold', async () => {
    const customers = join(dir.path, 'kunder\nforged.csv');
    writeFileSync(
      customers,
      'id;name;email\nK1;Erik Lind;erik.lind@telia.com\nK2;Lena;"lena\nforged@x.se"\n',
    );
    const sent = join(dir.path, 'sent\nforged');
    mkdirSync(sent);
    writeFileSync(join(sent, 'empty\nforged line\r\u001b[2J.eml'), '');
    writeFileSync(
      join(sent, 'b.eml'),
      'From: order@butiken.se\r\nTo: erik.lind@telia.com\r\nMessage-ID: <b@x>\r\nX-Customer-Id: K9\nforged\r\n\r\nx\r\n',
    );
    for (const more of [[], ['--json'], ['--locale', 'sv']]) {
      const run = await runCliInProcess(['audit', sent, '--customers', customers, ...more]);
      expect(run.stderr).not.toMatch(FORGED);
      expect(run.stdout).not.toMatch(FORGED);
    }
    const run = await runCliInProcess(['audit', sent, '--customers', customers]);
    expect(run.stderr).toContain('empty\\x0aforged line\\x0d\\x1b[2J.eml: the file is empty');
    expect(run.stderr).toContain('kunder\\x0aforged.csv');
  });

  it('keeps each stderr line of customers check on one line', async () => {
    const customers = join(dir.path, 'kunder\nforged.csv');
    writeFileSync(
      customers,
      'id;name;email\nK1;Erik Lind;erik.lind@telia.com\n"K2\nforged";Lena;lena@x.se;extra\n',
    );
    const run = await runCliInProcess(['customers', 'check', customers, '--json']);
    expect(run.stderr).not.toMatch(FORGED);
  });

  it('keeps a usage error about an option from the command line on one line', async () => {
    const run = await runCliInProcess(['audit', 'sent', '--customers', 'x.csv', '--bogus\nforged']);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(FORGED);
    expect(run.stderr).toContain('--bogus\\x0aforged');
  });

  it('prints what check says of an address on one line, whatever the export holds', async () => {
    const customers = join(dir.path, 'kunder.csv');
    writeFileSync(
      customers,
      // The id holds the line break: a name holding one is not loaded (load-customers-nothing-dropped).
      'id;name;email\nK1;Erik Lind;erik.lind@telia.com\n"K2\nforged\u001b[2J";Lena;lena.nilsson@gmail.com\n',
    );
    for (const address of ['lena.nilsson@gmail.com', 'lena.nilson@gmail.com']) {
      const run = await runCliInProcess(['check', address, '--customer-id', 'K1', '--customers', customers]);
      expect(run.stdout).not.toMatch(FORGED);
      expect(run.stdout).toContain('K2\\x0aforged\\x1b[2J');
      expect(run.stdout + run.stderr).not.toContain('\u001b');
    }
  });

  it('names a recipient field of sent mail that holds a control character, which the address reader drops', async () => {
    const customers = join(dir.path, 'kunder.csv');
    writeFileSync(customers, 'id;name;email\nK2;Lena Nilsson;lena.nilsson@gmail.com\n');
    const sent = join(dir.path, 'sent');
    mkdirSync(sent);
    writeFileSync(
      join(sent, 'nul.eml'),
      'From: order@butiken.se\r\nTo: lena.nil\u0000son@gmail.com\r\nMessage-ID: <nul@x>\r\n\r\nx\r\n',
    );
    const run = await runCliInProcess(['audit', sent, '--customers', customers, '--json']);
    expect(run.stderr).toBe(
      `${join(sent, 'nul.eml')}: the To field holds a control character (RFC 5322 §3.2.3 allows none in an address), read without it: "lena.nil\\x00son@gmail.com"\n`,
    );
    const result = JSON.parse(run.stdout) as { unreadable: number; hits: { recipient: string }[] };
    expect(result.unreadable).toBe(1);
    expect(result.hits.map((hit) => hit.recipient)).toEqual(['lena.nilson@gmail.com']);
  });

  it('keeps each file line of incident on one line, whatever the --out folder is named', async () => {
    const folder = join(dir.path, 'case');
    mkdirSync(folder);
    writeFileSync(join(folder, 'facts.json'), JSON.stringify(SEED_INCIDENT_FACTS));
    const out = join(folder, 'rapport\nforged');
    const run = await runCliInProcess([
      'incident',
      '--message',
      SEED_MESSAGE,
      '--intended',
      'anna.svensson1985@gmail.com',
      '--actual',
      'anna.svensson185@gmail.com',
      '--facts',
      join(folder, 'facts.json'),
      '--out',
      out,
    ]);
    expect(run.stdout).not.toMatch(FORGED);
    expect(run.stdout).toContain('rapport\\x0aforged');
  });
});
