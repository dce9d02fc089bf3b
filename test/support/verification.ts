import { join } from 'node:path';
import { simpleParser } from 'mailparser';
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
