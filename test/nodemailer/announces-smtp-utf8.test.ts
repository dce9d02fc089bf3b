import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcesSmtpUtf8 } from '../../src/nodemailer/announces-smtp-utf8.js';

/** A real SMTP server that counts the connections made to it and the mail commands sent on them. */
async function countingServer(hideSMTPUTF8: boolean) {
  const seen = { connections: 0, mailCommands: 0 };
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSMTPUTF8,
    logger: false,
    onConnect(_session, callback) {
      seen.connections += 1;
      callback();
    },
    onMailFrom(_address, _session, callback) {
      seen.mailCommands += 1;
      callback();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { seen, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// RFC 6531 §3.1: a server that takes SMTPUTF8 says so in its EHLO answer.
describe('announcesSmtpUtf8', () => {
  let announcing: Awaited<ReturnType<typeof countingServer>>;
  let silent: Awaited<ReturnType<typeof countingServer>>;
  beforeAll(async () => {
    announcing = await countingServer(false);
    silent = await countingServer(true);
  });
  afterAll(async () => {
    await announcing.close();
    await silent.close();
  });

  it('reads the EHLO answer on one connection and sends no mail command on it', async () => {
    for (const [server, announces] of [
      [announcing, true],
      [silent, false],
    ] as const) {
      for (const pool of [false, true]) {
        const before = { ...server.seen };
        const transporter = nodemailer.createTransport({
          host: '127.0.0.1',
          port: server.port,
          ignoreTLS: true,
          pool,
        });
        expect(await announcesSmtpUtf8(transporter)).toBe(announces);
        transporter.close();
        expect(server.seen).toEqual({
          connections: before.connections + 1,
          mailCommands: before.mailCommands,
        });
      }
    }
  });

  it('has no answer for a transport without SMTP, and rejects when the server cannot be reached', async () => {
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
    expect(await announcesSmtpUtf8(stream)).toBeUndefined();
    const closed = await countingServer(false);
    await closed.close();
    const unreachable = nodemailer.createTransport({ host: '127.0.0.1', port: closed.port, ignoreTLS: true });
    await expect(announcesSmtpUtf8(unreachable)).rejects.toMatchObject({ code: 'ESOCKET' });
  });
});
