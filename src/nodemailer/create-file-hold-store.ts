import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { SentMessageInfo, Transporter } from 'nodemailer';
import { z } from 'zod';
import {
  HeldMessageClaimedError,
  HeldMessageNotLockedError,
  HoldStoreFailedError,
  InvalidInputError,
} from '../errors.js';
import { isRunning } from '../internal/is-running.js';
import { parseInput } from '../internal/parse-input.js';
import type { AuditLog } from './audit-log.js';
import {
  checkRelease,
  type DiscardOptions,
  type HeldEnvelope,
  type HeldMessage,
  type HeldMessageWithRaw,
  type HoldInput,
  type HoldStore,
  type HoldStoreProblem,
  type ReleaseOptions,
  type ReleaseResult,
  type ReleasingProcess,
  releaseProgressOf,
  sendHeldMessage,
} from './hold-store.js';
import { messageDigest, recordSeal, sameHex } from './record-seal.js';
import { nodeStoreFs, type StoreFs } from './store-fs.js';

// <UTC time to the millisecond>-<random>: sorts by time as text, never collides.
const ID = /^\d{8}T\d{9}Z-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
// 1: the raw message's digest only; 2: a seal over the whole record as well.
const FORMAT = 2;

const DiscardOptionsSchema = z.object({ force: z.boolean().optional() });

/** What the store writes next to each message: its metadata, and a digest that proves the message whole. */
interface EntryRecord extends Omit<HeldMessage, 'state'> {
  readonly format: number;
  readonly sha256: string;
  /** Format 2: a digest of everything else in the record, keyed when the store has a key. */
  readonly seal?: Seal;
}

