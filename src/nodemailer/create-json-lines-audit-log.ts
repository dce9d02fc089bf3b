import { type FileHandle, mkdir, open } from 'node:fs/promises';
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
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * An audit log in one JSON Lines file (one JSON object per line, appended): time, message id,
 * customer id, mode, outcome and each recipient's action and finding codes, never a subject or a
 * body. Each entry is on disk (written, then fdatasync) before `record` resolves; entries recorded
 * while a write runs go together in the next one, so many messages in flight share one sync, and
 * the file stays open only while entries keep coming.
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
  let queue: Pending[] = [];
  let flushing = false;
  let handle: FileHandle | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;

  async function flush(): Promise<void> {
    clearTimeout(idle);
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        if (!handle) {
          await mkdir(dirname(file), { recursive: true });
          handle = await open(file, 'a');
        }
        await handle.write(batch.map((entry) => entry.line).join(''));
        if (sync) await handle.datasync();
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
        const failed = handle;
        handle = undefined;
        await failed?.close().catch(() => undefined);
      }
    }
    flushing = false;
    // Closed once entries stop coming for a while; the timer never keeps the process alive.
    idle = setTimeout(() => {
      const open = handle;
      handle = undefined;
      void open?.close().catch(() => undefined);
    }, IDLE_CLOSE_MS);
    idle.unref();
  }

  return {
    record(entry: AuditEntry) {
      return new Promise<void>((resolvePromise, reject) => {
        // JSON.stringify escapes CR and LF inside strings, so one entry is always one line.
        queue.push({ line: `${JSON.stringify(entry)}\n`, resolve: resolvePromise, reject });
        if (!flushing) {
          flushing = true;
          // Group commit: entries recorded in this same turn of the event loop share the write.
          setImmediate(() => void flush());
        }
      });
    },
  };
}
