import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, VerificationStoreFailedError } from '../../src/errors.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { createVerifier } from '../../src/verification/create-verifier.js';
import type { IndexEntry } from '../../src/verification/index-entries.js';
import type { VerificationRecord } from '../../src/verification/verification-store.js';
import { outboxTransport, proveAddresses } from '../support/prove-addresses.js';
import { useTempDir } from '../support/use-temp-dir.js';

// The folder verification store's identity (what a hold records of the store its check read), its
// filing of many index entries at once, and its lock of the index filing.
const dir = useTempDir();
const storeDir = () => join(dir.path, 'verification');

/** The pid of a process that has ended: a lock it left is held by nobody. */
function stoppedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the folder verification store’s id', () => {
  it('is one id for the folder, made once however many instances ask at once, and kept', async () => {
    const ids = await Promise.all(
      Array.from({ length: 8 }, () => createFileVerificationStore(storeDir()).id?.()),
    );
    expect(new Set(ids).size).toBe(1);
    const [id] = ids;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readFile(join(storeDir(), 'id'), 'utf8')).trim()).toBe(id);
    // Another instance later (a restart) reads it back; another folder has another.
    expect(await createFileVerificationStore(storeDir()).id?.()).toBe(id);
    expect(await createFileVerificationStore(join(dir.path, 'other')).id?.()).not.toBe(id);
    expect((await readdir(storeDir())).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('is given to a folder that has records from before ids were kept, and kept from then on', async () => {
    const store = createFileVerificationStore(storeDir());
    await store.update('a-record', () => ({ kind: 'variant', addresses: ['karin.berg@outlook.com'] }));
    expect(await readdir(storeDir())).not.toContain('id');
    const id = await store.id?.();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await createFileVerificationStore(storeDir()).id?.()).toBe(id);
    expect(await store.read('a-record')).toEqual({ kind: 'variant', addresses: ['karin.berg@outlook.com'] });
  });

  it('is refused when the id file holds something else, rather than read as another store', async () => {
    const store = createFileVerificationStore(storeDir());
    await store.id?.();
    await writeFile(join(storeDir(), 'id'), 'not an id\n');
    await expect(store.id?.()).rejects.toMatchObject({
      code: 'VERIFICATION_STORE_FAILED',
      message: expect.stringContaining(join(storeDir(), 'id')),
    });
  });
});

describe('the folder verification store’s fileMany', () => {
  const entries: IndexEntry[] = [
    { name: 'v-one', kind: 'variant', value: 'karin.berg@outlook.com' },
    { name: 'v-one', kind: 'variant', value: 'karinberg@outlook.com' },
    { name: 'v-one', kind: 'variant', value: 'karin.berg@outlook.com' },
    { name: 'd-one', kind: 'domain', value: 'outlook.com' },
  ];

  it('files each value once under its name, as update files it, and writes nothing the second time', async () => {
    const store = createFileVerificationStore(storeDir());
    await store.update('v-one', () => ({ kind: 'variant', addresses: ['nils.ek@gmail.com'] }));
    // A record of another kind is replaced, as the PostgreSQL store replaces it.
    await store.update('d-one', () => ({ kind: 'variant', addresses: ['x@example.se'] }));
    await store.fileMany?.(entries);
    expect(await store.read('v-one')).toEqual({
      kind: 'variant',
      addresses: ['nils.ek@gmail.com', 'karin.berg@outlook.com', 'karinberg@outlook.com'],
    });
    expect(await store.read('d-one')).toEqual({ kind: 'domain', domains: ['outlook.com'] });
    const versions = async () => [
      ...(await readdir(join(storeDir(), 'records', 'v-one'))),
      ...(await readdir(join(storeDir(), 'records', 'd-one'))),
    ];
    const before = await versions();
    await store.fileMany?.(entries);
    await store.fileMany?.([]);
    expect(await versions()).toEqual(before);
  });

  it('refuses entries it cannot file, naming the first, and files none of them', async () => {
    const store = createFileVerificationStore(storeDir());
    for (const [bad, field] of [
      [{ name: '../x', kind: 'variant', value: 'a@b.se' }, 'entries.1.name'],
      [{ name: 'v-two', kind: 'address', value: 'a@b.se' }, 'entries.1.kind'],
      [{ name: 'v-two', kind: 'variant', value: 7 }, 'entries.1.value'],
    ] as const) {
      const refused = await store
        .fileMany?.([entries[0] as IndexEntry, bad as unknown as IndexEntry])
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(InvalidInputError);
      expect(refused).toMatchObject({ field });
    }
    expect(await store.read('v-one')).toBeUndefined();
  });
});

