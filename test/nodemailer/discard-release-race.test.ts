import { describe, expect, it } from 'vitest';
import { HeldMessageClaimedError } from '../../src/errors.js';
import type { AuditEntry, AuditLog } from '../../src/nodemailer/audit-log.js';
import { discardAndRecord } from '../../src/nodemailer/discard-and-record.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { holdMessage } from '../support/hold-message.js';
import { guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// RFC-free, but the audit log's promise: a held message is either released or discarded, and its
// lines say which. The `discarded` line is written before the message goes (fail closed); a release
// that runs between that line and the store's discard must not send it as well.
const fixture = usePipelineFixture();
const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';

describe('a discard racing a release of the same held message', () => {
  it('ends in one of the two, never both: a release started while the discard is recorded is refused', async () => {
    const id = await holdMessage(fixture, TYPO);
    const transporter = guardedTransport(fixture);
    const entries: AuditEntry[] = [];
    let release: Promise<unknown> | undefined;
    // The release is started while the discard's line is being written, and awaited before it is done.
    const auditLog: AuditLog = {
      async record(entry) {
        entries.push(entry);
        if (entry.outcome !== 'discarded') return;
        release = fixture.holdStore
          .release(id, transporter, { to: GOOD, by: 'erik@butiken.se', reason: 'read back' })
          .then(
            () => 'released',
            (error: unknown) => error,
          );
        await release;
      },
    };
    const discarded = await discardAndRecord(fixture.holdStore, auditLog, id, {
      by: 'lena@butiken.se',
      reason: 'duplicate',
      where: 'api',
    }).catch((error: unknown) => error);
    transporter.close();
    const released = await release;
    const sent = fixture.sink.received.length;
    const discardedLines = entries.filter((entry) => entry.outcome === 'discarded').length;
    // Either sent once and no discarded line, or discarded (with its line) and not sent.
    expect({ sent, discardedLines }).toEqual({ sent: 0, discardedLines: 1 });
    expect(discarded).toMatchObject({ id });
    expect(released).toBeInstanceOf(HeldMessageClaimedError);
    expect(released).toMatchObject({ code: 'HOLD_STORE_FAILED', holdId: id, claimedAt: expect.any(String) });
    expect(await fixture.holdStore.get(id)).toBeUndefined();
  });

  it('is refused as claimed, nothing logged, by a store that cannot record a discard while it holds the message', async () => {
    const id = await holdMessage(fixture, TYPO);
    const held = await fixture.holdStore.get(id);
    // A store of the caller's own with only the interface's required methods, its message mid-release.
    const store: HoldStore = {
      hold: fixture.holdStore.hold,
      list: fixture.holdStore.list,
      release: fixture.holdStore.release,
      discard: fixture.holdStore.discard,
      get: async () => (held ? { ...held, state: 'releasing' } : undefined),
    };
    const entries: AuditEntry[] = [];
    const refused = await discardAndRecord(store, { record: async (entry) => void entries.push(entry) }, id, {
      by: 'lena@butiken.se',
      reason: 'duplicate',
      where: 'api',
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HeldMessageClaimedError);
    expect(refused).toMatchObject({ code: 'HOLD_STORE_FAILED', holdId: id, claimedAt: undefined });
    expect(entries).toEqual([]);
    expect(await fixture.holdStore.get(id)).toMatchObject({ id, state: 'held' });
  });
});
