import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeDraftFacts } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Inputs of a user trial of the command (issue 13): a Swedish CRM export with planted problems,
// and the sent mail it was audited against.
const fixtures = resolve(__dirname, '../fixtures/audit');
const customers = join(fixtures, 'crm.csv');
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

interface Hit {
  messageId?: string;
  recipient: string;
  customerId?: string;
  intended?: string;
  finding: string;
}

async function audit(path: string, ...more: string[]) {
  const run = await runBuiltCli(['audit', path, '--customers', customers, '--json', ...more], {
    cwd: dir.path,
  });
  return { ...run, result: run.status === 0 || run.status === 1 ? JSON.parse(run.stdout) : undefined };
}

describe('email-guard audit on the trial inputs', () => {
  it("flags mail to a customer's own stored address at a mistyped provider as domain-typo", async () => {
    const run = await audit(join(fixtures, 'typo'));
    expect(run.status).toBe(1);
    const hits = (run.result as { hits: Hit[] }).hits;
    for (const messageId of ['<m09@butiken.se>', '<m09c@butiken.se>']) {
      expect(hits.find((hit) => hit.messageId === messageId)).toMatchObject({
        recipient: 'karin.berg@hotmial.se',
        customerId: 'C-02',
        intended: 'karin.berg@hotmail.se',
        finding: 'domain-typo',
      });
    }
  });

  it("flags mail to a typo saved as a same-named customer's duplicate record, with the address it fits", async () => {
    // Trial 13: C-6 `anna.svensson185@gmail.com` is C-1's `anna.svensson1985@gmail.com` with a
    // slip, saved as a second record of Anna Svensson, born 1985; mail to it gave 0 hits.
    const duplicate = join(fixtures, 'duplicate');
    const run = await runBuiltCli(
      ['audit', join(duplicate, 'sent'), '--customers', join(duplicate, 'customers.csv'), '--json'],
      { cwd: dir.path },
    );
    expect(run.status).toBe(1);
    const hits = (JSON.parse(run.stdout) as { hits: (Hit & { reason: string })[] }).hits;
    // Mail to C-1's own address, which carries her birth year, is no hit.
    expect(hits.map((hit) => hit.messageId)).toEqual(['<d1@butiken.se>', '<d3@butiken.se>']);
    for (const hit of hits) {
      expect(hit).toMatchObject({
        recipient: 'anna.svensson185@gmail.com',
        customerId: 'C-1',
        intended: 'anna.svensson1985@gmail.com',
        finding: 'near-miss-other-customer',
      });
      expect(hit.reason).toContain('C-6');
      expect(hit.reason).toContain('duplicate');
    }
  });

  it('reads the sent mail of a Maildir++ in its subfolders (.Sent/cur)', async () => {
    const run = await audit(join(fixtures, 'maildirpp'));
    expect(run.status).toBe(1);
    expect(run.result).toMatchObject({ kind: 'maildir', messages: 1 });
    expect((run.result as { hits: Hit[] }).hits[0]).toMatchObject({
      recipient: 'anna.svensson185@gmail.com',
      finding: 'near-miss',
    });
  });

  it('reads a single .eml file as one message', async () => {
    const run = await audit(join(fixtures, 'typo', 'm09-nodate.eml'));
    expect(run.status).toBe(1);
    expect(run.result).toMatchObject({ kind: 'eml-file', messages: 1 });
  });

  it('answers exit 3 naming the folder and what was expected when it holds no mail it can read', async () => {
    const empty = join(dir.path, 'empty');
    mkdirSync(empty, { recursive: true });
    for (const folder of [empty, join(fixtures, 'noext')]) {
      const run = await audit(folder);
      expect(run.status).toBe(3);
      expect(run.stderr).toContain(folder);
      expect(run.stderr).toContain('.eml');
      expect(run.stderr).toContain('Maildir');
    }
  });

  it('starts an mbox message only at a From_ line after an empty line, not at a body line "From here on"', async () => {
    for (const mbox of ['sent.mbox', 'sent-crlf.mbox']) {
      const run = await audit(join(fixtures, mbox));
      const result = run.result as { messages: number; hits: Hit[] };
      expect(result.messages, mbox).toBe(12);
      expect(
        result.hits.filter((hit) => hit.messageId === undefined),
        mbox,
      ).toEqual([]);
    }
    const lines = [
      'From order@butiken.se Mon Jun  2 10:00:00 2025',
      'From: order@butiken.se',
      'To: bjorn.holm@telia.com',
      'Message-ID: <m1@butiken.se>',
      '',
      'Hej!',
      '',
      'From here on we ship fast.',
      'From: x',
      'To: anna.svensson185@gmail.com',
      '',
      '>From the mboxrd quoting: a body line.',
      '',
      'From order@butiken.se Mon Jun  2 10:05:00 2025',
      'From: order@butiken.se',
      'To: pelle@gustafsson.se',
      'Message-ID: <m2@butiken.se>',
      '',
      'Tack.',
      '',
    ];
    for (const newline of ['\n', '\r\n']) {
      const file = join(dir.path, `body-from${newline.length}.mbox`);
      writeFileSync(file, lines.join(newline));
      const run = await audit(file);
      expect(run.result, JSON.stringify(newline)).toMatchObject({ messages: 2, hits: [] });
      expect(run.status).toBe(0);
    }
  });
});

