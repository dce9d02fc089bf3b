import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexMailboxRules, mailboxKey } from '../../src/address/mailbox-key.js';
import { defaultMailboxRules } from '../../src/address/mailbox-rules.js';
import { parseAddress } from '../../src/address/parse-address.js';
import { mailboxVariants } from '../../src/contacts/mailbox-variants.js';
import { copyLine } from '../../src/postgres/copy-line.js';
import { variantCopyChunks } from '../../src/postgres/variant-copy-chunks.js';

const rules = indexMailboxRules(defaultMailboxRules);

/** The customer's index rows as `copyLine` writes each: its addresses' variants, each once. */
function expectedLines(id: string, emails: readonly string[]): string[] {
  const variants = new Set(emails.flatMap((email) => mailboxVariants(email)));
  return [...variants].map((variant) => copyLine([variant, id])).sort();
}

function writtenLines(customers: readonly { id: string; emails: readonly string[] }[]): string[][] {
  const batch = customers.map(({ id, emails }) => ({
    id,
    keys: emails.flatMap((email) => {
      const parsed = parseAddress(email);
      return parsed.ok ? [mailboxKey(parsed.address, rules)] : [];
    }),
  }));
  const text = Buffer.concat([...variantCopyChunks(batch)]).toString('utf8');
  // The only unescaped tab of a line is the one between its two fields.
  const byField = new Map<string, string[]>(customers.map(({ id }) => [copyLine([id]), []]));
  for (const line of text.split(/(?<=\n)/).filter(Boolean)) {
    const lines = byField.get(line.slice(line.indexOf('\t') + 1));
    if (lines === undefined) throw new Error(`a line of no customer: ${JSON.stringify(line)}`);
    lines.push(line);
  }
  return customers.map(({ id }) => (byField.get(copyLine([id])) ?? []).sort());
}

describe('variantCopyChunks', () => {
  it('writes each address key and each one-character deletion of its local part once per customer, escaped as COPY reads it', () => {
    const customers = [
      { id: 'C-1', emails: ['anna.svensson@gmail.com'] },
      // Variants shared by two addresses of one customer are one row.
      { id: 'C-2', emails: ['anna@bergbygg.se', 'annas@bergbygg.se', 'Anna@BergBygg.se'] },
      // Non-ASCII local part and domain, a quoted local part with a backslash, a tab in the id.
      { id: 'C-\t3\\', emails: ['åsa.öberg@exempel.se', '"anna\\\\x"@example.se', 'not an address'] },
      { id: 'C-4', emails: [] },
    ];
    const written = writtenLines(customers);
    customers.forEach(({ id, emails }, index) => {
      expect(written[index]).toEqual(expectedLines(id, emails));
    });
  });

  it('writes the same rows as copyLine for any addresses, over many chunks', () => {
    const local = fc.stringMatching(/^[a-zA-Z0-9._+åäöé-]{1,40}$/);
    const customer = fc.record({
      id: fc.string({ minLength: 1, maxLength: 12 }).filter((id) => !id.includes('\u0000')),
      emails: fc.array(
        fc
          .tuple(local, fc.constantFrom('gmail.com', 'hotmail.se', 'åkeri.se', 'x.example'))
          .map(([l, d]) => `${l}@${d}`),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(customer, { selector: (c) => c.id, maxLength: 400 }), (customers) => {
        const written = writtenLines(customers);
        customers.forEach(({ id, emails }, index) => {
          expect(written[index]).toEqual(expectedLines(id, emails));
        });
      }),
      { numRuns: 40 },
    );
  });
});
