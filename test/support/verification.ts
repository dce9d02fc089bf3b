import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { createVerifier, type VerifierOptions } from '../../src/verification/create-verifier.js';
import { customers, type PipelineFixture, smtpTransport } from './pipeline.js';
import type { Received } from './smtp-sink.js';

/** A new customer: nothing on record but a name, a phone number and a postal address. */
export const newCustomer: Customer & { postalAddress: string } = {
  id: 'C-3003',
  name: 'Karin Berg',
  phones: ['070-987 65 43'],
  postalAddress: 'Storgatan 12, 123 45 Stockholm',
};

const { postalAddress: _postalAddress, ...onRecord } = newCustomer;
const crm: Record<string, Customer> = { ...customers, [newCustomer.id]: onRecord };

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

export interface VerifyingTransport {
  readonly transporter: ReturnType<typeof smtpTransport>;
  readonly verifier: ReturnType<typeof createVerifier>;
  readonly guard: ReturnType<typeof createGuard>;
}

/**
 * The fixture's SMTP server behind `nodemailerGuard` with a verifier (`unverified: 'verify'`), its
 * store in the fixture's folder; `verifierOptions` overrides the verifier's defaults.
 */
export function verifyingTransport(
  fixture: PipelineFixture,
  verifierOptions: Partial<Omit<VerifierOptions, 'store' | 'transporter'>> & { now?: () => number } = {},
  folder = join(fixture.dir, 'verification'),
): VerifyingTransport {
  const { now, ...rest } = verifierOptions;
  const transporter = smtpTransport(fixture.sink.port);
  const verifier = createVerifier({
    store: createFileVerificationStore(folder, now ? { now } : {}),
    transporter,
    from: 'Butiken AB <order@butiken.se>',
    locale: 'sv',
    ...rest,
  });
  const guard = createGuard({
    lookupCustomer: async (id) => crm[id],
    // Every customer's addresses: another customer's address is a question for a person, not a code.
    directory: createDirectory(Object.values(crm)),
    verifiedAddresses: verifier,
  });
  transporter.use(
    'compile',
    nodemailerGuard({
      guard,
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
      verifier,
      unverified: 'verify',
    }),
  );
  return { transporter, verifier, guard };
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
