// Run: npx tsx examples/verify-new-address.ts
//
// A phone order from a new customer: the salesperson types the address the customer gives, and
// nothing is known about it yet. The order confirmation is held; a short message with a code (and
// nothing personal) goes to the address; the customer reads the code back on the phone; the
// confirmation is then released, once, and the next one goes straight through. A local SMTP server
// stands in for the mail relay and prints what it receives. Nothing leaves this machine.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createGuard, isEmailGuardError } from '../src/index.js';
import {
  createFileHoldStore,
  createFileVerificationStore,
  createJsonLinesAuditLog,
  createVerifier,
  nodemailerGuard,
} from '../src/nodemailer/index.js';

// The customer system: the new customer has a name and a phone number, no e-mail address yet.
const crm = new Map([['C-3003', { id: 'C-3003', name: 'Karin Berg', phones: ['070-987 65 43'] }]]);

// The mail relay: keeps the text of what it receives, so the "customer" can read the code.
const inbox: { to: string; subject: string; text: string }[] = [];
const server = new SMTPServer({
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream).then((mail) => {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', ');
      inbox.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
      console.log(`  [smtp server] received "${mail.subject}" for ${to}`);
      callback();
    }, callback);
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.server.address() as AddressInfo;

const folder = await mkdtemp(join(tmpdir(), 'email-guard-example-'));
const transporter = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
const verifier = createVerifier({
  store: createFileVerificationStore(join(folder, 'verification')),
  transporter,
  from: 'Butiken AB <order@butiken.se>',
  locale: 'sv',
  // Write the proven address to the customer's record.
  onVerified: ({ customerId, address }) => {
    const customer = crm.get(customerId);
    if (customer) crm.set(customerId, { ...customer, emails: [address] } as typeof customer);
  },
});
transporter.use(
  'compile',
  nodemailerGuard({
    guard: createGuard({ lookupCustomer: async (id) => crm.get(id), verifiedAddresses: verifier }),
    holdStore: createFileHoldStore(join(folder, 'held-mail')),
    auditLog: createJsonLinesAuditLog(join(folder, 'audit.jsonl')),
    verifier,
    unverified: 'verify',
  }),
);

const address = 'karin.berg@outlook.com';
const confirmation = (order: string) => ({
  from: 'Butiken AB <order@butiken.se>',
  to: address,
  subject: `Orderbekräftelse ${order}`,
  text: `Hej Karin Berg!\nKundnummer C-3003\nTack för din beställning av en cykel. Totalt 4 995 kr.\n`,
  emailGuard: { customerId: 'C-3003' },
});

console.log('1. The order confirmation to the address typed on the phone:');
try {
  await transporter.sendMail(confirmation('4711'));
} catch (error) {
  if (!isEmailGuardError(error, 'RECIPIENT_AWAITING_VERIFICATION')) throw error;
  console.log(`  not sent: ${error.code}`);
  console.log(`  ${error.message}`);
}

console.log('2. What the customer received (the Swedish message, nothing personal in it):');
const codeMessage = inbox.find((message) => message.to === address);
console.log(`  Ämne: ${codeMessage?.subject}`);
for (const line of (codeMessage?.text ?? '').trimEnd().split('\n')) console.log(`  | ${line}`);

console.log('3. The customer reads the code back; first misheard, then right:');
const code = /: (\d+)/.exec(codeMessage?.text ?? '')?.[1] ?? '';
const misheard = `${code.slice(0, -1)}${(Number(code.at(-1)) + 1) % 10}`;
console.log(`  ${misheard}:`, await verifier.confirm({ customerId: 'C-3003', address, code: misheard }));
const result = await verifier.confirm({ customerId: 'C-3003', address, code });
console.log(`  ${code}: ok ${result.ok}, released ${result.ok ? result.released.length : 0} held message(s)`);

console.log('4. The next confirmation to the address goes straight through:');
await transporter.sendMail(confirmation('4712'));
console.log(`  the customer record now has: ${JSON.stringify(crm.get('C-3003'))}`);
console.log(
  `  messages to ${address}: ${inbox.filter((message) => message.to === address).length} (one code, two confirmations)`,
);

transporter.close();
await new Promise<void>((resolve) => server.close(() => resolve()));
await rm(folder, { recursive: true, force: true });
