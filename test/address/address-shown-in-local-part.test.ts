import { describe, expect, it } from 'vitest';
import { addressShownInLocalPart } from '../../src/address/address-shown-in-local-part.js';
import { parseAddress } from '../../src/address/parse-address.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';

// What a recipient's mail client shows of a quoted local part is read as a person reads it: an @
// between two words is an address whatever follows it; with a blank beside it, as the spoken "at"
// and the forms an address is written in to hide it, only before a dotted name (`erik.lind
// @telia.com` is an address, `anna @home` is not); the full-width @ and the percent hack likewise.

describe('addressShownInLocalPart', () => {
  it.each([
    ['an @ before a name without a dot', '"erik@telia"', 'erik@telia'],
    ['an address with a blank after it', '"erik.lind@telia.com "', 'erik.lind@telia.com'],
    ['a full-width @ (U+FF20)', '"erik.lind\uff20telia.com"', 'erik.lind@telia.com'],
    ['a small @ (U+FE6B)', '"erik.lind\ufe6btelia.com"', 'erik.lind@telia.com'],
    ['(at) between the parts', '"erik (at) telia.com"', 'erik@telia.com'],
    ['[at] glued to the parts', '"erik[at]telia(dot)com"', 'erik@telia.com'],
    ['the spoken at', '"erik at telia.com"', 'erik@telia.com'],
    ['the Swedish snabel-a', '"erik snabel-a telia.se"', 'erik@telia.se'],
    ['the percent hack (RFC 1123 §5.2.16)', '"erik.lind%telia.com"', 'erik.lind%telia.com'],
    ['a quoted pair', '"erik.lind\\@telia.com"', 'erik.lind@telia.com'],
    ['an unquoted full-width @', 'erik.lind\uff20telia.com', 'erik.lind@telia.com'],
    ['the unquoted percent hack', 'erik.lind%telia.com', 'erik.lind%telia.com'],
    ['a blank before the @', '"erik.lind @telia.com"', 'erik.lind@telia.com'],
    ['a blank after the @', '"erik.lind@ telia.com"', 'erik.lind@telia.com'],
    ['a blank before a full-width @', '"erik.lind \uff20telia.com"', 'erik.lind@telia.com'],
    ['a blank before the @ and a dotted name after it', '"anna @home.se"', 'anna@home.se'],
    ['a blank on each side of the @', '"erik.lind @ telia.com"', 'erik.lind@telia.com'],
  ])('reads %s as an address', (_, local, shown) => {
    expect(addressShownInLocalPart(local)).toBe(shown);
  });

  it.each([
    ['a name', '"anna svensson"'],
    ['a word before at and no domain', '"anna at home"'],
    ['a percent sign with no domain after it', '"50%off"'],
    ['an @ with nothing before it', '"@telia.com"'],
    ['an @ with nothing after it', '"erik@"'],
    ['an unquoted local part', 'erik.lind'],
    ['an unquoted percent sign with no domain after it', '50%off'],
    // A blank beside the @ reads as the word "at" does: an address only before a dotted name.
    ['a blank before an @ and a name without a dot', '"anna @home"'],
    ['a blank after an @ and a name without a dot', '"anna@ home"'],
    ['a blank on each side of an @ and a name without a dot', '"anna @ home"'],
  ])('reads %s as no address', (_, local) => {
    expect(addressShownInLocalPart(local)).toBeUndefined();
  });

  it.each([
    '"erik@telia"@x.se',
    '"erik (at) telia.com"@x.se',
    '"erik.lind@telia.com "@x.se',
    '"erik.lind\uff20telia.com"@x.se',
    '"erik.lind%telia.com"@x.se',
    'erik.lind%telia.com@x.se',
    '"erik.lind @telia.com"@x.se',
    '"erik.lind@ telia.com"@x.se',
    '"erik.lind \uff20telia.com"@x.se',
  ])('makes parseAddress refuse %s as address-in-local-part', (entered) => {
    expect(parseAddress(entered)).toMatchObject({ ok: false, reason: 'address-in-local-part' });
  });

  it.each(['"anna @home"@x.se', '"anna@ home"@x.se', '"anna @ home"@x.se'])(
    'lets parseAddress take %s, which shows no address, as the quoted local part it is',
    (entered) => {
      expect(parseAddress(entered)).toMatchObject({ ok: true });
    },
  );

  it.each([
    ['en', 'This shows erik.lind%telia.com before the last @, but the mail would go to evil.com'],
    ['sv', 'Det här visar erik.lind%telia.com före sista snabel-a, men posten skulle gå till evil.com'],
  ] as const)(
    'tells where the mail goes of an unquoted one, without quotation marks to leave out (%s)',
    (locale, said) => {
      const verdict = checkRecipient(
        { entered: 'erik.lind%telia.com@evil.com', customer: { id: 'C-1', emails: ['anna@example.se'] } },
        { locale },
      );
      const invalid = verdict.findings.find((finding) => finding.code === 'invalid-address');
      expect(invalid).toMatchObject({
        reason: 'address-in-local-part',
        shown: 'erik.lind%telia.com',
        domain: 'evil.com',
      });
      expect(invalid?.message).toContain(said);
      expect(verdict.action).toBe('block');
    },
  );
});
