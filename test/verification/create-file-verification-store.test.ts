import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import type { VerificationRecord } from '../../src/verification/verification-store.js';
import { expectLinearGrowth } from '../support/growth.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'email-guard-verification-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One more start on an address record, as the verifier records a code sent. */
const started =
  (at: number) =>
  (current: VerificationRecord | undefined): VerificationRecord => ({
    kind: 'address',
    address: 'karin.berg@outlook.com',
    starts: [...(current?.kind === 'address' ? current.starts.slice(-2) : []), at],
    challenges: [],
  });

describe('createFileVerificationStore', () => {
  it('writes its key back when the folder was deleted under it, so another process shares it', async () => {
    const store = createFileVerificationStore(dir);
    const key = Buffer.from(await store.key());
    await store.update('a-record', started(1));
    await rm(dir, { recursive: true, force: true });

    await store.update('a-record', started(2));
    expect(await readFile(join(dir, 'key'))).toEqual(key);
    const other = createFileVerificationStore(dir);
    expect(Buffer.from(await other.key())).toEqual(key);
    expect(await other.read('a-record')).toMatchObject({ starts: [2] });
  });

  it('takes the key another process wrote meanwhile, never overwrites it, and says its records are unreadable', async () => {
    const store = createFileVerificationStore(dir);
    const held = Buffer.from(await store.key());
    await rm(dir, { recursive: true, force: true });
    const other = createFileVerificationStore(dir);
    const written = Buffer.from(await other.key());
    expect(written).not.toEqual(held);

    await expect(store.update('a-record', started(1))).rejects.toMatchObject({
      code: 'VERIFICATION_STORE_FAILED',
      message: expect.stringContaining('unreadable'),
    });
    expect(await readFile(join(dir, 'key'))).toEqual(written);
    expect(Buffer.from(await store.key())).toEqual(written);
    expect(await store.read('a-record')).toBeUndefined();
  });

  it('keeps a bounded number of files per record however often it is updated, and the latest whole', async () => {
    const store = createFileVerificationStore(dir);
    for (let at = 1; at <= 60; at++) await store.update('a-record', started(at));
    const files = await readdir(join(dir, 'records', 'a-record'));
    expect(files.length).toBeLessThanOrEqual(9);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(await store.read('a-record')).toMatchObject({ starts: [58, 59, 60] });
    // A second store on the folder (another process) carries on from the latest version.
    await createFileVerificationStore(dir).update('a-record', started(61));
    expect(await store.read('a-record')).toMatchObject({ starts: [59, 60, 61] });
  });

  it('takes time linear in the number of updates of one record', async () => {
    const store = createFileVerificationStore(dir);
    let round = 0;
    await expectLinearGrowth({
      n: 20,
      tries: 3,
      make: (n) => n,
      run: async (n) => {
        const name = `r-${round++}`;
        for (let at = 1; at <= n; at++) await store.update(name, started(at));
      },
    });
  }, 120_000);
});
