import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { createPostgresAuditLog, verifyAuditLog } from '../../src/postgres/create-postgres-audit-log.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { createPostgresVerificationStore } from '../../src/postgres/create-postgres-verification-store.js';
import { useOwnPostgresCluster } from '../support/own-postgres-cluster.js';

const RAW = Buffer.from('From: order@butiken.se\r\nTo: erik.lind@telia.se\r\nSubject: Order 12\r\n\r\nx\r\n');

async function caught(work: () => Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await work();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

// A cluster of its own: stopping the test run's cluster would fail every other file running now.
describe('the PostgreSQL stores when the server is stopped mid-use and started again', () => {
  const own = useOwnPostgresCluster();

  it('blocks checks with lookup-failed and fails each store with its typed error, then works again with nothing lost', async () => {
    const directory = createPostgresDirectory({ pool: own.pool });
    const holdStore = createPostgresHoldStore({ pool: own.pool });
    const verification = createPostgresVerificationStore({ pool: own.pool });
    const guard = createGuard({ directory, lookupTimeoutMs: 5000 });
    await directory.upsert([
      { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
      { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
    ]);
    const held = await holdStore.hold({
      raw: RAW,
      envelope: { from: 'order@butiken.se', to: ['erik.lind@telia.se'] },
      action: 'block',
      recipients: [],
      subject: 'Order 12',
    });
    const typo = { entered: 'anna.svensson185@gmail.com', customer: { id: 'NEW-1', name: 'Svensson, Anna' } };
    expect((await guard.check(typo)).findings[0]?.code).toBe('near-miss-other-customer');

    own.cluster.stopServer();
    const verdict = await guard.check(typo);
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({
      code: 'lookup-failed',
      reason: 'error',
      // A pooled connection sees the shutdown (57P01) or, once the socket is gone, the connect fails.
      error: expect.stringMatching(/^the lookup threw an error \(LOOKUP_FAILED, cause [0-9A-Z]{5,}\)$/),
    });
    const calls: [string, string, () => Promise<unknown>][] = [
      ['directory.findAddress', 'LOOKUP_FAILED', () => directory.findAddress({ entered: 'anna@example.se' })],
      ['directory.size', 'LOOKUP_FAILED', () => directory.size()],
      [
        'directory.upsert',
        'DIRECTORY_WRITE_FAILED',
        () => directory.upsert([{ id: 'C-3', emails: ['karin@bergbygg.se'] }]),
      ],
      ['directory.remove', 'DIRECTORY_WRITE_FAILED', () => directory.remove('C-2')],
      ['holdStore.list', 'HOLD_STORE_FAILED', () => holdStore.list()],
      [
        'holdStore.hold',
        'HOLD_STORE_FAILED',
        () =>
          holdStore.hold({ raw: RAW, envelope: { to: ['x@example.se'] }, action: 'block', recipients: [] }),
      ],
      ['holdStore.discard', 'HOLD_STORE_FAILED', () => holdStore.discard(held.id)],
      ['verification.read', 'VERIFICATION_STORE_FAILED', () => verification.read('customer-C-1')],
      ['verifyAuditLog', 'AUDIT_LOG_FAILED', () => verifyAuditLog(own.pool)],
    ];
    for (const [name, code, work] of calls) {
      const error = await caught(work);
      expect(error.code, name).toBe(code);
      expect(error.message, name).toMatch(/database could not be reached/);
      expect(error.cause, name).toBeDefined();
    }

    own.cluster.startServer();
    // The same pool and stores: new connections, the same answers, every row written before still there.
    expect((await guard.check(typo)).findings[0]?.code).toBe('near-miss-other-customer');
    expect(await directory.size()).toBe(2);
    const again = await holdStore.get(held.id);
    expect(again).toMatchObject({ id: held.id, state: 'held', subject: 'Order 12' });
    expect(again?.raw.equals(RAW)).toBe(true);
    // The write refused while the server was down goes in when made again.
    expect(await directory.upsert([{ id: 'C-3', emails: ['karin@bergbygg.se'] }])).toEqual({ upserted: 1 });
    expect((await directory.findAddress({ entered: 'karin@bergbygg.se' }))[0]?.customerId).toBe('C-3');
    expect(await holdStore.discard(held.id)).toBe(true);
  }, 120_000);
  it('fails each write under way when the server is stopped, without ending the process, and writes again once it is back', async () => {
    const auditLog = createPostgresAuditLog({ pool: own.pool });
    const verification = createPostgresVerificationStore({ pool: own.pool });
    const directory = createPostgresDirectory({ pool: own.pool });
    const writers: [string, string, (n: number) => Promise<unknown>][] = [
      [
        'auditLog.record',
        'AUDIT_LOG_FAILED',
        (n) =>
          auditLog.record({
            at: new Date().toISOString(),
            mode: 'enforce',
            outcome: 'sent',
            action: 'send',
            recipients: [
              { field: 'to', address: `kund${n}@example.se`, action: 'send', codes: ['exact-match'] },
            ],
          }),
      ],
      ['verification.update', 'VERIFICATION_STORE_FAILED', (n) => verification.update('loop', () => ({ n }))],
      [
        'directory.upsert',
        'DIRECTORY_WRITE_FAILED',
        (n) => directory.upsert([{ id: `L-${n % 5}`, emails: [`kund${n}@example.se`] }]),
      ],
    ];
    // Each writer in a loop of its own, so that a transaction is under way when the sessions end.
    let stopped = false;
    const failures: { name: string; code: string; error: Error & { code?: string } }[] = [];
    const loops = writers.map(async ([name, code, write]) => {
      for (let n = 0; !stopped; n++) {
        await write(n).catch((error) => failures.push({ name, code, error }));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    own.cluster.stopServer();
    await new Promise((resolve) => setTimeout(resolve, 300));
    stopped = true;
    await Promise.all(loops);

    expect(new Set(failures.map(({ name }) => name))).toEqual(new Set(writers.map(([name]) => name)));
    for (const { name, code, error } of failures) expect(error.code, name).toBe(code);

    own.cluster.startServer();
    for (const [name, , write] of writers) await expect(write(1000), name).resolves.not.toBeInstanceOf(Error);
    expect(await verifyAuditLog(own.pool)).toMatchObject({ ok: true });
  }, 120_000);
});
