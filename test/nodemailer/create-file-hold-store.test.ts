import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { HeldMessageClaimedError } from '../../src/errors.js';
import { createFileHoldStore, openFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { createJsonLinesAuditLog } from '../../src/nodemailer/create-json-lines-audit-log.js';
import type { HoldInput } from '../../src/nodemailer/hold-store.js';
import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../../src/nodemailer/store-fs.js';
import {
  customers,
  guardedTransport as guardedTransportOf,
  smtpTransport,
  usePipelineFixture,
} from '../support/pipeline.js';
import { neverAnswerData } from '../support/smtp-sink.js';

const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';

const fixture = usePipelineFixture();
const WHO = { by: 'lena@butiken.se', reason: 'address read back on the phone' };

const guardedTransport = () => guardedTransportOf(fixture, customers['C-1001']);

/** Sends an order with a typo in To and a known Cc; the guard holds it. Returns the hold id. */
async function holdOrder(): Promise<string> {
  const error = await guardedTransport()
    .sendMail({
      from: 'order@butiken.se',
      to: `Anna Svensson <${TYPO}>`,
      cc: 'anna@svenssonbygg.se',
      subject: 'Orderbekräftelse 4711',
      text: 'Tack för din beställning.',
      attachments: [{ filename: 'kvitto.pdf', content: Buffer.from('%PDF-1.4 kvitto') }],
    })
    .then(
      () => undefined,
      (reason: { holdId?: string }) => reason,
    );
  if (!error?.holdId) throw new Error('the order was not held');
  return error.holdId;
}

function sampleInput(text: string): HoldInput {
  return {
    raw: Buffer.from(`From: order@butiken.se\r\nTo: ${TYPO}\r\nSubject: ${text}\r\n\r\n${text}\r\n`),
    envelope: { from: 'order@butiken.se', to: [TYPO] },
    action: 'block',
    recipients: [],
    messageId: `<${text}@butiken.se>`,
  };
}

describe('createFileHoldStore', () => {
  it('releases a corrected message exactly once, with the rest of it untouched', async () => {
    const id = await holdOrder();
    expect(fixture.sink.received).toEqual([]);
    const result = await fixture.holdStore.release(id, guardedTransport(), {
      to: GOOD,
      by: 'lena',
      reason: 'typo in 1985',
    });
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.sink.received[0]?.to).toEqual([GOOD]);
    const parsed = await simpleParser(fixture.sink.received[0]?.raw ?? '');
    expect(parsed.headers.get('to')).toMatchObject({ text: GOOD });
    expect(parsed.headers.has('cc')).toBe(false);
    expect(parsed.subject).toBe('Orderbekräftelse 4711');
    expect(parsed.messageId).toBe(result.messageId);
    expect(parsed.attachments[0]?.content.toString()).toBe('%PDF-1.4 kvitto');
    expect(await fixture.holdStore.list()).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'released',
      holdId: id,
      release: { by: 'lena', reason: 'typo in 1985' },
      recipients: [{ field: 'to', address: GOOD, action: 'send' }],
      envelope: { to: [GOOD] },
    });
    await expect(fixture.holdStore.release(id, guardedTransport(), WHO)).rejects.toMatchObject({
      code: 'HOLD_STORE_FAILED',
    });
    expect(fixture.sink.received).toHaveLength(1);
  });

  it('sends a message released twice at the same time only once', async () => {
    const id = await holdOrder();
    const transporter = guardedTransport();
    const results = await Promise.allSettled([
      fixture.holdStore.release(id, transporter, { to: GOOD, ...WHO }),
      fixture.holdStore.release(id, transporter, { to: GOOD, ...WHO }),
      fixture.holdStore.release(id, transporter, { to: GOOD, ...WHO }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'HOLD_STORE_FAILED' });
    }
    expect(fixture.sink.received).toHaveLength(1);
  });

  it('keeps a message held when its release fails to send, and releases it later', async () => {
    const id = await holdOrder();
    fixture.sink.refuse.add(GOOD);
    await expect(
      fixture.holdStore.release(id, guardedTransport(), { to: GOOD, ...WHO }),
    ).rejects.toMatchObject({
      code: 'EENVELOPE',
    });
    expect((await fixture.holdStore.list()).map((held) => [held.id, held.state])).toEqual([[id, 'held']]);
    fixture.sink.refuse.clear();
    await fixture.holdStore.release(id, guardedTransport(), { to: GOOD, ...WHO });
    expect(fixture.sink.received).toHaveLength(1);
  });

  it('refuses to release a blocked recipient unchanged, keeps the message and records who tried', async () => {
    const id = await holdOrder();
    await expect(fixture.holdStore.release(id, guardedTransport(), WHO)).rejects.toMatchObject({
      code: 'RECIPIENT_BLOCKED',
      holdId: id,
    });
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.list()).map((held) => [held.id, held.state])).toEqual([[id, 'held']]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'release-refused',
      holdId: id,
      release: WHO,
    });
  });

  it('tells the reviewer which recipient was refused, for what finding, and what to do', async () => {
    const id = await holdOrder();
    const error = await fixture.holdStore
      .release(id, guardedTransport(), { to: 'anna.svensson1985@gmial.com', ...WHO })
      .then(
        () => undefined,
        (refused: Error) => refused,
      );
    // Written for the person releasing: the address, the finding in words, and the next step;
    // the hold id is on the error (`holdId`) and the library's option names are not for them.
    expect(error?.message).toBe(
      'Not sent, the message stays held: anna.svensson1985@gmial.com is blocked: gmial.com looks like a typo of gmail.com (domain-typo); did you mean anna.svensson1985@gmail.com? Correct the recipient and release the message again, or discard it.',
    );
    expect(error?.message).not.toContain(id);
    expect(error?.message).not.toContain('{ to }');
  });

  it('refuses a correction that is itself a typo: a second typo does not go out', async () => {
    const id = await holdOrder();
    await expect(
      fixture.holdStore.release(id, guardedTransport(), { to: 'anna.svensson1985@gmial.com', ...WHO }),
    ).rejects.toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect(fixture.sink.received).toEqual([]);
    expect(await fixture.holdStore.list()).toHaveLength(1);
  });

  it('sends to a blocked recipient only when told to outright, to the recipients named, and records it as such', async () => {
    const id = await holdOrder();
    // Overriding the block names whom it goes to: without `to` it is refused, nothing sent.
    await expect(
      fixture.holdStore.release(id, guardedTransport(), { ...WHO, sendDespiteBlock: true }),
    ).rejects.toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect(fixture.sink.received).toEqual([]);
    await fixture.holdStore.release(id, guardedTransport(), {
      ...WHO,
      to: [TYPO, 'anna@svenssonbygg.se'],
      sendDespiteBlock: true,
    });
    expect(fixture.sink.received[0]?.to).toEqual([TYPO, 'anna@svenssonbygg.se']);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'released-despite-block',
      action: 'block',
      release: { ...WHO, sendDespiteBlock: true },
    });
  });

  it('sends a held confirm message to its new recipient once a person releases it with who and why, and confirms it is new', async () => {
    const error = await guardedTransport()
      .sendMail({ from: 'order@butiken.se', to: 'anna.s@outlook.com', subject: 'Order', text: 'Tack' })
      .catch((reason: { code: string; holdId: string }) => reason);
    expect(error).toMatchObject({ code: 'RECIPIENT_NEEDS_CONFIRMATION' });
    const id = (error as { holdId: string }).holdId;
    // Kept as held, an address new to the customer goes out only when the releaser confirms it is new.
    await expect(fixture.holdStore.release(id, guardedTransport(), WHO)).rejects.toThrow();
    expect(fixture.sink.received).toEqual([]);
    await fixture.holdStore.release(id, guardedTransport(), { ...WHO, confirmNew: true });
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['anna.s@outlook.com']]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'released',
      action: 'confirm',
      release: { ...WHO, confirmNew: true },
    });
  });

  it('requires who releases a message and why, naming the missing field', async () => {
    const id = await holdOrder();
    const release = (options: object) =>
      fixture.holdStore.release(id, guardedTransport(), { to: GOOD, ...options } as unknown as typeof WHO);
    await expect(release({ reason: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'options.by',
    });
    await expect(release({ by: 'lena', reason: ' ' })).rejects.toMatchObject({ field: 'options.reason' });
    expect(fixture.sink.received).toEqual([]);
    expect(await fixture.holdStore.list()).toHaveLength(1);
  });

  it('refuses to release through a transporter without the guard, so nothing goes out unchecked', async () => {
    const id = await holdOrder();
    await expect(
      fixture.holdStore.release(id, smtpTransport(fixture.sink.port), { to: GOOD, ...WHO }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'transporter' });
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.list()).map((held) => held.state)).toEqual(['held']);
  });

  it('refuses a correction that is not one plain address, and keeps the message', async () => {
    const id = await holdOrder();
    await expect(
      fixture.holdStore.release(id, guardedTransport(), { to: `${GOOD}\r\nBcc: x@example.com`, ...WHO }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'options.to' });
    await expect(
      fixture.holdStore.release(id, guardedTransport(), { to: [GOOD, 'Anna <a@example.se>'], ...WHO }),
    ).rejects.toMatchObject({
      field: 'options.to.1',
    });
    expect(await fixture.holdStore.list()).toHaveLength(1);
    expect(fixture.sink.received).toEqual([]);
  });

  it('sends a corrected message to the correction only: Resent fields and a Cc behind a bare LF go too', async () => {
    const raw = [
      'From: order@butiken.se',
      `Resent-To: ${TYPO}`,
      'Resent-Cc: anna@svensonbygg.se',
      'Resent-Bcc: someone@example.com',
      `To: ${TYPO}`,
      'Subject: resent',
      '\nCc: stranger@example.com',
      '',
      'Tack!',
    ].join('\r\n');
    const held = await fixture.holdStore.hold({ ...sampleInput('resent'), raw: Buffer.from(raw) });
    await fixture.holdStore.release(held.id, guardedTransport(), { to: GOOD, ...WHO });
    expect(fixture.sink.received[0]?.to).toEqual([GOOD]);
    const sent = fixture.sink.received[0]?.raw.toString() ?? '';
    expect(sent).not.toMatch(/resent-|stranger|svensonbygg/i);
    const parsed = await simpleParser(sent);
    expect(parsed.headers.get('to')).toMatchObject({ text: GOOD });
    expect(parsed.subject).toBe('resent');
    expect(parsed.text?.trim()).toBe('Tack!');
  });

  it('keeps the body of a message with no sure header end when it removes its recipients', async () => {
    // CRLF, then bare LF: no empty line every reader takes for the end, so the whole of it may be
    // header to one of them. The recipient fields go wherever they are; every other line stays.
    const raw = `From: order@butiken.se\r\nTo: ${TYPO}\nSubject: kept\n\npara one\n\nCc: stranger@example.com\npara two\n`;
    const held = await fixture.holdStore.hold({ ...sampleInput('unended'), raw: Buffer.from(raw) });
    await fixture.holdStore.release(held.id, guardedTransport(), { to: GOOD, ...WHO });
    expect(fixture.sink.received[0]?.to).toEqual([GOOD]);
    const sent = (fixture.sink.received[0]?.raw.toString() ?? '').replace(/\r\n/g, '\n');
    expect(sent).not.toContain('stranger');
    expect(sent).toContain(`To: ${GOOD}\nSubject: kept\n\npara one\n\npara two\n`);
  });

  it('discards a held message without sending it', async () => {
    const id = await holdOrder();
    expect(await fixture.holdStore.discard(id)).toBe(true);
    expect(await fixture.holdStore.discard(id)).toBe(false);
    expect(await fixture.holdStore.list()).toEqual([]);
    expect(await fixture.holdStore.get(id)).toBeUndefined();
    await expect(fixture.holdStore.get('../../etc/passwd')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'id',
    });
  });

  it('refuses to discard a message while a release is sending it, which then sends it once', async () => {
    const id = await holdOrder();
    const transporter = guardedTransport();
    let sending: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      sending = resolve;
    });
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // Runs after the guard, inside the release: the send waits here until the discard has answered.
    transporter.use('compile', (_mail, done) => {
      sending();
      void gate.then(() => done());
    });
    const release = fixture.holdStore.release(id, transporter, { to: GOOD, ...WHO });
    await started;
    await expect(fixture.holdStore.discard(id)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
    finish();
    await release;
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
    expect(await readdir(join(fixture.dir, 'held'))).toEqual([]);
    expect(await fixture.holdStore.discard(id)).toBe(false);
  });

  it('discards an entry left releasing by a stopped process only when forced', async () => {
    const held = await fixture.holdStore.hold(sampleInput('stale'));
    await writeFile(join(fixture.dir, 'held', `${held.id}.lock`), '');
    await expect(fixture.holdStore.discard(held.id)).rejects.toSatisfy(
      (error) => error instanceof HeldMessageClaimedError && error.code === 'HOLD_STORE_FAILED',
    );
    expect(await fixture.holdStore.list()).toHaveLength(1);
    expect(await fixture.holdStore.discard(held.id, { force: true })).toBe(true);
    expect(await readdir(join(fixture.dir, 'held'))).toEqual([]);
    expect(await createFileHoldStore(join(fixture.dir, 'never-written')).discard(held.id)).toBe(false);
  });

  it('refuses to force a lock whose process on this host still runs, and takes it over once that process has stopped', async () => {
    const held = await fixture.holdStore.hold(sampleInput('claimed'));
    const lock = join(fixture.dir, 'held', `${held.id}.lock`);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
    try {
      const since = '2026-03-02T08:15:00.000Z';
      await writeFile(lock, JSON.stringify({ pid: sleeper.pid, host: hostname(), since }));
      const transporter = guardedTransport();
      for (const forced of [
        () => fixture.holdStore.discard(held.id, { force: true }),
        () => fixture.holdStore.release(held.id, transporter, { to: GOOD, ...WHO, force: true }),
      ]) {
        const refused = await forced().catch((error) => error);
        expect(refused).toBeInstanceOf(HeldMessageClaimedError);
        expect(refused).toMatchObject({ holdId: held.id, claimedAt: since });
        expect(refused.message).toContain(`process ${sleeper.pid} on ${hostname()}, which is still running`);
      }
      expect(fixture.sink.received).toEqual([]);
      expect(await fixture.holdStore.list()).toHaveLength(1);
    } finally {
      const exited = new Promise((resolve) => sleeper.once('exit', resolve));
      sleeper.kill();
      await exited;
    }
    // The same lock, its process gone (ESRCH): force takes it over.
    expect(await fixture.holdStore.discard(held.id, { force: true })).toBe(true);
    expect(await readdir(join(fixture.dir, 'held'))).toEqual([]);
  });

  it('names the host of a lock taken on another host, and takes it over only when forced', async () => {
    const held = await fixture.holdStore.hold(sampleInput('elsewhere'));
    const lock = join(fixture.dir, 'held', `${held.id}.lock`);
    // The pid of this very process, so only the host tells the lock is not this host's.
    const since = '2026-03-02T08:15:00.000Z';
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: 'order-2.butiken.internal', since }));
    const refused = await fixture.holdStore.discard(held.id).catch((error) => error);
    expect(refused).toBeInstanceOf(HeldMessageClaimedError);
    expect(refused).toMatchObject({ holdId: held.id, claimedAt: since });
    expect(refused.message).toContain(`by process ${process.pid} on order-2.butiken.internal`);
    expect(await fixture.holdStore.discard(held.id, { force: true })).toBe(true);
  });

  it('writes its own pid, host and time into the lock it takes', async () => {
    const held = await fixture.holdStore.hold(sampleInput('owner'));
    const folder = join(fixture.dir, 'held');
    let owner: unknown;
    let finish = () => {};
    const blocked = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const store = openFileHoldStore(folder, {
      ...nodeStoreFs,
      async unlink(file) {
        if (file.endsWith(`${held.id}.json`)) {
          owner = JSON.parse((await readFile(join(folder, `${held.id}.lock`))).toString());
          finish();
        }
        await nodeStoreFs.unlink(file);
      },
    });
    expect(await store.discard(held.id)).toBe(true);
    await blocked;
    expect(owner).toEqual({ pid: process.pid, host: hostname(), since: expect.any(String) });
  });

  it('lists held messages oldest first, and ignores temporary files and an uncommitted message', async () => {
    const first = await fixture.holdStore.hold(sampleInput('first'));
    const second = await fixture.holdStore.hold(sampleInput('second'));
    const folder = join(fixture.dir, 'held');
    await writeFile(join(folder, `.${first.id}.json.0000.tmp`), '{"half":');
    await writeFile(join(folder, '20991231T235959999Z-00000000-0000-0000-0000-000000000000.eml'), 'orphan');
    expect((await fixture.holdStore.list()).map((held) => held.id)).toEqual([first.id, second.id]);
    expect((await fixture.holdStore.get(second.id))?.raw.toString()).toContain('Subject: second');
    expect(await createFileHoldStore(join(fixture.dir, 'never-written')).list()).toEqual([]);
  });

  it('takes over a release left unfinished by a stopped process only when forced', async () => {
    const held = await fixture.holdStore.hold(sampleInput('stale'));
    expect(held.releasingSince).toBeUndefined();
    const lock = join(fixture.dir, 'held', `${held.id}.lock`);
    await writeFile(lock, '');
    // Taken by a release that stopped a while ago: the lock's time is when it claimed the entry,
    // and the refusal says so.
    const claimedAt = new Date('2026-03-02T08:15:00.000Z');
    await utimes(lock, claimedAt, claimedAt);
    expect((await fixture.holdStore.list())[0]).toMatchObject({
      state: 'releasing',
      releasingSince: claimedAt.toISOString(),
    });
    expect((await fixture.holdStore.get(held.id))?.releasingSince).toBe(claimedAt.toISOString());
    const transporter = guardedTransport();
    const refused = await fixture.holdStore
      .release(held.id, transporter, { to: GOOD, ...WHO })
      .catch((error) => error);
    expect(refused).toBeInstanceOf(HeldMessageClaimedError);
    expect(refused).toMatchObject({
      code: 'HOLD_STORE_FAILED',
      holdId: held.id,
      claimedAt: claimedAt.toISOString(),
      cause: { code: 'EEXIST' },
    });
    expect(fixture.sink.received).toEqual([]);
    await fixture.holdStore.release(held.id, transporter, { to: GOOD, ...WHO, force: true });
    expect(fixture.sink.received).toHaveLength(1);
    expect(await readdir(join(fixture.dir, 'held'))).toEqual([]);
  });

  it('leaves the store readable and complete when a write stops at any step', async () => {
    const folder = join(fixture.dir, 'held');
    const earlier = [
      [await fixture.holdStore.hold(sampleInput('one')), 'one'],
      [await fixture.holdStore.hold(sampleInput('two')), 'two'],
    ] as const;
    const steps = await countSteps(folder);
    expect(steps).toBeGreaterThanOrEqual(10);
    for (let step = 1; step <= steps; step++) {
      const crashing = openFileHoldStore(folder, crashAt(step));
      await expect(crashing.hold(sampleInput(`crash-${step}`))).rejects.toThrow();
      // Reopened as after a restart: every earlier entry whole, the interrupted one whole or absent.
      const reopened = createFileHoldStore(folder);
      const listed = await reopened.list();
      for (const [entry, subject] of earlier) {
        const kept = await reopened.get(entry.id);
        expect(kept?.raw.toString()).toContain(`Subject: ${subject}\r\n`);
      }
      for (const entry of listed) {
        const kept = await reopened.get(entry.id);
        expect(kept?.raw.byteLength).toBe(entry.size);
      }
      const interrupted = listed.filter((entry) => entry.messageId === `<crash-${step}@butiken.se>`);
      expect(interrupted.length).toBeLessThanOrEqual(1);
      // Once the .json is renamed into place the entry is committed, even if the last fsync failed.
      if (step === steps) expect(interrupted).toHaveLength(1);
      if (step < steps - 1) expect(interrupted).toHaveLength(0);
    }
    const after = await createFileHoldStore(folder).hold(sampleInput('after'));
    expect((await createFileHoldStore(folder).list()).at(-1)?.id).toBe(after.id);
  });
});

