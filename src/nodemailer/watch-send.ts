import type { MailMessage } from 'nodemailer';

/**
 * What a message the plugin passed (logged `sent` or `monitored`) records when it does not go out
 * after all; taken once, by whatever reports the failure first.
 */
const failureRecorders = new WeakMap<MailMessage, RecordFailure>();

/**
 * Records what became of a message that did not reach every recipient: `failure` is what refused
 * it; `refused`, when the transport sent it to the others, the recipients it refused.
 */
export type RecordFailure = (
  failure: unknown,
  refused?: readonly string[],
  options?: { readonly inDoubt?: boolean },
) => Promise<void>;

/** Why a message was refused where nodemailer does not pass the error on (see `watchSend`). */
const failureReasons = new WeakMap<MailMessage, unknown>();

/** The stream plugins that report a failure of a watched message (see `watchStreamPlugins`). */
const watchingPlugins = new WeakSet<object>();

/** A failure nodemailer reports without the error: a refusal after the check, before any transport. */
const REFUSED_BEFORE_TRANSPORT =
  'nodemailer refused the message after it was checked, before a transport took it';

/**
 * Watches a message the plugin passed until it is sent or refused: `recordFailure` is called once,
 * with the error, when it does not go out. The plugin runs at compile and writes `sent` before the
 * message reaches the transport; after it, a `stream` plugin, nodemailer itself (`maxRecipients`,
 * the abort signal) or the transport (the SMTP server's answer to RCPT TO or DATA, RFC 5321 §4.2)
 * may still refuse it, and the log must then say so. The transport's and a stream plugin's failures
 * are recorded before `sendMail` rejects ({@link recordSendFailure}); the others, which nodemailer
 * reports only by releasing the message's streams (lib/mailer `sendMail`, `finish`), as it rejects.
 */
export function watchSend(mail: MailMessage, recordFailure: RecordFailure): void {
  failureRecorders.set(mail, recordFailure);
  const releaseStreams = (mail as Partial<Pick<MailMessage, 'releaseStreams'>>).releaseStreams;
  if (typeof releaseStreams === 'function') {
    mail.releaseStreams = function releaseStreamsOfFailedSend(this: MailMessage) {
      const signal = this.data?.signal;
      const reason = failureReasons.get(this) ?? (signal?.aborted ? signal.reason : REFUSED_BEFORE_TRANSPORT);
      void recordSendFailure(this, reason);
      return releaseStreams.call(this);
    };
  }
  watchStreamPlugins(mail);
}

/** Keeps why a watched message is refused, where the refusal reaches nodemailer as a throw. */
export function keepFailureReason(mail: MailMessage, reason: unknown): void {
  if (failureRecorders.has(mail)) failureReasons.set(mail, reason);
}

/**
 * Records that a watched message did not go out, once; resolves when it is recorded (at once for a
 * message not watched, or one whose failure was recorded already).
 */
export function recordSendFailure(
  mail: MailMessage,
  failure: unknown,
  options: { readonly inDoubt?: boolean } = {},
): Promise<void> {
  const recordFailure = failureRecorders.get(mail);
  if (recordFailure === undefined) return Promise.resolve();
  failureRecorders.delete(mail);
  return recordFailure(failure, undefined, options);
}

/**
 * Whether a transport's failure leaves it open if the message was delivered: one with no reply of
 * the server (an abort, a socket timeout, a dropped connection) may have come after the message data
 * went out and before the server's reply to it, and a server that took it may have delivered it
 * (RFC 5321 §4.1.1.4). Only a refusal, a 4xx or 5xx reply (RFC 5321 §4.2.1), or a failure before
 * any connection carried the message says it did not go.
 */
export function isSendInDoubt(failure: unknown): boolean {
  const { responseCode, code } = (failure ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 600) return false;
  // Refused before any connection carried the message: nodemailer's own envelope check, or no server.
  return !(typeof code === 'string' && NOTHING_SENT_CODES.has(code));
}

/** nodemailer's and Node.js's codes of a failure before the server could have had the message. */
const NOTHING_SENT_CODES = new Set(['EENVELOPE', 'ECONNREFUSED', 'ENOTFOUND', 'EDNS']);

/**
 * Ends the watch of a message the transport took. An SMTP transport takes a message when the
 * server accepts at least one recipient, and names those it refused at RCPT TO in `info.rejected`
 * (with each answer in `info.rejectedErrors`): those did not get it, which is recorded before the
 * caller hears of the send.
 */
export function endWatch(mail: MailMessage, info: unknown): Promise<void> {
  const recordFailure = failureRecorders.get(mail);
  failureRecorders.delete(mail);
  const { rejected, rejectedErrors } = (info ?? {}) as { rejected?: unknown; rejectedErrors?: unknown };
  if (recordFailure === undefined || !Array.isArray(rejected) || rejected.length === 0)
    return Promise.resolve();
  const answers = Array.isArray(rejectedErrors)
    ? rejectedErrors.map((error) => (error instanceof Error ? error.message : String(error)))
    : [];
  return recordFailure(
    answers.length > 0 ? answers.join('; ') : 'the server refused these recipients',
    rejected.map(String),
  );
}

type StreamPlugin = (mail: MailMessage, done: (error?: Error | null) => void) => void;

/**
 * Makes each `stream` plugin of the message's mailer record a watched message's failure before it
 * passes the error on: nodemailer rejects `sendMail` with it at once. Each plugin is wrapped once;
 * one added later is wrapped by the next message watched.
 */
function watchStreamPlugins(mail: MailMessage): void {
  const plugins = (mail.mailer as unknown as { _userPlugins?: { stream?: unknown } } | undefined)
    ?._userPlugins?.stream;
  if (!Array.isArray(plugins)) return;
  for (const [index, plugin] of plugins.entries()) {
    if (typeof plugin !== 'function' || watchingPlugins.has(plugin)) continue;
    const watching: StreamPlugin = (message, done) =>
      (plugin as StreamPlugin)(message, (error) => {
        if (!error) return done(error);
        void recordSendFailure(message, error).finally(() => done(error));
      });
    watchingPlugins.add(watching);
    plugins[index] = watching;
  }
}
