import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { releaseNeeds } from '../../src/nodemailer/release-needs.js';
import {
  ALL_CUSTOMERS,
  holdOrderToOtherCustomer,
  ONLY_THE_CUSTOMER,
  releaseToKarin,
} from '../support/fewer-customers.js';
import { heldOrder, holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';

// Messages held through the real pipeline (nodemailer, the guard, the folder store), then asked what
// their release lacks: the answer a release tool words, and the one the release itself acts on.
const fixture = usePipelineFixture();
const held = async (id: string) => {
  const entry = await fixture.holdStore.get(id);
  if (!entry) throw new Error(`${id} is not held`);
  return entry;
};

describe('releaseNeeds', () => {
  it('asks nothing of a near miss released by a guard that knows every customer', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com', {
      directory: createDirectory(ALL_CUSTOMERS),
    });
    const guard = createGuard({ directory: createDirectory(ALL_CUSTOMERS) });
    expect(await releaseNeeds(await held(id), { guard, to: 'anna.svensson1985@gmail.com' })).toEqual([]);
  });

  it('asks corrected recipients for a slip of the customer’s address, naming it, and none once given', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const needs = await releaseNeeds(await held(id));
    expect(needs).toEqual([
      {
        code: 'corrected-recipients',
        recipients: [expect.objectContaining({ address: 'anna.svensson185@gmail.com' })],
      },
    ]);
    expect(await releaseNeeds(await held(id), { to: ['anna.svensson1985@gmail.com'] })).toEqual([]);
  });

  it('asks a customer of a message held without one, unless sent despite the block', async () => {
    const id = await holdMessage(fixture, 'anna.svensson1985@gmail.com', { customerId: null });
    expect(await releaseNeeds(await held(id), { to: 'anna.svensson1985@gmail.com' })).toEqual([
      { code: 'customer' },
    ]);
    expect(
      await releaseNeeds(await held(id), { to: 'anna.svensson1985@gmail.com', sendDespiteBlock: true }),
    ).toEqual([]);
  });

  it('asks a customer, and then corrected recipients, of a customerless message with a real block', async () => {
    const id = await holdMessage(fixture, 'anna@hotmial.se', { customerId: null });
    expect((await releaseNeeds(await held(id))).map(({ code }) => code)).toEqual([
      'customer',
      'corrected-recipients',
    ]);
  });

  it('asks enough customers of a guard that knows fewer, as the release then refuses', async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    const to = 'karin.berg@outlook.com';
    const partial = createGuard({ directory: ONLY_THE_CUSTOMER() });
    expect(await releaseNeeds(await held(id), { guard: partial, to })).toEqual([
      { code: 'enough-customers', whenHeld: 3, now: 1 },
    ]);
    // Its options alone say the same; fewerCustomers says the smaller file is meant.
    expect(await releaseNeeds(await held(id), { guard: { directory: ONLY_THE_CUSTOMER() }, to })).toEqual([
      { code: 'enough-customers', whenHeld: 3, now: 1 },
    ]);
    expect(await releaseNeeds(await held(id), { guard: partial, to, fewerCustomers: true })).toEqual([]);
    // The release itself refuses it on the same rule.
    await expect(releaseToKarin(fixture, fixture.holdStore, id, ONLY_THE_CUSTOMER())).rejects.toMatchObject({
      code: 'FEWER_CUSTOMERS',
      whenHeld: 3,
      now: 1,
    });
  });

  it('asks enough customers with the count unknown when the hold could not count them', async () => {
    const { id } = await fixture.holdStore.hold({
      ...heldOrder('count failed', 'anna.svensson1985@gmail.com'),
      action: 'confirm',
      customersCountFailed: true,
    });
    const guard = createGuard({ directory: createDirectory(ALL_CUSTOMERS) });
    expect(await releaseNeeds(await held(id), { guard })).toEqual([
      { code: 'enough-customers', whenHeld: undefined, now: 3 },
    ]);
  });

  it('asks verified addresses of a guard without them when the hold knew them', async () => {
    const { id } = await fixture.holdStore.hold({
      ...heldOrder('verified', 'anna.svensson1985@gmail.com'),
      action: 'confirm',
      verifiedAddressesChecked: true,
    });
    const directory = createDirectory(ALL_CUSTOMERS);
    expect(await releaseNeeds(await held(id), { guard: createGuard({ directory }) })).toEqual([
      { code: 'verified-addresses' },
    ]);
    const verifiedAddresses = { listVerified: async () => [], findVerified: async () => [] };
    expect(
      await releaseNeeds(await held(id), { guard: createGuard({ directory, verifiedAddresses }) }),
    ).toEqual([]);
    // Without a guard, what only the guard can say is left to the release.
    expect(await releaseNeeds(await held(id))).toEqual([]);
  });
});
