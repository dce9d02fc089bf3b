import { describeEdits } from './describe-edits.js';
import { type FindingFacts, messageFor } from './messages.js';
import type { Locale } from './verdict.js';

/**
 * The sentence for a finding of `checkPhone`: the same codes as for addresses, worded for a phone
 * number where the address wording would not fit ("the customer's known number").
 *
 * @example
 * ```ts
 * phoneMessageFor({ code: 'exact-match', action: 'send', severity: 'info', known: '070-123 45 67' }, 'en');
 * // 'This is the customer\'s known number 070-123 45 67.'
 * ```
 */
export function phoneMessageFor(finding: FindingFacts, locale: Locale): string {
  const sv = locale === 'sv';
  switch (finding.code) {
    case 'exact-match':
      return sv
        ? `Det här är kundens kända nummer ${finding.known}.`
        : `This is the customer's known number ${finding.known}.`;
    case 'near-miss': {
      const edits = describeEdits(finding.edits, locale);
      return sv
        ? `Ser ut som ett skrivfel av kundens kända nummer ${finding.known}: ${edits}.`
        : `Looks like a typo of the customer's known number ${finding.known}: ${edits}.`;
    }
    case 'belongs-to-other-customer':
      if (finding.customerId === undefined) {
        return sv
          ? 'Numret är registrerat på en annan kund. Kontrollera att det verkligen är den här kundens.'
          : "This number is registered to another customer. Check that it really is this customer's.";
      }
      return sv
        ? `Numret ${finding.known} är känt för en annan kund (${finding.customerId}). Kontrollera att det verkligen är den här kundens.`
        : `The number ${finding.known} is known for another customer (${finding.customerId}). Check that it really is this customer's.`;
    case 'unverified-phone':
      if (finding.knownPhones === 0) {
        return sv
          ? 'Kunden har inget känt nummer än: läs upp numret för kunden och låt kunden bekräfta det.'
          : 'The customer has no known number yet: read the number back and have the customer confirm it.';
      }
      return messageFor(finding, locale);
    default:
      return messageFor(finding, locale);
  }
}
