import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import { createJsonLinesAuditLog } from '../../src/nodemailer/create-json-lines-audit-log.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { customers, smtpTransport, temporaryDirectory } from '../support/pipeline.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

let dir: { path: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  dir = await temporaryDirectory();
});
afterEach(async () => {
  await dir.cleanup();
});

function entry(index: number, address: string): AuditEntry {
  return {
    at: new Date(0).toISOString(),
    messageId: `<${index}@butiken.se>`,
    mode: 'enforce',
    outcome: 'sent',
    action: 'send',
    recipients: [{ field: 'to', address, action: 'send', codes: ['exact-match'] }],
  };
}

describe('createJsonLinesAuditLog', () => {
  it('writes every entry recorded at once as one JSON line, none lost, none torn', async () => {
    const path = join(dir.path, 'nested', 'audit.jsonl');
    const log = createJsonLinesAuditLog(path);
    await Promise.all(
      Array.from({ length: 200 }, (_, index) => log.record(entry(index, `a${index}@example.se`))),
    );
    await log.record(entry(200, 'anna@example.se\r\nBcc: thief@example.com'));
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(201);
    const ids = lines.map((line) => (JSON.parse(line) as AuditEntry).messageId);
    expect(new Set(ids).size).toBe(201);
    expect((JSON.parse(lines[200] ?? '') as AuditEntry).recipients[0]?.address).toContain('\r\n');
  });

  it('writes every entry without waiting for the disk when told not to sync', async () => {
    const path = join(dir.path, 'unsynced.jsonl');
    const log = createJsonLinesAuditLog(path, { sync: false });
    await Promise.all([log.record(entry(1, 'a@example.se')), log.record(entry(2, 'b@example.se'))]);
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
    expect(() => createJsonLinesAuditLog(path, { sync: 'no' as unknown as boolean })).toThrow(
      /options\.sync/,
    );
  });

  it('takes the interval of its disk flushes as an option, naming a wrong one', () => {
    const path = join(dir.path, 'audit.jsonl');
    expect(() => createJsonLinesAuditLog(path, { sync: 'interval', syncIntervalMs: 20 })).not.toThrow();
    expect(() => createJsonLinesAuditLog(path, { syncIntervalMs: -1 })).toThrow(/options\.syncIntervalMs/);
    expect(() => createJsonLinesAuditLog(path, { sync: 'later' as never })).toThrow(/options\.sync/);
  });

  it('keeps every decision it confirmed with the default settings when the process is killed', async () => {
    const path = join(dir.path, 'audit.jsonl');
    const confirmed = await recordThenKill(path, 50);
    expect(confirmed.length).toBeGreaterThanOrEqual(50);
    const written = new Set((await readLines(path)).map((line) => line.messageId));
    for (const messageId of confirmed) expect(written.has(messageId)).toBe(true);
  });

  it('has written an entry, and answered, before the event loop turns again', async () => {
    // A write through the thread pool answers on a later turn of the event loop; one made on the
    // spot answers within the turn, so a message one at a time never waits for a thread.
    const path = join(dir.path, 'audit.jsonl');
    const log = createJsonLinesAuditLog(path);
    await log.record(entry(1, 'a@example.se'));
    for (const index of [2, 3]) {
      let answered = false;
      void log.record(entry(index, 'b@example.se')).then(() => {
        answered = true;
      });
      await new Promise((resolvePromise) => setImmediate(resolvePromise));
      expect(answered).toBe(true);
      expect(await readLines(path)).toHaveLength(index);
    }
  });

  it('rejects an entry it could not write, instead of losing it silently', async () => {
    const log = createJsonLinesAuditLog(dir.path); // a directory: appending to it fails
    await expect(log.record(entry(1, 'a@example.se'))).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(log.record(entry(2, 'b@example.se'))).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

/**
 * Runs the recording child until it has confirmed `atLeast` entries, then kills it (SIGKILL: no
 * clean-up, no pending timer or flush runs) and gives the ids it confirmed.
 */
function recordThenKill(path: string, atLeast: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, '../support/record-until-killed.ts'), path],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const confirmed: string[] = [];
  let buffered = '';
  return new Promise((resolvePromise, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      confirmed.push(...lines);
      if (confirmed.length >= atLeast && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', () => resolvePromise(confirmed));
  });
}

/** Every line of a JSON Lines file, each parsed; fails on a line that is not one whole JSON object. */
async function readLines(path: string): Promise<AuditEntry[]> {
  const text = await readFile(path, 'utf8');
  if (text === '') return [];
  expect(text.endsWith('\n'), 'the file ends with a whole line').toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as AuditEntry);
}

/** An entry of about a kilobyte, so that one of them straddles the last free page of a small disk. */
function bulkyEntry(index: number): AuditEntry {
  const recipients = Array.from({ length: 12 }, (_, slot) => ({
    field: 'to' as const,
    address: `kund${index}.${slot}@svenssonbygg.se`,
    action: 'send' as const,
    codes: ['exact-match' as const],
  }));
  return { ...entry(index, 'anna@example.se'), recipients };
}

// A real full disk: a tmpfs of 64 KiB mounted for these tests (Linux, as root). Whether mounting is
// possible is tried once when the tests are collected, and unmounted at once; where it is not, the
// tests say why and are skipped.
const mountPoint = join('/tmp', `email-guard-full-disk-${process.pid}`);
const mountTmpfs = () => {
  execFileSync('mkdir', ['-p', mountPoint]);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'pipe' });
};
let skipReason = '';
try {
  mountTmpfs();
  execFileSync('umount', [mountPoint]);
  execFileSync('rmdir', [mountPoint]);
} catch (error) {
  skipReason = `a 64 KiB tmpfs cannot be mounted here (needs Linux and root): ${String(error)}`;
}

