import { randomUUID } from 'node:crypto';
import type { MailMessage, MailMessageData, PluginFunction } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { z } from 'zod';
import {
  AuditLogFailedError,
  EmailGuardError,
  HoldStoreFailedError,
  MessageUnreadableError,
  RecipientBlockedError,
  RecipientNeedsConfirmationError,
} from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import { checkRecipients, type RecipientsCheck } from '../pipeline/check-recipients.js';
import { collectRecipients } from '../pipeline/collect-recipients.js';
import { type PipelineOptions, PipelineOptionsSchema, withMethod } from '../pipeline/pipeline-options.js';
import { readMessageHeader } from '../pipeline/read-message-header.js';
import type { Recipient, RecipientVerdict } from '../pipeline/recipient.js';
import type { AuditEntry, AuditLog, AuditOutcome } from './audit-log.js';
import { createJsonLinesAuditLog } from './create-json-lines-audit-log.js';
import type { HeldEnvelope, HoldStore } from './hold-store.js';
import { findRelease, type PendingRelease } from './release-tokens.js';

/** Options of {@link nodemailerGuard}; `resolveCustomer` gets nodemailer's `mail.data`. */
export interface NodemailerGuardOptions extends PipelineOptions<MailMessageData> {
  /** Where messages that are not sent are kept whole (`createFileHoldStore`). */
  readonly holdStore: HoldStore;
  /**
   * `enforce` holds what the verdicts say to hold; `monitor` sends everything and records what
   * would have been held (`outcome: 'monitored'`), for a trial run on live traffic. A line break in
   * an address field is held in both modes: it is an injection, not a judgement call.
   * @default 'enforce'
   */
  readonly mode?: 'enforce' | 'monitor';
  /** Where every decision is recorded. @default createJsonLinesAuditLog('./email-guard-audit.jsonl') */
  readonly auditLog?: AuditLog;
}

const OptionsSchema = PipelineOptionsSchema.extend({
  holdStore: withMethod('hold', 'a hold store is required'),
  mode: z.enum(['enforce', 'monitor']).optional(),
  auditLog: withMethod('record', 'an audit log needs a record method').optional(),
});

/**
 * What a message may carry in `mail.data.emailGuard`. The key is nodemailer's to pass through and
 * ours to read; it is removed before the message is built, so it never reaches a header.
 */
const ControlSchema = z
  .object({
    /** A person confirmed the recipients (read back on the phone): lets a `confirm` verdict through. */
    confirmation: z
      .object({
        by: z.string().trim().min(1, 'who confirmed the recipients is required'),
        reason: z.string().trim().min(1, 'why the recipients are right is required'),
      })
      .optional(),
    /** Set by `holdStore.release`; a token only this process gave out. */
    release: z.string().optional(),
  })
  .optional();

/** What the plugin rejects `sendMail` with when it holds a message. */
export type HeldMessageError =
  | RecipientBlockedError<RecipientVerdict>
  | RecipientNeedsConfirmationError<RecipientVerdict>;

/**
 * A nodemailer `compile` plugin that checks every recipient of every message before it is built:
 * `to`, `cc`, `bcc`, recipient headers and an explicit envelope, in every shape nodemailer takes,
 * and the To, Cc and Bcc fields of a prebuilt (`raw`) message.
 * One recipient that fails holds the whole message, never a partial send: it goes whole into the
 * hold store and `sendMail` rejects with `RECIPIENT_BLOCKED` or `RECIPIENT_NEEDS_CONFIRMATION`.
 *
 * A `confirm` verdict can be let through by a person who read the address back:
 * `sendMail({ ...message, emailGuard: { confirmation: { by, reason } } })`. A `block` verdict
 * cannot. Every decision goes to the audit log.
 *
 * @example
 * ```ts
 * transporter.use('compile', nodemailerGuard({
 *   guard: createGuard({ lookupCustomer: (id) => crm.byId(id) }),
 *   resolveCustomer: (data) => String(data.headers?.['X-Customer-Id'] ?? ''),
 *   holdStore: createFileHoldStore('./held-mail'),
 * }));
 * await transporter.sendMail(message); // rejects with err.code 'RECIPIENT_BLOCKED' on a typo
 * ```
 */
