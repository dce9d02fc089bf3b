import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeDraftFacts } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Trial 13f: Ctrl-C during `audit --incidents` left a hidden temporary file, and a partial set of
// drafts that nothing marked; the rerun was refused for "1 files" in a folder `ls` showed empty.
const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

function sentMail(count: number): string {
  const folder = join(dir.path, 'sent');
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++)
    writeFileSync(
      join(folder, `${String(index).padStart(4, '0')}.eml`),
      `From: order@butiken.se\r\nTo: erik.johansso@gmail.com\r\nSubject: Order ${index}\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\nMessage-ID: <${index}@butiken.se>\r\n\r\nHej!\r\n`,
    );
  return folder;
}

describe('audit --incidents stopped by a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'leaves no temporary file and marks the drafts incomplete on %s',
    async (signal, code) => {
      const customers = join(dir.path, 'customers.csv');
      writeFileSync(customers, 'Kundnummer;Namn;E-post\nK-12;Erik Johansson;erik.johansson@gmail.com\n');
      const facts = writeDraftFacts(dir.path, 'facts.json', { detectedAt: '2026-12-02T02:00:00Z' });
      const drafts = join(dir.path, 'drafts');
      const args = [
        'audit',
        sentMail(400),
        '--customers',
        customers,
        '--incidents',
        drafts,
        '--facts',
        facts,
      ];
      const child = spawn(process.execPath, [await builtCli(), ...args], { cwd: dir.path, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
      // Stopped once a few drafts are written, while more are being written.
      while (!existsSync(drafts) || readdirSync(drafts).filter((name) => name.endsWith('.eml')).length < 3)
        await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill(signal);
      expect(await exited).toBe(code);
      const left = readdirSync(drafts);
      expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(left).toContain('INCOMPLETE.txt');
    },
    120_000,
  );

  it('names the hidden files it counts when it refuses a used folder', async () => {
    const drafts = join(dir.path, 'used');
    mkdirSync(drafts);
    writeFileSync(join(drafts, '.0001-report.md.abc.tmp'), '');
    const customers = join(dir.path, 'customers.csv');
    writeFileSync(customers, 'Kundnummer;Namn;E-post\nK-12;Erik Johansson;erik.johansson@gmail.com\n');
    const facts = writeDraftFacts(dir.path, 'facts.json');
    const result = await runBuiltCli(
      ['audit', sentMail(1), '--customers', customers, '--incidents', drafts, '--facts', facts],
      { cwd: dir.path },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.0001-report.md.abc.tmp');
  });
});
