import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { RELEASE_LOCK_NAMESPACE } from '../../src/postgres/with-release-lock.js';
import { type CliRun, runBuiltCli } from '../support/built-cli.js';
import { databaseReleaseArgs, databaseUrl } from '../support/database-release.js';
import { holdMessage } from '../support/hold-message.js';
import { memoryAuditLog, usePipelineFixture } from '../support/pipeline.js';
import { releaseHeldAtServer } from '../support/release-held-at-server.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { usePostgres } from '../support/use-postgres.js';
import { usePostgresHolds } from '../support/use-postgres-holds.js';

const fixture = usePipelineFixture();
const database = usePostgres();
const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const SCHEMA = 'shop_a';
// An id of the form the stores give out, held nowhere.
const ID = '20261201T152856518Z-0ed9a29a-89c7-48b7-a7e9-e186e8d013f7';

const url = () => databaseUrl(database.name);

/** Runs `email-guard holds <args> --database URL --schema shop_a` (in this process; the built command runs below). */
const holds = (...args: string[]) =>
  runCliInProcess(['holds', ...args, '--database', url(), '--schema', SCHEMA]);

/** The built `holds release ID <more>` on the schema, by lena@butiken.se, through the fixture's server. */
const releaseArgs = (id: string, ...more: string[]) =>
  databaseReleaseArgs(id, { port: fixture.sink.port, url: url(), schema: SCHEMA }, more);

let store: HoldStore;

/** Holds a whole message with To and Cc in its header, given with no envelope (nodemailer's `raw`). */
const holdRaw = () =>
  holdMessage({ ...fixture, holdStore: store, audit: memoryAuditLog() }, '', {
    raw: [
      'From: order@butiken.se',
      `To: ${TYPO}`,
      'Cc: erik.lind@telia.com',
      'Subject: Orderbekräftelse',
      '',
      'Tack för din beställning.',
      '',
    ].join('\r\n'),
  });

/** Sends an order for C-1001 through the real pipeline into the PostgreSQL hold store. */
const hold = (to: string) => holdMessage({ ...fixture, holdStore: store, audit: memoryAuditLog() }, to);