export function nodemailerGuard(options: NodemailerGuardOptions): PluginFunction {
  parseInput(OptionsSchema, options, ['options']);
  const mode = options.mode ?? 'enforce';
  const auditLog = options.auditLog ?? createJsonLinesAuditLog('./email-guard-audit.jsonl');

  async function record(entry: AuditEntry): Promise<void> {
    try {
      await auditLog.record(entry);
    } catch (error) {
      // A held message is safe in the store; say where, so it is not looked for in vain.
      const where = entry.outcome === 'held' ? `the message was held as ${entry.holdId}, but ` : '';
      throw new AuditLogFailedError(`${where}the decision could not be written to the audit log`, {
        cause: error,
      });
    }
  }

  async function guardMail(mail: MailMessage): Promise<void> {
    const data = mail.data;
    const control = takeControl(data);
    const release = findRelease(control?.release);
    if (release) return recordRelease(data, release);

    const prebuilt = data.raw ? await readPrebuilt(mail) : undefined;
    const messageId = prebuilt ? prebuilt.messageId : ensureMessageId(data);
    const recipients = prebuilt
      ? [...prebuilt.recipients, ...collectRecipients(data)]
      : collectRecipients(data);
    // Nodemailer itself refuses a message without recipients; there is nothing to check.
    if (recipients.length === 0) return;
    const check = await checkRecipients({ recipients, source: data }, options);
    const confirmation = control?.confirmation;
    const confirmed = check.action === 'confirm' && confirmation !== undefined;
    const allowed =
      check.action === 'send' || (check.action === 'confirm' && (confirmed || check.failedOpen));
    const entry = (outcome: AuditOutcome, holdId?: string): AuditEntry =>
      auditEntry({ check, outcome, mode, messageId, holdId, confirmation, confirmed });

    if (allowed) return record(entry('sent'));
    // A line break is held in every mode: sent on, nodemailer would split it into recipients nobody
    // typed (`a@example.se\r\nBcc: b@example.com` names b@example.com).
    if (mode === 'monitor' && !check.recipients.some(isInjection)) return record(entry('monitored'));

    let holdId: string;
    try {
      const { raw, envelope } = await compose(mail);
      const held = await options.holdStore.hold({
        raw,
        envelope,
        action: check.action === 'block' ? 'block' : 'confirm',
        recipients: check.recipients,
        ...(messageId === undefined ? {} : { messageId }),
        ...(check.customerId === undefined ? {} : { customerId: check.customerId }),
        ...(check.customerLookup === undefined ? {} : { customerLookup: check.customerLookup }),
      });
      holdId = held.id;
    } catch (error) {
      await record(entry('hold-failed')).catch(() => undefined);
      throw error instanceof EmailGuardError
        ? error
        : new HoldStoreFailedError('the message was not sent and could not be held', { cause: error });
    }
    await record(entry('held', holdId));
    const details = {
      holdId,
      recipients: check.recipients,
      ...(messageId === undefined ? {} : { messageId }),
    };
    const stopped = check.recipients.filter(({ verdict }) => verdict.action === check.action);
    const who = stopped
      .map(({ address, verdict }) => {
        const why = [verdict.findings[0]?.code, verdict.suggestion && `suggestion ${verdict.suggestion}`];
        return `${JSON.stringify(address)} (${why.filter(Boolean).join('; ')})`;
      })
      .join(', ');
    throw check.action === 'block'
      ? new RecipientBlockedError(`Held ${holdId}, not sent: blocked recipient ${who}`, details)
      : new RecipientNeedsConfirmationError(
          `Held ${holdId}, not sent: recipient ${who} needs confirming; read it back, then release it`,
          details,
        );
  }

  function recordRelease(data: MailMessageData, release: PendingRelease): Promise<void> {
    const recipients = collectRecipients({ envelope: data.envelope });
    return record({
      at: new Date().toISOString(),
      mode,
      outcome: 'released',
      action: 'send',
      holdId: release.holdId,
      recipients: recipients.map(({ field, address }) => ({ field, address, action: 'send', codes: [] })),
      release: {
        ...(release.by === undefined ? {} : { by: release.by }),
        ...(release.reason === undefined ? {} : { reason: release.reason }),
      },
    });
  }

  // Nodemailer ignores a plugin's return value: the callback is the only way to answer, and a
  // rejected promise that never calls it would leave `sendMail` waiting forever.
  return (mail, done) => {
    guardMail(mail).then(
      () => done(),
      (error: unknown) => done(error as Error),
    );
  };
}

