import { join } from 'node:path';
import type { AsyncDirectory } from '../../src/contacts/async-directory.js';
import type { Directory } from '../../src/contacts/create-directory.js';
import { createGuard } from '../../src/guard/create-guard.js';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import type { HoldInput } from '../../src/nodemailer/hold-store.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { customers, directoryOfCustomers, type PipelineFixture, smtpTransport } from './pipeline.js';

/** What {@link holdMessage} sends; each has the value the hold tests read back. */
export interface HoldMessageOptions {
  /** @default 'Tack för din beställning.' */
  readonly text?: string;
  /** @default 'Orderbekräftelse <4711>' */
  readonly subject?: string;
  /** The language the guard writes the held findings in. @default 'en' */
  readonly locale?: 'sv' | 'en';
  /**
   * The customer the order is for; one not in the fixture's customers is a failed lookup, and `null`
   * sends it naming no customer at all. @default 'C-1001'
   */
  readonly customerId?: string | null;
  /**
   * The customers the guard checks against instead of the fixture's lookup, which knows only the
   * customer named: with both, an address of the other is held as `belongs-to-other-customer`.
   */
  readonly directory?: Directory | AsyncDirectory;
  /** A whole message to send as it is (nodemailer's `raw`), with no envelope: `to` is then unused. */
  readonly raw?: string;
  /** The envelope to send `raw` with (nodemailer's `envelope`); without it the message has none. */
  readonly envelope?: { readonly from: string; readonly to: readonly string[] };
}

/**
 * A transporter to the fixture's SMTP server whose guard checks against `directory` (none: the
 * fixture's lookup by id, which knows no other customer), held mail going to the fixture's store.
 */
export function transportChecking(
  fixture: PipelineFixture,
  directory: Directory | AsyncDirectory | undefined,
  options: { readonly locale?: 'sv' | 'en' } = {},
) {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({
        locale: options.locale ?? 'en',
        ...(directory === undefined
          ? { lookupCustomer: async (id: string) => customers[id] }
          : { directory }),
      }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return transporter;
}

/**
 * Sends an order confirmation for customer C-1001 (or `options.customerId`) through the real
 * pipeline (nodemailer, the guard, the fixture's hold store and audit log, its SMTP server); the
 * guard holds it when `to` is wrong. Answers the hold id, and throws when the message was not held.
 */
export async function holdMessage(
  fixture: PipelineFixture,
  to: string,
  options: HoldMessageOptions = {},
): Promise<string> {
  const transporter = transportChecking(fixture, options.directory, {
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  const error = await transporter
    .sendMail(
      options.raw !== undefined
        ? {
            raw: options.raw,
            ...(options.envelope
              ? { envelope: { from: options.envelope.from, to: [...options.envelope.to] } }
              : {}),
            emailGuard: { customerId: options.customerId ?? 'C-1001' },
          }
        : {
            from: 'order@butiken.se',
            to,
            subject: options.subject ?? 'Orderbekräftelse <4711>',
            text: options.text ?? 'Tack för din beställning.',
            ...(options.customerId === null
              ? {}
              : { emailGuard: { customerId: options.customerId ?? 'C-1001' } }),
          },
    )
    .then(
      () => undefined,
      (reason: { holdId?: string }) => reason,
    );
  if (!error?.holdId) throw new Error('the order was not held');
  return error.holdId;
}

/**
 * The arguments of `holds release ID` on the fixture's hold store, released by one person with the
 * customer export `customers`, through the fixture's SMTP server unless `smtp` names another, then
 * `more` (`--to`, `--confirm-new`, `--locale`).
 */
export function releaseArgs(
  fixture: PipelineFixture,
  id: string,
  customers: string,
  more: readonly string[] = [],
  options: { readonly reason?: string; readonly smtp?: string } = {},
): string[] {
  return [
    'holds',
    'release',
    id,
    '--store',
    join(fixture.dir, 'held'),
    '--by',
    'lena@butiken.se',
    '--reason',
    options.reason ?? 'ok',
    '--customers',
    customers,
    '--smtp',
    options.smtp ?? `smtp://127.0.0.1:${fixture.sink.port}`,
    ...more,
  ];
}

/**
 * The arguments of `holds discard` for the held message `id` in `store`, with `more` (such as
 * `--yes`), naming who discards it and why (both required: the audit log records them).
 */
export function discardArgs(id: string, store: string, more: readonly string[] = []): string[] {
  return ['discard', id, '--store', store, ...more, '--by', 'lena@butiken.se', '--reason', 'dubblett'];
}

/** A message to hold directly in a store (no guard): an order to `to` with `text` as subject and body. */
export function heldOrder(text: string, to: string, customerId = 'C-1001'): HoldInput {
  return {
    raw: Buffer.from(`From: order@butiken.se\r\nTo: ${to}\r\nSubject: ${text}\r\n\r\n${text}\r\n`),
    envelope: { from: 'order@butiken.se', to: [to] },
    action: 'block',
    recipients: [],
    customerId,
    messageId: `<${text.replace(/\s/g, '-')}@butiken.se>`,
  };
}

/** The `release-started` line a release writes before its send: alone, a release in doubt. */
export function releaseStarted(holdId: string): AuditEntry {
  return {
    at: new Date().toISOString(),
    mode: 'enforce',
    outcome: 'release-started',
    action: 'block',
    recipients: [],
    holdId,
    release: { by: 'lena@butiken.se', reason: 'checked by phone' },
  };
}

/**
 * Holds Anna's order (C-1001) sent to Erik's address with a confirmation, against a directory that
 * knows both: a confirmation never covers another customer's address, so it is held as `block`
 * while its recipient stays `confirm`. Answers the hold id.
 */
export async function holdConfirmedForOtherCustomer(fixture: PipelineFixture): Promise<string> {
  const held = await transportChecking(fixture, directoryOfCustomers())
    .sendMail({
      from: 'order@butiken.se',
      to: 'erik.lind@telia.com',
      subject: 'Order 4711',
      text: 'Tack.',
      emailGuard: { customerId: 'C-1001', confirmation: { by: 'lena', reason: 'read back' } },
    })
    .catch((error: { holdId?: string }) => error.holdId);
  if (typeof held !== 'string') throw new Error('the order confirmed for another customer was not held');
  return held;
}
