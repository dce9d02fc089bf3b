import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

describe('the command line under --locale sv', () => {
  it('says "1 träff" of one hit, and names the export\'s problems once, on stderr', async () => {
    const customers = join(dir.path, 'kunder.csv');
    writeFileSync(
      customers,
      'id;name;email\nK-1;Anna Svensson;anna.svensson1985@gmail.com\nK-2;Erik;erik(at)telia.com\n',
    );
    mkdirSync(join(dir.path, 'sent'), { recursive: true });
    writeFileSync(
      join(dir.path, 'sent', 'order.eml'),
      'From: order@butiken.se\r\nTo: anna.svensson185@gmail.com\r\nSubject: Order\r\nMessage-ID: <o@butiken.se>\r\n\r\nHej!\r\n',
    );
    const run = await runCliInProcess([
      'audit',
      join(dir.path, 'sent'),
      '--customers',
      customers,
      '--locale',
      'sv',
    ]);
    expect(run.stdout).toContain(': 1 meddelande läst, 0 före --since, 0 oläsbara, 1 träff.');
    const problem = `${customers}:3:`;
    expect(run.stderr.split(problem)).toHaveLength(2);
    expect(run.stdout).not.toContain(problem);
  });

  it('says what the --time-zone default is with "förval:", as the other options do', async () => {
    for (const command of [['audit'], ['incident'], ['holds', 'list']]) {
      const run = await runCliInProcess([...command, '--help', '--locale', 'sv']);
      const help = run.stdout.replace(/\s+/g, ' ');
      expect(help, command.join(' ')).toContain('(förval: ');
      expect(help, command.join(' ')).not.toContain('standard:');
    }
  });

  it('says what a look-alike letter is without the word ASCII', async () => {
    const file = join(dir.path, 'lookalike.csv');
    writeFileSync(file, 'id;name;email\nK-1;Olle Ek;olle.ek@gm\u0430il.com\n');
    const run = await runCliInProcess(['customers', 'check', file, '--locale', 'sv']);
    expect(run.stdout).toContain('som ser ut som vanliga bokstäver a–z');
    expect(run.stdout).not.toContain('ASCII');
  });
});
