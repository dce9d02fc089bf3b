import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { type Hit, orderConfirmation as message } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, trial: an audit that could not read its mail, mail to the customer's own address, and
// a customer field naming no customer of the export, on the built command.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

// Two records of Lena Nilsson one slip apart; neither address carries her birth date or phone, so
// nothing tells which of the two is right. K-8's row is skipped (its address is not usable).
const CUSTOMERS = [
  'Kundnr;Namn;E-post;Mobil;Födelsedatum',
  'S-431;Lena Nilsson;lena.nilsson431@gmail.com;070-431 43 10;',
  'S-461;Lena Nilsson;lena.nilsson461@gmail.com;;1979-05-05',
  'K-3;Erik Lind;erik.lind@telia.com;;1970-01-01',
  'K-8;Per Gustafsson;per(at)gustafsson.se;;',
  '',
].join('\n');

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const path = join(dir.path, name);
  mkdirSync(path, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(path, file), content);
  return path;
}

function customers(): string {
  const path = join(dir.path, 'kunder.csv');
  writeFileSync(path, CUSTOMERS);
  return path;
}

const audit = (mail: string, ...more: string[]) =>
  runBuiltCli(['audit', mail, '--customers', customers(), ...more], { cwd: dir.path });

// Random bytes, and a header without any recipient: the trial's folder of unreadable mail.
const garbage = Uint8Array.from({ length: 600 }, (_, index) => (index * 151 + 7) % 256);
const noRecipients =
  'From: order@butiken.se\r\nSubject: x\r\nDate: Mon, 30 Nov 2026 10:00:00 +0100\r\n\r\nx\r\n';

describe('an audit that could not read its mail', () => {
  it('exits with 3 when no message could be read, saying why in its first line', async () => {
    const mail = folder('unreadable', { 'f-garbage.eml': garbage, 'norcpt.eml': noRecipients });
    const run = await audit(mail, '--locale', 'sv');
    expect(run.status).toBe(3);
    const [first] = run.stdout.split('\n');
    expect(first).toContain('Inget granskades: inget av de 2 meddelandena kunde läsas');
    expect(first).toContain('inga mottagare i To, Cc eller Bcc');
    expect(first).toContain('Granskningen är inte ren');
  });

  it('says first that it is not clean, and exits with 1, when some messages could not be read', async () => {
    const mail = folder('partly', {
      'ok.eml': message('ok', 'erik.lind@telia.com', 'K-3'),
      'norcpt.eml': noRecipients,
    });
    const run = await audit(mail, '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ messages: 2, unreadable: 1, hits: [] });
    const text = await audit(mail);
    expect(text.status).toBe(1);
    expect(text.stdout.split('\n')[0]).toBe(
      'Not a clean audit: 1 of 2 messages could not be read whole, and what could not be read was not checked (each is named with its reason).',
    );
  });

  it('still exits with 0 when every message was read and none is a hit', async () => {
    const run = await audit(folder('clean', { 'ok.eml': message('ok', 'erik.lind@telia.com', 'K-3') }));
    expect({ status: run.status, first: run.stdout.split('\n')[0] }).toEqual({
      status: 0,
      first: expect.stringMatching(/: 1 message read, 0 before --since, 0 unreadable, 0 hits\.$/),
    });
  });
});

describe("mail to the customer's own stored address", () => {
  it('is no hit, with or without the customer field, when the records cannot tell which is right', async () => {
    // An mbox, as the trial's 20,000 messages were: 125 of them were reported as duplicate records.
    const mbox = join(dir.path, 'own.mbox');
    writeFileSync(
      mbox,
      [
        ['own-named', 'lena.nilsson431@gmail.com', 'S-431'],
        ['own-unnamed', 'lena.nilsson431@gmail.com', undefined],
        ['other-own', 'lena.nilsson461@gmail.com', 'S-461'],
        ['slip', 'erik.lind@telja.com', 'K-3'],
      ]
        .map(
          ([name, to, id]) =>
            `From order@butiken.se Mon Nov 30 10:00:00 2026\n${message(name as string, to as string, id).replaceAll('\r\n', '\n')}`,
        )
        .join('\n'),
    );
    const run = await audit(mbox, '--json');
    const hits = (JSON.parse(run.stdout) as { hits: Hit[] }).hits;
    expect(hits.map((hit) => [hit.messageId, hit.recipient])).toEqual([
      ['<slip@butiken.se>', 'erik.lind@telja.com'],
    ]);
    expect(run.status).toBe(1);
  });
});

describe('a customer field that names no customer of the export', () => {
  it('is named on stderr, and the message is checked as one that names no customer', async () => {
    const mail = folder('unknown-id', {
      'a.eml': message('a', 'erik.lnid@telia.com', 'K-9999'),
      'b.eml': message('b', 'erik.lind@telia.com', 'K-3\u001b[8m'),
      'c.eml': message('c', 'lena.nilsson431@gmail.com', 'K-8'),
    });
    const run = await audit(mail, '--json');
    const stderr = run.stderr.split('\n');
    expect(stderr).toContain(
      `${join(mail, 'a.eml')}: X-Customer-Id "K-9999" is no customer in ${customers()}: the message is checked as one that names no customer`,
    );
    // The hostile id is named with its control character escaped, never raw on the terminal.
    expect(run.stderr).toContain('X-Customer-Id "K-3\\x1b[8m" is no customer in');
    expect(run.stderr).not.toContain('\u001b');
    expect(stderr).toContain(
      `${join(mail, 'c.eml')}: X-Customer-Id "K-8" is no customer in ${customers()} (its row was skipped as unreadable): the message is checked as one that names no customer`,
    );
    // Checked without the id: the slip is found and named for the customer whose address it is.
    const hits = (JSON.parse(run.stdout) as { hits: Hit[]; customersNotInExport: unknown[] }).hits;
    expect(hits.map((hit) => [hit.messageId, hit.finding, hit.customerId])).toEqual([
      ['<a@butiken.se>', 'near-miss', 'K-3'],
    ]);
    expect(JSON.parse(run.stdout).customersNotInExport).toHaveLength(3);
    expect(run.status).toBe(1);
  });
});
