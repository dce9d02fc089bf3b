// The guarded transporter with a verifier, as the verification tests and their child processes
// build it. Free of vitest, so a child process started with tsx can load it.
import nodemailer from 'nodemailer';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard, type GuardOptions } from '../../src/guard/create-guard.js';
import type { AuditLog } from '../../src/nodemailer/audit-log.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { createVerifier, type VerifierOptions } from '../../src/verification/create-verifier.js';
import type { VerificationStore } from '../../src/verification/verification-store.js';

/** A new customer: nothing on record but a name, a phone number and a postal address. */
export const newCustomer: Customer & { postalAddress: string } = {
  id: 'C-3003',
  name: 'Karin Berg',
  phones: ['070-987 65 43'],
  postalAddress: 'Storgatan 12, 123 45 Stockholm',
};

const { postalAddress: _postalAddress, ...onRecord } = newCustomer;

/** The customer system of the verification tests: two known customers, the new one, and `C-4000`..`C-4099`, new too. */
export const verificationCustomers: Record<string, Customer> = {
  'C-1001': {
    id: 'C-1001',
    name: 'Anna Svensson',
    emails: ['anna.svensson1985@gmail.com', 'anna@svenssonbygg.se'],
  },
  'C-2002': { id: 'C-2002', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
  [newCustomer.id]: onRecord,
  ...Object.fromEntries(
    Array.from({ length: 100 }, (_, index) => [`C-${4000 + index}`, { id: `C-${4000 + index}` }]),
  ),
};

export interface VerifyingTransportSetup {
  readonly port: number;
  readonly holdStore: HoldStore;
  readonly auditLog: AuditLog | false;
  /** The verification store's folder. */
  readonly folder: string;
  /** A verification store of its own (the PostgreSQL one) instead of the folder's. */
  readonly store?: VerificationStore;
  readonly verifierOptions?: Partial<Omit<VerifierOptions, 'store' | 'transporter'>> & { now?: () => number };
  /** Options of the guard beside the customers and the directory (`mailboxRules`). */
  readonly guardOptions?: Pick<GuardOptions, 'mailboxRules' | 'lookupTimeoutMs'>;
}

/** A transporter to the local SMTP server with `nodemailerGuard` and a verifier (`unverified: 'verify'`). */
export function buildVerifyingTransport(setup: VerifyingTransportSetup) {
  const { now, ...rest } = setup.verifierOptions ?? {};
  const transporter = nodemailer.createTransport({
    host: '127.0.0.1',
    port: setup.port,
    secure: false,
    ignoreTLS: true,
  });
  const verifier = createVerifier({
    store: setup.store ?? createFileVerificationStore(setup.folder, now ? { now } : {}),
    transporter,
    from: 'Butiken AB <order@butiken.se>',
    locale: 'sv',
    ...rest,
  });
  const guard = createGuard({
    lookupCustomer: async (id) => verificationCustomers[id],
    // Every customer's addresses: another customer's address is a question for a person, not a code.
    directory: createDirectory(Object.values(verificationCustomers)),
    verifiedAddresses: verifier,
    ...setup.guardOptions,
  });
  transporter.use(
    'compile',
    nodemailerGuard({
      guard,
      holdStore: setup.holdStore,
      auditLog: setup.auditLog,
      verifier,
      unverified: 'verify',
    }),
  );
  return { transporter, verifier, guard };
}
