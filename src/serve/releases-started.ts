import type { AuditEntry } from '../nodemailer/audit-log.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';
import type { ServerContext } from './create-server.js';

/** Where a release that was started and not ended went, as the API gives it (`releaseStarted`). */
export interface ReleaseStarted {
  readonly at: string;
  readonly by?: string;
  readonly to: readonly string[];
  readonly messageId?: string;
}

/**
 * Where each release that was started and not ended went, by hold id, for the entries `releasing`
 * or in doubt (the ones `holds list` and `show` name it for): read from the audit log's
 * `release-started` line, the recipients being the envelope it was sent with (the corrected ones,
 * not those it was held with), else the recipients the line names. A log that cannot be read names
 * none, as it then shows no release in doubt either.
 *
 * @example
 * ```ts
 * (await releasesStarted(context, held, inDoubt)).get(held[0].id)?.messageId; // '<order-4711@butiken.se>'
 * ```
 */
export async function releasesStarted(
  context: ServerContext,
  entries: readonly HeldMessage[],
  inDoubt: ReadonlySet<string>,
): Promise<ReadonlyMap<string, ReleaseStarted>> {
  const read = context.options.releaseStarts;
  const concerned = entries
    .filter((entry) => entry.state === 'releasing' || inDoubt.has(entry.id))
    .map((entry) => entry.id);
  if (!read || concerned.length === 0) return new Map();
  const starts = await read(concerned).catch(() => new Map<string, AuditEntry>());
  return new Map(
    [...starts].map(([id, started]) => [
      id,
      {
        at: started.at,
        ...(started.release?.by === undefined ? {} : { by: started.release.by }),
        to: started.envelope?.to ?? started.recipients.map((recipient) => recipient.address),
        ...(started.messageId === undefined ? {} : { messageId: started.messageId }),
      },
    ]),
  );
}
