// Run: npx tsx examples/customer-base.ts
//
// Loads a CRM export into a directory, then checks what a salesperson types for a new order:
// a "new" customer who is an existing one entered twice with a typo, an address that belongs to
// someone else, and a phone number for SMS confirmations with a digit missing.
import { createReadStream } from 'node:fs';
import { checkPhone, checkRecipient, createDirectory, loadCustomers } from '../src/index.js';

const file = new URL('./data/customers.csv', import.meta.url);
const { customers, problems } = await loadCustomers(
  { source: createReadStream(file), format: 'csv' },
  { onProgress: (progress) => progress.done && console.log(`Read ${progress.rows} rows.`) },
);
for (const problem of problems) console.log(`Line ${problem.line} skipped: ${problem.reason}`);

const directory = createDirectory(customers);
console.log(`Directory holds ${directory.size} customers.\n`);

// The salesperson registers "Svensson, Anna" as a new customer and types her address with a slip.
const duplicate = checkRecipient({
  entered: 'anna.svensson185@gmail.com',
  customer: { id: 'NEW-1', name: 'Svensson, Anna' },
  directory,
});
console.log(`anna.svensson185@gmail.com -> ${duplicate.action}, suggestion ${duplicate.suggestion}`);
for (const finding of duplicate.findings) console.log(`  ${finding.code}: ${finding.message}`);

// A new customer gives an address that another customer already has.
const someoneElses = checkRecipient(
  { entered: 'Karin@BergBygg.se', customer: { id: 'NEW-2', name: 'Sven Holm' }, directory },
  { locale: 'sv' },
);
console.log(`\nKarin@BergBygg.se -> ${someoneElses.action}`);
for (const finding of someoneElses.findings) console.log(`  ${finding.code}: ${finding.message}`);

// The SMS confirmation number for an existing customer, typed with a digit missing.
const anna = customers.find((customer) => customer.id === 'C-1001') ?? { id: 'C-1001' };
const sms = checkPhone({ entered: '070-123 567', customer: anna });
console.log(`\n070-123 567 -> ${sms.action}, suggestion ${sms.suggestion}`);
for (const finding of sms.findings) console.log(`  ${finding.code}: ${finding.message}`);
