import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message as the server received it: the envelope it was delivered with and the raw bytes. */
export interface Received {
  readonly from: string | false;
  readonly to: readonly string[];
  readonly raw: Buffer;
}

/** What a test does with each message the server has whole; a promise holds the server's answer. */
export type MessageHook = (message: Received) => Promise<unknown> | undefined;

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
export interface SmtpSink {
  readonly port: number;
  readonly received: Received[];
  /** Rejects RCPT TO for these addresses (a 550, as a real server would for an unknown mailbox). */
  readonly refuse: Set<string>;
  /**
   * Takes RCPT TO for these addresses, then refuses the message after DATA (a 554, as a server's
   * content filter does), keeping nothing.
   */
  readonly refuseData: Set<string>;
  /**
   * Called with each message once the server has it whole, before it answers: a test stops the
   * sending process here, to leave a message sent without the sender hearing so. When it answers a
   * promise, the server holds its reply to DATA until that promise settles, so the sender cannot
   * hear the 250 before the test is done with it.
   */
  onMessage: MessageHook | undefined;
  close(): Promise<void>;
}

/**
 * Starts an SMTP server (smtp-server) on 127.0.0.1 that keeps what it receives; with
 * `hideSMTPUTF8` it does not announce SMTPUTF8 (RFC 6531) in its EHLO answer.
 */
export async function startSmtpSink(options: { readonly hideSMTPUTF8?: boolean } = {}): Promise<SmtpSink> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const refuseData = new Set<string>();
  const hooks: { onMessage: MessageHook | undefined } = { onMessage: undefined };
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSMTPUTF8: options.hideSMTPUTF8 ?? false,
    logger: false,
    maxClients: 64,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (refuse.has(address.address)) {
        const error = new Error('mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (session.envelope.rcptTo.some((rcpt) => refuseData.has(rcpt.address))) {
          const error = new Error('message refused by content filter') as Error & { responseCode: number };
          error.responseCode = 554;
          callback(error);
          return;
        }
        const message: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : false,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        };
        received.push(message);
        const held = hooks.onMessage?.(message);
        if (held) void held.finally(() => callback());
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuse,
    refuseData,
    get onMessage() {
      return hooks.onMessage;
    },
    set onMessage(hook) {
      hooks.onMessage = hook;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Makes `sink` keep every message it has whole without ever answering its DATA, and resolves once
 * the first arrives: the sender is then stopped with the message at the server. Set
 * `sink.onMessage = undefined` to answer again.
 */
export function neverAnswerData(sink: SmtpSink): Promise<void> {
  return new Promise<void>((reached) => {
    sink.onMessage = () => {
      reached();
      return new Promise<void>(() => undefined);
    };
  });
}