/** The outcomes the schema's audit log holds for `id`, in order. */
async function outcomes(id: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ outcome: string }>(
    `SELECT entry::json ->> 'outcome' AS outcome FROM ${SCHEMA}.audit_log WHERE entry::json ->> 'holdId' = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((row) => row.outcome);
}

/** What a process that stopped mid-send leaves: the row claimed, no session holding its lock. */
const leftReleasing = (id: string) =>
  database.pool.query(
    `UPDATE ${SCHEMA}.held_message SET state = 'releasing', releasing_since = now() WHERE id = $1`,
    [id],
  );

/** Runs `work` while this process's own session holds the message's release lock, as a live release does. */
async function whileReleasing<T>(id: string, work: () => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  const key = [RELEASE_LOCK_NAMESPACE, `"${SCHEMA}".${id}`];
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', key);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', key);
    client.release();
  }
}

usePostgresHolds(database, SCHEMA, (created) => {
  store = created;
});

// Each test runs the built command several times, seconds each on a loaded machine: their own timeout.
describe('email-guard holds --database', () => {
  it('lists and shows the held messages of the PostgreSQL store with the fields the folder store gives', async () => {
    const id = await hold(TYPO);
    const list = await holds('list');
    expect(list.stderr).toBe('');
    expect(list.status).toBe(1);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain(`to: ${TYPO} block -> ${GOOD}`);

    // The same message held in a folder: the same fields, but for the id and the times.
    const folderId = await holdMessage(fixture, TYPO);
    const folder = await runBuiltCli(['holds', 'list', '--json', '--store', join(fixture.dir, 'held')], {
      cwd: fixture.dir,
    });
    const [fromDatabase] = JSON.parse((await holds('list', '--json')).stdout);
    const [fromFolder] = JSON.parse(folder.stdout);
    const comparable = ({ id: _id, heldAt: _at, messageId: _messageId, ...rest }: Record<string, unknown>) =>
      rest;
    expect(fromFolder.id).toBe(folderId);
    expect(comparable(fromDatabase)).toEqual(comparable(fromFolder));
    expect(fromDatabase).toMatchObject({
      id,
      action: 'block',
      customerId: 'C-1001',
      age: '0 min',
      state: 'held',
    });

    const show = await holds('show', id);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('subject:   Orderbekräftelse <4711>');
    expect(show.stdout).toContain('near-miss: Looks like a typo');
  }, 120_000);

  it('releases against the PostgreSQL directory and writes the PostgreSQL audit log', async () => {
    const id = await hold(TYPO);
    const release = (...more: string[]) => runCliInProcess(releaseArgs(id, ...more));
    const uncorrected = await release();
    expect(uncorrected.status).toBe(2);
    expect(uncorrected.stderr).toContain('give the corrected recipients with --to');
    // Erik Lind's address is in the database's directory only: a correction to it is another customer's.
    const otherCustomer = await release('--to', 'erik.lind@telia.com');
    expect(otherCustomer.status).toBe(1);
    expect(otherCustomer.stderr).toContain(`${id} stays held`);
    expect(otherCustomer.stderr).toContain('belongs-to-other-customer');
    expect(fixture.sink.received).toHaveLength(0);

    const released = await release('--to', GOOD);
    expect(released.stderr).toBe('');
    expect(released.status).toBe(0);
    expect(released.stdout).toBe(`released ${id} to ${GOOD}\n`);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
    // Both refusals are audited: the one without corrected recipients, and the other customer's address.
    expect(await outcomes(id)).toEqual(['release-refused', 'release-refused', 'release-started', 'released']);
    expect(await store.get(id)).toBeUndefined();
  }, 120_000);

  it('discards into the PostgreSQL audit log, or into the file --audit-log names', async () => {
    const discard = (id: string, ...more: string[]) =>
      holds('discard', id, '--by', 'lena@butiken.se', '--reason', 'dubblett', '--yes', ...more);
    const id = await hold(TYPO);
    const discarded = await discard(id);
    expect(discarded.stderr).toBe('');
    expect(discarded.status).toBe(0);
    expect(discarded.stdout).toBe(`discarded ${id}\n`);
    expect(await outcomes(id)).toEqual(['discarded']);
    expect(await store.get(id)).toBeUndefined();

    const logged = await hold(TYPO);
    const file = join(fixture.dir, 'discards.audit.jsonl');
    expect((await discard(logged, '--audit-log', file)).status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ outcome: 'discarded', holdId: logged });
    expect(await outcomes(logged)).toEqual([]);
  }, 120_000);

  it('says in one line which server could not be reached, and why', async () => {
    const unreachable = await runBuiltCli(
      ['holds', 'list', '--database', 'postgresql://guard@127.0.0.1:1/shop'],
      { cwd: fixture.dir },
    );
    expect(unreachable.status).toBe(3);
    expect(unreachable.stdout).toBe('');
    expect(unreachable.stderr).toBe(
      'email-guard: --database 127.0.0.1:1/shop: cannot connect (connect ECONNREFUSED 127.0.0.1:1)\n',
    );
  });

  it('says in one line that a schema was never migrated', async () => {
    const run = await runBuiltCli(['holds', 'list', '--database', url(), '--schema', 'never_migrated'], {
      cwd: fixture.dir,
    });
    expect(run.status).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('schema never_migrated has no email-guard tables: run migrate');
  });

  it('shows a raw message held with no envelope with the recipients its header names', async () => {
    const id = await holdRaw();
    const shown = await holds('show', id);
    expect(shown.stdout).toMatch(
      new RegExp(
        `\\nenvelope: +no envelope given; the message's header recipients: To ${TYPO}; Cc erik\\.lind@telia\\.com\\n`,
      ),
    );
    expect(shown.stdout).not.toContain(' - -> ');
    const swedish = await holds('show', id, '--locale', 'sv');
    expect(swedish.stdout).toContain(
      `inget kuvert angivet; mottagarna i meddelandets huvud: To ${TYPO}; Cc erik.lind@telia.com\n`,
    );
    const json = JSON.parse((await holds('show', id, '--json')).stdout);
    expect(json).toMatchObject({
      envelope: { to: [] },
      envelopeGiven: false,
      headerRecipients: { to: [TYPO], cc: ['erik.lind@telia.com'] },
    });
  }, 120_000);

  it("says on holds list's row of a raw message held with no envelope that it has none", async () => {
    const id = await holdRaw();
    const list = await holds('list');
    expect(list.stdout).toMatch(
      new RegExp(
        `${id} .*no envelope given \\(the recipients are the message header's\\) +customer C-1001 +to: `,
      ),
    );
    expect((await holds('list', '--locale', 'sv')).stdout).toContain(
      'inget kuvert angivet (mottagarna är de i meddelandets huvud)',
    );
    const [listed] = JSON.parse((await holds('list', '--json')).stdout);
    expect(listed).toMatchObject({
      id,
      envelopeGiven: false,
      headerRecipients: { to: [TYPO], cc: ['erik.lind@telia.com'] },
    });
  }, 120_000);

  it('gives up in one line (3) after --timeout while another session holds a lock on the held messages', async () => {
    const id = await hold(TYPO);
    const locker = await database.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${SCHEMA}.held_message IN ACCESS EXCLUSIVE MODE`);
      const list = await holds('list', '--timeout', '1');
      const show = await holds('show', id, '--timeout', '0.5', '--locale', 'sv');
      expect(list.status).toBe(3);
      expect(list.stdout).toBe('');
      expect(list.stderr).toMatch(
        /^email-guard: --database \S+ \(shop_a\): no answer within --timeout 1 s, waiting for a lock another session holds on the held messages \(SQLSTATE (55P03|57014)\); find it with SELECT \* FROM pg_locks WHERE NOT granted, and pg_stat_activity\n$/,
      );
      expect(show.status).toBe(3);
      expect(show.stderr).toMatch(
        /^email-guard: --database \S+ \(shop_a\): inget svar inom --timeout 0.5 s, väntar på ett lås som en annan session håller på de stoppade meddelandena \(SQLSTATE (55P03|57014)\); hitta den med SELECT \* FROM pg_locks WHERE NOT granted och pg_stat_activity\n$/,
      );
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    // The message is still there once the lock is let go.
    expect((await holds('list', '--timeout', '5')).stdout).toContain(id);
  }, 120_000);

  it('refuses a --timeout that is not a number of seconds, and one without --database', async () => {
    for (const value of ['abc', '0', '-1', '1e3']) {
      const run = await holds('list', '--timeout', value);
      expect(run.status, value).toBe(2);
      expect(run.stderr).toBe(
        `email-guard: --timeout ${value}: give the seconds as a positive number, e.g. 30\n`,
      );
    }
    const withStore = await runCliInProcess(['holds', 'list', '--store', fixture.dir, '--timeout', '5']);
    expect(withStore.status).toBe(2);
    expect(withStore.stderr).toBe(
      'email-guard: --timeout bounds the queries of --database URL: give --database too\n',
    );
  }, 120_000);

  it('refuses --store and --database together, neither, and --customers with --database, as usage errors', async () => {
    const usageErrors: [string[], string][] = [
      [
        ['list', '--store', fixture.dir, '--database', url()],
        'give either --store DIR or --database URL, not both',
      ],
      [['list'], 'give the hold store: --store DIR (a folder) or --database URL (PostgreSQL)'],
      [
        ['release', ID, '--database', url(), ...['--by', 'lena@butiken.se', '--reason', 'ok']].concat([
          '--smtp',
          'smtp://127.0.0.1:1',
          '--customers',
          'customers.csv',
        ]),
        '--customers: with --database the recipients are checked against its customers; leave --customers out',
      ],
    ];
    for (const [args, said] of usageErrors) {
      const run = await runCliInProcess(['holds', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toBe(`email-guard: ${said}\n`);
    }
  }, 120_000);
});

describe('email-guard holds --database --force', () => {
  it('discards and releases a message left releasing by a stopped process only with --force', async () => {
    const discardId = await hold(TYPO);
    await leftReleasing(discardId);
    const discard = (...more: string[]) =>
      holds('discard', discardId, '--by', 'lena@butiken.se', '--reason', 'not delivered', '--yes', ...more);
    const plain = await discard();
    expect(plain.status).toBe(1);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toContain('discard it with --force only if that process has stopped');
    const forced = await discard('--force');
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(await outcomes(discardId)).toEqual(['discarded']);

    const releaseId = await hold(TYPO);
    await leftReleasing(releaseId);
    const release = await holds(
      'release',
      releaseId,
      '--by',
      'lena@butiken.se',
      '--reason',
      'not delivered: checked the server log',
      '--to',
      GOOD,
      '--smtp',
      `smtp://127.0.0.1:${fixture.sink.port}`,
      '--force',
    );
    expect(release.stderr).toBe('');
    expect(release.status).toBe(0);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
  }, 120_000);

  it('refuses --force in one line while a live session holds the release', async () => {
    const id = await hold(TYPO);
    await leftReleasing(id);
    const [discard, release] = await whileReleasing(id, async () => [
      await holds('discard', id, '--by', 'lena@butiken.se', '--reason', 'x', '--yes', '--force'),
      await holds(
        'release',
        id,
        '--by',
        'lena@butiken.se',
        '--reason',
        'x',
        '--to',
        GOOD,
        '--smtp',
        `smtp://127.0.0.1:${fixture.sink.port}`,
        '--force',
      ),
    ]);
    for (const [run, command] of [
      [discard, 'discard'],
      [release, 'release'],
    ] as const) {
      expect(run?.status).toBe(1);
      expect(run?.stderr.trim().split('\n')).toHaveLength(1);
      expect(run?.stderr).toContain(
        `${id}: a release or discard of this message is still running in a live process`,
      );
      expect(run?.stderr).toContain(`so this ${command} did nothing`);
    }
    expect(fixture.sink.received).toHaveLength(0);
    expect((await store.get(id))?.state).toBe('releasing');
  }, 120_000);
});

