import {
  close,
  fdatasync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import type { AuditEntry, AuditLog } from './audit-log.js';
import { readLastReleaseOutcomes } from './find-releases-in-doubt.js';

// How long the file stays open after the last entry.
const IDLE_CLOSE_MS = 1000;

/**
 * When an entry of {@link createJsonLinesAuditLog} reaches the disk:
 * - `'interval'`: written to the file before `record` resolves, flushed to the disk (fdatasync)
 *   within `syncIntervalMs` after, in the background;
 * - `true`: written and flushed before `record` resolves (entries recorded together share a flush);
 * - `false`: written before `record` resolves, flushed whenever the operating system chooses.
 */
export type AuditLogSync = boolean | 'interval';

/** Options of {@link createJsonLinesAuditLog}. */
export interface JsonLinesAuditLogOptions {
  /**
   * When an entry reaches the disk. In every mode an entry is written to the file (handed to the
   * operating system) before `record` resolves, so before its message goes to the transport, and
   * a crash of the process loses nothing. What a power cut or an operating system crash can lose:
   * - `'interval'`: the entries written in the last `syncIntervalMs` milliseconds, and those of a
   *   flush still running when the power went (as a database with a group commit window, such as
   *   PostgreSQL's `synchronous_commit = off`); their messages may have been sent. A held message
   *   is never lost with its entry: the hold store flushes its own files before a message counts
   *   as held. A flush that fails refuses the next entry (`AUDIT_LOG_FAILED`), so no more messages
   *   go out while the log cannot reach the disk. A process that ends on its own waits for the
   *   last flush; one ended by `process.exit()` or a signal leaves it to the operating system.
   * - `true`: nothing that was recorded; every message waits for its disk flush (one flush covers
   *   all the entries recorded while the one before it ran).
   * - `false`: whatever the operating system had not written yet (on Linux up to about 30 s).
   * @default 'interval'
   */
  readonly sync?: AuditLogSync;
  /**
   * With `sync: 'interval'`: the longest time, in milliseconds, between an entry being written and
   * the flush that makes it durable starting.
   * @default 100
   */
  readonly syncIntervalMs?: number;
  /**
   * How often, at most, in milliseconds, the file at the path is compared with the open one (a
   * `stat` of the path), to notice that log rotation moved or removed it. Between two comparisons
   * entries go to the open file: after a rotation that moved it, they are in the moved file (kept,
   * under its new name); after one that deleted it, they are gone with it. A failed write and an
   * idle second (the file is closed after 1 s without entries) open the file at the path afresh,
   * whatever this says. `0` compares before every write.
   * @default 1000
   */
  readonly rotationCheckMs?: number;
}

const DEFAULT_SYNC_INTERVAL_MS = 100;
const DEFAULT_ROTATION_CHECK_MS = 1000;

interface Pending {
  readonly line: string;
  /** Flushed before `record` resolves. */
  readonly sync: boolean;
  /** Flushed within this many milliseconds after being written (with `sync: 'interval'`). */
  readonly syncWithin: number | undefined;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** The one writer of a file in this process, whichever logs write to it. */
interface Writer {
  queue: Pending[];
  flushing: boolean;
  /** The open file's descriptor. */
  fd: number | undefined;
  /** The open file's identity, to tell when another file has taken its path. */
  opened: { readonly ino: number; readonly dev: number } | undefined;
  /** When the file at the path was last found to be the open one (`Date.now()`). */
  checkedAt: number;
  /** The file's last byte is known to end a line (checked once per opening). */
  tailChecked: boolean;
  /** When the last batch was written (`Date.now()`), for closing the file once entries stop. */
  lastWrite: number;
  /** The one timer that closes the idle file; re-armed when it fires, not for every entry. */
  idle: ReturnType<typeof setTimeout> | undefined;
  /** Written entries not known to be on the disk yet (with `sync: 'interval'`). */
  unsynced: boolean;
  /** When the background flush is due, and its timer. */
  syncDue: number;
  syncTimer: ReturnType<typeof setTimeout> | undefined;
  /** The background flush running now. */
  syncing: Promise<void> | undefined;
  /** Why the last background flush failed: the next entry is refused with it. */
  syncError: unknown;
}

// Logs of one file share its writer, so their lines are written one batch at a time: a short
// write is then rolled back without cutting another log's line.
const writers = new Map<string, Writer>();

const NEWLINE = 0x0a;

const datasyncFile = (fd: number) =>
  new Promise<void>((resolvePromise, reject) =>
    fdatasync(fd, (error) => (error ? reject(error) : resolvePromise())),
  );
const closeFileDescriptor = (fd: number) =>
  new Promise<void>((resolvePromise) => close(fd, () => resolvePromise()));

/**
 * An audit log in one JSON Lines file (one JSON object per line, appended): time, message id,
 * customer id, mode, outcome and each recipient's action and finding codes, never a subject or a
 * body. Each entry is written to the file before `record` resolves, so before its message goes
 * on; by default the file is flushed to the disk (fdatasync) in the background within 100 ms
 * after, so a message does not wait for the disk (see {@link JsonLinesAuditLogOptions.sync} for
 * what a power cut can lose, and `sync: true` to wait for the flush). Entries recorded in the same
 * turn of the event loop go together in one write, made on the spot (a synchronous `write(2)`:
 * appending a line to the page cache takes microseconds, a trip through libuv's thread pool costs
 * more than the write itself), and the file stays open only while entries keep coming.
 *
 * Every line is written whole or not at all. A batch is one write of all its bytes; a short write
 * (a full disk takes what fits) is finished or, if the rest fails too, cut back to where the batch
 * began, and its entries are rejected, so their messages are not sent (the plugin answers
 * `AUDIT_LOG_FAILED`). A line a crash cut short is closed with a line break before the next entry,
 * so it stays as it was, on its own line, and never swallows the next one. Logs of one file in one
 * process share one writer; separate processes should each write their own file. Keep the file on
 * a local disk: a write that stalls (a network file system) stalls the process for that long.
 *
 * @example
 * ```ts
 * const auditLog = createJsonLinesAuditLog('./email-guard-audit.jsonl', { sync: true });
 * transporter.use('compile', nodemailerGuard({ guard, resolveCustomer, holdStore, auditLog }));
 * ```
 */
export function createJsonLinesAuditLog(path: string, options: JsonLinesAuditLogOptions = {}): AuditLog {
  const file = resolve(parseInput(z.string().min(1, 'a file path is required'), path, ['path']));
  const parsed = parseInput(
    z.object({
      sync: z.union([z.boolean(), z.literal('interval')]).optional(),
      syncIntervalMs: z.number().int().min(0).max(60_000).optional(),
      rotationCheckMs: z.number().int().min(0).max(3_600_000).optional(),
    }),
    options,
    ['options'],
  );
  const sync = parsed.sync ?? 'interval';
  const syncWithin = sync === 'interval' ? (parsed.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS) : undefined;
  const rotationCheckMs = parsed.rotationCheckMs ?? DEFAULT_ROTATION_CHECK_MS;
  let writer = writers.get(file);
  if (!writer) {
    writer = {
      queue: [],
      flushing: false,
      fd: undefined,
      opened: undefined,
      checkedAt: 0,
      tailChecked: false,
      lastWrite: 0,
      idle: undefined,
      unsynced: false,
      syncDue: Number.POSITIVE_INFINITY,
      syncTimer: undefined,
      syncing: undefined,
      syncError: undefined,
    };
    writers.set(file, writer);
  }
  const shared = writer;
  // A log made for the path looks at the path before its first entry, whatever became of the file
  // an earlier log of the same path had open.
  shared.checkedAt = 0;

  /**
   * Flushes what was written to the open file; a failure is kept for the next entry to report. A
   * flush that falls due while another runs follows it at once: the lines written meanwhile are
   * not covered by the running one.
   */
  function syncInBackground(): Promise<void> {
    clearTimeout(shared.syncTimer);
    shared.syncTimer = undefined;
    shared.syncDue = Number.POSITIVE_INFINITY;
    if (shared.syncing) return shared.syncing.then(syncInBackground);
    const fd = shared.fd;
    if (fd === undefined || !shared.unsynced) return Promise.resolve();
    // Entries written from here on are not covered by this flush: they wait for the next one.
    shared.unsynced = false;
    shared.syncing = datasyncFile(fd)
      .catch((error: unknown) => {
        shared.syncError = error;
      })
      .finally(() => {
        shared.syncing = undefined;
      });
    return shared.syncing;
  }

  /** Makes sure a flush starts within `within` milliseconds. */
  function syncWithinMs(within: number): void {
    const due = Date.now() + within;
    if (due >= shared.syncDue) return;
    clearTimeout(shared.syncTimer);
    shared.syncDue = due;
    // Keeps the process alive until the flush has run (at most `within` milliseconds), so a process
    // that ends on its own leaves nothing unflushed behind.
    shared.syncTimer = setTimeout(() => void syncInBackground(), within);
  }

  /** Flushes and closes the open file (rotated away, or idle). */
  async function closeFile(): Promise<void> {
    const fd = shared.fd;
    if (fd === undefined) return;
    // Let go of it at once, so an entry recorded meanwhile opens the file afresh instead of
    // writing to a descriptor about to close.
    shared.fd = undefined;
    shared.opened = undefined;
    const unsynced = shared.unsynced;
    shared.unsynced = false;
    clearTimeout(shared.syncTimer);
    shared.syncTimer = undefined;
    shared.syncDue = Number.POSITIVE_INFINITY;
    while (shared.syncing) await shared.syncing;
    if (unsynced) {
      await datasyncFile(fd).catch((error: unknown) => {
        shared.syncError = error;
      });
    }
    await closeFileDescriptor(fd);
  }

  /** Closes the file once no entry has come for `IDLE_CLOSE_MS`; the timer never keeps the process alive. */
  function closeWhenIdle(): void {
    shared.idle = undefined;
    if (shared.flushing) return; // re-armed when that flush ends
    const left = shared.lastWrite + IDLE_CLOSE_MS - Date.now();
    if (left > 0) armIdle(left);
    else void closeFile();
  }

  function armIdle(after: number): void {
    if (shared.idle !== undefined) return;
    shared.idle = setTimeout(closeWhenIdle, after);
    shared.idle.unref();
  }

  /**
   * Opens the file at the path if none is open, or if the open one is no longer there. Whether it
   * is still there (log rotation moves it away) is asked at most once per `rotationCheckMs`: a
   * `stat` of the path for every batch cost as much as the write itself.
   */
  async function openedFile(): Promise<number> {
    if (shared.fd !== undefined) {
      const now = Date.now();
      if (now - shared.checkedAt < rotationCheckMs) return shared.fd;
      const atPath = statSync(file, { throwIfNoEntry: false });
      if (atPath && atPath.ino === shared.opened?.ino && atPath.dev === shared.opened?.dev) {
        shared.checkedAt = now;
        return shared.fd;
      }
    }
    // Not open, or the file was moved or removed since (log rotation): append to the one there now.
    await closeFile();
    mkdirSync(dirname(file), { recursive: true });
    // a+: appends, and reads the last byte to see whether a crash left a line open.
    const fd = openSync(file, 'a+');
    shared.fd = fd;
    shared.tailChecked = false;
    const opened = fstatSync(fd);
    shared.opened = { ino: opened.ino, dev: opened.dev };
    shared.checkedAt = Date.now();
    return fd;
  }

  async function flush(): Promise<void> {
    while (shared.queue.length > 0) {
      const batch = shared.queue;
      shared.queue = [];
      try {
        if (shared.syncError !== undefined) {
          // A background flush failed: what it covered may never reach the disk. Refused, this
          // entry's message is not sent, and the file is opened afresh for the next one.
          const error = shared.syncError;
          shared.syncError = undefined;
          throw error;
        }
        const fd = await openedFile();
        if (!shared.tailChecked) {
          closeOpenLine(fd, fstatSync(fd).size);
          shared.tailChecked = true;
        }
        const data = Buffer.from(
          batch.length === 1 ? (batch[0] as Pending).line : batch.map((entry) => entry.line).join(''),
          'utf8',
        );
        let within = Number.POSITIVE_INFINITY;
        let waitForDisk = false;
        for (const entry of batch) {
          if (entry.syncWithin !== undefined) within = Math.min(within, entry.syncWithin);
          if (entry.sync) waitForDisk = true;
        }
        const progress = { written: 0 };
        try {
          writeWhole(fd, data, progress);
          if (within !== Number.POSITIVE_INFINITY) shared.unsynced = true;
          if (waitForDisk) await syncNow(fd);
        } catch (error) {
          // Cut back what part of the batch landed: its messages are not sent, so no line may
          // claim they were, and no half line may stay for the next entry to be appended to. The
          // batch began that many bytes before the end (the file is appended to by this writer alone).
          try {
            ftruncateSync(fd, Math.max(0, fstatSync(fd).size - progress.written));
          } catch {
            shared.tailChecked = false;
          }
          throw error;
        }
        if (shared.unsynced && within !== Number.POSITIVE_INFINITY) syncWithinMs(within);
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
        const failed = shared.fd;
        shared.fd = undefined;
        shared.opened = undefined;
        if (failed !== undefined) {
          while (shared.syncing) await shared.syncing;
          // Entries of earlier batches were written and confirmed: their flush is still owed.
          if (shared.unsynced) await datasyncFile(failed).catch(() => undefined);
          await closeFileDescriptor(failed);
        }
        shared.unsynced = false;
      }
    }
    shared.flushing = false;
    shared.lastWrite = Date.now();
    armIdle(IDLE_CLOSE_MS);
  }

  /** Flushes now, waiting for a background flush that may not cover the latest write. */
  async function syncNow(fd: number): Promise<void> {
    while (shared.syncing) await shared.syncing;
    shared.unsynced = false;
    await datasyncFile(fd);
  }

  return {
    record(entry: AuditEntry) {
      return new Promise<void>((resolvePromise, reject) => {
        // JSON.stringify escapes CR and LF inside strings, so one entry is always one line.
        shared.queue.push({
          line: `${JSON.stringify(entry)}\n`,
          sync: sync === true,
          syncWithin,
          resolve: resolvePromise,
          reject,
        });
        if (!shared.flushing) {
          shared.flushing = true;
          // Group commit: entries recorded before this turn's promise callbacks have all run
          // share the write, and none waits for a later turn of the event loop.
          queueMicrotask(() => void flush());
        }
      });
    },
    // Written lines are in the file once `record` resolved (written, if not yet synced): reading
    // the path sees every one of this process's, and every other process's that shares the file.
    lastReleaseOutcomes: (holdIds) => readLastReleaseOutcomes(file, new Set(holdIds)),
  };
}

/** Writes all of `data`, going on after a short write; a write that takes nothing is a full disk. */
function writeWhole(fd: number, data: Uint8Array, progress = { written: 0 }): void {
  let offset = 0;
  while (offset < data.length) {
    const bytesWritten = writeSync(fd, data, offset, data.length - offset);
    if (bytesWritten <= 0) {
      throw Object.assign(new Error('the audit log file took no more bytes: the disk is full'), {
        code: 'ENOSPC',
      });
    }
    offset += bytesWritten;
    progress.written = offset;
  }
}

/** Ends a line a crash left open, so the next entry starts a line of its own. */
function closeOpenLine(fd: number, size: number): void {
  if (size === 0) return;
  const last = Buffer.alloc(1);
  const bytesRead = readSync(fd, last, 0, 1, size - 1);
  // A file that cannot be read back (a device such as /dev/full) has no line to close.
  if (bytesRead === 1 && last[0] !== NEWLINE) writeWhole(fd, Buffer.from('\n'));
}
