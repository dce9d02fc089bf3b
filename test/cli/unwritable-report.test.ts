import { chmodSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import {
  SEED_INCIDENT_FACTS,
  SEED_MESSAGE,
  seedIncidentArgs,
  writeDraftFacts,
} from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, trial: a report asked for where nothing can be written gave a stack trace naming the
// temporary file, and exit code 70. Run as root, permissions do not stop a write: a path through a
// file (`<file>/x/rapport.html`) fails for every user, so it stands in for the read-only folder.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

const CUSTOMERS = 'Kundnr;Namn;E-post\nK-1;Anna Ek;anna.ek@gmail.com\nK-2;Per Ek;per(at)ek.se\n';

function inputs() {
  const customers = join(dir.path, 'kunder.csv');
  writeFileSync(customers, CUSTOMERS);
  mkdirSync(join(dir.path, 'sent'), { recursive: true });
  writeFileSync(
    join(dir.path, 'sent', 'a.eml'),
    'From: order@butiken.se\r\nTo: anna.ek@gmial.com\r\nDate: Mon, 30 Nov 2026 10:00:00 +0100\r\nMessage-ID: <a@butiken.se>\r\nX-Customer-Id: K-1\r\n\r\nx\r\n',
  );
  // A file where the report's folder should be.
  const blocker = join(dir.path, 'blocker');
  writeFileSync(blocker, 'a file, not a folder\n');
  return { customers, sent: join(dir.path, 'sent'), blocker };
}

/** One line naming the report, why, and that nothing was written; no stack, no temporary file. */
function expectOneLine(stderr: string, path: string, reason: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toEqual([`email-guard: ${path}: ${reason}`]);
  expect(stderr).not.toContain('.tmp');
}

describe('a report that cannot be written', () => {
  it('is said in one line naming the report, in the locale, with exit 3, before the export is read', async () => {
    const { customers, blocker } = inputs();
    const out = join(blocker, 'x', 'rapport.html');
    const run = await runBuiltCli(['customers', 'check', customers, '--out', out, '--locale', 'sv'], {
      cwd: dir.path,
    });
    expect(run.status).toBe(3);
    // The export's unreadable row (K-2) is not named: the report was checked before it was read.
    expectOneLine(
      run.stderr,
      out,
      'kan inte skrivas: en del av sökvägen är en fil, inte en mapp; inget skrevs där',
    );
  });

  it('refuses audit --out and --incidents before any mail is read', async () => {
    const { customers, sent, blocker } = inputs();
    const out = join(blocker, 'rapport.json');
    const audit = await runBuiltCli(['audit', sent, '--customers', customers, '--out', out], {
      cwd: dir.path,
    });
    expect(audit.status).toBe(3);
    expectOneLine(
      audit.stderr,
      out,
      'cannot be written: a file stands where its folder should be; nothing was written there',
    );
    const drafts = join(blocker, 'utkast');
    const facts = writeDraftFacts(dir.path, 'facts.json');
    const audited = await runBuiltCli(
      ['audit', sent, '--customers', customers, '--incidents', drafts, '--facts', facts, '--locale', 'sv'],
      { cwd: dir.path },
    );
    expect(audited.status).toBe(3);
    expect(audited.stderr.trim().split('\n').at(-1)).toBe(
      `email-guard: ${drafts}: kan inte skrivas: en del av sökvägen är en fil, inte en mapp; inget skrevs där`,
    );
    expect(audited.stderr).not.toContain('    at ');
  });

  it('refuses incident --out before the report is made', async () => {
    const { blocker } = inputs();
    const folder = join(dir.path, 'incident-case');
    mkdirSync(folder, { recursive: true });
    copyFileSync(SEED_MESSAGE, join(folder, 'sent.eml'));
    writeFileSync(join(folder, 'facts.json'), JSON.stringify(SEED_INCIDENT_FACTS));
    const args = seedIncidentArgs(folder);
    const out = join(blocker, 'incident');
    args[args.indexOf('--out') + 1] = out;
    const run = await runBuiltCli(args, { cwd: dir.path });
    expect(run.status).toBe(3);
    expectOneLine(
      run.stderr,
      out,
      'cannot be written: a part of the path is a file, not a folder; nothing was written there',
    );
  });

  it.skipIf(process.getuid?.() === 0)('names a folder without write permission as such', async () => {
    const { customers } = inputs();
    const readOnly = join(dir.path, 'ro');
    mkdirSync(readOnly, { recursive: true });
    chmodSync(readOnly, 0o555);
    try {
      const out = join(readOnly, 'rapport.html');
      const run = await runBuiltCli(['customers', 'check', customers, '--out', out], { cwd: dir.path });
      expect(run.status).toBe(3);
      expectOneLine(
        run.stderr,
        out,
        'cannot be written: permission denied (the folder is not writable for this user); nothing was written there',
      );
      expect(readdirSync(readOnly)).toEqual([]);
    } finally {
      chmodSync(readOnly, 0o755);
    }
  });
});
