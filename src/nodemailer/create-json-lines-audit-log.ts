import type { Stats } from 'node:fs';
import { type FileHandle, mkdir, open, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import type { AuditEntry, AuditLog } from './audit-log.js';

// How long the file stays open after the last entry.
const IDLE_CLOSE_MS = 1000;

/** Options of {@link createJsonLinesAuditLog}. */
export interface JsonLinesAuditLogOptions {
  /**
   * Wait for each batch of entries to reach the disk (fdatasync) before the messages go on. Off,
   * an entry is in the operating system's hands before its message goes on: it survives the
   * process crashing, not the machine losing power, and a message costs no disk flush.
   * @default true
   */
  readonly sync?: boolean;
}

interface Pending {
  readonly line: string;
  readonly sync: boolean;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** The one writer of a file in this process, whichever logs write to it. */
interface Writer {
  queue: Pending[];
  flushing: boolean;
  handle: FileHandle | undefined;
  /** The file's last byte is known to end a line (checked once per opening). */
  tailChecked: boolean;
  idle: ReturnType<typeof setTimeout> | undefined;
}

// Logs of one file share its writer, so their lines are written one batch at a time: a short
// write is then rolled back without cutting another log's line.
const writers = new Map<string, Writer>();

const NEWLINE = 0x0a;

/**
 * An audit log in one JSON Lines file (one JSON object per line, appended): time, message id,
 * customer id, mode, outcome and each recipient's action and finding codes, never a subject or a
 * body. Each entry is on disk (written, then fdatasync) before `record` resolves; entries recorded
 * while a write runs go together in the next one, so many messages in flight share one sync, and
 * the file stays open only while entries keep coming.
 *
 * Every line is written whole or not at all. A batch is one write of all its bytes; a short write
 * (a full disk takes what fits) is finished or, if the rest fails too, cut back to where the batch
 * began, and its entries are rejected, so their messages are not sent (the plugin answers
 * `AUDIT_LOG_FAILED`). A line a crash cut short is closed with a line break before the next entry,
 * so it stays as it was, on its own line, and never swallows the next one. Logs of one file in one
 * process share one writer; separate processes should each write their own file.
 *
 * @example
 * ```ts
 * const auditLog = createJsonLinesAuditLog('./email-guard-audit.jsonl', { sync: true });
 * transporter.use('compile', nodemailerGuard({ guard, resolveCustomer, holdStore, auditLog }));
 * ```
 */
export function createJsonLinesAuditLog(path: string, options: JsonLinesAuditLogOptions = {}): AuditLog {
  const file = resolve(parseInput(z.string().min(1, 'a file path is required'), path, ['path']));
  const sync = parseInput(z.object({ sync: z.boolean().optional() }), options, ['options']).sync ?? true;
  let writer = writers.get(file);
  if (!writer) {
    writer = { queue: [], flushing: false, handle: undefined, tailChecked: false, idle: undefined };
    writers.set(file, writer);
  }
  const shared = writer;

  async function flush(): Promise<void> {
    clearTimeout(shared.idle);
    while (shared.queue.length > 0) {
      const batch = shared.queue;
      shared.queue = [];
      try {
        let opened = shared.handle ? await stillAtPath(shared.handle, file) : undefined;
        if (!shared.handle || !opened) {
          // Not open, or the file was moved or removed since (log rotation): append to the one there now.
          await shared.handle?.close().catch(() => undefined);
          shared.handle = undefined;
          await mkdir(dirname(file), { recursive: true });
          // a+: appends, and reads the last byte to see whether a crash left a line open.
          shared.handle = await open(file, 'a+');
          shared.tailChecked = false;
          opened = await shared.handle.stat();
        }
        const handle = shared.handle;
        if (!shared.tailChecked) {
          await closeOpenLine(handle, opened.size);
          shared.tailChecked = true;
          opened = await handle.stat();
        }
        const data = Buffer.from(batch.map((entry) => entry.line).join(''), 'utf8');
        const start = opened.size;
        try {
          await writeWhole(handle, data);
          if (batch.some((entry) => entry.sync)) await handle.datasync();
        } catch (error) {
          // Cut back what part of the batch landed: its messages are not sent, so no line may
          // claim they were, and no half line may stay for the next entry to be appended to.
          await handle.truncate(start).catch(() => {
            shared.tailChecked = false;
          });
          throw error;
        }
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
        const failed = shared.handle;
        shared.handle = undefined;
        await failed?.close().catch(() => undefined);
      }
    }
    shared.flushing = false;
    // Closed once entries stop coming for a while; the timer never keeps the process alive.
    shared.idle = setTimeout(() => {
      const open = shared.handle;
      shared.handle = undefined;
      void open?.close().catch(() => undefined);
    }, IDLE_CLOSE_MS);
    shared.idle.unref();
  }

  return {
    record(entry: AuditEntry) {
      return new Promise<void>((resolvePromise, reject) => {
        // JSON.stringify escapes CR and LF inside strings, so one entry is always one line.
        shared.queue.push({ line: `${JSON.stringify(entry)}\n`, sync, resolve: resolvePromise, reject });
        if (!shared.flushing) {
          shared.flushing = true;
          // Group commit: entries recorded in this same turn of the event loop share the write.
          setImmediate(() => void flush());
        }
      });
    },
  };
}

/** Writes all of `data`, going on after a short write; a write that takes nothing is a full disk. */
async function writeWhole(handle: FileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten <= 0) {
      throw Object.assign(new Error('the audit log file took no more bytes: the disk is full'), {
        code: 'ENOSPC',
      });
    }
    offset += bytesWritten;
  }
}

/** The open file's state, when it is still the file at `path`; undefined when another one is there or none. */
async function stillAtPath(handle: FileHandle, path: string): Promise<Stats | undefined> {
  const [opened, atPath] = await Promise.all([handle.stat(), stat(path).catch(() => undefined)]);
  return atPath && atPath.ino === opened.ino && atPath.dev === opened.dev ? opened : undefined;
}

/** Ends a line a crash left open, so the next entry starts a line of its own. */
async function closeOpenLine(handle: FileHandle, size: number): Promise<void> {
  if (size === 0) return;
  const last = Buffer.alloc(1);
  const { bytesRead } = await handle.read(last, 0, 1, size - 1);
  // A file that cannot be read back (a device such as /dev/full) has no line to close.
  if (bytesRead === 1 && last[0] !== NEWLINE) await writeWhole(handle, Buffer.from('\n'));
}
