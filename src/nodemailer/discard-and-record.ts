import { z } from 'zod';
import { AuditLogFailedError, HeldMessageClaimedError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import type { AuditEntry, AuditLog } from './audit-log.js';
import type { DiscardOptions, HeldMessage, HoldStore } from './hold-store.js';

const DiscardOptionsSchema = z.object({
  force: z.boolean().optional(),
  by: z.string().trim().min(1, 'who discards the message, when given, must not be empty').optional(),
  reason: z.string().trim().min(1, 'why the message is discarded, when given, must not be empty').optional(),
});

/** Who discards a held message, why, and through what. */
export type DiscardRecord = NonNullable<AuditEntry['discard']>;

/**
 * Discards a held message and records who, why and where as a `discarded` line of the audit log.
 * With `force: true` an entry a stopped process left `releasing` is discarded too (the line says so,
 * and ends that release's `release-started`).
 * The line is written first (fail closed, as a release logs its start before the send): when it
 * cannot be written, `AuditLogFailedError` (its `cause` the log's error) is thrown and the message stays held. A message being
 * released is refused before anything is written (`HeldMessageClaimedError`). Answers the message
 * discarded, or `undefined` when the store does not have it.
 *
 * @example
 * ```ts
 * await discardAndRecord(store, auditLog, id, { by: 'lena@butiken.se', reason: 'duplicate', where: 'api' });
 * ```
 */
export async function discardAndRecord(
  store: HoldStore,
  auditLog: AuditLog | undefined,
  id: string,
  discard: DiscardRecord,
): Promise<HeldMessage | undefined> {
  const options = discard.force ? { force: true } : {};
  // Written while the store holds the message, where it can: a release cannot slip in between.
  if (store.discardWithRecord)
    return store.discardWithRecord(id, (held) => recordDiscard(auditLog, held, discard), options);
  // Read first: the audit line names the recipients and envelope of what was discarded.
  const held = await store.get(id);
  if (!held) return undefined;
  if (held.state === 'releasing' && !discard.force)
    throw new HeldMessageClaimedError(`held message ${id} is being released; it cannot be discarded now`, {
      holdId: id,
    });
  await recordDiscard(auditLog, held, discard);
  return (await store.discard(id, options)) ? held : undefined;
}

/** Writes the `discarded` line of a held message; `AuditLogFailedError` when it cannot be written. */
async function recordDiscard(
  auditLog: AuditLog | undefined,
  held: HeldMessage,
  discard: DiscardRecord,
): Promise<void> {
  const entry: AuditEntry = {
    at: new Date().toISOString(),
    ...(held.messageId === undefined ? {} : { messageId: held.messageId }),
    ...(held.customerId === undefined ? {} : { customerId: held.customerId }),
    mode: 'enforce',
    outcome: 'discarded',
    action: held.action,
    recipients: held.recipients.map((recipient) => ({
      field: recipient.field,
      ...(recipient.header === undefined ? {} : { header: recipient.header }),
      address: recipient.address,
      action: recipient.verdict.action,
      codes: recipient.verdict.findings.map((finding) => finding.code),
    })),
    envelope: held.envelope,
    holdId: held.id,
    discard,
  };
  try {
    await auditLog?.record(entry);
  } catch (error) {
    throw new AuditLogFailedError(
      `held message ${held.id} was not discarded: the audit log could not be written`,
      {
        cause: error,
      },
    );
  }
}

/**
 * The store with a `discard` that records a `discarded` line (`where: 'library'`, who and why from
 * its options, `force` when given) in `auditLog` before the message goes, as `discardAndRecord`
 * does for the review page, the API and the command line: a store's own discard is then never
 * unaccounted for, and a forced discard ends an in-doubt `release-started`. Needs `discardWithRecord`.
 *
 * @example
 * ```ts
 * const store = withRecordedDiscards(createFileHoldStore('./held-mail'), auditLog);
 * await store.discard(id, { force: true, by: 'lena@butiken.se', reason: 'not delivered: checked the server log' });
 * ```
 */
export function withRecordedDiscards<
  Store extends HoldStore & Required<Pick<HoldStore, 'discardWithRecord'>>,
>(store: Store, auditLog: AuditLog): Store {
  return {
    ...store,
    async discard(id: string, options: DiscardOptions = {}) {
      const { by, reason, force } = parseInput(DiscardOptionsSchema, options, ['options']);
      const discard: DiscardRecord = {
        by: by ?? 'not given',
        reason: reason ?? 'not given',
        where: 'library',
        ...(force ? { force: true } : {}),
      };
      const discarded = await store.discardWithRecord(
        id,
        (held) => recordDiscard(auditLog, held, discard),
        force ? { force } : {},
      );
      return discarded !== undefined;
    },
  };
}
