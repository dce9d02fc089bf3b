import { createHash, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { SentMessageInfo, Transporter } from 'nodemailer';
import { z } from 'zod';
import { parseAddress } from '../address/parse-address.js';
import { HoldStoreFailedError, InvalidInputError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import type {
  DiscardOptions,
  HeldEnvelope,
  HeldMessage,
  HeldMessageWithRaw,
  HoldInput,
  HoldStore,
  ReleaseOptions,
  ReleaseResult,
} from './hold-store.js';
import { replaceRecipients } from './replace-recipients.js';
import { sendReleased } from './send-released.js';
import { nodeStoreFs, type StoreFs } from './store-fs.js';

// <UTC time to the millisecond>-<random>: sorts by time as text, never collides.
const ID = /^\d{8}T\d{9}Z-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const FORMAT = 1;

const ReleaseOptionsSchema = z.object({
  to: z
    .union([z.string(), z.array(z.string()).min(1, 'at least one corrected recipient is required')])
    .optional(),
  by: z.string().trim().min(1, 'who releases the message is required'),
  reason: z.string().trim().min(1, 'why the message is released is required'),
  sendDespiteBlock: z.boolean().optional(),
  force: z.boolean().optional(),
});

const DiscardOptionsSchema = z.object({ force: z.boolean().optional() });

/** What the store writes next to each message: its metadata, and a digest that proves the message whole. */
interface EntryRecord extends Omit<HeldMessage, 'state'> {
  readonly format: number;
  readonly sha256: string;
}

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
 * release is sending: it rejects with `HoldStoreFailedError` instead.
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
export function createFileHoldStore(directory: string): HoldStore {
  return openFileHoldStore(directory, nodeStoreFs);
}

/** {@link createFileHoldStore} over a given file system (a test stops it at each step in turn). */
export function openFileHoldStore(directory: string, fs: StoreFs): HoldStore {
  const dir = resolve(parseInput(z.string().min(1, 'a directory is required'), directory, ['directory']));
  const path = (name: string) => join(dir, name);

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
    let text: Buffer;
    try {
      text = await fs.readFile(path(`${id}.json`));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new HoldStoreFailedError(`held message ${id} cannot be read`, { cause: error });
    }
    try {
      return JSON.parse(text.toString('utf8')) as EntryRecord;
    } catch (error) {
      throw new HoldStoreFailedError(`held message ${id} has unreadable metadata`, { cause: error });
    }
  }

  async function hasEntry(id: string): Promise<boolean> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      if (isMissing(error)) return false;
      throw new HoldStoreFailedError(`the hold store ${dir} cannot be read`, { cause: error });
    }
    return names.includes(`${id}.json`);
  }

  async function isLocked(id: string, names?: readonly string[]): Promise<boolean> {
    const listing = names ?? (await fs.readdir(dir));
    return listing.includes(`${id}.lock`);
  }

  async function readEntry(id: string): Promise<HeldMessageWithRaw | undefined> {
    const record = await readRecord(id);
    if (!record) return undefined;
    let raw: Buffer;
    try {
      raw = await fs.readFile(path(`${id}.eml`));
    } catch (error) {
      throw new HoldStoreFailedError(`held message ${id} has lost its raw message`, { cause: error });
    }
    if (sha256(raw) !== record.sha256) {
      throw new HoldStoreFailedError(`held message ${id} does not match its digest`);
    }
    return { ...toHeldMessage(record, (await isLocked(id)) ? 'releasing' : 'held'), raw };
  }

  /** Takes the entry's lock: only one release or discard at a time, across processes too. */
  async function lock(id: string, force: boolean): Promise<void> {
    const lockPath = path(`${id}.lock`);
    if (force) {
      // Take over a lock a stopped process left, atomically: only one rename of it can succeed.
      const stale = path(`.${id}.lock.${randomUUID()}.stale`);
      await fs.rename(lockPath, stale).then(
        () => fs.unlink(stale),
        (error: unknown) => {
          if (!isMissing(error)) throw error;
        },
      );
    }
    try {
      const handle = await fs.create(lockPath);
      await handle.close();
    } catch (error) {
      if (isExisting(error)) {
        throw new HoldStoreFailedError(
          `held message ${id} is being released or discarded; an entry left releasing by a stopped process needs { force: true }`,
          { cause: error },
        );
      }
      throw new HoldStoreFailedError(`held message ${id} cannot be locked`, { cause: error });
    }
    await fs.syncDir(dir);
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
      const record: EntryRecord = {
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
        ...(input.customerLookup === undefined ? {} : { customerLookup: input.customerLookup }),
      };
      try {
        await fs.mkdir(dir);
        // The message first, its metadata last: the .json is the commit record of the entry.
        await writeDurably(`${id}.eml`, raw);
        await writeDurably(`${id}.json`, Buffer.from(JSON.stringify(record, null, 2), 'utf8'));
      } catch (error) {
        throw new HoldStoreFailedError(`the message could not be held in ${dir}`, { cause: error });
      }
      return toHeldMessage(record, 'held');
    },

    async list() {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        if (isMissing(error)) return [];
        throw new HoldStoreFailedError(`the hold store ${dir} cannot be read`, { cause: error });
      }
      // Temporary files start with a dot and an .eml without its .json was never committed: neither is listed.
      const ids = names
        .filter((name) => name.endsWith('.json') && ID.test(name.slice(0, -5)))
        .map((name) => name.slice(0, -5))
        .sort();
      const held: HeldMessage[] = [];
      for (const id of ids) {
        const record = await readRecord(id);
        if (record) held.push(toHeldMessage(record, (await isLocked(id, names)) ? 'releasing' : 'held'));
      }
      return held;
    },

    async get(id) {
      return readEntry(checkId(id));
    },

    async release(id: string, transporter: Transporter, options: ReleaseOptions): Promise<ReleaseResult> {
      checkId(id);
      const settings = parseInput(ReleaseOptionsSchema, options, ['options']);
      const corrected = settings.to === undefined ? undefined : correctedRecipients(settings.to);
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
      const envelope: HeldEnvelope = {
        ...(entry.envelope.from ? { from: entry.envelope.from } : {}),
        to: corrected ?? entry.envelope.to,
      };
      const raw = corrected ? replaceRecipients(entry.raw, corrected) : entry.raw;
      let info: SentMessageInfo;
      try {
        info = await sendReleased(transporter, {
          holdId: id,
          raw,
          envelope,
          ...(entry.customerId === undefined ? {} : { customerId: entry.customerId }),
          by: settings.by,
          reason: settings.reason,
          ...(settings.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
        });
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
      return { id, ...(entry.messageId === undefined ? {} : { messageId: entry.messageId }), envelope, info };
    },

    async discard(id: string, options: DiscardOptions = {}): Promise<boolean> {
      checkId(id);
      const settings = parseInput(DiscardOptionsSchema, options, ['options']);
      if (!(await hasEntry(id))) return false;
      // The release's lock: while a release sends the message, discarding it would report a
      // message gone that is on its way to the recipient.
      await lock(id, settings.force ?? false);
      try {
        await remove(id);
      } catch (error) {
        if (isMissing(error)) return false;
        throw new HoldStoreFailedError(`held message ${id} could not be discarded`, { cause: error });
      } finally {
        await unlock(id);
      }
      return true;
    },
  };
}

function toHeldMessage(record: EntryRecord, state: HeldMessage['state']): HeldMessage {
  const { format: _format, sha256: _sha256, ...held } = record;
  return { ...held, state };
}

/** Corrected recipients must each be one plain address: no names, lists or line breaks. */
function correctedRecipients(to: string | readonly string[]): string[] {
  const list = typeof to === 'string' ? [to] : to;
  return list.map((entered, index) => {
    const parsed = parseAddress(entered);
    if (!parsed.ok) {
      throw new InvalidInputError([
        {
          path: typeof to === 'string' ? ['options', 'to'] : ['options', 'to', index],
          message: parsed.detail,
        },
      ]);
    }
    return parsed.address.address;
  });
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ENOENT';
}

function isExisting(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'EEXIST';
}
