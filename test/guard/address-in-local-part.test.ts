import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/address/parse-address.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { find } from '../support/verdict-findings.js';

const anna = { id: 'C-1001', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] };
const erik = { id: 'C-1002', name: 'Erik Lind', emails: ['erik.lind@telia.com'] };

// A mail client shows `"erik.lind@telia.com"@evil.com` as it is: it reads as erik's address, yet
// the mail goes to evil.com (RFC 5322 §3.4.1: the domain is the part after the last @).
describe('a quoted local part that shows an address', () => {
  it.each([
    ["the customer's own address", '"erik.lind@telia.com"@evil.com', erik],
    ["another customer's address", '"erik.lind@telia.com"@evil.com', anna],
    ['any address', '"maria.lund79@outlook.com"@evil.com', anna],
    [
      "the customer's own address at a look-alike domain",
      '"anna.svensson1985@gmail.com"@gmail.com.evil.com',
      anna,
    ],
  ])('blocks %s', (_, entered, customer) => {
    const verdict = checkRecipient({ entered, customer });
    expect(verdict.action).toBe('block');
    const invalid = find(verdict, 'invalid-address');
    expect(invalid.reason).toBe('address-in-local-part');
    expect(invalid.action).toBe('block');
    expect(verdict.address).toBeUndefined();
    expect(verdict.suggestion).toBeUndefined();
  });

  it('tells the salesperson which address it shows and where the mail would go', () => {
    const verdict = checkRecipient({ entered: '"erik.lind@telia.com"@evil.com', customer: erik });
    const invalid = find(verdict, 'invalid-address');
    expect(invalid.shown).toBe('erik.lind@telia.com');
    expect(invalid.domain).toBe('evil.com');
    expect(invalid.message).toBe(
      'This shows erik.lind@telia.com in quotation marks, but the mail would go to evil.com, the part after the last @: type the address without quotation marks.',
    );
  });

  it('says it in Swedish', () => {
    const verdict = checkRecipient(
      { entered: '"erik.lind@telia.com"@evil.com', customer: erik },
      { locale: 'sv' },
    );
    expect(find(verdict, 'invalid-address').message).toBe(
      'Det här visar erik.lind@telia.com inom citattecken, men posten skulle gå till evil.com, delen efter sista snabel-a: skriv adressen utan citattecken.',
    );
  });

  it('reads the address through quoted pairs (RFC 5322 §3.2.4)', () => {
    const result = parseAddress('"erik.lind\\@telia.com"@evil.com');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('address-in-local-part');
  });

  it('still accepts a quoted local part that shows no address', () => {
    expect(parseAddress('"anna svensson"@example.se').ok).toBe(true);
    expect(checkRecipient({ entered: '"anna svensson"@example.se', customer: anna }).action).not.toBe(
      'block',
    );
  });
});
