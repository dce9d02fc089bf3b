import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeldMessageClaimedError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import type { AuditLog } from '../../src/nodemailer/audit-log.js';
import { discardAndRecord } from '../../src/nodemailer/discard-and-record.js';
import type { HoldInput, HoldStore } from '../../src/nodemailer/hold-store.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { RELEASE_LOCK_NAMESPACE } from '../../src/postgres/with-release-lock.js';
import { customers, smtpTransport, usePipelineFixture } from '../support/pipeline.js';
import { neverAnswerData } from '../support/smtp-sink.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const fixture = usePipelineFixture();

const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const WHO = { by: 'lena@butiken.se', reason: 'address read back on the phone' };
const SCHEMA = 'hold';

let store: HoldStore;
beforeAll(async () => {
  await migrate(database.pool, { schema: SCHEMA });
  store = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
});

function guardedTransport() {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
      resolveCustomer: () => 'C-1001',
      holdStore: store,
      auditLog: fixture.audit,
    }),
  );
  return transporter;
}

function sampleInput(text: string): HoldInput {
  return {
    raw: Buffer.from(`From: order@butiken.se\r\nTo: ${TYPO}\r\nSubject: ${text}\r\n\r\n${text}\r\n`),
    envelope: { from: 'order@butiken.se', to: [TYPO] },
    action: 'block',
    recipients: [],
    customerId: 'C-1001',
    messageId: `<${text}@butiken.se>`,
  };
}

/** Another instance of the application, set up to release `id` and waiting for `go()`. */
interface Instance {
  readonly child: ChildProcess;
  /** Resolves once it is connected and waiting. */
  readonly ready: Promise<void>;
  /** Starts its release. */
  go(): void;
  /** Resolves with what it printed after `ready`. */
  readonly exited: Promise<string>;
}

function startInstance(
  id: string,
  port: number,
  options: { force?: boolean; audited?: boolean } = {},
): Instance {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve(__dirname, '../support/release-from-postgres.ts'),
      SCHEMA,
      id,
      String(port),
      ...(options.force ? ['force'] : []),
      ...(options.audited ? ['audited'] : []),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, PGDATABASE: database.name } },
  );
  let output = '';
  let isReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => {
    isReady = resolveReady;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith('ready\n')) isReady();
  });
  const exited = new Promise<string>((resolveExit, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolveExit(output.replace(/^ready\n/, '').trim()));
  });
  return { child, ready, go: () => child.stdin?.end('go\n'), exited };
}

async function stateOf(id: string): Promise<string | undefined> {
  const { rows } = await database.pool.query(`SELECT state FROM ${SCHEMA}.held_message WHERE id = $1`, [id]);
  return rows[0]?.state;
}

