import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Transporter } from 'nodemailer';
import { expect } from 'vitest';
import { RecipientAwaitingVerificationError } from '../../src/errors.js';
import type { PipelineFixture } from './pipeline.js';
import type { Received } from './smtp-sink.js';
import { buildVerifyingTransport, newCustomer, type VerifyingTransportSetup } from './verifying-transport.js';

export { newCustomer } from './verifying-transport.js';

/** An order confirmation full of personal data, for the customer it names. */
export function orderConfirmation(to: string, customerId = newCustomer.id, order = '4711') {
  return {
    from: 'Butiken AB <order@butiken.se>',
    to,
    subject: `Orderbekräftelse ${order}`,
    text: `Hej Karin Berg!\nKundnummer: ${customerId}\nLeveransadress: ${newCustomer.postalAddress}\nEn cykel, 4 995 kr.\n`,
    emailGuard: { customerId },
  };
}

/**
 * The fixture's SMTP server behind `nodemailerGuard` with a verifier (`unverified: 'verify'`), its
 * store in the fixture's folder; `verifierOptions` overrides the verifier's defaults, and
 * `stores` the fixture's hold store and the folder verification store.
 */
export function verifyingTransport(
  fixture: PipelineFixture,
  verifierOptions: VerifyingTransportSetup['verifierOptions'] = {},
  guardOptions: VerifyingTransportSetup['guardOptions'] = {},
  stores: Pick<VerifyingTransportSetup, 'holdStore' | 'store'> = { holdStore: fixture.holdStore },
) {
  return buildVerifyingTransport({
    port: fixture.sink.port,
    ...stores,
    auditLog: fixture.audit,
    folder: join(fixture.dir, 'verification'),
    verifierOptions,
    guardOptions,
  });
}

/** The code and the link a delivered verification message holds. */
export async function readVerification(
  received: Received,
): Promise<{ code: string; link?: string; text: string }> {
  const mail = await simpleParser(received.raw);
  const text = mail.text ?? '';
  const code = /: (\d{4,10})\n/.exec(text)?.[1];
  if (!code) throw new Error(`no code in the message: ${text}`);
  const link = /https:\/\/\S+/.exec(text)?.[0];
  return { code, text, ...(link === undefined ? {} : { link }) };
}

/** The messages the server received for one address. */
export function receivedFor(received: readonly Received[], address: string): Received[] {
  return received.filter((message) => message.to.includes(address));
}

/**
 * Sends the order confirmation for `customerId` to `address`, new to the customer: the guard holds
 * it until the code sent there is read back. The hold's id, which the error names.
 */
export async function heldForCode(
  transporter: Pick<Transporter, 'sendMail'>,
  address: string,
  customerId: string,
  order?: string,
): Promise<string | undefined> {
  const error = await transporter
    .sendMail(orderConfirmation(address, customerId, order))
    .catch((rejected: unknown) => rejected);
  expect(error).toBeInstanceOf(RecipientAwaitingVerificationError);
  return (error as RecipientAwaitingVerificationError).holdId;
}

/** The code and the link of the verification message `address` received `nth` (0: the first). */
export async function verificationFor(
  received: readonly Received[],
  address: string,
  nth = 0,
): Promise<{ code: string; link?: string; text: string }> {
  const message = receivedFor(received, address)[nth];
  if (!message) throw new Error(`no code number ${nth + 1} reached ${address}`);
  return readVerification(message);
}