describe('the folder verification store’s withIndexLock', () => {
  it('lets one instance at a time run, the second waiting for the first to end', async () => {
    const first = createFileVerificationStore(storeDir());
    const second = createFileVerificationStore(storeDir());
    const events: string[] = [];
    let finishFirst = () => {};
    const firstDone = first.withIndexLock?.(async () => {
      events.push('first in');
      await new Promise<void>((resolve) => {
        finishFirst = resolve;
      });
      events.push('first out');
    });
    while (!events.includes('first in')) await new Promise((resolve) => setTimeout(resolve, 5));
    const secondDone = second.withIndexLock?.(async () => {
      events.push('second in');
      return 'second';
    });
    // The second is waiting now: it gets in only once the first is out.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual(['first in']);
    finishFirst();
    await firstDone;
    expect(await secondDone).toBe('second');
    expect(events).toEqual(['first in', 'first out', 'second in']);
    expect((await readdir(storeDir())).filter((file) => file.includes('lock'))).toEqual([]);
  });

  it('ends with work that fails, and takes over a lock a stopped process left', async () => {
    const store = createFileVerificationStore(storeDir());
    await expect(
      store.withIndexLock?.(async () => {
        throw new Error('disk gone');
      }),
    ).rejects.toThrow('disk gone');
    expect(await store.withIndexLock?.(async () => 'after a failure')).toBe('after a failure');
    await writeFile(
      join(storeDir(), 'index.lock'),
      JSON.stringify({ pid: stoppedPid(), host: hostname(), since: new Date(0).toISOString(), token: 'x' }),
    );
    expect(await store.withIndexLock?.(async () => 'taken over')).toBe('taken over');
    expect((await readdir(storeDir())).filter((file) => file.includes('lock'))).toEqual([]);
  });

  it('breaks a stopped process’s lock only while holding a claim on that lock, so two breakers never remove a live lock', async () => {
    const store = createFileVerificationStore(storeDir());
    await store.id?.();
    const stale = JSON.stringify({
      pid: stoppedPid(),
      host: hostname(),
      since: new Date(0).toISOString(),
      token: 'x',
    });
    await writeFile(join(storeDir(), 'index.lock'), stale);
    // A claim is named after the lock's bytes (SHA-256) and numbered. One by a stopped process is
    // passed over; one by a running process (this one) holds the break: the lock is left to it.
    const claim = (number: number) =>
      join(
        storeDir(),
        `index.lock.${createHash('sha256').update(stale).digest('hex').slice(0, 32)}.${number}.break`,
      );
    const breaker = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'b' };
    await writeFile(claim(1), JSON.stringify({ ...breaker, pid: stoppedPid() }));
    await writeFile(claim(2), JSON.stringify(breaker));
    const events: string[] = [];
    const done = store.withIndexLock?.(async () => {
      events.push('in');
      return 'taken over';
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([]);
    expect(await readFile(join(storeDir(), 'index.lock'), 'utf8')).toBe(stale);
    // The breaker is done and a live process took the lock in between: it is not removed either.
    const live = JSON.stringify({ ...breaker, token: 'live' });
    await writeFile(join(storeDir(), 'index.lock'), live);
    await unlink(claim(2));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([]);
    expect(await readFile(join(storeDir(), 'index.lock'), 'utf8')).toBe(live);
    await unlink(join(storeDir(), 'index.lock'));
    expect(await done).toBe('taken over');
    expect((await readdir(storeDir())).filter((file) => file.includes('lock'))).toEqual([]);
  });

  it('stops waiting for the index lock after lockWaitMs by the store’s clock, not the machine’s', async () => {
    let now = Date.parse('2026-01-02T03:04:05.000Z');
    // A clock that runs ten minutes a reading: lockWaitMs of an hour is over within a few looks.
    const store = createFileVerificationStore(storeDir(), {
      lockWaitMs: 60 * 60_000,
      now: () => (now += 10 * 60_000),
    });
    await store.id?.();
    await writeFile(
      join(storeDir(), 'index.lock'),
      JSON.stringify({
        pid: 4242,
        host: 'other-host.example',
        since: '2026-01-02T03:04:05.000Z',
        token: 'o',
      }),
    );
    const error = await store.withIndexLock?.(async () => 'never').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerificationStoreFailedError);
    expect((error as Error).message).toContain('was not let go within 3600000 ms');
  });

  it('stops waiting after lockWaitMs for a lock held on another host, naming the lock and its owner', async () => {
    const store = createFileVerificationStore(storeDir(), { lockWaitMs: 300 });
    await store.id?.();
    const lock = join(storeDir(), 'index.lock');
    const owner = JSON.stringify({
      pid: 4242,
      host: 'other-host.example',
      since: '2026-01-02T03:04:05.000Z',
      token: 'o',
    });
    await writeFile(lock, owner);
    const error = await store.withIndexLock?.(async () => 'never').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerificationStoreFailedError);
    expect((error as Error).message).toContain(lock);
    expect((error as Error).message).toContain(
      'pid 4242 on other-host.example since 2026-01-02T03:04:05.000Z',
    );
    // The lock is another process's: it stays for its owner or an operator.
    expect(await readFile(lock, 'utf8')).toBe(owner);
  });

  it('refuses a lockWaitMs that is not a whole number of milliseconds, naming the option', () => {
    expect(() => createFileVerificationStore(storeDir(), { lockWaitMs: -1 })).toThrow(InvalidInputError);
    expect(() => createFileVerificationStore(storeDir(), { lockWaitMs: -1 })).toThrow('lockWaitMs');
  });

  it('files the index once when two verifiers on the folder start at once', async () => {
    const { transporter, outbox } = outboxTransport();
    const pairs = Array.from({ length: 6 }, (_, index) => ({
      customerId: `C-${index}`,
      address: `kund.${index}@outlook.com`,
    }));
    await proveAddresses(
      createVerifier({
        store: createFileVerificationStore(storeDir()),
        transporter,
        from: 'order@butiken.se',
      }),
      outbox,
      pairs,
    );
    // The index as a version from before it left the store: the mark removed, so both file again.
    const mark = createFileVerificationStore(storeDir());
    await mark.update('index-version', (current) =>
      current?.kind === 'index' ? ({ ...current, version: 1 } as VerificationRecord) : undefined,
    );
    let filings = 0;
    const instance = () => {
      const store = createFileVerificationStore(storeDir());
      return createVerifier({
        store: {
          ...store,
          fileMany: (entries) => {
            filings++;
            return store.fileMany?.(entries) ?? Promise.resolve();
          },
        },
        transporter,
        from: 'order@butiken.se',
      });
    };
    const [first, second] = await Promise.all([
      instance().findVerified('kund.1@outlok.com', { maxDistance: 1 }),
      instance().findVerified('kund.2@outlok.com', { maxDistance: 1 }),
    ]);
    expect(first).toEqual([{ customerId: 'C-1', address: 'kund.1@outlook.com', distance: 1 }]);
    expect(second).toEqual([{ customerId: 'C-2', address: 'kund.2@outlook.com', distance: 1 }]);
    expect(filings).toBe(1);
  }, 60_000);
});
