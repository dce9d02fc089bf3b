import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, open, opendir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { VerificationStoreFailedError } from '../errors.js';
import { isRunning } from '../internal/is-running.js';
import { parseInput } from '../internal/parse-input.js';
import { nodeStoreFs } from '../nodemailer/store-fs.js';
import { type IndexEntry, listed, listing } from './index-entries.js';
import type { AddressRecord, VerificationRecord, VerificationStore } from './verification-store.js';

/** Options of {@link createFileVerificationStore}. */
export interface FileVerificationStoreOptions {
  /**
   * The key codes and link tokens are hashed with (at least 32 bytes), kept outside the folder
   * (an environment variable, a secret store). Without it the store makes one, once, in the file
   * `key` inside the folder (mode 0600), shared by every process that opens the folder.
   * @default undefined (a key made and kept in the folder)
   */
  readonly key?: string | Uint8Array;
  /**
   * The store's clock, in milliseconds since 1970: codes expire and rate limits count on it.
   * @default Date.now
   */
  readonly now?: () => number;
  /**
   * The longest, in milliseconds, `withIndexLock` waits for the folder's `index.lock` before it
   * rejects with `VerificationStoreFailedError` naming the lock file and its owner (host, pid,
   * since): a lock held on another host, or by a process whose pid was reused, is otherwise
   * waited on for ever. Long enough for another process's filing of the index (a minute or two
   * per 100,000 addresses).
   * @default 900_000 (15 minutes)
   */
  readonly lockWaitMs?: number;
}

const OptionsSchema = z.object({
  key: z
    .union([
      z.string().refine((key) => Buffer.byteLength(key) >= 32, 'a key of at least 32 bytes is required'),
      z
        .instanceof(Uint8Array)
        .refine((key) => key.byteLength >= 32, 'a key of at least 32 bytes is required'),
    ])
    .optional(),
  now: z.custom<() => number>((value) => typeof value === 'function', 'a function').optional(),
  lockWaitMs: z.number('a number of milliseconds').int().nonnegative().optional(),
});

const NAME = /^[A-Za-z0-9_-]{1,128}$/;
// A version's file name: zero-padded so that names sort as numbers do.
const VERSION = /^(\d{12})\.json$/;
// Versions of a record kept on disk: the latest and the seven before it. Older ones are pruned.
const KEPT_VERSIONS = 8;
// A temporary file this old belongs to a write that will never finish: a write takes milliseconds.
const STALE_TEMPORARY_MS = 60_000;

// The folder's id: a random UUID (RFC 9562 §5.4), one line in the file `id`.
const STORE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Records `fileMany` updates at once: each update is a few files and two fsyncs of its own.
const FILING_CONCURRENCY = 8;
// The longest a process waiting for the index lock sleeps before it looks again.
const LOCK_WAIT_MAX_MS = 250;
// How long a process waits for the index lock by default: a filing of the index takes a minute
// or two per 100,000 addresses.
const LOCK_WAIT_DEFAULT_MS = 15 * 60_000;

const IndexEntriesSchema = z.array(
  z.object({
    name: z.string().regex(NAME, 'a record name in A-Z, a-z, 0-9, _ and - (at most 128)'),
    kind: z.enum(['variant', 'domain'], "'variant' or 'domain'"),
    value: z.string('a string'),
  }),
  'an array of index entries',
);

/** Who holds the index lock: a process on a host, and a token of its own so it removes only its lock. */
const LockOwnerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string().min(1),
  since: z.string(),
  token: z.string().min(1),
});
type LockOwner = z.infer<typeof LockOwnerSchema>;

const ChallengeSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  codeHash: z.string(),
  tokenHash: z.string().optional(),
  createdAt: z.number(),
  expiresAt: z.number(),
  attempts: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  verifiedAt: z.number().optional(),
});

const RecordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('address'),
    address: z.string(),
    starts: z.array(z.number()),
    challenges: z.array(ChallengeSchema),
  }),
  z.object({
    kind: z.literal('customer'),
    customerId: z.string(),
    verified: z.array(z.object({ address: z.string(), verifiedAt: z.number() })),
  }),
  z.object({ kind: z.literal('variant'), addresses: z.array(z.string()) }),
  z.object({ kind: z.literal('domain'), domains: z.array(z.string()) }),
  z.object({
    kind: z.literal('index'),
    version: z.number().int().positive(),
    indexedAt: z.number(),
    rules: z.string().optional(),
  }),
]);