interface Seal {
  readonly algorithm: 'sha256' | 'hmac-sha256';
  readonly value: string;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

// What a release acts on must be there, in the shape the store wrote it; anything else is refused.
const EntryRecordSchema = z.looseObject({
  format: z.union([z.literal(1), z.literal(2)]),
  id: z.string(),
  heldAt: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(HEX_SHA256),
  seal: z
    .object({ algorithm: z.enum(['sha256', 'hmac-sha256']), value: z.string().regex(HEX_SHA256) })
    .optional(),
  envelope: z.looseObject({ from: z.string().optional(), to: z.array(z.string()) }),
  action: z.enum(['block', 'confirm']),
  recipients: z.array(z.looseObject({ field: z.string(), address: z.string() })),
  messageId: z.string().optional(),
  customerId: z.string().optional(),
  subject: z.string().optional(),
  customerLookup: z.looseObject({ reason: z.string() }).optional(),
  customersKnown: z.number().int().nonnegative().optional(),
  verifiedAddressesChecked: z.boolean().optional(),
  verificationStoreId: z
    .union([z.string(), z.object({ unread: z.enum(['error', 'timeout']) })])
    .nullable()
    .optional(),
  awaitingCode: z.array(z.string()).optional(),
  customersCountFailed: z.literal(true).optional(),
});

/** Options of {@link createFileHoldStore}. */
export interface FileHoldStoreOptions {
  /**
   * A secret (at least 32 bytes) kept outside the folder. Each entry is then sealed with an
   * HMAC-SHA-256 of its whole record, so whoever can write the folder but has not the key cannot
   * change where a release goes, to whom it is checked against or what is sent; entries sealed
   * without a key, or held by an older version, are refused (reported as `unsealed`). Without a
   * key the seal is a plain SHA-256: it catches a damaged or hand-edited entry, not a forger.
   * @default undefined
   */
  readonly key?: string | Uint8Array;
  /**
   * The audit log the guard's releases write to (`createJsonLinesAuditLog(path)`), read by
   * `list()` and `get()` for an entry left `releasing`: its `releaseProgress` says whether the
   * release that holds it began its send (`started`), sent it (`sent`), or neither
   * (`not-started`). Without it, or with a log that has no `lastReleaseOutcomes`, it is left out.
   * @default undefined
   */
  readonly auditLog?: AuditLog;
}

const OptionsSchema = z.object({
  auditLog: z
    .custom<AuditLog>(
      (value) => typeof (value as AuditLog | undefined)?.record === 'function',
      'an AuditLog (createJsonLinesAuditLog(path))',
    )
    .optional(),
  key: z
    .union([
      z.string().refine((key) => Buffer.byteLength(key) >= 32, 'a key of at least 32 bytes is required'),
      z
        .instanceof(Uint8Array)
        .refine((key) => key.byteLength >= 32, 'a key of at least 32 bytes is required'),
    ])
    .optional(),
});

/** The file hold store: a {@link HoldStore} that also reports the entries it cannot list. */
export interface FileHoldStore extends HoldStore {
  /**
   * Every entry `list()` leaves out, and why: a metadata file that is not a whole record of this
   * store (`malformed`), not a regular file (`not-a-file`: a directory, a FIFO, a symbolic link),
   * cannot be read (`unreadable`), does not match its seal or its message (`digest-mismatch`), is
   * not sealed with the store's key (`unsealed`), has lost its message (`message-missing`), and a
   * message a stopped process wrote without its metadata (`uncommitted`). Reads every message, so
   * it costs what the folder holds. `discard(id)` removes a damaged entry.
   */
  listProblems(): Promise<HoldStoreProblem[]>;
  /**
   * Sets a damaged entry (one `listProblems()` names) aside instead of deleting it: moves its files
   * (`<id>.json`, `<id>.eml`, whichever are there) unread into the folder `damaged` inside the
   * store, where nothing lists or releases them and they can be looked at or put back by hand.
   * Takes the release's lock, so never while a release or discard of it runs; an entry that reads
   * whole is refused (`HoldStoreFailedError`: discard or release it instead). `record` runs once
   * the lock is taken and before anything moves (the audit line: a rejection moves nothing).
   * Resolves with the paths the files now have, none when the entry has no files.
   */
  setAside(id: string, record?: () => Promise<void>): Promise<string[]>;
}

/** The folder inside the store that {@link FileHoldStore.setAside} moves damaged entries to. */
export const DAMAGED_FOLDER = 'damaged';

type RecordResult =
  | { readonly record: EntryRecord }
  | { readonly problem: HoldStoreProblem }
  | { readonly missing: true };

/**
 * A hold store in one directory. Each held message is two files: `<id>.eml`, the raw message
 * exactly as it would have been sent, and `<id>.json`, its verdicts and metadata. Both are written
 * to a temporary file, fsynced and renamed into place, the `.eml` first and the `.json` last, with
 * the directory fsynced after each rename: a crash at any step leaves either the whole entry or no
 * entry (at most an unlisted temporary file or `.eml`), and never touches an earlier one.
 *
 * A release takes `<id>.lock` with an exclusive create (O_EXCL), so two releases of one message
 * cannot both send it; the entry is removed only after the transport accepted the message, and
 * stays held if the send fails. A discard takes the same lock, so it never removes a message that a
 * release is sending: it rejects with `HeldMessageClaimedError` (a `HoldStoreFailedError`) instead, as a
 * second release does.
 *
 * @example
 * ```ts
 * const holdStore = createFileHoldStore('./held-mail');
 * const [first] = await holdStore.list();
 * if (first) {
 *   await holdStore.release(first.id, transporter, {
 *     to: 'anna.svensson1985@gmail.com',
 *     by: 'lena@butiken.se',
 *     reason: 'address read back on the phone',
 *   });
 * }
 * ```
 */
export function createFileHoldStore(directory: string, options: FileHoldStoreOptions = {}): FileHoldStore {
  return openFileHoldStore(directory, nodeStoreFs, options);
}

/** {@link createFileHoldStore} over a given file system (a test stops it at each step in turn). */
export function openFileHoldStore(
  directory: string,
  fs: StoreFs,
  options: FileHoldStoreOptions = {},
): FileHoldStore {
  const dir = resolve(parseInput(z.string().min(1, 'a directory is required'), directory, ['directory']));
  const { key, auditLog } = parseInput(OptionsSchema, options, ['options']);
  const readOutcomes = auditLog?.lastReleaseOutcomes?.bind(auditLog);

  /** The entries, each one `releasing` with what the audit log says of its send (when it can be read). */
  async function withReleaseProgress<T extends HeldMessage>(entries: readonly T[]): Promise<T[]> {
    const releasing = entries.filter((entry) => entry.state === 'releasing').map((entry) => entry.id);
    if (!readOutcomes || releasing.length === 0) return [...entries];
    const outcomes = await readOutcomes(releasing).catch((error: unknown) => {
      throw new HoldStoreFailedError('the release lines could not be read from the audit log', {
        cause: error,
      });
    });
    return entries.map((entry) =>
      entry.state === 'releasing'
        ? { ...entry, releaseProgress: releaseProgressOf(outcomes.get(entry.id)) }
        : entry,
    );
  }
  const path = (name: string) => join(dir, name);

  /** The seal of a record: everything in it but the seal, in one canonical form. */
  function sealOf(record: EntryRecord): Seal {
    return recordSeal(record, key);
  }

  const problem = (id: string, file: string, code: HoldStoreProblem['code'], message: string) => ({
    problem: { id, file: path(file), code, message: `held message ${id} ${message}` },
  });

  /** Reads and checks an entry's record: whole, of this store, for this id, and sealed as the store seals. */
  async function readChecked(id: string): Promise<RecordResult> {
    const file = `${id}.json`;
    let text: Buffer;
    try {
      text = await fs.readFile(path(file));
    } catch (error) {
      if (isMissing(error)) return { missing: true };
      if (isNotAFile(error)) {
        return problem(id, file, 'not-a-file', 'is not a regular file (a directory, FIFO or symbolic link)');
      }
      return problem(id, file, 'unreadable', `cannot be read: ${describe(error)}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.toString('utf8'));
    } catch (error) {
      return problem(id, file, 'malformed', `has metadata that is not JSON: ${describe(error)}`);
    }
    const checked = EntryRecordSchema.safeParse(parsed);
    if (!checked.success) {
      const [issue] = checked.error.issues;
      return problem(
        id,
        file,
        'malformed',
        `has metadata that is not this store's: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? ''}`,
      );
    }
    const record = checked.data as unknown as EntryRecord;
    if (record.id !== id)
      return problem(id, file, 'malformed', `has the metadata of another entry (${record.id})`);
    if (record.format === 1 || !record.seal) {
      // Held before records were sealed: readable as before, unless the store requires its key.
      return key === undefined
        ? { record }
        : problem(
            id,
            file,
            'unsealed',
            'was held before entries were sealed, so the key cannot vouch for it',
          );
    }
    if (record.seal.algorithm === 'hmac-sha256' && key === undefined) {
      return problem(id, file, 'unsealed', 'was sealed with a key: open the store with that key to read it');
    }
    if (record.seal.algorithm === 'sha256' && key !== undefined) {
      return problem(id, file, 'unsealed', "is not sealed with the store's key");
    }
    // Sealed as read, every key included: a key the schema does not know is covered as well.
    if (!sameHex(sealOf(parsed as EntryRecord).value, record.seal.value)) {
      return problem(
        id,
        file,
        'digest-mismatch',
        'was changed after it was held: its metadata does not match its seal',
      );
    }
    return { record };
  }

  async function writeDurably(name: string, data: Uint8Array): Promise<void> {
    const temporary = path(`.${name}.${randomUUID()}.tmp`);
    try {
      const handle = await fs.create(temporary);
      try {
        await handle.write(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, path(name));
    } catch (error) {
      await fs.unlink(temporary).catch(() => undefined);
      throw error;
    }
    // The rename is durable only once the directory is (POSIX rename(2) + fsync(2) on the directory).
    await fs.syncDir(dir);
  }

  async function readRecord(id: string): Promise<EntryRecord | undefined> {
    const result = await readChecked(id);
    if ('missing' in result) return undefined;
    if ('problem' in result) throw new HoldStoreFailedError(result.problem.message);
    return result.record;
  }

  async function isLocked(id: string): Promise<boolean> {
    return (await fs.readdir(dir)).includes(`${id}.lock`);
  }

  /**
   * The entry as listed: `releasing` while a release or discard holds its lock, since the lock
   * file was made (its modification time: the lock is created empty and never written).
   */
  async function listed(record: EntryRecord, locked: boolean): Promise<HeldMessage> {
    if (!locked) return toHeldMessage(record, 'held');
    const since = await fs.modifiedAt(path(`${record.id}.lock`)).then(
      (modified) => modified.toISOString(),
      // Unlocked meanwhile: the release or discard ended.
      () => undefined,
    );
    if (since === undefined) return toHeldMessage(record, 'held');
    const owner = await readLockOwner(path(`${record.id}.lock`));
    return {
      ...toHeldMessage(record, 'releasing'),
      releasingSince: since,
      ...(owner ? { releasingBy: releasingProcess(owner) } : {}),
    };
  }

  async function readEntry(id: string): Promise<HeldMessageWithRaw | undefined> {
    const record = await readRecord(id);
    if (!record) return undefined;
    const raw = await readRaw(id, record);
    if ('problem' in raw) throw new HoldStoreFailedError(raw.problem.message);
    return { ...(await listed(record, await isLocked(id))), raw: raw.raw };
  }

  /** The entry's raw message, checked against the digest its record holds. */
  async function readRaw(
    id: string,
    record: EntryRecord,
  ): Promise<{ readonly raw: Buffer } | { readonly problem: HoldStoreProblem }> {
    const file = `${id}.eml`;
    let raw: Buffer;
    try {
      raw = await fs.readFile(path(file));
    } catch (error) {
      if (isMissing(error)) return problem(id, file, 'message-missing', 'has lost its raw message');
      if (isNotAFile(error)) {
        return problem(id, file, 'not-a-file', 'has a raw message that is not a regular file');
      }
      return problem(id, file, 'unreadable', `has a raw message that cannot be read: ${describe(error)}`);
    }
    if (raw.byteLength !== record.size || !sameHex(sha256(raw), record.sha256)) {
      return problem(id, file, 'digest-mismatch', 'has a raw message that does not match its digest');
    }
    return { raw };
  }

  /**
   * Takes the entry's lock: only one release or discard at a time, across processes too. The lock
   * names its owner (`{ pid, host, since }`), so a forced take-over can tell a stopped process
   * from one still sending on this host.
   */
  async function lock(id: string, force: boolean): Promise<void> {
    const lockPath = path(`${id}.lock`);
    if (force) {
      // A running owner is refused before anything is moved, so the common refusal touches nothing.
      refuseRunningOwner(id, await readLockOwner(lockPath));
      // Take over the lock a stopped process left by moving it aside under a name of its own first:
      // only one rename of it can succeed, and what was moved is read after the move, so a lock
      // another take-over or release took since the owner was read is never broken unseen.
      const aside = path(`.${id}.lock.${randomUUID()}.stale`);
      const moved = await fs.rename(lockPath, aside).then(
        () => true,
        (error: unknown) => {
          if (!isMissing(error)) throw error;
          return false;
        },
      );
      if (moved) {
        try {
          refuseRunningOwner(id, await readLockOwner(aside));
        } catch (refusal) {
          // Not the stopped owner's lock: put back (link fails rather than replace one taken since).
          await fs.link(aside, lockPath).catch(() => undefined);
          throw refusal;
        } finally {
          await fs.unlink(aside).catch(() => undefined);
        }
      }
    }
    try {
      const handle = await fs.create(lockPath);
      try {
        const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
        await handle.write(Buffer.from(JSON.stringify(owner)));
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (isExisting(error)) {
        const owner = await readLockOwner(lockPath);
        // A lock without an owner (written before locks named one, or by a process stopped between
        // creating and writing it) is dated by its file's time, which is when it was taken.
        const claimedAt =
          owner?.since ??
          (await fs.modifiedAt(lockPath).then(
            (at) => at.toISOString(),
            () => undefined,
          ));
        const by = owner ? ` by process ${owner.pid} on ${owner.host}` : '';
        throw new HeldMessageClaimedError(
          `held message ${id} is being released or discarded${by}; an entry left releasing by a stopped process needs { force: true }`,
          { holdId: id, claimedAt },
          { cause: error },
        );
      }
      throw new HeldMessageNotLockedError(id, { cause: error });
    }
    await fs.syncDir(dir);
  }

  /** Refuses a take-over of a lock whose owner still runs on this host. */
  function refuseRunningOwner(id: string, owner: LockOwner | undefined): void {
    if (owner?.host === hostname() && isRunning(owner.pid)) {
      throw new HeldMessageClaimedError(
        `held message ${id} is being released or discarded by process ${owner.pid} on ${owner.host}, which is still running; force takes over only a lock whose process has stopped`,
        { holdId: id, claimedAt: owner.since },
      );
    }
  }

  /** Who holds a lock; undefined for no lock, or an empty or unreadable one (owner unknown). */
  async function readLockOwner(lockPath: string): Promise<LockOwner | undefined> {
    const text = await fs.readFile(lockPath).then(
      (buffer) => buffer.toString('utf8'),
      () => '',
    );
    if (text === '') return undefined;
    try {
      const parsed = LockOwnerSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async function unlock(id: string): Promise<void> {
    await fs.unlink(path(`${id}.lock`)).catch(() => undefined);
  }

  /** Removes an entry: the `.json` first, so it stops being listed before its message goes. */
  async function remove(id: string): Promise<void> {
    await fs.unlink(path(`${id}.json`));
    await fs.unlink(path(`${id}.eml`)).catch(() => undefined);
    await fs.syncDir(dir);
  }

  async function listNames(): Promise<string[]> {
    try {
      return await fs.readdir(dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw new HoldStoreFailedError(`the hold store ${dir} cannot be read`, { cause: error });
    }
  }

  const checkId = (id: unknown): string => {
    if (typeof id !== 'string' || !ID.test(id)) {
      throw new InvalidInputError([{ path: ['id'], message: 'not an id this store gave out' }]);
    }
    return id;
  };

  return {
    async hold(input: HoldInput) {
      const heldAt = new Date();
      const id = `${heldAt.toISOString().replace(/[-:.]/g, '')}-${randomUUID()}`;
      const raw = Buffer.from(input.raw.buffer, input.raw.byteOffset, input.raw.byteLength);
      const unsealed: EntryRecord = {
        format: FORMAT,
        id,
        heldAt: heldAt.toISOString(),
        size: raw.byteLength,
        sha256: sha256(raw),
        envelope: input.envelope,
        action: input.action,
        recipients: input.recipients,
        ...(input.messageId === undefined ? {} : { messageId: input.messageId }),
        ...(input.customerId === undefined ? {} : { customerId: input.customerId }),
        // In the record, so list() shows it from the records alone; sealed with the rest.
        ...(input.subject === undefined ? {} : { subject: input.subject }),
        ...(input.customerLookup === undefined ? {} : { customerLookup: input.customerLookup }),
        ...(input.customersKnown === undefined ? {} : { customersKnown: input.customersKnown }),
        ...(input.verifiedAddressesChecked ? { verifiedAddressesChecked: true } : {}),
        ...(input.verificationStoreId === undefined
          ? {}
          : { verificationStoreId: input.verificationStoreId }),
        ...(input.awaitingCode ? { awaitingCode: input.awaitingCode } : {}),
        ...(input.customersCountFailed ? { customersCountFailed: true } : {}),
      };
      // Sealed as it will read back (JSON drops what JSON cannot hold), so the seal checks on reading.
      const record: EntryRecord = JSON.parse(JSON.stringify(unsealed)) as EntryRecord;
      const sealed: EntryRecord = { ...record, seal: sealOf(record) };
      try {
        await fs.mkdir(dir);
        // The message first, its metadata last: the .json is the commit record of the entry.
        await writeDurably(`${id}.eml`, raw);
        await writeDurably(`${id}.json`, Buffer.from(JSON.stringify(sealed, null, 2), 'utf8'));
      } catch (error) {
        throw new HoldStoreFailedError(`the message could not be held in ${dir}`, { cause: error });
      }
      return toHeldMessage(record, 'held');
    },

    async list() {
      const names = await listNames();
      const locked = new Set(names.filter((name) => name.endsWith('.lock')));
      const held: HeldMessage[] = [];
      for (const id of entryIds(names)) {
        // An entry that cannot be read is left out here and reported by listProblems().
        const result = await readChecked(id);
        if ('record' in result) {
          held.push(await listed(result.record, locked.has(`${id}.lock`)));
        }
      }
      return withReleaseProgress(held);
    },

    async listProblems() {
      const names = await listNames();
      const problems: HoldStoreProblem[] = [];
      const committed = new Set(entryIds(names));
      for (const id of committed) {
        const result = await readChecked(id);
        if ('problem' in result) problems.push(result.problem);
        else if ('record' in result) {
          const raw = await readRaw(id, result.record);
          if ('problem' in raw) problems.push(raw.problem);
        }
      }
      // The message is written before its metadata: an .eml alone is a hold a stopped process never finished.
      for (const name of names) {
        const id = name.slice(0, -4);
        if (name.endsWith('.eml') && ID.test(id) && !committed.has(id)) {
          problems.push(
            problem(id, name, 'uncommitted', 'was being held when the process stopped; it was never listed')
              .problem,
          );
        }
      }
      return problems.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async get(id) {
      const entry = await readEntry(checkId(id));
      return entry && (await withReleaseProgress([entry]))[0];
    },

    async release(id: string, transporter: Transporter, options: ReleaseOptions): Promise<ReleaseResult> {
      checkId(id);
      const release = checkRelease(options);
      const { settings } = release;
      await lock(id, settings.force ?? false);
      let entry: HeldMessageWithRaw | undefined;
      try {
        entry = await readEntry(id);
      } catch (error) {
        await unlock(id);
        throw error;
      }
      if (!entry) {
        await unlock(id);
        throw new HoldStoreFailedError(`there is no held message ${id}: it was released or discarded`);
      }
      let sent: { envelope: HeldEnvelope; info: SentMessageInfo };
      try {
        sent = await sendHeldMessage(transporter, entry, entry.raw, release, auditLog);
      } catch (error) {
        // Not sent: the entry stays held, to be released again.
        await unlock(id);
        throw error;
      }
      // Sent. The lock stays until the entry is gone, so a failure below never lets it be sent again.
      try {
        await remove(id);
        await unlock(id);
      } catch {
        // The entry stays listed as `releasing`; it is never sent again without { force: true }.
      }
      return { id, ...(entry.messageId === undefined ? {} : { messageId: entry.messageId }), ...sent };
    },

    async dropAwaitingCode(id: string): Promise<void> {
      checkId(id);
      // Under the entry's lock: a release or discard that ended in between would otherwise have
      // its removed record written back.
      await lock(id, false);
      try {
        const record = await readRecord(id);
        if (record?.awaitingCode === undefined) return;
        const { awaitingCode: _awaitingCode, seal: _seal, ...kept } = record;
        const sealed: EntryRecord = { ...kept, seal: sealOf(kept) };
        await writeDurably(`${id}.json`, Buffer.from(JSON.stringify(sealed, null, 2), 'utf8'));
      } catch (error) {
        throw error instanceof HoldStoreFailedError
          ? error
          : new HoldStoreFailedError(`held message ${id} could not be updated`, { cause: error });
      } finally {
        await unlock(id);
      }
    },

    async discard(id: string, options: DiscardOptions = {}): Promise<boolean> {
      checkId(id);
      const settings = parseInput(DiscardOptionsSchema, options, ['options']);
      const names = await listNames();
      const committed = names.includes(`${id}.json`);
      // An .eml alone is a hold a stopped process never finished: discarded like any entry.
      if (!committed && !names.includes(`${id}.eml`)) return false;
      // The release's lock: while a release sends the message, discarding it would report a
      // message gone that is on its way to the recipient.
      await lock(id, settings.force ?? false);
      try {
        if (committed) await remove(id);
        else {
          await fs.unlink(path(`${id}.eml`));
          await fs.syncDir(dir);
        }
      } catch (error) {
        if (isMissing(error)) return false;
        throw new HoldStoreFailedError(`held message ${id} could not be discarded`, { cause: error });
      } finally {
        await unlock(id);
      }
      return true;
    },

    async setAside(id: string, record?: () => Promise<void>): Promise<string[]> {
      checkId(id);
      const names = await listNames();
      const files = [`${id}.json`, `${id}.eml`].filter((name) => names.includes(name));
      if (files.length === 0) return [];
      await lock(id, false);
      try {
        const result = await readChecked(id);
        if ('record' in result && 'raw' in (await readRaw(id, result.record)))
          throw new HoldStoreFailedError(
            `held message ${id} can be read whole: discard or release it rather than set it aside`,
          );
        await record?.();
        const aside = path(DAMAGED_FOLDER);
        const moved: string[] = [];
        try {
          await fs.mkdir(aside);
          for (const name of files) {
            await fs.rename(path(name), join(aside, name));
            moved.push(join(aside, name));
          }
          await fs.syncDir(aside);
          await fs.syncDir(dir);
        } catch (error) {
          throw new HoldStoreFailedError(`held message ${id} could not be set aside in ${aside}`, {
            cause: error,
          });
        }
        return moved;
      } finally {
        await unlock(id);
      }
    },

    async discardWithRecord(
      id: string,
      record: (held: HeldMessage) => Promise<void>,
      options: DiscardOptions = {},
    ): Promise<HeldMessage | undefined> {
      checkId(id);
      const settings = parseInput(DiscardOptionsSchema, options, ['options']);
      // The release's lock, taken before the record is read: a release cannot start, send or end
      // while the discard is recorded, nor can a discard be recorded while a release holds it.
      await lock(id, settings.force ?? false);
      try {
        const stored = await readRecord(id);
        if (!stored) return undefined;
        const held = toHeldMessage(stored, 'held');
        await record(held);
        await remove(id).catch((error: unknown) => {
          throw new HoldStoreFailedError(`held message ${id} could not be discarded`, { cause: error });
        });
        return held;
      } finally {
        await unlock(id);
      }
    },
  };
}

function toHeldMessage(record: EntryRecord, state: HeldMessage['state']): HeldMessage {
  const { format: _format, sha256: _sha256, seal: _seal, ...held } = record;
  return { ...held, state };
}

function sha256(data: Uint8Array): string {
  return messageDigest(data);
}

const LockOwnerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string().min(1),
  since: z.string(),
});
type LockOwner = z.infer<typeof LockOwnerSchema>;

/** A lock's owner as a listed entry names it: running or stopped, where this host can tell. */
function releasingProcess(owner: LockOwner): ReleasingProcess {
  const { pid, host } = owner;
  return host === hostname() ? { pid, host, running: isRunning(pid) } : { pid, host };
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ENOENT';
}

function isExisting(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'EEXIST';
}

/** Temporary files start with a dot and an .eml without its .json was never committed: neither is an entry. */
function entryIds(names: readonly string[]): string[] {
  return names
    .filter((name) => name.endsWith('.json') && ID.test(name.slice(0, -5)))
    .map((name) => name.slice(0, -5))
    .sort();
}

function isNotAFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'EISDIR' || code === 'ELOOP' || code === 'ENOTREG';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
