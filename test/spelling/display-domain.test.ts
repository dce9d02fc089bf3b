import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayAddress, displayDomain } from '../../src/spelling/display-domain.js';
import { spellAddress } from '../../src/spelling/spell-address.js';
import { expectLinearGrowth } from '../support/growth.js';

/** The ASCII form a browser or Node gives a domain (UTS #46 through the WHATWG URL parser). */
function toAscii(domain: string): string {
  return new URL(`http://${domain}`).hostname;
}

describe('displayDomain', () => {
  it('shows a Punycode domain as the Unicode the customer typed', () => {
    expect(displayDomain('xn--keri-poa.se')).toBe('åkeri.se');
    expect(displayDomain('mail.xn--mnchen-3ya.de')).toBe('mail.münchen.de');
    expect(displayAddress('kund@xn--keri-poa.se')).toBe('kund@åkeri.se');
  });

  it('leaves ASCII domains and labels that are not valid Punycode as they are', () => {
    expect(displayDomain('gmail.com')).toBe('gmail.com');
    expect(displayDomain('xn--.se')).toBe('xn--.se');
    expect(displayDomain('xn--99999999999999.se')).toBe('xn--99999999999999.se');
  });

  it('undoes what the URL parser encodes, for any Unicode label', () => {
    const letters = fc.constantFrom(...'abcåäöüéøæßñçžšłıαβγдежあ中0123456789-');
    const label = fc
      .array(letters, { minLength: 1, maxLength: 20 })
      .map((characters) => characters.join(''))
      .filter(
        (text) => /^[^-].*[^-]$|^[^-]$/.test(text) && !text.startsWith('xn') && text.slice(2, 4) !== '--',
      );
    fc.assert(
      fc.property(label, (name) => {
        let ascii: string;
        try {
          ascii = toAscii(`${name}.se`);
        } catch {
          return; // not a valid domain under UTS #46
        }
        expect(toAscii(displayDomain(ascii))).toBe(ascii);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        displayDomain(`xn--${text}`);
        displayAddress(text);
      }),
    );
  });

  it('takes time in proportion to a long label, which it leaves as it is', async () => {
    const label = `xn--${'a'.repeat(70)}`;
    expect(displayDomain(`${label}.se`)).toBe(`${label}.se`);
    await expectLinearGrowth({
      n: 5_000,
      // Without a hyphen every character is an encoded one: one insertion each when decoded.
      make: (n) => `kund@xn--${'a'.repeat(n)}.se`,
      run: (address: string) => displayAddress(address),
      tries: 9,
    });
    await expectLinearGrowth({
      // Spoken, 5,000 characters take a fifth of a millisecond, too little to time against the
      // collection of its larger output; from 20,000 on the cost per character is steady.
      n: 20_000,
      make: (n) => `kund@xn--${'a'.repeat(n)}.se`,
      run: (address: string) => spellAddress(address),
      tries: 9,
    });
  });
});

describe('the shortcut for text without Punycode', () => {
  // Pieces of domains in every case, and letters that look like or fold to x and n elsewhere.
  const piece = fc.constantFrom(
    ...['xn--', 'XN--', 'Xn--', 'xN--', 'xn-', 'x', 'n', '-', '.', '@', 'keri-poa', 'mnchen-3ya', 'se'],
    ...['gmail', 'ſ', '\u212A', 'ｘ', 'ｎ', 'Ｘ', 'ñ', 'ẋ', 'å', 'A', 'é'],
  );
  const text = fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join(''));

  it('leaves a domain as displayDomain always did: unchanged when no label starts with xn-- in any case', () => {
    fc.assert(
      fc.property(text, (domain) => {
        if (!domain.toLowerCase().includes('xn--')) expect(displayDomain(domain)).toBe(domain);
      }),
      { numRuns: 5000 },
    );
  });

  it('shows an address as its local part, the @ and its domain shown', () => {
    fc.assert(
      fc.property(text, (address) => {
        const at = address.lastIndexOf('@');
        const parts = at < 0 ? address : `${address.slice(0, at + 1)}${displayDomain(address.slice(at + 1))}`;
        expect(displayAddress(address)).toBe(parts);
      }),
      { numRuns: 5000 },
    );
  });
});