/** Resolves once no session holds a release lock (the server has ended a killed process's backend). */
async function releaseLocksFreed(): Promise<void> {
  for (;;) {
    const { rows } = await database.pool.query<{ held: number }>(
      "SELECT count(*)::integer AS held FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objsubid = 2",
      [RELEASE_LOCK_NAMESPACE],
    );
    if (rows[0]?.held === 0) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

describe('createPostgresHoldStore', () => {
  it('holds a whole message with its verdicts in one row, and releases a correction once', async () => {
    const error = await guardedTransport()
      .sendMail({
        from: 'order@butiken.se',
        to: `Anna Svensson <${TYPO}>`,
        subject: 'Order 4711',
        text: 'Tack.',
      })
      .catch((caught) => caught);
    const id: string = error.holdId;
    expect(id).toBeTruthy();
    const [listed] = await store.list();
    expect(listed).toMatchObject({ id, action: 'block', customerId: 'C-1001', state: 'held' });
    expect(listed?.recipients[0]).toMatchObject({ address: TYPO, verdict: { action: 'block' } });
    const whole = await store.get(id);
    expect(whole?.raw.byteLength).toBe(listed?.size);
    expect((await simpleParser(whole?.raw ?? '')).subject).toBe('Order 4711');

    const result = await store.release(id, guardedTransport(), { to: GOOD, ...WHO });
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
    expect(result.envelope.to).toEqual([GOOD]);
    expect(await store.list()).toEqual([]);
    await expect(store.release(id, guardedTransport(), WHO)).rejects.toMatchObject({
      code: 'HOLD_STORE_FAILED',
    });
    expect(await store.discard(id)).toBe(false);
  });

  it('keeps the subject in a column of its own, so the list names it without reading the message', async () => {
    const error = await guardedTransport()
      .sendMail({ from: 'order@butiken.se', to: TYPO, subject: 'Orderbekräftelse 4712', text: 'Tack.' })
      .catch((caught) => caught);
    const id: string = error.holdId;
    const { rows } = await database.pool.query(`SELECT subject FROM ${SCHEMA}.held_message WHERE id = $1`, [
      id,
    ]);
    expect(rows).toEqual([{ subject: 'Orderbekräftelse 4712' }]);
    // The message itself replaced by as many bytes with no subject: the list still names it, from its
    // column (it reads no message; get and release check the message against the row's digest).
    const { rows: sizes } = await database.pool.query<{ size: number }>(
      `SELECT octet_length(raw) AS size FROM ${SCHEMA}.held_message WHERE id = $1`,
      [id],
    );
    await database.pool.query(
      `UPDATE ${SCHEMA}.held_message SET raw = decode(repeat('00', octet_length(raw)), 'hex') WHERE id = $1`,
      [id],
    );
    expect((await store.list()).find((entry) => entry.id === id)).toMatchObject({
      id,
      subject: 'Orderbekräftelse 4712',
      size: sizes[0]?.size,
    });
    expect(await store.discard(id)).toBe(true);
  });

  it('keeps a message held when the send fails, and discards it', async () => {
    const held = await store.hold(sampleInput('refused'));
    fixture.sink.refuse.add(GOOD);
    await expect(store.release(held.id, guardedTransport(), { to: GOOD, ...WHO })).rejects.toBeTruthy();
    expect(await stateOf(held.id)).toBe('held');
    expect(await store.discard(held.id)).toBe(true);
    expect(await store.get(held.id)).toBeUndefined();
  });

  it('says when another release claimed a message, and that force is only for a stopped one', async () => {
    const held = await store.hold(sampleInput('claimed'));
    expect((await store.get(held.id))?.releasingSince).toBeUndefined();
    const sent = fixture.sink.received.length;
    // Claimed by another instance's release, as its UPDATE leaves the row.
    await database.pool.query(
      `UPDATE ${SCHEMA}.held_message SET state = 'releasing', releasing_since = '2026-12-01T12:00:00Z' WHERE id = $1`,
      [held.id],
    );
    const released =
      /another release claimed it at 2026-12-01T12:00:00\.000Z; use \{ force: true \} only if the process of that release stopped/;
    // A discard is told why it cannot discard, and what force would do.
    const discarded =
      /cannot be discarded: a release claimed it at 2026-12-01T12:00:00\.000Z and may be sending it to the recipient; discard it with \{ force: true \} only once the process of that release has stopped; the audit log shows no send of it begun/;
    for (const [work, said] of [
      [() => store.release(held.id, guardedTransport(), { to: GOOD, ...WHO }), released],
      [() => store.discard(held.id), discarded],
      [
        () => discardAndRecord(store, undefined, held.id, { by: 'lena', reason: 'duplicate', where: 'api' }),
        discarded,
      ],
    ] as const) {
      const error = await work().catch((caught) => caught);
      expect(error).toBeInstanceOf(HeldMessageClaimedError);
      expect(error).toMatchObject({ holdId: held.id, claimedAt: '2026-12-01T12:00:00.000Z' });
      expect(error.code).toBe('HOLD_STORE_FAILED');
      expect(error.message).toMatch(said);
    }
    expect(await stateOf(held.id)).toBe('releasing');
    // Listed and read with the time of the claim, as the HoldStore contract gives it.
    expect((await store.list()).find((entry) => entry.id === held.id)).toMatchObject({
      state: 'releasing',
      releasingSince: '2026-12-01T12:00:00.000Z',
    });
    expect((await store.get(held.id))?.releasingSince).toBe('2026-12-01T12:00:00.000Z');
    expect(fixture.sink.received).toHaveLength(sent);
    expect(await store.discard(held.id, { force: true })).toBe(true);
  });

  it('refuses an id it did not give out and options that break their schema, naming the field', async () => {
    await expect(store.get('../etc/passwd')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
    const held = await store.hold(sampleInput('options'));
    await expect(store.release(held.id, guardedTransport(), { by: ' ', reason: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'options.by',
    });
    await store.discard(held.id);
  });

  it('sends a message that two instances release at the same time exactly once', async () => {
    for (let round = 0; round < 2; round++) {
      fixture.sink.received.splice(0);
      const held = await store.hold(sampleInput(`race ${round}`));
      const instances = [
        startInstance(held.id, fixture.sink.port),
        startInstance(held.id, fixture.sink.port),
      ];
      await Promise.all(instances.map((instance) => instance.ready));
      for (const instance of instances) instance.go();
      const outcomes = await Promise.all(instances.map((instance) => instance.exited));
      expect(outcomes.sort()).toEqual([expect.stringMatching(/^refused HOLD_STORE_FAILED /), 'released']);
      expect(fixture.sink.received).toHaveLength(1);
      expect(await store.get(held.id)).toBeUndefined();
    }
  }, 120_000);

  describe('an instance killed mid-release', () => {
    // An SMTP server that accepts the connection and never answers: the send hangs until the kill.
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', ready));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => silent.close(closed));
    });

    it('leaves the message releasing: never sent again by itself, only with { force: true }', async () => {
      const held = await store.hold(sampleInput('killed'));
      const port = (silent.address() as { port: number }).port;
      const instance = startInstance(held.id, port);
      await instance.ready;
      instance.go();
      // Killed (SIGKILL: nothing of it runs after) once its claim is committed, mid-send.
      while ((await stateOf(held.id)) !== 'releasing') await new Promise((wait) => setTimeout(wait, 50));
      instance.child.kill('SIGKILL');
      expect(await instance.exited).toBe('');

      const listed = (await store.list()).find((entry) => entry.id === held.id);
      expect(listed?.state).toBe('releasing');
      // The claim's time, from the server's clock, between holding and now.
      expect(Date.parse(listed?.releasingSince ?? '')).toBeGreaterThanOrEqual(Date.parse(held.heldAt) - 1000);
      expect(Date.parse(listed?.releasingSince ?? '')).toBeLessThanOrEqual(Date.now() + 1000);
      await expect(store.release(held.id, guardedTransport(), { to: GOOD, ...WHO })).rejects.toMatchObject({
        code: 'HOLD_STORE_FAILED',
      });
      await expect(store.discard(held.id)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
      expect(fixture.sink.received).toHaveLength(0);

      await releaseLocksFreed();
      await store.release(held.id, guardedTransport(), { to: GOOD, ...WHO, force: true });
      expect(fixture.sink.received).toHaveLength(1);
      expect(await store.get(held.id)).toBeUndefined();
    }, 120_000);

    it('sends it once when two operators force its release at the same time', async () => {
      const held = await store.hold(sampleInput('killed, then forced twice'));
      const stuck = startInstance(held.id, (silent.address() as { port: number }).port);
      await stuck.ready;
      stuck.go();
      while ((await stateOf(held.id)) !== 'releasing') await new Promise((wait) => setTimeout(wait, 50));
      stuck.child.kill('SIGKILL');
      await stuck.exited;
      await releaseLocksFreed();

      fixture.sink.received.splice(0);
      const forced = [
        startInstance(held.id, fixture.sink.port, { force: true }),
        startInstance(held.id, fixture.sink.port, { force: true }),
      ];
      await Promise.all(forced.map((instance) => instance.ready));
      // The server answers the DATA of the one that sends only once the other has ended, so the
      // two overlap whichever of them is faster.
      const firstEnded = Promise.race(forced.map((instance) => instance.exited));
      fixture.sink.onMessage = () => firstEnded;
      try {
        for (const instance of forced) instance.go();
        const outcomes = await Promise.all(forced.map((instance) => instance.exited));
        expect(outcomes.sort()).toEqual(['refused HOLD_STORE_FAILED HeldMessageClaimedError', 'released']);
      } finally {
        fixture.sink.onMessage = undefined;
      }
      expect(fixture.sink.received).toHaveLength(1);
      expect(await store.get(held.id)).toBeUndefined();
    }, 120_000);
    it('tells a release killed before its send began from one killed with the message at the server', async () => {
      // Killed before: its audit line waits for the log's append lock, which this test holds.
      const before = await store.hold(sampleInput('killed before the send'));
      const appends = await database.pool.connect();
      await appends.query('SELECT pg_advisory_lock(hashtext($1))', [`email-guard audit "${SCHEMA}"`]);
      const early = startInstance(before.id, fixture.sink.port, { audited: true });
      try {
        await early.ready;
        early.go();
        while ((await stateOf(before.id)) !== 'releasing') await new Promise((wait) => setTimeout(wait, 20));
        early.child.kill('SIGKILL');
        await early.exited;
      } finally {
        await appends.query('SELECT pg_advisory_unlock(hashtext($1))', [`email-guard audit "${SCHEMA}"`]);
        appends.release();
      }

      // Killed after: the server has the message and never answers its DATA.
      const after = await store.hold(sampleInput('killed at the server'));
      const reached = neverAnswerData(fixture.sink);
      const late = startInstance(after.id, fixture.sink.port, { audited: true });
      try {
        await late.ready;
        late.go();
        await reached;
        late.child.kill('SIGKILL');
        await late.exited;
      } finally {
        fixture.sink.onMessage = undefined;
      }
      await releaseLocksFreed();

      const listed = await store.list();
      expect(listed.find((entry) => entry.id === before.id)).toMatchObject({
        state: 'releasing',
        releaseProgress: 'not-started',
      });
      expect(listed.find((entry) => entry.id === after.id)).toMatchObject({
        state: 'releasing',
        releaseProgress: 'started',
      });
      expect((await store.get(after.id))?.releaseProgress).toBe('started');
      await expect(store.discard(before.id)).rejects.toThrow(
        /cannot be discarded: a release claimed it at .* discard it with \{ force: true \} only once the process of that release has stopped; the audit log shows no send of it begun/,
      );
      await expect(store.discard(after.id)).rejects.toThrow(
        /cannot be discarded: .*; the audit log says its send began and never ended, so it may have reached the mail server/,
      );
      for (const id of [before.id, after.id]) expect(await store.discard(id, { force: true })).toBe(true);
    }, 120_000);
  });

  describe('a sent message whose row its instance could not delete', () => {
    // A trigger refuses the row's DELETE while the flag is set, as a server gone away would.
    beforeAll(async () => {
      await database.pool.query(`
        CREATE TABLE ${SCHEMA}.refuse_delete (on_purpose boolean);
        CREATE FUNCTION ${SCHEMA}.refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT FROM ${SCHEMA}.refuse_delete) THEN RAISE EXCEPTION 'delete refused'; END IF;
          RETURN OLD;
        END $$;
        CREATE TRIGGER refuse_delete BEFORE DELETE ON ${SCHEMA}.held_message
          FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.refuse_delete();`);
    });
    afterAll(async () => {
      await database.pool.query(
        `DROP TRIGGER refuse_delete ON ${SCHEMA}.held_message; DROP TABLE ${SCHEMA}.refuse_delete; DROP FUNCTION ${SCHEMA}.refuse_delete()`,
      );
    });

    it("is no longer offered for release by another instance's list, which deletes it", async () => {
      const held = await store.hold(sampleInput('sent, row left'));
      await database.pool.query(`INSERT INTO ${SCHEMA}.refuse_delete VALUES (true)`);
      const sender = startInstance(held.id, fixture.sink.port, { audited: true });
      await sender.ready;
      sender.go();
      expect(await sender.exited).toBe('released');
      expect(fixture.sink.received).toHaveLength(1);
      expect(await stateOf(held.id)).toBe('releasing');

      // Another instance: it can read the log's released line, but not yet delete the row.
      const other = createPostgresHoldStore({ pool: database.newPool(), schema: SCHEMA });
      expect((await other.list()).find((entry) => entry.id === held.id)).toMatchObject({
        state: 'releasing',
        releaseProgress: 'sent',
      });
      await expect(other.discard(held.id)).rejects.toThrow(/the audit log says it WAS sent/);

      await database.pool.query(`DELETE FROM ${SCHEMA}.refuse_delete`);
      expect((await other.list()).map((entry) => entry.id)).not.toContain(held.id);
      expect(await stateOf(held.id)).toBeUndefined();
      expect(await other.get(held.id)).toBeUndefined();
      expect(fixture.sink.received).toHaveLength(1);
    }, 120_000);
  });

  it('refuses to force a release or a discard while a live release is sending the message', async () => {
    const held = await store.hold(sampleInput('live release'));
    fixture.sink.received.splice(0);
    // The live release is stopped in DATA: the server has the message and holds its answer.
    let answer: () => void = () => undefined;
    let inData: () => void = () => undefined;
    const reachedData = new Promise<void>((resolveData) => {
      inData = resolveData;
    });
    fixture.sink.onMessage = () => {
      inData();
      return new Promise<void>((resolveAnswer) => {
        answer = resolveAnswer;
      });
    };
    try {
      const live = store.release(held.id, guardedTransport(), { to: GOOD, ...WHO });
      await reachedData;
      // Another instance, on its own pool, as the on-call engineer would run it.
      const other = createPostgresHoldStore({ pool: database.newPool(), schema: SCHEMA });
      for (const work of [
        () => other.release(held.id, guardedTransport(), { to: GOOD, ...WHO, force: true }),
        () => other.discard(held.id, { force: true }),
        () => other.discardWithRecord?.(held.id, async () => undefined, { force: true }),
      ]) {
        const error = (await Promise.resolve()
          .then<unknown>(work)
          .catch((caught) => caught)) as HeldMessageClaimedError;
        expect(error).toBeInstanceOf(HeldMessageClaimedError);
        expect(error.holdId).toBe(held.id);
        expect(error.message).toMatch(
          /being released or discarded by a live process.*\{ force: true \} is refused/,
        );
      }
      answer();
      await live;
    } finally {
      fixture.sink.onMessage = undefined;
    }
    expect(fixture.sink.received).toHaveLength(1);
    expect(await store.get(held.id)).toBeUndefined();
  });
});

describe('a discard racing a release on the PostgreSQL hold store', () => {
  it('ends in one of the two, never both: a release started while the discard is recorded is refused', async () => {
    const held = await store.hold(sampleInput('discard-race'));
    const transporter = guardedTransport();
    let release: Promise<unknown> | undefined;
    let discardedLines = 0;
    const auditLog: AuditLog = {
      async record(entry) {
        if (entry.outcome !== 'discarded') return;
        discardedLines++;
        // The release starts while the line is written; it is given a second to get through.
        release = store.release(held.id, transporter, { to: GOOD, ...WHO }).then(
          () => 'released',
          (error: unknown) => error,
        );
        await Promise.race([release, new Promise((resolve) => setTimeout(resolve, 1000))]);
      },
    };
    const discarded = await discardAndRecord(store, auditLog, held.id, {
      by: 'lena@butiken.se',
      reason: 'duplicate',
      where: 'api',
    });
    const released = await release;
    transporter.close();
    expect({ sent: fixture.sink.received.length, discardedLines }).toEqual({ sent: 0, discardedLines: 1 });
    expect(discarded).toMatchObject({ id: held.id });
    expect(released).toMatchObject({ code: 'HOLD_STORE_FAILED' });
    expect(await store.get(held.id)).toBeUndefined();
  });
});
