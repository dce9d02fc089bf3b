import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { RELEASE_ENDS, type ReleaseOutcome } from './audit-log.js';

/**
 * The hold ids whose last release line in a JSON-lines audit log (`createJsonLinesAuditLog`) is
 * `release-started` with no end after it: the process stopped after the send began, so the message
 * may have reached the recipient or not, and only the mail server's log can say which. The file is
 * streamed a line at a time; a missing file has none, and a line that is not JSON (one cut off by
 * a crash mid-write) is passed over.
 *
 * @example
 * ```ts
 * const inDoubt = await findReleasesInDoubt('./held-mail.audit.jsonl');
 * inDoubt.has(held.id); // true: check the server's log before releasing it again
 * ```
 */
export async function findReleasesInDoubt(path: string): Promise<Set<string>> {
  const inDoubt = new Set<string>();
  for (const [holdId, outcome] of await readLastReleaseOutcomes(path)) {
    if (outcome === 'release-started') inDoubt.add(holdId);
  }
  return inDoubt;
}

/**
 * The outcome of the last release line of each hold id in a JSON-lines audit log, or of those in
 * `wanted` only. Streamed a line at a time; a missing file has none, and a line that is not JSON
 * (one cut off by a crash mid-write) is passed over.
 */
export async function readLastReleaseOutcomes(
  path: string,
  wanted?: ReadonlySet<string>,
): Promise<Map<string, ReleaseOutcome>> {
  const last = new Map<string, ReleaseOutcome>();
  const stream = createReadStream(path, { encoding: 'utf8' });
  const missing = new Promise<boolean>((resolve) => {
    stream.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT'));
    stream.once('open', () => resolve(false));
  });
  if (await missing) return last;
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    // Only release and discard lines name a hold id with one of these outcomes: the rest are skipped unparsed.
    if (!line.includes('"holdId"') || !/"outcome":"(release|discarded)/.test(line)) continue;
    let entry: { holdId?: unknown; outcome?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (typeof entry.holdId !== 'string' || (wanted && !wanted.has(entry.holdId))) continue;
    const outcome = entry.outcome as ReleaseOutcome;
    if (outcome === 'release-started' || RELEASE_ENDS.has(outcome)) last.set(entry.holdId, outcome);
  }
  return last;
}
