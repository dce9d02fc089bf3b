import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexMailboxRules } from '../../src/address/mailbox-key.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { byActionSeverity, mergePolicy, moreSevere } from '../../src/guard/policy.js';
import { createRecipientChecker, type RecipientChecker } from '../../src/guard/recipient-checker.js';
import type { Verdict } from '../../src/guard/verdict.js';
import { withOthersOnRecord } from '../../src/guard/with-others-on-record.js';

// Other customers' records: shared mailboxes, provider rules (Gmail's dots, +tags), an
// internationalised domain, an address that does not parse.
const OTHERS: Customer[] = [
  { id: 'O-1', name: 'Karin Berg', emails: ['karin.berg@gmail.com', 'kb@telia.se'] },
  { id: 'O-2', name: 'Per Berg', emails: ['karin.berg@gmail.com'] },
  { id: 'O-3', name: 'Åke Löfgren', emails: ['åke.löfgren@åkeri.se'] },
  { id: 'O-4', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
  { id: 'O-5', name: 'Nils Holm', emails: ['nils61@outlook.com', 'not an address'] },
];
const ON_RECORD_ADDRESSES = ['erik.lind@telia.com', 'Erik.Lind@Telia.com', 'e.lind@gmail.com', 'kb@telia.se'];
// Addresses a customer may have proven by code: some are on other customers' records.
const VERIFIED = [
  'karin.berg@gmail.com',
  'k.a.r.i.n.berg+orders@gmail.com',
  'ake.lofgren@xn--keri-poa.se',
  'nils61@outlook.com',
  'erik.privat@hotmail.se',
  'erik.lind@telia.com',
  'not an address',
];
const SHAPES = [
  (address: string) => address,
  (address: string) => address.toUpperCase(),
  (address: string) => ` ${address} `,
  (address: string) => `Karin <${address}>`,
  (address: string) => `mailto:${address}`,
  (address: string) => address.replace('@', ' snabel-a '),
  (address: string) => `${address}\r\nBcc: x@example.com`,
  (address: string) => address.slice(1),
  (address: string) => address.replace('.', ''),
];

/** What the guard did before: the whole check again against the record, its `belongs-to-other-customer` findings added. */
function addedFromSecondCheck(verdict: Verdict, onRecord: Verdict): Verdict {
  const others = onRecord.findings.filter(
    (finding) =>
      finding.code === 'belongs-to-other-customer' &&
      !verdict.findings.some((known) => known.code === finding.code),
  );
  if (others.length === 0) return verdict;
  return {
    ...verdict,
    action: others.reduce((action, finding) => moreSevere(action, finding.action), verdict.action),
    findings: [...verdict.findings, ...others].sort(byActionSeverity),
  };
}

describe('withOthersOnRecord', () => {
  it('gives the verdicts of a second whole check against the record, over many entries, records and verified addresses', () => {
    const directory = createDirectory([
      ...OTHERS,
      { id: 'C-1', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
    ]);
    const rules = indexMailboxRules();
    const cases = fc.record({
      onRecord: fc.array(fc.constantFrom(...ON_RECORD_ADDRESSES), { maxLength: 2 }),
      verified: fc.array(fc.constantFrom(...VERIFIED), { minLength: 1, maxLength: 3 }),
      address: fc.constantFrom(
        ...VERIFIED,
        ...ON_RECORD_ADDRESSES,
        ...OTHERS.flatMap((other) => other.emails ?? []),
      ),
      shape: fc.nat(SHAPES.length - 1),
      reveal: fc.boolean(),
      locale: fc.constantFrom('en' as const, 'sv' as const),
      shareIsBlock: fc.boolean(),
    });
    // A checker indexes its tables when made: one for each set of options.
    const checkers = new Map<string, RecipientChecker>();
    let added = 0;
    fc.assert(
      fc.property(cases, (item) => {
        const policy = item.shareIsBlock ? { 'belongs-to-other-customer': 'block' as const } : undefined;
        const options = `${item.reveal} ${item.locale} ${item.shareIsBlock}`;
        let check = checkers.get(options);
        if (check === undefined) {
          check = createRecipientChecker({
            revealOtherCustomers: item.reveal,
            locale: item.locale,
            ...(policy ? { policy } : {}),
          });
          checkers.set(options, check);
        }
        const onRecord: Customer = { id: 'C-1', name: 'Erik Lind', emails: item.onRecord };
        const verified: Customer = { ...onRecord, emails: [...item.onRecord, ...item.verified] };
        const entered = (SHAPES[item.shape] as (address: string) => string)(item.address);
        const verdict = check({ entered, customer: verified, directory });
        const expected = addedFromSecondCheck(verdict, check({ entered, customer: onRecord, directory }));
        if (expected !== verdict) added++;
        const actual = withOthersOnRecord(
          { verdict, entered, onRecord, verified, directory },
          { rules, policy: mergePolicy(policy), locale: item.locale, revealOtherCustomers: item.reveal },
        );
        expect(actual).toEqual(expected);
      }),
      { numRuns: 2000, seed: 12 },
    );
    // The cases that matter, where the record's check adds a finding, were among them.
    expect(added).toBeGreaterThan(100);
  });
});