/** The sessions holding a release lock of the schema's held messages (with-release-lock.ts). */
async function releaseLocks(): Promise<number> {
  const { rows } = await database.pool.query<{ count: string }>(
    `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objsubid = 2`,
    [RELEASE_LOCK_NAMESPACE],
  );
  return Number(rows[0]?.count);
}

describe('email-guard holds list and show --database: a release under way or in doubt', () => {
  it('names a release under way by whom and by its PostgreSQL session, not as in doubt', async () => {
    const id = await hold(TYPO);
    let list: CliRun | undefined;
    let show: CliRun | undefined;
    let listed: Record<string, unknown>[] = [];
    const first = await releaseHeldAtServer(fixture, releaseArgs(id, '--to', GOOD), async () => {
      list = await holds('list');
      show = await holds('show', id, '--locale', 'sv');
      listed = JSON.parse((await holds('list', '--json')).stdout);
    });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(list?.stdout).toMatch(
      /release under way by lena@butiken\.se \(PostgreSQL session \d+\) since .+: wait for it to end/,
    );
    expect(list?.stdout).not.toContain('in doubt');
    expect(show?.stdout).toMatch(/släpps just nu av lena@butiken\.se \(PostgreSQL-session \d+\) sedan /);
    expect(listed[0]).toMatchObject({
      id,
      state: 'releasing',
      releaseProgress: 'started',
      releaseStatus: 'under-way',
      releaseSession: { pid: expect.any(Number) },
    });
    expect(listed[0]).not.toHaveProperty('releaseInDoubt');
    expect(await outcomes(id)).toEqual(['release-started', 'released']);
  }, 120_000);

  it('says where a release in doubt went, when, by whom and the message-id to look for', async () => {
    const id = await hold(TYPO);
    const killed = await releaseHeldAtServer(fixture, releaseArgs(id, '--to', GOOD), async (child) => {
      child.kill('SIGKILL');
    });
    expect(killed.signal).toBe('SIGKILL');
    const messageId = fixture.sink.received[0]?.raw.toString('utf8').match(/^Message-ID: (.+)\r$/im)?.[1];
    expect(messageId).toBeDefined();
    // The server ends the killed command's session, and its lock with it, once it sees the socket closed.
    while ((await releaseLocks()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));

    const show = await holds('show', id);
    expect(show.stdout).toContain("release in doubt: check the mail server's log before releasing again");
    expect(show.stdout).toMatch(
      new RegExp(
        `a release to ${GOOD.replace(/\./g, '\\.')} was started at \\d{4}-.+ by lena@butiken\\.se; whether it was sent is not known: check the mail server's log for message-id ${messageId?.replace(/[.$]/g, '\\$&')} before releasing again`,
      ),
    );
    const [listed] = JSON.parse((await holds('list', '--json')).stdout);
    expect(listed).toMatchObject({
      id,
      releaseInDoubt: true,
      releaseStatus: 'in-doubt',
      releaseStarted: { by: 'lena@butiken.se', to: [GOOD], messageId },
    });
    expect(listed).not.toHaveProperty('releaseSession');
    const again = await runCliInProcess(releaseArgs(id, '--to', GOOD));
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`a release to ${GOOD} was started at`);
    expect(fixture.sink.received).toHaveLength(1);
  }, 120_000);
});
