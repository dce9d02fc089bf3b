// Run: npx tsx examples/order-confirmation.ts
//
// A salesperson takes a phone order from an existing customer and types her e-mail address with a
// digit missing. Before the order confirmation goes out, the check blocks it, says what is wrong,
// suggests the known address and gives the spelling to read back on the phone.
import { checkRecipient, spellAddress } from '../src/index.js';

const customer = {
  id: 'C-1001',
  name: 'Anna Svensson',
  emails: ['anna.svensson1985@gmail.com'],
  phones: ['070-123 45 67'],
  birthDate: '1985-04-12',
};

// What the salesperson typed into the order form.
const entered = ' Anna.Svensson185@gmail.com';

for (const locale of ['en', 'sv'] as const) {
  const verdict = checkRecipient({ entered, customer }, { locale });
  console.log(`[${locale}] ${JSON.stringify(entered)} -> ${verdict.action.toUpperCase()}`);
  for (const finding of verdict.findings)
    console.log(`  ${finding.code} (${finding.severity}): ${finding.message}`);
  if (verdict.suggestion) console.log(`  Suggestion: ${verdict.suggestion}`);
  if (verdict.readBack?.suggestion) console.log(`  Read back: ${verdict.readBack.suggestion}`);
  console.log();
}

// The salesperson reads the suggestion back, the customer confirms it, and it is checked again.
const corrected = checkRecipient({ entered: 'anna.svensson1985@gmail.com', customer });
console.log(
  `After the read-back: ${corrected.address} -> ${corrected.action.toUpperCase()} (${corrected.findings[0]?.code})`,
);

// A brand-new customer: nothing is known, so the address is read back before the first mail.
const newCustomer = checkRecipient({
  entered: 'lars.eriksson@hotmial.se',
  customer: { id: 'C-1002', name: 'Lars Eriksson' },
});
console.log(`\nNew customer: lars.eriksson@hotmial.se -> ${newCustomer.action.toUpperCase()}`);
console.log(`  ${newCustomer.findings.map((finding) => finding.message).join('\n  ')}`);
console.log(`  Suggestion: ${newCustomer.suggestion}`);
console.log(`  Read back: ${spellAddress(newCustomer.suggestion ?? '', { locale: 'en' })}`);