/**
 * A {@link VerificationStore} in one folder, shared safely by every process on the machine that
 * opens it. Each record is a folder of numbered versions; an update writes the next version to a
 * temporary file, fsyncs it and links it into place under its number, then fsyncs the folder.
 * Linking fails when the name exists, so of two processes updating one record at the same time
 * exactly one wins and the other reads the new version and tries again: no lock is ever held, so a
 * process killed at any step leaves nothing that stops the others (at most a temporary file), and
 * the last linked version is always whole. The latest eight versions of a record are kept and
 * older ones pruned after each write, so a record takes a few files however often it changes; a
 * process that read a version so old that its successor's number was pruned and freed sees, once
 * it has linked, that it is that far behind, takes its file back and applies its change again to
 * the latest version, so no change is lost or made on a superseded version. The folder's id
 * (`id()`) is a random UUID made once in the file `id`; the filing of the index (`withIndexLock`)
 * is the one place a lock is taken, the file `index.lock`, which a stopped process's successor on
 * this host takes over.
 *
 * @example
 * ```ts
 * const store = createFileVerificationStore('./verification');
 * const verifier = createVerifier({ store, transporter, from: 'Butiken <order@butiken.se>' });
 * ```
 */
export function createFileVerificationStore(
  directory: string,
  options: FileVerificationStoreOptions = {},
): VerificationStore {
  const dir = resolve(parseInput(z.string().min(1, 'a directory is required'), directory, ['directory']));
  const settings = parseInput(OptionsSchema, options, ['options']);
  const given = settings.key === undefined ? undefined : Buffer.from(settings.key);
  const clock = settings.now ?? Date.now;
  const lockWaitMs = settings.lockWaitMs ?? LOCK_WAIT_DEFAULT_MS;
  let keyPromise: Promise<Uint8Array> | undefined;
  // Updates of one name in this process wait for each other instead of racing on the file system.
  const queues = new Map<string, Promise<unknown>>();

  const recordDir = (name: string) => {
    if (!NAME.test(name))
      throw new VerificationStoreFailedError(`not a record name: ${JSON.stringify(name)}`);
    return join(dir, 'records', name);
  };

  async function latest(name: string): Promise<{ version: number; record?: VerificationRecord }> {
    const folder = recordDir(name);
    for (;;) {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (error) {
        if (code(error) === 'ENOENT') return { version: 0 };
        throw failed(`the verification record ${name} cannot be read`, error);
      }
      const version = Math.max(0, ...names.map((file) => Number(VERSION.exec(file)?.[1] ?? 0)));
      if (version === 0) return { version };
      let text: string;
      try {
        text = await readFile(join(folder, versionFile(version)), 'utf8');
      } catch (error) {
        // A newer version came and this one was removed in between: read again.
        if (code(error) === 'ENOENT') continue;
        throw failed(`the verification record ${name} cannot be read`, error);
      }
      const parsed = RecordSchema.safeParse(safeJson(text));
      if (!parsed.success) {
        throw new VerificationStoreFailedError(
          `the verification record ${name} (version ${version}) is not a record of this store`,
        );
      }
      return { version, record: parsed.data as VerificationRecord };
    }
  }

  async function writeVersion(name: string, version: number, record: VerificationRecord): Promise<boolean> {
    const folder = recordDir(name);
    await mkdir(folder, { recursive: true });
    const temporary = join(folder, `.${randomUUID()}.tmp`);
    const handle = await nodeStoreFs.create(temporary);
    try {
      await handle.write(Buffer.from(JSON.stringify(record), 'utf8'));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temporary, join(folder, versionFile(version)));
    } catch (error) {
      if (code(error) === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
    await nodeStoreFs.syncDir(folder);
    return true;
  }

  async function updateNow(
    name: string,
    change: (current: VerificationRecord | undefined) => VerificationRecord | undefined,
  ): Promise<VerificationRecord | undefined> {
    for (let attempt = 0; ; attempt++) {
      const current = await latest(name);
      const next = change(current.record);
      if (next === undefined) return current.record;
      const parsed = RecordSchema.safeParse(next);
      if (!parsed.success) throw new VerificationStoreFailedError(`not a verification record: ${name}`);
      let won: boolean;
      try {
        await keepKeyFile();
        won = await writeVersion(name, current.version + 1, next);
      } catch (error) {
        throw failed(`the verification record ${name} could not be written`, error);
      }
      if (won) {
        const kept = await keptAfterWrite(name, current.version + 1);
        if (kept) return next;
        // Linked under a number pruned while this update waited: the change was made to a version
        // long superseded, so it is taken back and made again on the latest one.
      }
      // Another process wrote first: wait a moment, read its version and apply the change to it.
      await new Promise((resolveWait) => setTimeout(resolveWait, Math.min(50, 1 + attempt) * Math.random()));
    }
  }

  /**
   * After version `version` of a record is linked: whether it is a real successor, and the old
   * versions pruned. A version is pruned only once `KEPT_VERSIONS` newer ones exist, so a number
   * is free again only far behind the latest; a writer that read a version so old and linked its
   * successor into a freed number finds itself more than `KEPT_VERSIONS` behind here, and retries
   * on the latest instead (its file, never the latest, is read by nobody meanwhile). Pruning also
   * takes temporary files a killed process left (older than a minute). A failure to prune loses
   * nothing: the next write tries again.
   */
  async function keptAfterWrite(name: string, version: number): Promise<boolean> {
    const folder = recordDir(name);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return true;
    }
    const versions = names.flatMap((file) => {
      const match = VERSION.exec(file);
      return match ? [Number(match[1])] : [];
    });
    const newest = Math.max(version, ...versions);
    if (newest - version >= KEPT_VERSIONS) {
      await unlink(join(folder, versionFile(version))).catch(() => undefined);
      return false;
    }
    const floor = newest - KEPT_VERSIONS;
    const old = versions.filter((other) => other <= floor).map(versionFile);
    const leftovers = await staleTemporaryFiles(folder, names);
    if (old.length === 0 && leftovers.length === 0) return true;
    await Promise.all(
      [...old, ...leftovers].map((file) => unlink(join(folder, file)).catch(() => undefined)),
    );
    await nodeStoreFs.syncDir(folder).catch(() => undefined);
    return true;
  }

  async function loadKey(): Promise<Uint8Array> {
    if (given) return given;
    const file = join(dir, 'key');
    try {
      return await readKey(file);
    } catch (error) {
      if (code(error) !== 'ENOENT')
        throw failed(`the key of the verification store ${dir} cannot be read`, error);
    }
    try {
      return await placeKey(randomBytes(32));
    } catch (error) {
      throw failed(`the key of the verification store ${dir} could not be made`, error);
    }
  }

  /**
   * Writes `key` to the folder's `key` file unless one is there, and answers the file's key: the
   * one that stands.
   */
  async function placeKey(key: Uint8Array): Promise<Uint8Array> {
    await placeOnce('key', key, 0o600);
    return await readKey(join(dir, 'key'));
  }

  /**
   * Writes `content` to the folder's file `name` unless one is there. Linked, not renamed: of two
   * processes writing it at once, the first one's stands, and an existing file is never overwritten.
   */
  async function placeOnce(name: string, content: Uint8Array, mode: number): Promise<void> {
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `.${randomUUID()}.${name}.tmp`);
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temporary, join(dir, name)).catch((error: unknown) => {
        if (code(error) !== 'EEXIST') throw error;
      });
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
    await nodeStoreFs.syncDir(dir);
  }

  /**
   * The folder's id, made by the first process that asks (a folder from before ids were kept gets
   * one then too) and kept as long as the folder: read again each time, so a folder deleted and
   * made anew, which has lost every verified address, answers another id.
   */
  async function loadId(): Promise<string> {
    const file = join(dir, 'id');
    try {
      return await readStoreId(file);
    } catch (error) {
      if (code(error) !== 'ENOENT')
        throw failed(`the id of the verification store ${dir} cannot be read (${file})`, error);
    }
    try {
      await placeOnce('id', Buffer.from(`${randomUUID()}\n`), 0o644);
      return await readStoreId(file);
    } catch (error) {
      throw failed(`the id of the verification store ${dir} could not be made (${file})`, error);
    }
  }

  /**
   * Takes the folder's index lock (the file `index.lock`, naming its owner), waiting while another
   * running process holds it; a lock whose process has stopped on this host is taken over. The
   * owner is written before the lock is linked into place, so a lock is never seen without it
   * (POSIX link(2) fails with EEXIST when the name exists: of two processes one places it).
   * After `lockWaitMs` by the store's clock it rejects naming the lock and its owner. Answers the
   * way to let it go.
   */
  async function takeIndexLock(): Promise<() => Promise<void>> {
    const file = join(dir, 'index.lock');
    const owner = lockOwner();
    const giveUpAt = clock() + lockWaitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        if (await placeOwned(file, owner)) break;
        await breakStopped(file);
      } catch (error) {
        throw failed(`the index lock of the verification store ${dir} cannot be taken (${file})`, error);
      }
      if (clock() >= giveUpAt) throw await waitedTooLong(file);
      await new Promise((resolveWait) =>
        setTimeout(
          resolveWait,
          Math.max(0, Math.min(LOCK_WAIT_MAX_MS, 5 * 2 ** attempt, giveUpAt - clock())),
        ),
      );
    }
    await removeBreakClaims(file, () => true);
    return async () => {
      // Removed only while it is this instance's own: never a lock another process took over.
      if ((await readLockOwner(file))?.token === owner.token) await unlink(file).catch(() => undefined);
    };
  }

  async function waitedTooLong(file: string): Promise<VerificationStoreFailedError> {
    const holder = await readLockOwner(file);
    const named = holder
      ? `held by pid ${holder.pid} on ${holder.host} since ${holder.since}`
      : 'held by an owner that cannot be read';
    return new VerificationStoreFailedError(
      `the index lock of the verification store ${dir} was not let go within ${lockWaitMs} ms: ${file} is ${named}; ` +
        'if that process is gone, remove the file',
    );
  }

  /** Links a file naming `owner` into place as `file`, whole; false when `file` is there already. */
  async function placeOwned(file: string, owner: LockOwner): Promise<boolean> {
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `.${randomUUID()}.index-lock.tmp`);
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(JSON.stringify(owner));
    } finally {
      await handle.close();
    }
    try {
      await link(temporary, file);
      return true;
    } catch (error) {
      if (code(error) === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  }

  /**
   * Removes the index lock when its process has stopped on this host (a lock whose owner cannot be
   * read is taken for stopped once it is older than a write takes). Only a process holding a claim
   * on that very lock may do so: the file `index.lock.<hash of the lock's bytes>.<n>.break`, linked
   * into place whole with its owner (link(2): of two processes one places it), and it reads the
   * lock again first. Each lock carries a random token, so the hash names one lock, never a later
   * one. A claim whose process was stopped (killed mid-break) is never removed while its lock may
   * still be there: the next process claims number n + 1 instead. So two running processes never
   * hold a claim on one lock at once, no other process removes `index.lock` meanwhile, and a new
   * lock cannot be linked over a present one: the lock read stopped is the one removed, never a
   * live lock taken since. Once that lock is gone its claims are removed: they name a lock that
   * can never come back.
   */
  async function breakStopped(file: string): Promise<void> {
    const seen = await readIfThere(file);
    if (seen === undefined || !(await isStopped(file, seen))) return;
    const claims = `${basename(file)}.${createHash('sha256').update(seen).digest('hex').slice(0, 32)}.`;
    for (let number = 1; ; number++) {
      const claim = join(dir, `${claims}${number}.break`);
      if (!(await placeOwned(claim, lockOwner()))) {
        // A running process is breaking this lock: it is left to it.
        if (!(await isStopped(claim))) return;
        continue;
      }
      const now = await readIfThere(file);
      const same = now?.equals(seen) === true;
      if (same && (await isStopped(file, now))) await unlink(file).catch(ignoreMissing);
      else if (same) {
        // Its pid runs again (reused): the lock stays, and so do the other claims on it.
        await unlink(claim).catch(ignoreMissing);
        return;
      }
      await removeBreakClaims(file, (name) => name.startsWith(claims));
      return;
    }
  }

  /**
   * Removes the claims to break a lock that is gone (`which` picks them by name): called with the
   * index lock held, every claim names a lock that is gone, and a claim on a gone lock lets its
   * holder remove nothing. The temporary files of a lock or claim whose process was killed before
   * it removed them go too, once stale. Best effort: what is left is removed by the next holder.
   */
  async function removeBreakClaims(file: string, which: (name: string) => boolean): Promise<void> {
    const prefix = `${basename(file)}.`;
    const names = await readdir(dir).catch(() => [] as string[]);
    const claims = names.filter((name) => name.startsWith(prefix) && name.endsWith('.break') && which(name));
    const stale = await staleTemporaryFiles(
      dir,
      names.filter((name) => name.endsWith('.index-lock.tmp')),
    );
    for (const name of [...claims, ...stale]) await unlink(join(dir, name)).catch(() => undefined);
  }

  async function isStopped(file: string, bytes?: Buffer): Promise<boolean> {
    const owner = parseLockOwner(bytes ?? (await readIfThere(file)));
    if (owner) return owner.host === hostname() && !isRunning(owner.pid);
    // File times are the file system's, so the machine's clock, not the store's, measures their age.
    const info = await stat(file).catch(() => undefined);
    return info !== undefined && Date.now() - info.mtimeMs > STALE_TEMPORARY_MS;
  }

  /** Files the values of one name's entries not listed yet, in one update of its record. */
  function fileUnder(name: string, kind: IndexEntry['kind'], values: readonly string[]) {
    return update(name, (record) => {
      const have = listed(record, kind);
      const missing = values.filter((value) => !have.includes(value));
      if (missing.length === 0 && record?.kind === kind) return undefined;
      return listing(kind, [...have, ...missing]);
    });
  }

  /**
   * Before a write: the key file this process's key came from is still there. When the folder was
   * deleted while the process ran, writing records alone would rebuild it without its key, and the
   * next process would make another key and find none of them; so the key is written back. When
   * another process made a different key meanwhile, that one stands: this process takes it, and the
   * write is refused, since what it hashed under the old key cannot be read under the new one.
   */
  async function keepKeyFile(): Promise<void> {
    if (given || keyPromise === undefined) return;
    const held = await keyPromise.catch(() => undefined);
    if (held === undefined) return;
    let standing: Uint8Array | undefined;
    try {
      standing = await readKey(join(dir, 'key'));
    } catch (error) {
      if (code(error) !== 'ENOENT')
        throw failed(`the key of the verification store ${dir} cannot be read`, error);
    }
    try {
      standing ??= await placeKey(held);
    } catch (error) {
      throw failed(`the key of the verification store ${dir} could not be written back`, error);
    }
    if (Buffer.from(standing).equals(Buffer.from(held))) return;
    keyPromise = Promise.resolve(standing);
    throw new VerificationStoreFailedError(
      `the key of the verification store ${dir} was replaced (the folder was deleted, and another process made a new key): records written with the previous key are unreadable (pending codes and links no longer match); this store now uses the new key`,
    );
  }

  return {
    id: () => loadId(),
    async now() {
      return clock();
    },
    key() {
      keyPromise ??= loadKey().catch((error: unknown) => {
        keyPromise = undefined;
        throw error;
      });
      return keyPromise;
    },
    async read(name) {
      return (await latest(name)).record;
    },
    async readMany(names) {
      return Promise.all(names.map(async (name) => (await latest(name)).record));
    },
    async *verifiedRecords() {
      // The folder is read as a stream of entries (`opendir`, a few dozen at a time), never as one
      // list of every name, so memory stays the same however many records there are.
      let folder: AsyncIterable<{ name: string; isDirectory(): boolean }>;
      try {
        folder = await opendir(join(dir, 'records'));
      } catch (error) {
        if (code(error) === 'ENOENT') return;
        throw failed(`the verification store ${dir} cannot be listed`, error);
      }
      try {
        for await (const entry of folder) {
          if (!entry.isDirectory() || !NAME.test(entry.name)) continue;
          const { record } = await latest(entry.name);
          if (record?.kind === 'address' && record.challenges.some(isVerified)) yield record;
        }
      } catch (error) {
        throw failed(`the verification store ${dir} cannot be listed`, error);
      }
    },
    async fileMany(entries) {
      const byName = new Map<string, { kind: IndexEntry['kind']; values: Set<string> }>();
      for (const { name, kind, value } of parseInput(IndexEntriesSchema, entries, ['entries'])) {
        const filing = byName.get(name) ?? { kind, values: new Set<string>() };
        filing.values.add(value);
        byName.set(name, filing);
      }
      const filings = [...byName];
      const next = async (): Promise<void> => {
        const filing = filings.shift();
        if (filing === undefined) return;
        const [name, { kind, values }] = filing;
        await fileUnder(name, kind, [...values]);
        return next();
      };
      await Promise.all(Array.from({ length: FILING_CONCURRENCY }, next));
    },
    async withIndexLock(work) {
      const unlock = await takeIndexLock();
      try {
        return await work();
      } finally {
        await unlock();
      }
    },
    update,
  };

  function update(
    name: string,
    change: (current: VerificationRecord | undefined) => VerificationRecord | undefined,
  ): Promise<VerificationRecord | undefined> {
    recordDir(name);
    const previous = queues.get(name) ?? Promise.resolve();
    const run = previous.then(
      () => updateNow(name, change),
      () => updateNow(name, change),
    );
    const settled = run.catch(() => undefined);
    queues.set(name, settled);
    void settled.then(() => {
      if (queues.get(name) === settled) queues.delete(name);
    });
    return run;
  }
}

