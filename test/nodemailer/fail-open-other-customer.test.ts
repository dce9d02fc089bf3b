import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import {
  customers,
  directoryOfCustomers,
  failure,
  smtpTransport,
  usePipelineFixture,
} from '../support/pipeline.js';

// A trial before going live: with `failOpen`, an order for a customer the lookup did not find went
// out to Erik Lind's address, which the directory holds. A failed lookup leaves undecided only
// whether the address is this customer's; what the directory says of it stands.

const fixture = usePipelineFixture();

const failingOpen = () => {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({
        lookupCustomer: async (id) => customers[id],
        directory: directoryOfCustomers(),
      }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
      failOpen: true,
    }),
  );
  return transporter;
};

const order = (to: string) => ({
  from: 'order@butiken.se',
  to,
  subject: 'Orderbekräftelse 4711',
  text: 'Tack!',
  emailGuard: { customerId: 'C-NOPE' },
});

describe('failOpen with a customer the lookup does not find', () => {
  it("holds a message to another customer's address", async () => {
    const error = await failure(failingOpen().sendMail(order('erik.lind@telia.com')));
    // Held as for a customer the lookup finds: a person decides, the message is not sent.
    expect(error?.code).toBe('RECIPIENT_NEEDS_CONFIRMATION');
    expect(fixture.sink.received).toEqual([]);
    const [held] = await fixture.holdStore.list();
    expect(held?.recipients.flatMap(({ verdict }) => verdict.findings.map(({ code }) => code))).toContain(
      'belongs-to-other-customer',
    );
    expect(fixture.audit.entries.at(-1)).not.toMatchObject({ failedOpen: true });
  });

  it("holds a message one slip from another customer's address", async () => {
    const error = await failure(failingOpen().sendMail(order('erik.lindh@telia.com')));
    expect(error?.code).toMatch(/^RECIPIENT_(BLOCKED|NEEDS_CONFIRMATION)$/);
    expect(fixture.sink.received).toEqual([]);
  });

  it('still sends to an address nobody in the directory has', async () => {
    await failingOpen().sendMail(order('stranger@example.com'));
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([['stranger@example.com']]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'sent', failedOpen: true });
  });
});
