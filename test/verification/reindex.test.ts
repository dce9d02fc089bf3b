import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMailboxRules } from '../../src/address/mailbox-rules.js';
import type { Customer } from '../../src/contacts/customer.js';
import { InvalidInputError, VerificationStoreFailedError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { createVerifier } from '../../src/verification/create-verifier.js';
import { memoryVerificationStore, outboxTransport, proveAddresses } from '../support/prove-addresses.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Addresses verified by a version of the verifier that filed no index (or an older one) are on
// record as verified, but not under the variants a look-up of slips reads: the store as that
// version left it is made here by removing the index from a real folder store.
const dir = useTempDir();
const people: Record<string, Customer> = {
  'C-2001': { id: 'C-2001', name: 'Karin Berg' },
  'C-2002': { id: 'C-2002', name: 'Nils Ek' },
  'C-2003': { id: 'C-2003', name: 'Olle Ström' },
};
const KARIN = { customerId: 'C-2001', address: 'karin.berg@outlook.se' };
const NILS = { customerId: 'C-2002', address: 'nils.ek@gmail.com' };

const storeDir = () => join(dir.path, 'verification');
const verifierOn = (transporter = outboxTransport().transporter) =>
  createVerifier({
    store: createFileVerificationStore(storeDir()),
    transporter,
    from: 'Butiken AB <order@butiken.se>',
  });

/** Karin and Nils verified, and a code pending for Olle, by a verifier that filed its index. */
async function verifiedByAnEarlierVersion(): Promise<void> {
  const { transporter, outbox } = outboxTransport();
  const earlier = verifierOn(transporter);
  await proveAddresses(earlier, outbox, [KARIN, NILS]);
  await earlier.start({ customerId: 'C-2003', address: 'olle.strom@telia.com' });
}

/** The index records (variants, domains, the version mark), as their folders are named. */
async function indexRecords(): Promise<string[]> {
  const names = await readdir(join(storeDir(), 'records'));
  return names.filter((name) => /^(v-|d-|index-version$)/.test(name)).sort();
}

/** Removes the index, as a version from before it (or before its domains) left the store. */
async function removeIndex(which: RegExp = /^(v-|d-|index-version$)/): Promise<void> {
  const records = join(storeDir(), 'records');
  for (const name of await readdir(records))
    if (which.test(name)) await rm(join(records, name), { recursive: true });
}

/** Every version file of every record: what a write would add to. */
async function versionFiles(): Promise<string[]> {
  const records = join(storeDir(), 'records');
  const files: string[] = [];
  for (const name of await readdir(records))
    for (const file of await readdir(join(records, name))) files.push(`${name}/${file}`);
  return files.sort();
}

const slipsOf = (verifier: ReturnType<typeof verifierOn>, address: string) =>
  verifier.findVerified(address, { maxDistance: 1 });

describe('addresses verified before the index of slips existed', () => {
  it('are found by their slips once a new verifier has filed them by itself', async () => {
    await verifiedByAnEarlierVersion();
    await removeIndex();
    expect(await indexRecords()).toEqual([]);

    const verifier = verifierOn();
    expect(await slipsOf(verifier, 'karinberg@outlook.se')).toEqual([{ ...KARIN, distance: 1 }]);
    expect(await slipsOf(verifier, 'karin.berg@outlok.se')).toEqual([{ ...KARIN, distance: 1 }]);
    expect(await slipsOf(verifier, 'nils.ek@gmial.com')).toEqual([{ ...NILS, distance: 1 }]);
    // Only verified addresses are filed: Olle's pending code proves nothing.
    expect(await slipsOf(verifier, 'olle.strom@tella.com')).toEqual([]);
    expect(await indexRecords()).toContain('index-version');

    const guard = createGuard({ lookupCustomer: async (id) => people[id], verifiedAddresses: verifier });
    const verdict = await guard.check({ entered: 'karin.berg@outlok.se', customerId: 'C-2003' });
    expect(verdict.findings.map((finding) => finding.code)).toContain('near-miss-other-name');
    expect(verdict.action).not.toBe('send');
  });

  it('are filed again when the mark names an older index, one without domains', async () => {
    await verifiedByAnEarlierVersion();
    await removeIndex(/^(d-|index-version$)/);
    const store = createFileVerificationStore(storeDir());
    await store.update('index-version', () => ({ kind: 'index', version: 1, indexedAt: 0 }));
    expect(await slipsOf(verifierOn(), 'karin.berg@outlok.se')).toEqual([{ ...KARIN, distance: 1 }]);
    expect(await store.read('index-version')).toMatchObject({ kind: 'index', version: 2 });
  });

  it('are filed again by a verifier whose mailbox rules differ from those the mark was made with', async () => {
    await verifiedByAnEarlierVersion();
    await verifierOn().reindex();
    // The entries removed, the mark kept: only a verifier that reindexes finds the slips again.
    await removeIndex(/^(v-|d-)/);
    expect(await slipsOf(verifierOn(), 'nils.ek@gmial.com')).toEqual([]);
    const otherRules = createVerifier({
      store: createFileVerificationStore(storeDir()),
      transporter: outboxTransport().transporter,
      from: 'Butiken AB <order@butiken.se>',
      mailboxRules: [...defaultMailboxRules, { domains: ['outlook.se'], subaddressSeparator: '+' }],
    });
    expect(await slipsOf(otherRules, 'nils.ek@gmial.com')).toEqual([{ ...NILS, distance: 1 }]);
    const mark = await createFileVerificationStore(storeDir()).read('index-version');
    expect(mark).toMatchObject({ kind: 'index', version: 2, rules: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // And back: the default rules are not those of the mark now, so their verifier files again too.
    await removeIndex(/^(v-|d-)/);
    expect(await slipsOf(verifierOn(), 'nils.ek@gmial.com')).toEqual([{ ...NILS, distance: 1 }]);
  });

  it('are filed by reindex, which counts them and writes nothing the second time', async () => {
    await verifiedByAnEarlierVersion();
    await removeIndex();
    const verifier = verifierOn();
    const progress: number[] = [];
    expect(await verifier.reindex({ onProgress: ({ addresses }) => progress.push(addresses) })).toEqual({
      addresses: 2,
    });
    // The folder store files a page of addresses at once (`fileMany`): progress is told per page.
    expect(progress).toEqual([2]);
    const filed = await versionFiles();
    expect(await verifierOn().reindex()).toEqual({ addresses: 2 });
    expect(await versionFiles()).toEqual(filed);
    expect(await slipsOf(verifier, 'nils.ek1@gmail.com')).toEqual([{ ...NILS, distance: 1 }]);
  });

  it('fails the look-up while the store cannot be listed, as a failed lookup for the guard, and files on the next one', async () => {
    const { transporter, outbox } = outboxTransport();
    const store = memoryVerificationStore();
    await proveAddresses(
      createVerifier({ store, transporter, from: 'Butiken AB <order@butiken.se>' }),
      outbox,
      [KARIN],
    );
    for (const name of [...store.records.keys()])
      if (/^(v-|d-|index-version$)/.test(name)) store.records.delete(name);
    let down = true;
    const listing = {
      ...store,
      async *verifiedRecords() {
        if (down)
          throw new VerificationStoreFailedError('the verification store cannot be listed: disk gone');
        for (const record of store.records.values()) yield record;
      },
    };
    const verifier = createVerifier({ store: listing, transporter, from: 'Butiken AB <order@butiken.se>' });
    await expect(slipsOf(verifier, 'karin.berg@outlok.se')).rejects.toThrow(/disk gone/);
    const guard = createGuard({ lookupCustomer: async (id) => people[id], verifiedAddresses: verifier });
    const verdict = await guard.check({ entered: 'karin.berg@outlok.se', customerId: 'C-2003' });
    expect(verdict.action).toBe('block');
    expect(verdict.findings.find((finding) => finding.code === 'lookup-failed')).toMatchObject({
      reason: 'error',
    });
    down = false;
    expect(await slipsOf(verifier, 'karin.berg@outlok.se')).toEqual([{ ...KARIN, distance: 1 }]);
    expect(store.records.get('index-version')).toMatchObject({ kind: 'index', version: 2 });
  });

  it('is refused for a store that cannot list its records, naming what it lacks, and look-ups still answer', async () => {
    const { transporter, outbox } = outboxTransport();
    const verifier = createVerifier({
      store: memoryVerificationStore(),
      transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    await proveAddresses(verifier, outbox, [KARIN]);
    const refused = await verifier.reindex().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect(refused).toMatchObject({ field: 'options.store.verifiedRecords' });
    expect((refused as Error).message).toMatch(/cannot list its verified addresses/);
    await expect(verifier.reindex({ onProgress: 'yes' } as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'options.onProgress',
    });
    expect(await slipsOf(verifier, 'karin.berg@outlok.se')).toEqual([{ ...KARIN, distance: 1 }]);
  });
});
