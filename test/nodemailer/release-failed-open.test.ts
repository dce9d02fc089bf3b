import { describe, expect, it } from 'vitest';
import { LookupFailedError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { RELEASED_BY } from '../support/fewer-customers.js';
import { holdMessage } from '../support/hold-message.js';
import { type PipelineFixture, smtpTransport, usePipelineFixture } from '../support/pipeline.js';

const fixture = usePipelineFixture();

/** A transporter whose guard fails open and whose customer lookup always fails. */
function failingOpen(fixture: PipelineFixture) {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({
        locale: 'en',
        failOpen: true,
        lookupCustomer: async () => {
          throw new Error('connection refused');
        },
      }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return transporter;
}

describe('a release whose customer lookup fails under failOpen', () => {
  it('is refused with LOOKUP_FAILED and the message stays held, since a release is never weaker than the hold', async () => {
    const id = await holdMessage(fixture, 'anna.svensson@outlook.com');
    const refusal = await fixture.holdStore
      .release(id, failingOpen(fixture), RELEASED_BY)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(LookupFailedError);
    expect(refusal).toMatchObject({ code: 'LOOKUP_FAILED', holdId: id });
    expect((refusal as Error).message.replace(id, 'ID')).toMatchInlineSnapshot(
      `"Release of ID refused, the message stays held: the customer C-1001 could not be looked up at release, and a release never goes out on a failed lookup (failOpen lets new mail through, never held mail). Release it again once the customer lookup answers, or with sendDespiteBlock (--send-despite-block) on your own account"`,
    );
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
    expect(fixture.audit.entries.at(-1)?.outcome).toBe('release-refused');
  });

  it('refuses a corrected recipient confirmed as new the same way, and sends nothing', async () => {
    const id = await holdMessage(fixture, 'anna.svensson@outlook.com');
    const release = fixture.holdStore.release(id, failingOpen(fixture), {
      ...RELEASED_BY,
      to: 'anna@svenssonbygg.se',
      confirmNew: true,
    });
    await expect(release).rejects.toMatchObject({ code: 'LOOKUP_FAILED', holdId: id });
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });
});
