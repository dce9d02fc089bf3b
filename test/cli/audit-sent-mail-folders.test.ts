import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hit } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

/** A sent confirmation to `to`, with the Message-ID `<id@butiken.se>`. */
function message(id: string, to: string): string {
  return [
    'From: Butiken AB <order@butiken.se>',
    `To: ${to}`,
    'Subject: Order',
    'Date: Sat, 07 Nov 2026 16:17:03 +0000',
    `Message-ID: <${id}@butiken.se>`,
    '',
    'Tack för din order.',
    '',
  ].join('\r\n');
}

function writeCustomers(): string {
  const file = join(dir.path, 'kunder.csv');
  writeFileSync(
    file,
    'id;name;email\nK1;Erik Lind;erik.lind@telia.com\nK2;Lena Nilsson;lena.nilsson@gmail.com\n',
  );
  return file;
}

async function audit(path: string, ...more: string[]) {
  const run = await runCliInProcess(['audit', path, '--customers', writeCustomers(), '--json', ...more]);
  return {
    ...run,
    result: JSON.parse(run.stdout || '{}') as { messages: number; unreadable: number; hits: Hit[] },
  };
}

describe('email-guard audit: a folder named like a message', () => {
  it('reads a folder named x.eml as the folder of messages it is, not as an unreadable message', async () => {
    const sent = join(dir.path, 'sent');
    mkdirSync(join(sent, 'november.eml'), { recursive: true });
    writeFileSync(join(sent, 'a.eml'), message('a', 'erik.lind@telia.com'));
    writeFileSync(join(sent, 'november.eml', 'b.eml'), message('b', 'lena.nilson@gmail.com'));
    const run = await audit(sent);
    expect(run.stderr).toBe('');
    expect(run.result).toMatchObject({ messages: 2, unreadable: 0 });
    expect(run.result.hits.map((hit) => [hit.messageId, hit.recipient])).toEqual([
      ['<b@butiken.se>', 'lena.nilson@gmail.com'],
    ]);
  });

  it('reads an empty folder named x.eml as no message, and the audit is clean', async () => {
    const sent = join(dir.path, 'sent');
    mkdirSync(join(sent, 'empty.eml'), { recursive: true });
    writeFileSync(join(sent, 'a.eml'), message('a', 'erik.lind@telia.com'));
    const run = await audit(sent);
    expect(run.stderr).toBe('');
    expect(run.result).toMatchObject({ messages: 1, unreadable: 0, hits: [] });
    expect(run.status).toBe(0);
  });
});

describe('email-guard audit: a named pipe named like a message', () => {
  it('names it and reads the rest, without waiting for something to write into it', async () => {
    const sent = join(dir.path, 'sent');
    mkdirSync(sent);
    writeFileSync(join(sent, 'a.eml'), message('a', 'lena.nilson@gmail.com'));
    execFileSync('mkfifo', [join(sent, 'pipe.eml')]);
    const run = await audit(sent);
    expect(run.stderr).toBe(
      `${join(sent, 'pipe.eml')}: skipped: a folder or other entry, not a message file\n`,
    );
    expect(run.result).toMatchObject({ messages: 2, unreadable: 1 });
    expect(run.result.hits).toHaveLength(1);
  });
});

describe('email-guard audit: a Maildir’s tmp/ folder', () => {
  it('does not read tmp/, where a message is still being written, and says how many files it left there', async () => {
    const maildir = join(dir.path, 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, '.Sent', sub), { recursive: true });
    writeFileSync(join(maildir, '.Sent', 'cur', '1.host:2,S'), message('a', 'erik.lind@telia.com'));
    writeFileSync(join(maildir, '.Sent', 'tmp', '2.host'), message('b', 'lena.nilson@gmail.com'));
    for (const locale of ['en', 'sv'] as const) {
      const run = await audit(maildir, '--locale', locale);
      expect(run.result).toMatchObject({ messages: 1, hits: [] });
      expect(run.stderr.trim().split('\n')).toEqual([
        locale === 'en'
          ? `${join(maildir, '.Sent', 'tmp')}: 1 file not read: tmp/ holds messages still being written (Maildir), not mail that was sent`
          : `${join(maildir, '.Sent', 'tmp')}: 1 fil lästes inte: tmp/ rymmer meddelanden som fortfarande skrivs (Maildir), inte skickad post`,
      ]);
      // Nothing the audit read is wrong: the note does not make it a finding.
      expect(run.status).toBe(0);
    }
  });

  it('says so in the command’s help', async () => {
    const help = await runCliInProcess(['audit', '--help']);
    expect(help.stdout).toContain('tmp/');
  });
});
