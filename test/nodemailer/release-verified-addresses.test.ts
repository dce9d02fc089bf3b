import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { InvalidInputError, RecipientBlockedError } from '../../src/errors.js';
import type { RecipientVerdict } from '../../src/pipeline/recipient.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { transportChecking } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { codes as codesOf } from '../support/verdict-findings.js';
import { verifyingTransport } from '../support/verification.js';
import { holdWhileKarinIsVerified, KARINS, NEW_ADDRESS } from '../support/verified-elsewhere.js';
import { verificationCustomers } from '../support/verifying-transport.js';

// The library's own release (`holdStore.release`, which sends through `sendReleased`) of an order
// held waiting for its customer's code, by hand, to an address verified for another customer.
const fixture = usePipelineFixture();
const release = { confirmNew: true, by: 'lena@butiken.se', reason: 'read back on the phone' };

describe('holdStore.release through a guard given the verifier', () => {
  it("refuses an address verified for another customer, and a slip of one, as that customer's", async () => {
    const { id } = await holdWhileKarinIsVerified(fixture);
    const { transporter } = verifyingTransport(fixture);
    for (const [to, codes] of [
      [KARINS, ['belongs-to-other-customer']],
      ['karin.bergg@outlook.com', ['near-miss-other-name']],
    ] as const) {
      const refused = await fixture.holdStore
        .release(id, transporter, { ...release, to })
        .catch((error) => error);
      expect(refused).toBeInstanceOf(RecipientBlockedError);
      const findings = (refused as RecipientBlockedError<RecipientVerdict>).recipients.flatMap(
        ({ verdict }) => codesOf(verdict),
      );
      expect(findings).toEqual(expect.arrayContaining([...codes]));
    }
    expect(fixture.sink.received).toEqual([]);
    const sent = await fixture.holdStore.release(id, transporter, { ...release, to: NEW_ADDRESS });
    expect(sent.envelope.to).toEqual([NEW_ADDRESS]);
  }, 60_000);

  it('is refused through a guard without verified addresses, naming the option, nothing sent', async () => {
    const { id } = await holdWhileKarinIsVerified(fixture);
    const withoutVerifier = transportChecking(fixture, createDirectory(Object.values(verificationCustomers)));
    const refused = await fixture.holdStore
      .release(id, withoutVerifier, { ...release, to: KARINS })
      .catch((error) => error);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).issues[0]).toMatchObject({
      path: ['options', 'verifiedAddresses'],
      code: 'verified-addresses-needed',
    });
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'release-refused', holdId: id });
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  }, 60_000);

  it('is refused through a guard whose verification store is another, naming the option and both ids', async () => {
    const { id, verifications } = await holdWhileKarinIsVerified(fixture);
    const heldWith = await createFileVerificationStore(verifications).id?.();
    expect((await fixture.holdStore.get(id))?.verificationStoreId).toBe(heldWith);
    // A new, empty folder reads "nobody verified it": Karin's address would pass as merely new.
    const emptyFolder = createFileVerificationStore(join(fixture.dir, 'new-verification'));
    const elsewhere = verifyingTransport(
      fixture,
      {},
      {},
      { holdStore: fixture.holdStore, store: emptyFolder },
    );
    const refused = await fixture.holdStore
      .release(id, elsewhere.transporter, { ...release, to: KARINS })
      .catch((error) => error);
    expect(refused).toBeInstanceOf(InvalidInputError);
    const [issue] = (refused as InvalidInputError).issues;
    expect(issue).toMatchObject({
      path: ['options', 'verifiedAddresses'],
      code: 'verification-store-differs',
    });
    expect(issue?.message).toContain(`${heldWith}`);
    expect(issue?.message).toContain(`${await emptyFolder.id?.()}`);
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'release-refused', holdId: id });
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
    // The same folder, opened again (another process), releases.
    const same = verifyingTransport(fixture);
    const sent = await fixture.holdStore.release(id, same.transporter, { ...release, to: NEW_ADDRESS });
    expect(sent.envelope.to).toEqual([NEW_ADDRESS]);
  }, 60_000);

  it('releases as before a message whose check read a store without an id, which the hold says', async () => {
    const { id: _id, ...withoutId } = createFileVerificationStore(join(fixture.dir, 'verification'));
    const { id } = await holdWhileKarinIsVerified(fixture, {
      holdStore: fixture.holdStore,
      store: withoutId,
    });
    expect(await fixture.holdStore.get(id)).toMatchObject({
      verifiedAddressesChecked: true,
      verificationStoreId: null,
    });
    const { transporter } = verifyingTransport(fixture);
    const sent = await fixture.holdStore.release(id, transporter, { ...release, to: NEW_ADDRESS });
    expect(sent.envelope.to).toEqual([NEW_ADDRESS]);
  }, 60_000);

  it("refuses a message whose check could not read its store's id through any store, the hold marked so", async () => {
    const folder = createFileVerificationStore(join(fixture.dir, 'verification'));
    const failingId = {
      ...folder,
      id: () => Promise.reject(Object.assign(new Error('EIO: the id file cannot be read'), { code: 'EIO' })),
    };
    const { id } = await holdWhileKarinIsVerified(fixture, {
      holdStore: fixture.holdStore,
      store: failingId,
    });
    expect(await fixture.holdStore.get(id)).toMatchObject({
      verifiedAddressesChecked: true,
      verificationStoreId: { unread: 'error' },
    });
    // The same folder answers its id now, but nothing shows it is the store the check read.
    const { transporter } = verifyingTransport(fixture);
    const refused = await fixture.holdStore
      .release(id, transporter, { ...release, to: NEW_ADDRESS })
      .catch((error) => error);
    expect(refused).toBeInstanceOf(InvalidInputError);
    const [issue] = (refused as InvalidInputError).issues;
    expect(issue).toMatchObject({
      path: ['options', 'verifiedAddresses'],
      code: 'verification-store-unknown',
    });
    expect(issue?.message).toContain('could not be read');
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'release-refused', holdId: id });
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  }, 60_000);

  it('says a store whose id cannot be read at release could not be read, not that it has none', async () => {
    const { id, verifications } = await holdWhileKarinIsVerified(fixture);
    const folder = createFileVerificationStore(verifications);
    const failingId = { ...folder, id: () => Promise.reject(new Error('EIO')) };
    const { transporter } = verifyingTransport(
      fixture,
      {},
      {},
      { holdStore: fixture.holdStore, store: failingId },
    );
    const refused = await fixture.holdStore
      .release(id, transporter, { ...release, to: NEW_ADDRESS })
      .catch((error) => error);
    const [issue] = (refused as InvalidInputError).issues;
    expect(issue?.code).toBe('verification-store-differs');
    expect(issue?.message).toContain('whose id could not be read');
    expect(issue?.message).not.toContain('gives no id');
    expect(fixture.sink.received).toEqual([]);
  }, 60_000);
});
