import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import type { AuditEntry, AuditLog } from './audit-log.js';

interface Pending {
  readonly line: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * An audit log in one JSON Lines file (one JSON object per line, appended): time, message id,
 * customer id, mode, outcome and each recipient's action and finding codes, never a subject or a
 * body. Each entry is flushed to disk (fsync) before `record` resolves; entries recorded while a
 * flush runs are written together in the next one, so many messages in flight share one fsync.
 *
 * @example
 * ```ts
 * const auditLog = createJsonLinesAuditLog('./email-guard-audit.jsonl');
 * transporter.use('compile', nodemailerGuard({ guard, resolveCustomer, holdStore, auditLog }));
 * ```
 */
export function createJsonLinesAuditLog(path: string): AuditLog {
  const file = resolve(parseInput(z.string().min(1, 'a file path is required'), path, ['path']));
  let queue: Pending[] = [];
  let flushing = false;
  let directoryReady: Promise<unknown> | undefined;

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        directoryReady ??= mkdir(dirname(file), { recursive: true });
        await directoryReady;
        await appendFile(file, batch.map((entry) => entry.line).join(''), { flush: true });
        for (const entry of batch) entry.resolve();
      } catch (error) {
        directoryReady = undefined;
        for (const entry of batch) entry.reject(error);
      }
    }
    flushing = false;
  }

  return {
    record(entry: AuditEntry) {
      return new Promise<void>((resolvePromise, reject) => {
        // JSON.stringify escapes CR and LF inside strings, so one entry is always one line.
        queue.push({ line: `${JSON.stringify(entry)}\n`, resolve: resolvePromise, reject });
        if (!flushing) void flush();
      });
    },
  };
}
