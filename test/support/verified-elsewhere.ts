import { join } from 'node:path';
import { expect } from 'vitest';
import { RecipientAwaitingVerificationError } from '../../src/errors.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import type { VerificationStore } from '../../src/verification/verification-store.js';
import { writeCustomerExport } from './cli-inputs.js';
import type { PipelineFixture } from './pipeline.js';
import { orderConfirmation, readVerification, receivedFor, verifyingTransport } from './verification.js';
import { newCustomer, verificationCustomers } from './verifying-transport.js';

/** The address Karin Berg (C-3003) proved with a code, which the CRM export does not have yet. */
export const KARINS = 'karin.berg@outlook.com';
/** The new address of C-4000's order, held waiting for the customer's code. */
export const NEW_ADDRESS = 'ny.kund@outlook.com';

/**
 * Karin's address verified by code, and an order of another customer (C-4000) held waiting for its
 * customer's code, in the fixture's folder stores unless `stores` names others (the PostgreSQL
 * ones); the code messages are cleared from the SMTP server. Answers the hold id, the CRM export as it stands (every
 * customer, Karin without the address she verified) and the verification store's folder.
 */
export async function holdWhileKarinIsVerified(
  fixture: PipelineFixture,
  stores: { readonly holdStore: HoldStore; readonly store?: VerificationStore } = {
    holdStore: fixture.holdStore,
  },
): Promise<{ id: string; customers: string; verifications: string }> {
  const { transporter, verifier } = verifyingTransport(fixture, {}, {}, stores);
  await verifier.start({ customerId: newCustomer.id, address: KARINS });
  const [message] = receivedFor(fixture.sink.received, KARINS);
  if (!message) throw new Error(`no code reached ${KARINS}`);
  const { code } = await readVerification(message);
  expect((await verifier.confirm({ customerId: newCustomer.id, address: KARINS, code })).ok).toBe(true);
  const held = await transporter
    .sendMail(orderConfirmation(NEW_ADDRESS, 'C-4000'))
    .catch((error: unknown) => error);
  expect(held).toBeInstanceOf(RecipientAwaitingVerificationError);
  fixture.sink.received.splice(0);
  return {
    id: (held as RecipientAwaitingVerificationError).holdId as string,
    customers: writeCustomerExport(fixture.dir, verificationCustomers),
    verifications: join(fixture.dir, 'verification'),
  };
}