// Trial 13: a folder among the sent mail.
describe('email-guard audit: a folder named like a message', () => {
  for (const locale of ['en', 'sv'] as const)
    it(`reads the folder as a folder, not as a message it cannot read, and the rest (${locale})`, async () => {
      const sent = join(dir.path, `sent-${locale}`);
      cpSync(join(fixtures, 'typo'), sent, { recursive: true });
      mkdirSync(join(sent, 'dir.eml'));
      const run = await runBuiltCli(['audit', sent, '--customers', customers, '--json', '--locale', locale], {
        cwd: dir.path,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).not.toMatch(/EISDIR|\n\s+at /);
      expect(run.stderr).not.toContain('dir.eml');
      const result = JSON.parse(run.stdout) as {
        messages: number;
        unreadable: number;
        hits: { messageId?: string }[];
      };
      expect(result.unreadable).toBe(0);
      expect(result.hits.map((hit) => hit.messageId).sort()).toEqual([
        '<m09@butiken.se>',
        '<m09c@butiken.se>',
      ]);
    });
});

// Trial 13: overlapping archives, an mbox holding the same messages 200 times.
describe('email-guard audit: the same message read many times', () => {
  // Three runs of the built command, two over 200 copies of the archive: seconds each on a loaded
  // machine, so a timeout of its own.
  it('gives one hit, one draft and one notice per Message-ID and recipient, and says how many copies were read', async () => {
    const once = readFileSync(join(fixtures, 'sent.mbox'), 'utf8');
    const mbox = join(dir.path, 'overlapping.mbox');
    writeFileSync(mbox, `${once.trimEnd()}\n\n`.repeat(200));
    const facts = writeDraftFacts(dir.path, 'facts.json');
    const singleDrafts = join(dir.path, 'single-drafts');
    const single = await audit(join(fixtures, 'sent.mbox'), '--incidents', singleDrafts, '--facts', facts);
    const singleHits = (single.result as { hits: Hit[] }).hits;
    expect(singleHits.length).toBeGreaterThan(1);
    const drafts = join(dir.path, 'overlapping-drafts');
    const run = await audit(mbox, '--incidents', drafts, '--facts', facts);
    expect(run.status, run.stderr).toBe(1);
    const result = run.result as { messages: number; hits: (Hit & { copies?: number })[] };
    expect(result.messages).toBe(200 * (single.result as { messages: number }).messages);
    expect(result.hits.map(({ messageId, recipient }) => `${messageId} ${recipient}`)).toEqual(
      singleHits.map(({ messageId, recipient }) => `${messageId} ${recipient}`),
    );
    for (const hit of result.hits) expect(hit.copies).toBe(200);
    const files = readdirSync(drafts);
    expect(files).toEqual(readdirSync(singleDrafts));
    expect(files.filter((file) => file.endsWith('-notice.eml')).length).toBeGreaterThan(0);
    const printed = await runBuiltCli(['audit', mbox, '--customers', customers, '--locale', 'sv'], {
      cwd: dir.path,
    });
    expect(printed.stdout).toContain(
      `${199 * singleHits.length} kopior av meddelanden som redan lästs (samma Message-ID och mottagare) räknas med det första`,
    );
    expect(printed.stdout).toContain(`${mbox}:1 (läst 200 gånger)`);
  }, 120_000);
});