function isInjection({ verdict }: RecipientVerdict): boolean {
  return verdict.findings.some(
    (finding) => finding.code === 'invalid-address' && finding.reason === 'control-characters',
  );
}

/** Reads and removes `mail.data.emailGuard`, so it is never part of the message. */
function takeControl(data: MailMessageData): z.output<typeof ControlSchema> {
  const holder = data as { emailGuard?: unknown };
  const control = holder.emailGuard;
  delete holder.emailGuard;
  return parseInput(ControlSchema, control, ['emailGuard']);
}

/**
 * Gives the message its Message-ID now (RFC 5322 §3.6.4), so the audit log and the hold store name
 * the id the message is sent with. Nodemailer would make one the same way when building it.
 */
function ensureMessageId(data: MailMessageData): string | undefined {
  if (typeof data.messageId === 'string' && data.messageId) return data.messageId;
  const from = addressparser(typeof data.from === 'string' ? data.from : '', { flatten: true })[0]?.address;
  const objectFrom =
    typeof data.from === 'object' && data.from ? (data.from as { address?: unknown }).address : '';
  const sender = from || (typeof objectFrom === 'string' ? objectFrom : '');
  const domain = sender.includes('@') ? sender.slice(sender.lastIndexOf('@') + 1) : 'localhost';
  data.messageId = `<${randomUUID()}@${/^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'localhost'}>`;
  return data.messageId;
}

/**
 * Reads a prebuilt (`raw`) message's own To, Cc and Bcc fields, which nodemailer passes on without
 * reading: a server or a relay may deliver by them, and they are who the message says it is for.
 * The message is built once here (a file, a URL or a stream read to its end) and `raw` is replaced
 * by those bytes, so what is sent is exactly what was checked.
 */
async function readPrebuilt(mail: MailMessage): Promise<{ recipients: Recipient[]; messageId?: string }> {
  const { raw } = await compose(mail);
  mail.data.raw = raw;
  // The whole message is in memory already: a limit on its header would protect nothing.
  const header = await readMessageHeader(raw, Number.POSITIVE_INFINITY);
  if ('problem' in header) {
    throw new MessageUnreadableError(`the raw message cannot be checked: ${header.problem.message}`);
  }
  const given = mail.data.messageId;
  const messageId = typeof given === 'string' && given ? given : header.messageId;
  return {
    recipients: collectRecipients(header.recipients),
    ...(messageId === undefined ? {} : { messageId }),
  };
}

/**
 * Builds the message exactly as nodemailer would send it (the same composer, then the headers the
 * mailer adds after its compile plugins), for the hold store.
 */
async function compose(mail: MailMessage): Promise<{ raw: Buffer; envelope: HeldEnvelope }> {
  const node = new MailComposer(mail.data).compile();
  const before = mail.message;
  mail.message = node;
  try {
    mail.setMailerHeader();
    mail.setPriorityHeaders();
    mail.setListHeaders();
  } finally {
    mail.message = before;
  }
  const envelope = node.getEnvelope();
  const raw = await node.build();
  return {
    raw,
    envelope: { ...(envelope.from ? { from: envelope.from } : {}), to: envelope.to },
  };
}

function auditEntry(facts: {
  check: RecipientsCheck;
  outcome: AuditOutcome;
  mode: 'enforce' | 'monitor';
  messageId: string | undefined;
  holdId: string | undefined;
  confirmation: { by: string; reason: string } | undefined;
  confirmed: boolean;
}): AuditEntry {
  const { check, confirmation } = facts;
  return {
    at: new Date().toISOString(),
    ...(facts.messageId === undefined ? {} : { messageId: facts.messageId }),
    ...(check.customerId === undefined ? {} : { customerId: check.customerId }),
    mode: facts.mode,
    outcome: facts.outcome,
    action: check.action,
    recipients: check.recipients.map(({ field, header, address, verdict }) => ({
      field,
      ...(header === undefined ? {} : { header }),
      address,
      action: verdict.action,
      codes: verdict.findings.map((finding) => finding.code),
    })),
    ...(facts.holdId === undefined ? {} : { holdId: facts.holdId }),
    ...(confirmation === undefined
      ? {}
      : { override: { by: confirmation.by, reason: confirmation.reason, applied: facts.confirmed } }),
    ...(check.customerLookup === undefined ? {} : { customerLookup: check.customerLookup }),
    ...(check.failedOpen ? { failedOpen: true } : {}),
  };
}
