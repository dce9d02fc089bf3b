import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message as the server received it: the envelope it was delivered with and the raw bytes. */
export interface Received {
  readonly from: string | false;
  readonly to: readonly string[];
  readonly raw: Buffer;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
export interface SmtpSink {
  readonly port: number;
  readonly received: Received[];
  /** Rejects RCPT TO for these addresses (a 550, as a real server would for an unknown mailbox). */
  readonly refuse: Set<string>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
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
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : false,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
