import { describe, expect, it } from 'vitest';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { heldOrder } from '../support/hold-message.js';
import { useOwnPostgresCluster } from '../support/own-postgres-cluster.js';
import { guardedTransport, usePipelineFixture } from '../support/pipeline.js';

const fixture = usePipelineFixture();

// A cluster of its own: stopping the test run's cluster would fail every other file running now.
describe('a release whose row cannot be deleted after the send (the server stopped meanwhile)', () => {
  const own = useOwnPostgresCluster();

  it('says the message was sent and its row left releasing, and deletes the row on the next list', async () => {
    const holdStore = createPostgresHoldStore({ pool: own.pool, auditLog: false });
    const held = await holdStore.hold(heldOrder('Order 4730', 'anna.svensson185@gmail.com'));
    const transporter = guardedTransport(fixture, undefined, { holdStore, auditLog: fixture.audit });
    // The server stops once the message has arrived, before the store can delete its row.
    fixture.sink.onMessage = async () => {
      own.cluster.stopServer();
    };
    const warnings: Error[] = [];
    const listen = (warning: Error) => void warnings.push(warning);
    process.on('warning', listen);
    try {
      await holdStore.release(held.id, transporter, {
        to: 'anna.svensson1985@gmail.com',
        by: 'lena@butiken.se',
        reason: 'read back on the phone',
      });
      await new Promise((wait) => setImmediate(wait));
    } finally {
      process.off('warning', listen);
      fixture.sink.onMessage = undefined;
    }
    expect(fixture.sink.received).toHaveLength(1);
    const left = warnings.find(
      (warning) => (warning as { code?: string }).code === 'EMAIL_GUARD_SENT_ROW_LEFT',
    );
    expect(left?.message).toMatch(
      new RegExp(`held message ${held.id} WAS sent, .*left releasing.*discard it with \\{ force: true \\}`),
    );

    own.cluster.startServer();
    const { rows } = await own.pool.query(`SELECT state FROM email_guard.held_message WHERE id = $1`, [
      held.id,
    ]);
    expect(rows).toEqual([{ state: 'releasing' }]);
    expect((await holdStore.list()).map((entry) => entry.id)).not.toContain(held.id);
    expect(await holdStore.get(held.id)).toBeUndefined();
  }, 120_000);
});
