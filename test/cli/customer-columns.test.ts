import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Trial 13: the advice for a column not read named a `columns` option the command did not have,
// and a UTF-16 file without a byte order mark was answered with a dump of its header.
const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

const EXPORT = 'Kund;Adress\nK-1;anna.svensson@gmail.com\nK-2;erik.lind@hotmial.se\n';

function write(name: string, content: string | Buffer): string {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
}

describe('--columns: the header of each customer field, as the export writes it', () => {
  it('reads an export whose headers are none of the known names, as the built command', async () => {
    const file = write('kund.csv', EXPORT);
    const run = await runBuiltCli(
      ['customers', 'check', file, '--columns', 'id=Kund,email=Adress', '--json'],
      {
        cwd: dir.path,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { customerId: string; kind: string }[] };
    expect(report.findings.map((finding) => [finding.customerId, finding.kind])).toEqual([
      ['K-2', 'domain-typo'],
    ]);
  });

  it('names --columns in the advice, never an option the command does not have, in English and Swedish', async () => {
    const file = write('kund-advice.csv', EXPORT);
    for (const locale of ['en', 'sv'] as const) {
      const run = await runCliInProcess(['customers', 'check', file, '--locale', locale]);
      expect(run.status).toBe(3);
      expect(run.stderr).toContain('--columns id=Kund');
      expect(run.stderr).not.toMatch(/columns option|alternativet columns|\{ columns/);
    }
    const noEmail = await runCliInProcess(['customers', 'check', file, '--columns', 'id=Kund']);
    expect(noEmail.stdout + noEmail.stderr).toContain('--columns');
    expect(noEmail.stdout + noEmail.stderr).not.toMatch(/columns option|\{ columns/);
  });

  it('takes --columns in audit too', async () => {
    const file = write('kund-audit.csv', EXPORT);
    const mail = join(dir.path, 'sent');
    mkdirSync(mail, { recursive: true });
    writeFileSync(
      join(mail, 'a.eml'),
      'From: order@butiken.se\r\nTo: anna.svenson@gmail.com\r\nDate: Mon, 01 Jan 2024 10:00:00 +0000\r\nMessage-ID: <a@x>\r\n\r\nTack\r\n',
    );
    const run = await runCliInProcess([
      'audit',
      mail,
      '--customers',
      file,
      '--columns',
      'id=Kund,email=Adress',
      '--json',
    ]);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { hits: { customerId: string }[] }).hits[0]?.customerId).toBe('K-1');
  });

  it('refuses a field it does not know with exit 2, naming the fields it takes', async () => {
    const file = write('kund-bad.csv', EXPORT);
    const run = await runCliInProcess(['customers', 'check', file, '--columns', 'kund=Kund']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--columns');
    expect(run.stderr).toContain('emails');
  });
});

describe('a UTF-16 export without a byte order mark', () => {
  it('gets one line naming the encoding, in English and Swedish', async () => {
    const text = 'Kundnummer;Namn;E-post\r\nK-1;Anna Svensson;anna.svensson@gmail.com\r\n';
    const little = write('utf16le.csv', Buffer.from(text, 'utf16le'));
    const big = write('utf16be.csv', Buffer.from(text, 'utf16le').swap16());
    for (const [file, name] of [
      [little, 'UTF-16LE'],
      [big, 'UTF-16BE'],
    ] as const) {
      for (const locale of ['en', 'sv'] as const) {
        const run = await runCliInProcess(['customers', 'check', file, '--locale', locale]);
        expect(run.status).toBe(3);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(name);
        expect(lines[0]).not.toContain('\u0000');
      }
    }
  });
});
