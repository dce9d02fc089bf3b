// Run: npx tsx examples/nodemailer-middleware.ts
//
// Every order confirmation leaves through one nodemailer transport, so the guard sits there. This
// starts a local SMTP server, sends one confirmation to the customer's known address (delivered),
// one to the address as a salesperson mistyped it (held, not sent), then corrects the held one and
// releases it: it arrives once, to the right address. Nothing leaves this machine.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createGuard, EmailGuardError } from '../src/index.js';
import { createFileHoldStore, createJsonLinesAuditLog, nodemailerGuard } from '../src/nodemailer/index.js';

// The customer system: who each order is for, and the addresses they are known to read.
const crm = new Map([
  ['C-1001', { id: 'C-1001', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] }],
]);

// A local SMTP server standing in for the mail relay; it prints what it receives.
const server = new SMTPServer({
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', ');
      console.log(`  [smtp server] received a message for ${to}`);
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.server.address() as AddressInfo;

const folder = await mkdtemp(join(tmpdir(), 'email-guard-example-'));
const holdStore = createFileHoldStore(join(folder, 'held-mail'));
const transporter = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
transporter.use(
  'compile',
  nodemailerGuard({
    guard: createGuard({ lookupCustomer: async (id) => crm.get(id) }),
    holdStore,
    auditLog: createJsonLinesAuditLog(join(folder, 'audit.jsonl')),
  }),
);

const confirmation = (to: string) => ({
  from: 'Butiken <order@butiken.se>',
  to,
  subject: 'Orderbekräftelse 4711',
  text: 'Tack för din beställning av en cykel. Totalt 4 995 kr.',
  // The order's customer id travels with the message, not in it: the guard looks the customer up
  // by it, and it never reaches the recipient.
  emailGuard: { customerId: 'C-1001' },
});

console.log('1. To the known address:');
await transporter.sendMail(confirmation('Anna Svensson <anna.svensson1985@gmail.com>'));

console.log('2. To the address as typed, with a digit missing:');
try {
  await transporter.sendMail(confirmation('Anna Svensson <anna.svensson185@gmail.com>'));
} catch (error) {
  if (!(error instanceof EmailGuardError)) throw error;
  console.log(`  not sent: ${error.code}`);
  console.log(`  ${error.message}`);
}

console.log('3. What is held, and why:');
const [held] = await holdStore.list();
if (!held) throw new Error('the mistyped confirmation should have been held');
for (const { field, address, verdict } of held.recipients) {
  console.log(`  ${field}: ${address} -> ${verdict.action}: ${verdict.findings[0]?.message ?? ''}`);
  if (verdict.suggestion) console.log(`  suggestion: ${verdict.suggestion}`);
}

console.log('4. Corrected and released:');
const suggestion = held.recipients.find((recipient) => recipient.verdict.suggestion)?.verdict.suggestion;
await holdStore.release(held.id, transporter, {
  to: suggestion ?? 'anna.svensson1985@gmail.com',
  by: 'lena@butiken.se',
  reason: 'a digit was missing; read back to the customer',
});
console.log(`  held messages left: ${(await holdStore.list()).length}`);

console.log('5. The audit log (one JSON line per decision, no subjects or bodies):');
for (const line of (await readFile(join(folder, 'audit.jsonl'), 'utf8')).trimEnd().split('\n')) {
  const entry = JSON.parse(line) as { outcome: string; recipients: { address: string; action: string }[] };
  console.log(`  ${entry.outcome}: ${entry.recipients.map((r) => `${r.address} (${r.action})`).join(', ')}`);
}

transporter.close();
await new Promise<void>((resolve) => server.close(() => resolve()));
await rm(folder, { recursive: true, force: true });
