import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type AuditEntry, RELEASE_ENDS, type ReleaseOutcome } from './audit-log.js';

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
  const outcomes = new Map<string, ReleaseOutcome>();
  for (const [holdId, { outcome }] of await lastReleaseLinesOf(path, wanted)) outcomes.set(holdId, outcome);
  return outcomes;
}

/**
 * The `release-started` line of each hold id in `wanted` whose release was started and has not
 * ended, in a JSON-lines audit log: when it began, who released it, to which recipients (the
 * envelope it was sent with) and the Message-ID, which is what the mail server's log is searched
 * for to learn whether the message went out. Read as {@link readLastReleaseOutcomes} reads the file.
 *
 * @example
 * ```ts
 * const started = await readReleaseStarts('./held-mail.audit.jsonl', new Set([held.id]));
 * started.get(held.id)?.envelope?.to; // ['anna.svensson1985@gmail.com']
 * ```
 */
export async function readReleaseStarts(
  path: string,
  wanted: ReadonlySet<string>,
): Promise<Map<string, AuditEntry>> {
  const started = new Map<string, AuditEntry>();
  for (const [holdId, line] of await readLastReleaseLines(path, wanted))
    if (line.outcome === 'release-started') started.set(holdId, line);
  return started;
}

/**
 * The last release line, whole, of each hold id in `wanted` that has one in a JSON-lines audit
 * log: a start, or the line that ended its release (`released`, `discarded` …) with who, why and
 * when. Read as {@link readLastReleaseOutcomes} reads the file.
 *
 * @example
 * ```ts
 * const last = await readLastReleaseLines('./held-mail.audit.jsonl', new Set([held.id]));
 * last.get(held.id)?.release?.by; // 'lena@butiken.se'
 * ```
 */
export async function readLastReleaseLines(
  path: string,
  wanted: ReadonlySet<string>,
): Promise<Map<string, AuditEntry>> {
  const lines = new Map<string, AuditEntry>();
  for (const [holdId, { line }] of await lastReleaseLinesOf(path, wanted)) if (line) lines.set(holdId, line);
  return lines;
}

/** A hold's last release line: its outcome, and the whole line when it is kept. */
interface LastReleaseLine {
  readonly outcome: ReleaseOutcome;
  readonly line?: AuditEntry;
}

/**
 * The last release line of each hold id (or of those in `wanted`, each kept whole); of every hold,
 * only a start is kept whole, so a long log of ended releases costs an outcome per hold.
 */
async function lastReleaseLinesOf(
  path: string,
  wanted: ReadonlySet<string> | undefined,
): Promise<Map<string, LastReleaseLine>> {
  const last = new Map<string, LastReleaseLine>();
  const stream = createReadStream(path, { encoding: 'utf8' });
  const missing = new Promise<boolean>((resolve) => {
    stream.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT'));
    stream.once('open', () => resolve(false));
  });
  if (await missing) return last;
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    // Only release and discard lines name a hold id with one of these outcomes: the rest are skipped unparsed.
    if (!line.includes('"holdId"') || !/"outcome":"(release|discarded)/.test(line)) continue;
    let entry: AuditEntry;
    try {
      entry = JSON.parse(line) as AuditEntry;
    } catch {
      continue;
    }
    if (typeof entry.holdId !== 'string' || (wanted && !wanted.has(entry.holdId))) continue;
    const outcome = entry.outcome as ReleaseOutcome;
    if (outcome !== 'release-started' && !RELEASE_ENDS.has(outcome)) continue;
    last.set(entry.holdId, outcome === 'release-started' || wanted ? { outcome, line: entry } : { outcome });
  }
  return last;
}