describe.skipIf(skipReason !== '')(
  `createJsonLinesAuditLog on a full disk${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let sink: SmtpSink;
    beforeAll(async () => {
      mountTmpfs();
      sink = await startSmtpSink();
    });
    afterAll(async () => {
      await sink.close();
      // Lazily: a log's file may stay open for a second after its last entry.
      execFileSync('umount', ['-l', mountPoint]);
      await rm(mountPoint, { recursive: true, force: true });
    });
    afterEach(async () => {
      await rm(join(mountPoint, 'disk'), { recursive: true, force: true });
    });

    it('refuses the entry a short write cut, leaves no broken line, and writes whole lines again once there is room', async () => {
      const folder = join(mountPoint, 'disk');
      await mkdir(folder);
      await writeFile(join(folder, 'filler'), Buffer.alloc(16 * 1024));
      const path = join(folder, 'audit.jsonl');
      const log = createJsonLinesAuditLog(path);
      const written: string[] = [];
      let failure: unknown;
      for (let index = 0; index < 200 && failure === undefined; index++) {
        await log.record(bulkyEntry(index)).then(
          () => written.push(`<${index}@butiken.se>`),
          (error: unknown) => {
            failure = error;
          },
        );
      }
      expect(failure).toMatchObject({ code: 'ENOSPC' });
      // Exactly the entries that were confirmed, each on a whole line.
      expect((await readLines(path)).map((line) => line.messageId)).toEqual(written);
      // Still full: refused again, and still no broken line.
      await expect(log.record(bulkyEntry(1000))).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await readLines(path)).toHaveLength(written.length);
      await rm(join(folder, 'filler'));
      await log.record(bulkyEntry(1001));
      expect((await readLines(path)).map((line) => line.messageId)).toEqual([
        ...written,
        '<1001@butiken.se>',
      ]);
    });

    it('refuses the message (AUDIT_LOG_FAILED) when its entry cannot be written whole, and sends nothing', async () => {
      const folder = join(mountPoint, 'disk');
      await mkdir(folder);
      const path = join(folder, 'audit.jsonl');
      // One line leaves 60 bytes free in the file's page (tmpfs hands out 4 KiB pages), then the
      // disk is filled: the next entry is cut after 60 bytes, a short write.
      const log = createJsonLinesAuditLog(path);
      const base = `${JSON.stringify({ ...entry(0, 'a@example.se'), messageId: '' })}\n`.length;
      await log.record({ ...entry(0, 'a@example.se'), messageId: 'x'.repeat(4096 - 60 - base) });
      expect((await readFile(path)).length).toBe(4096 - 60);
      let size = 32 * 1024;
      while (size >= 1) {
        await appendFile(join(folder, 'filler'), Buffer.alloc(size)).catch(() => {
          size >>= 1;
        });
      }
      const transporter = smtpTransport(sink.port);
      transporter.use(
        'compile',
        nodemailerGuard({
          guard: createGuard(),
          resolveCustomer: () => customers['C-1001'],
          holdStore: { hold: async () => Promise.reject(new Error('not used')) } as never,
          auditLog: log,
        }),
      );
      await expect(
        transporter.sendMail({ from: 'order@butiken.se', to: 'anna.svensson1985@gmail.com', text: 'Tack!' }),
      ).rejects.toMatchObject({ code: 'AUDIT_LOG_FAILED' });
      expect(sink.received).toEqual([]);
      expect(await readLines(path)).toHaveLength(1);
    });
  },
);

describe('createJsonLinesAuditLog on a broken file', () => {
  it.skipIf(!existsSync('/dev/full'))(
    'refuses every entry a device that is always full will not take',
    async () => {
      const log = createJsonLinesAuditLog('/dev/full');
      await expect(log.record(entry(1, 'a@example.se'))).rejects.toMatchObject({ code: 'ENOSPC' });
      await expect(log.record(entry(2, 'b@example.se'))).rejects.toMatchObject({ code: 'ENOSPC' });
    },
  );

  it('starts a new line after a line a crash cut short, keeping that line as it was', async () => {
    const path = join(dir.path, 'audit.jsonl');
    const whole = JSON.stringify(entry(1, 'a@example.se'));
    const cut = JSON.stringify(entry(2, 'b@example.se')).slice(0, 40);
    await writeFile(path, `${whole}\n${cut}`);
    await createJsonLinesAuditLog(path).record(entry(3, 'c@example.se'));
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines).toEqual([whole, cut, JSON.stringify(entry(3, 'c@example.se')), '']);
  });

  it('writes to the file at its path after the one it had open was moved away, as log rotation does', async () => {
    const path = join(dir.path, 'audit.jsonl');
    const log = createJsonLinesAuditLog(path, { rotationCheckMs: 0 });
    await log.record(entry(1, 'a@example.se'));
    await rename(path, `${path}.1`);
    await log.record(entry(2, 'b@example.se'));
    expect((await readLines(`${path}.1`)).map((line) => line.messageId)).toEqual(['<1@butiken.se>']);
    expect((await readLines(path)).map((line) => line.messageId)).toEqual(['<2@butiken.se>']);
  });

  it('looks for a rotation at most once per rotationCheckMs, writing to the moved file until then', async () => {
    const path = join(dir.path, 'audit.jsonl');
    const log = createJsonLinesAuditLog(path, { rotationCheckMs: 3_600_000 });
    await log.record(entry(1, 'a@example.se'));
    await rename(path, `${path}.1`);
    await log.record(entry(2, 'b@example.se'));
    // Kept, under the name the rotation gave the file.
    expect((await readLines(`${path}.1`)).map((line) => line.messageId)).toEqual([
      '<1@butiken.se>',
      '<2@butiken.se>',
    ]);
    expect(existsSync(path)).toBe(false);
  });

  it('names a wrong rotationCheckMs', () => {
    expect(() => createJsonLinesAuditLog(join(dir.path, 'a.jsonl'), { rotationCheckMs: -1 })).toThrow(
      /rotationCheckMs/,
    );
  });

  it('never interleaves the lines of two logs on one file', async () => {
    const path = join(dir.path, 'shared.jsonl');
    const first = createJsonLinesAuditLog(path);
    const second = createJsonLinesAuditLog(path, { sync: false });
    await Promise.all(
      Array.from({ length: 400 }, (_, index) => (index % 2 ? first : second).record(bulkyEntry(index))),
    );
    const ids = (await readLines(path)).map((line) => line.messageId);
    expect(new Set(ids).size).toBe(400);
  });
});