describe('createFileHoldStore with damaged entries', () => {
  const newId = () => `20260101T000000000Z-${randomUUID()}`;
  const folder = () => join(fixture.dir, 'held');
  const store = () => createFileHoldStore(folder());
  const edit = async (id: string, change: (record: Record<string, unknown>) => void) => {
    const file = join(folder(), `${id}.json`);
    const record = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    change(record);
    await writeFile(file, JSON.stringify(record, null, 2));
  };

  it('lists every whole entry and reports each one that is not, without hanging on a FIFO', async () => {
    const first = await store().hold(sampleInput('first'));
    const second = await store().hold(sampleInput('second'));
    const bad = {
      garbage: newId(),
      empty: newId(),
      emptyObject: newId(),
      directory: newId(),
      fifo: newId(),
      link: newId(),
      otherId: newId(),
    };
    await writeFile(join(folder(), `${bad.garbage}.json`), '{"id": "half');
    await writeFile(join(folder(), `${bad.empty}.json`), '');
    await writeFile(join(folder(), `${bad.emptyObject}.json`), '{}');
    await mkdir(join(folder(), `${bad.directory}.json`));
    execFileSync('mkfifo', [join(folder(), `${bad.fifo}.json`)]);
    await symlink(join(folder(), `${first.id}.json`), join(folder(), `${bad.link}.json`));
    await writeFile(
      join(folder(), `${bad.otherId}.json`),
      await readFile(join(folder(), `${second.id}.json`)),
    );
    const listed = await store().list();
    expect(listed.map((held) => held.id)).toEqual([first.id, second.id]);
    const problems = await store().listProblems();
    const byId = Object.fromEntries(problems.map((problem) => [problem.id, problem.code]));
    expect(byId).toEqual({
      [bad.garbage]: 'malformed',
      [bad.empty]: 'malformed',
      [bad.emptyObject]: 'malformed',
      [bad.directory]: 'not-a-file',
      [bad.fifo]: 'not-a-file',
      [bad.link]: 'not-a-file',
      [bad.otherId]: 'malformed',
    });
    for (const problem of problems) expect(problem.file).toBe(join(folder(), `${problem.id}.json`));
    await expect(store().get(bad.fifo)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
    await expect(store().get(bad.garbage)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
    // A damaged entry is cleared away with discard; a directory is not the store's to remove.
    expect(await store().discard(bad.garbage)).toBe(true);
    expect(await store().discard(bad.fifo)).toBe(true);
    await expect(store().discard(bad.directory)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
    expect((await store().listProblems()).map((problem) => problem.id).sort()).toEqual(
      [bad.empty, bad.emptyObject, bad.directory, bad.link, bad.otherId].sort(),
    );
  });

  it('reports a message lost from its entry, a changed message, and one a crash left uncommitted', async () => {
    const lost = await store().hold(sampleInput('lost'));
    const changed = await store().hold(sampleInput('changed'));
    await rm(join(folder(), `${lost.id}.eml`));
    await writeFile(join(folder(), `${changed.id}.eml`), 'To: someone@example.com\r\n\r\nchanged');
    const orphan = newId();
    await writeFile(join(folder(), `${orphan}.eml`), 'To: anna@example.se\r\n\r\nnever committed');
    const problems = await store().listProblems();
    expect(problems.map(({ id, code }) => [id, code])).toEqual(
      [
        [lost.id, 'message-missing'],
        [changed.id, 'digest-mismatch'],
        [orphan, 'uncommitted'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(problems.find((problem) => problem.id === orphan)?.file).toBe(join(folder(), `${orphan}.eml`));
    // Each of them is cleared away with discard, the uncommitted message too.
    for (const id of [lost.id, changed.id, orphan]) expect(await store().discard(id)).toBe(true);
    expect(await store().listProblems()).toEqual([]);
    expect(await readdir(folder())).toEqual([]);
  });

  it('refuses to release an entry whose envelope, customer or verdicts were changed in the folder', async () => {
    const changes: ((record: Record<string, unknown>) => void)[] = [
      (record) => {
        record.envelope = { from: 'order@butiken.se', to: ['stranger@example.com'] };
      },
      (record) => {
        record.customerId = 'C-2002';
      },
      (record) => {
        record.action = 'confirm';
      },
      (record) => {
        (record.envelope as Record<string, unknown>).bcc = ['stranger@example.com'];
      },
    ];
    for (const change of changes) {
      const held = await store().hold(sampleInput('redirect'));
      await edit(held.id, change);
      await expect(store().get(held.id)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
      await expect(
        store().release(held.id, smtpTransport(fixture.sink.port), {
          by: 'lena@butiken.se',
          reason: 'tampering test',
        }),
      ).rejects.toMatchObject({
        code: 'HOLD_STORE_FAILED',
      });
      expect(fixture.sink.received).toEqual([]);
      expect((await store().list()).map((entry) => entry.id)).not.toContain(held.id);
      expect((await store().listProblems()).find((problem) => problem.id === held.id)?.code).toBe(
        'digest-mismatch',
      );
      await store().discard(held.id);
    }
  });

  it('with a key, refuses an entry resealed without it, and one held before entries were sealed', async () => {
    const key = 'a secret kept outside the folder, 32+ bytes';
    const store = createFileHoldStore(folder(), { key });
    const held = await store.hold(sampleInput('keyed'));
    expect((await store.get(held.id))?.raw.toString()).toContain('Subject: keyed');
    // Whoever can write the folder but has not the key: a plain digest over the changed record.
    await edit(held.id, (record) => {
      record.envelope = { to: ['stranger@example.com'] };
      const { seal: _seal, ...rest } = record;
      record.seal = {
        algorithm: 'sha256',
        value: createHash('sha256').update(JSON.stringify(rest)).digest('hex'),
      };
    });
    await expect(store.get(held.id)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
    await expect(
      store.release(held.id, smtpTransport(fixture.sink.port), {
        by: 'lena@butiken.se',
        reason: 'tampering test',
      }),
    ).rejects.toMatchObject({
      code: 'HOLD_STORE_FAILED',
    });
    expect(fixture.sink.received).toEqual([]);
    // An entry sealed with a key cannot be checked without it.
    const sealed = await store.hold(sampleInput('sealed'));
    await expect(createFileHoldStore(folder()).get(sealed.id)).rejects.toThrow(/key/);
    expect(() => createFileHoldStore(folder(), { key: 'short' })).toThrow(/options\.key/);
  });

  it('reads an entry held before entries were sealed, and refuses it where a key is required', async () => {
    const id = newId();
    const raw = Buffer.from(`To: ${TYPO}\r\nSubject: old\r\n\r\nold\r\n`);
    await mkdir(folder(), { recursive: true });
    await writeFile(join(folder(), `${id}.eml`), raw);
    await writeFile(
      join(folder(), `${id}.json`),
      JSON.stringify({
        format: 1,
        id,
        heldAt: '2026-01-01T00:00:00.000Z',
        size: raw.length,
        sha256: createHash('sha256').update(raw).digest('hex'),
        envelope: { to: [TYPO] },
        action: 'block',
        recipients: [],
      }),
    );
    expect((await store().list()).map((held) => held.id)).toEqual([id]);
    expect((await store().get(id))?.raw.toString()).toContain('Subject: old');
    const keyed = createFileHoldStore(folder(), { key: 'a secret kept outside the folder, 32+ bytes' });
    expect(await keyed.list()).toEqual([]);
    expect((await keyed.listProblems()).map((problem) => problem.code)).toEqual(['unsealed']);
    await expect(keyed.get(id)).rejects.toThrow(/sealed/);
  });

  it('does not follow a symbolic link in place of a held message', async () => {
    const held = await store().hold(sampleInput('linked'));
    const outside = join(fixture.dir, 'outside.eml');
    await writeFile(outside, await readFile(join(folder(), `${held.id}.eml`)));
    await rm(join(folder(), `${held.id}.eml`));
    await symlink(outside, join(folder(), `${held.id}.eml`));
    await expect(store().get(held.id)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
    expect((await store().listProblems()).map((problem) => problem.code)).toEqual(['not-a-file']);
  });
});

/** How many file system steps one hold takes. */
async function countSteps(folder: string): Promise<number> {
  let count = 0;
  await openFileHoldStore(
    folder,
    stepping(() => {
      count++;
    }),
  ).hold(sampleInput('count'));
  return count;
}

/**
 * A file system that dies at step `step`, as a crashed process would: that step fails, and every
 * later one, so no clean-up runs. A write that dies first lands half its bytes (a torn write).
 */
function crashAt(step: number): StoreFs {
  let count = 0;
  return stepping((name, handle, data) => {
    count++;
    if (count < step) return undefined;
    const crash = new Error(`crashed at step ${count} (${name})`);
    if (count === step && handle && data)
      return handle.write(data.subarray(0, data.length >> 1)).then(() => Promise.reject(crash));
    throw crash;
  });
}

type BeforeStep = (name: string, handle?: StoreFileHandle, data?: Uint8Array) => Promise<never> | undefined;

/** The real file system, with `before` called ahead of every step, the steps on open files included. */
function stepping(before: BeforeStep): StoreFs {
  const step =
    <Args extends unknown[], Result>(name: string, run: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      await before(name);
      return run(...args);
    };
  return {
    mkdir: step('mkdir', nodeStoreFs.mkdir),
    create: step('create', async (path: string) => {
      const handle = await nodeStoreFs.create(path);
      return {
        async write(data) {
          await before('write', handle, data);
          return handle.write(data);
        },
        sync: step('sync', handle.sync),
        close: step('close', handle.close),
      };
    }),
    rename: step('rename', nodeStoreFs.rename),
    link: step('link', nodeStoreFs.link),
    unlink: step('unlink', nodeStoreFs.unlink),
    readdir: step('readdir', nodeStoreFs.readdir),
    readFile: step('readFile', nodeStoreFs.readFile),
    syncDir: step('syncDir', nodeStoreFs.syncDir),
    modifiedAt: step('modifiedAt', nodeStoreFs.modifiedAt),
  };
}

describe('createFileHoldStore with the audit log the releases write to', () => {
  /** Runs a release of `id` in a child process, killed as `stop` says, and resolves once it ended. */
  function releaseInChild(id: string, auditPath: string, stop?: 'stop-before-send') {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, '../support/release-from-folder.ts'),
        join(fixture.dir, 'held'),
        id,
        String(fixture.sink.port),
        auditPath,
        ...(stop ? [stop] : []),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<void>((ended) => child.on('exit', () => ended()));
    return { child, exited };
  }

  it('tells a release killed before its send began from one killed with the message at the server', async () => {
    const auditPath = join(fixture.dir, 'audit.jsonl');
    const folder = join(fixture.dir, 'held');
    const store = createFileHoldStore(folder, { auditLog: createJsonLinesAuditLog(auditPath) });
    try {
      const before = await holdOrder();
      await releaseInChild(before, auditPath, 'stop-before-send').exited;

      const after = await holdOrder();
      const reached = neverAnswerData(fixture.sink);
      const late = releaseInChild(after, auditPath);
      await reached;
      late.child.kill('SIGKILL');
      await late.exited;
      fixture.sink.onMessage = undefined;

      const listed = await store.list();
      expect(listed.find((entry) => entry.id === before)).toMatchObject({
        state: 'releasing',
        releaseProgress: 'not-started',
      });
      expect(listed.find((entry) => entry.id === after)).toMatchObject({
        state: 'releasing',
        releaseProgress: 'started',
      });
      expect((await store.get(after))?.releaseProgress).toBe('started');
      // Without the log, nothing is said of it.
      expect(await createFileHoldStore(folder).get(after)).not.toHaveProperty('releaseProgress');
      for (const id of [before, after]) expect(await store.discard(id, { force: true })).toBe(true);
    } finally {
      await rm(auditPath, { force: true });
    }
  }, 60_000);
});

describe('two forced releases of a lock a stopped process left, racing', () => {
  it('sends the message once: a take-over never moves the lock the other one took meanwhile', async () => {
    const held = await fixture.holdStore.hold(sampleInput('forced twice at once'));
    const folder = join(fixture.dir, 'held');
    const stopped = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((exited) => stopped.once('exit', exited));
    await writeFile(
      join(folder, `${held.id}.lock`),
      JSON.stringify({ pid: stopped.pid, host: hostname(), since: '2026-03-02T08:15:00.000Z' }),
    );
    // The first take-over has read the stopped owner and is held before it moves the lock, until
    // the second has taken the lock over and is sending (the server holds its DATA meanwhile).
    let sending: () => void = () => undefined;
    const secondSending = new Promise<void>((reached) => {
      sending = reached;
    });
    const slow = openFileHoldStore(folder, {
      ...nodeStoreFs,
      rename: async (from, to) => {
        if (from.endsWith('.lock')) await secondSending;
        return nodeStoreFs.rename(from, to);
      },
    });
    let firstEnded: () => void = () => undefined;
    const firstDone = new Promise<void>((ended) => {
      firstEnded = ended;
    });
    // Only the first message waits: a second one (both sent) is answered, and counted.
    fixture.sink.onMessage = () => {
      if (fixture.sink.received.length > 1) return undefined;
      sending();
      return firstDone;
    };
    try {
      const first = slow
        .release(held.id, guardedTransport(), { to: GOOD, ...WHO, force: true })
        .finally(firstEnded);
      const second = createFileHoldStore(folder).release(held.id, guardedTransport(), {
        to: GOOD,
        ...WHO,
        force: true,
      });
      const [firstOutcome, secondOutcome] = await Promise.allSettled([first, second]);
      expect(secondOutcome.status).toBe('fulfilled');
      expect(firstOutcome.status).toBe('rejected');
      expect((firstOutcome as PromiseRejectedResult).reason).toBeInstanceOf(HeldMessageClaimedError);
      expect((firstOutcome as PromiseRejectedResult).reason.message).toMatch(/which is still running/);
    } finally {
      fixture.sink.onMessage = undefined;
    }
    expect(fixture.sink.received).toHaveLength(1);
    expect(await readdir(folder)).toEqual([]);
  });
});
