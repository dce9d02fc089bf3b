import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { holdMessage } from '../support/hold-message.js';
import { customers, directoryOfCustomers, smtpTransport, usePipelineFixture } from '../support/pipeline.js';

const fixture = usePipelineFixture();
// C-2002's address, on an order for C-1001.
const OTHERS = 'erik.lind@telia.com';
const WHO = { by: 'lena@butiken.se', reason: 'the customer said it is hers' };

/**
 * A transporter whose guard knows only C-1001: an export out of date, or filtered to the one
 * customer, so a check at release time cannot see whose address OTHERS is. The releases say the
 * smaller file is meant (`fewerCustomers`): what the hold stopped must stand even then.
 */
function transportKnowingOnlyTheCustomer() {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ directory: createDirectory([customers['C-1001'] as (typeof customers)[string]]) }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return transporter;
}

/** Holds an order for C-1001 to C-2002's address, checked against both: `belongs-to-other-customer`. */
const holdForOtherCustomer = () => holdMessage(fixture, OTHERS, { directory: directoryOfCustomers() });

describe('a verdict stored when the message was held', () => {
  it("refuses a library release to another customer's address that the release's directory does not know", async () => {
    const id = await holdForOtherCustomer();
    const release = fixture.holdStore.release(id, transportKnowingOnlyTheCustomer(), {
      ...WHO,
      fewerCustomers: true,
      confirmNew: true,
    });
    await expect(release).rejects.toMatchObject({
      code: 'RECIPIENT_BLOCKED',
      message: expect.stringContaining(
        `${OTHERS} was blocked or found to be another customer's address when the message was held`,
      ),
    });
    expect(fixture.sink.received).toHaveLength(0);
    expect((await fixture.holdStore.get(id))?.id).toBe(id);
    expect(fixture.audit.entries.at(-1)?.outcome).toBe('release-refused');
  });

  it('refuses the same address typed again as a correction, in any case', async () => {
    const id = await holdForOtherCustomer();
    const release = fixture.holdStore.release(id, transportKnowingOnlyTheCustomer(), {
      ...WHO,
      fewerCustomers: true,
      to: OTHERS.toUpperCase(),
      confirmNew: true,
    });
    await expect(release).rejects.toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect(fixture.sink.received).toHaveLength(0);
  });

  it('sends it only with sendDespiteBlock, recorded as released-despite-block', async () => {
    const id = await holdForOtherCustomer();
    await fixture.holdStore.release(id, transportKnowingOnlyTheCustomer(), {
      ...WHO,
      fewerCustomers: true,
      confirmNew: true,
      sendDespiteBlock: true,
    });
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.audit.entries.at(-1)?.outcome).toBe('released-despite-block');
  });

  it('lets a corrected address that passes go out', async () => {
    const id = await holdForOtherCustomer();
    await fixture.holdStore.release(id, transportKnowingOnlyTheCustomer(), {
      ...WHO,
      fewerCustomers: true,
      to: 'anna.svensson1985@gmail.com',
    });
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.audit.entries.at(-1)?.outcome).toBe('released');
  });
});