function isVerified(challenge: AddressRecord['challenges'][number]): boolean {
  return challenge.verifiedAt !== undefined;
}

/** Temporary files of a write that never finished (its process was killed), by their age. */
async function staleTemporaryFiles(folder: string, names: readonly string[]): Promise<string[]> {
  const temporary = names.filter((file) => file.endsWith('.tmp'));
  if (temporary.length === 0) return [];
  const now = Date.now();
  const ages = await Promise.all(
    temporary.map(async (file) => {
      const info = await stat(join(folder, file)).catch(() => undefined);
      return info !== undefined && now - info.mtimeMs > STALE_TEMPORARY_MS ? [file] : [];
    }),
  );
  return ages.flat();
}

async function readStoreId(file: string): Promise<string> {
  const id = (await readFile(file, 'utf8')).trim();
  if (!STORE_ID.test(id))
    throw new VerificationStoreFailedError(
      `${file} holds no id of a verification store (a UUID on one line)`,
    );
  return id;
}

/** Who holds a lock; undefined for none, or one that cannot be read (being written, or garbled). */
async function readLockOwner(file: string): Promise<LockOwner | undefined> {
  return parseLockOwner(await readFile(file).catch(() => undefined));
}

function parseLockOwner(bytes: Buffer | undefined): LockOwner | undefined {
  const parsed = LockOwnerSchema.safeParse(safeJson(bytes?.toString('utf8') ?? ''));
  return parsed.success ? parsed.data : undefined;
}

/** This process, as the owner of a lock or of a claim to break one, with a token of its own. */
function lockOwner(): LockOwner {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
}

/** A file's bytes; undefined when it is not there. */
async function readIfThere(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch((error: unknown) => {
    ignoreMissing(error);
    return undefined;
  });
}

async function readKey(file: string): Promise<Uint8Array> {
  const key = await readFile(file);
  if (key.byteLength < 32)
    throw Object.assign(new Error(`${file} is shorter than 32 bytes`), { code: 'EKEY' });
  return key;
}

function versionFile(version: number): string {
  return `${String(version).padStart(12, '0')}.json`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function ignoreMissing(error: unknown): void {
  if (code(error) !== 'ENOENT') throw error;
}

function code(error: unknown): unknown {
  return (error as { code?: unknown } | undefined)?.code;
}

function failed(message: string, cause: unknown): VerificationStoreFailedError {
  return cause instanceof VerificationStoreFailedError
    ? cause
    : new VerificationStoreFailedError(message, { cause });
}
