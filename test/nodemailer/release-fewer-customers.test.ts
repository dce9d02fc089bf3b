import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { FewerCustomersError } from '../../src/errors.js';
import { sendReleased } from '../../src/nodemailer/send-released.js';
import {
  ALL_CUSTOMERS,
  holdOrderToOtherCustomer,
  KARINS,
  ONLY_THE_CUSTOMER,
  RELEASED_BY,
  releaseToKarin,
} from '../support/fewer-customers.js';
import { transportChecking } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';

const fixture = usePipelineFixture();

describe('a release checked against fewer customers than the hold knew', () => {
  it("keeps the folder store's count and refuses a correction to a customer the partial file lacks", async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    expect((await fixture.holdStore.get(id))?.customersKnown).toBe(3);
    const release = releaseToKarin(fixture, fixture.holdStore, id, ONLY_THE_CUSTOMER());
    await expect(release).rejects.toBeInstanceOf(FewerCustomersError);
    await expect(release).rejects.toMatchObject({ code: 'FEWER_CUSTOMERS', holdId: id, whenHeld: 3, now: 1 });
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
    // The log says why the release was refused, not only that it was.
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'release-refused',
      holdId: id,
      release: {
        refusal: { code: 'FEWER_CUSTOMERS', message: expect.stringContaining('fewer than the 3') },
      },
    });
  });

  it('refuses it against an emptied customer file, and through a guard with no directory at all', async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    for (const directory of [createDirectory([]), undefined]) {
      const release = releaseToKarin(fixture, fixture.holdStore, id, directory);
      await expect(release).rejects.toMatchObject({ code: 'FEWER_CUSTOMERS', whenHeld: 3, now: 0 });
    }
    expect(fixture.sink.received).toEqual([]);
  });

  it("refuses sendReleased, a custom store's release, given the count kept when held", async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    const held = await fixture.holdStore.get(id);
    const release = sendReleased(transportChecking(fixture, ONLY_THE_CUSTOMER()), {
      holdId: id,
      raw: Buffer.from(`From: order@butiken.se\r\nTo: ${KARINS}\r\nSubject: Order\r\n\r\nTack\r\n`),
      envelope: { from: 'order@butiken.se', to: [KARINS] },
      customerId: 'C-1001',
      corrected: true,
      confirmNew: true,
      ...(held?.customersKnown === undefined ? {} : { customersKnown: held.customersKnown }),
      ...RELEASED_BY,
    });
    await expect(release).rejects.toMatchObject({ code: 'FEWER_CUSTOMERS', whenHeld: 3, now: 1 });
    expect(fixture.sink.received).toEqual([]);
  });

  it("names both counts in the guard's language", async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    const transporter = transportChecking(fixture, ONLY_THE_CUSTOMER(), { locale: 'sv' });
    const refusal = await fixture.holdStore
      .release(id, transporter, { ...RELEASED_BY, to: KARINS, confirmNew: true })
      .catch((error: FewerCustomersError) => error);
    expect((refusal as FewerCustomersError).message.replace(id, 'ID')).toMatchInlineSnapshot(
      `"ID släpps inte och ligger kvar: kontrollen vid släppet känner till 1 kund, färre än de 3 som kontrollen som stoppade meddelandet kände till, så en rättad adress som tillhör en kund som saknas där skulle gå igenom som ny. Släpp det med ett fullständigt kundregister, eller med fewerCustomers (--fewer-customers) om de här kunderna är avsedda"`,
    );
  });

  it('sends with fewerCustomers when the smaller file is meant, and with a whole file without it', async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    await fixture.holdStore.release(id, transportChecking(fixture, ONLY_THE_CUSTOMER()), {
      ...RELEASED_BY,
      to: 'anna@svenssonbygg.se',
      fewerCustomers: true,
    });
    const again = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    await fixture.holdStore.release(again, transportChecking(fixture, createDirectory(ALL_CUSTOMERS)), {
      ...RELEASED_BY,
      to: 'anna@svenssonbygg.se',
    });
    expect(fixture.sink.received.map((message) => message.to)).toEqual([
      ['anna@svenssonbygg.se'],
      ['anna@svenssonbygg.se'],
    ]);
  });

  it("still refuses another customer's address with fewerCustomers, when the whole file is given", async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    const release = fixture.holdStore.release(
      id,
      transportChecking(fixture, createDirectory(ALL_CUSTOMERS)),
      { ...RELEASED_BY, to: KARINS, confirmNew: true, fewerCustomers: true },
    );
    await expect(release).rejects.toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect(fixture.sink.received).toEqual([]);
  });
});
