import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeEquivalence, indexMailboxRules, mailboxKey } from '../../src/address/mailbox-key.js';
import { parseAddress } from '../../src/address/parse-address.js';
import { parsed } from '../support/parsed.js';

describe('mailboxKey', () => {
  it('folds Gmail dots, +tags and googlemail.com into one mailbox', () => {
    expect(mailboxKey(parsed('Anna.Svensson+order@googlemail.com')).key).toBe('annasvensson@gmail.com');
    expect(mailboxKey(parsed('annasvensson@gmail.com')).key).toBe('annasvensson@gmail.com');
  });

  it('keeps dots significant at providers that do not ignore them', () => {
    expect(mailboxKey(parsed('anna.svensson@hotmail.se')).key).toBe('anna.svensson@hotmail.se');
    expect(mailboxKey(parsed('anna.svensson+kampanj@hotmail.se')).key).toBe('anna.svensson@hotmail.se');
  });

  it('does not strip a +tag at a domain without a known rule', () => {
    expect(mailboxKey(parsed('anna+order@foretaget.se')).key).toBe('anna+order@foretaget.se');
  });

  it('applies rules a caller adds for their own domain', () => {
    const rules = indexMailboxRules([{ domains: ['foretaget.se'], subaddressSeparator: '+' }]);
    expect(mailboxKey(parsed('anna+order@foretaget.se'), rules).key).toBe('anna@foretaget.se');
  });

  it('gives the same key when a key is keyed again', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9.+]{0,15}[A-Za-z0-9])?$/), (local) => {
        const first = parseAddress(`${local}@gmail.com`);
        fc.pre(first.ok);
        if (!first.ok) return;
        const key = mailboxKey(first.address).key;
        expect(mailboxKey(parsed(key)).key).toBe(key);
      }),
    );
  });
});

describe('describeEquivalence', () => {
  it('names every way two spellings of one mailbox differ', () => {
    expect(
      describeEquivalence(parsed(' Anna.Svensson+x@googlemail.com'), parsed('annasvensson@gmail.com')),
    ).toEqual(['whitespace', 'alias-domain', 'subaddress', 'dots', 'case']);
    expect(describeEquivalence(parsed('ANNA@example.se'), parsed('anna@example.se'))).toEqual(['case']);
  });
});

describe('mailboxKey across Unicode normalisation forms', () => {
  it('keys an NFD local part as its NFC form and names the difference (RFC 6532 §3.1)', () => {
    const composed = parseAddress('Åke.Öst@telia.com');
    const decomposed = parseAddress('Åke.Öst@telia.com'.normalize('NFD'));
    if (!composed.ok || !decomposed.ok) throw new Error('both parse');
    expect(mailboxKey(decomposed.address).key).toBe(mailboxKey(composed.address).key);
    expect(describeEquivalence(decomposed.address, composed.address)).toEqual(['unicode-normalization']);
  });
});

describe('mailboxKey of a quoted local part', () => {
  it('keys a quoted dot-atom as the same local part unquoted and names the quoting (RFC 5321 §4.1.2)', () => {
    const quoted = parsed('"Maria.Lund"@telia.com');
    const plain = parsed('maria.lund@telia.com');
    expect(mailboxKey(quoted).key).toBe(mailboxKey(plain).key);
    expect(describeEquivalence(quoted, plain)).toEqual(['quoted-local-part', 'case']);
    expect(mailboxKey(parsed('"ma\\ria"@telia.com')).key).toBe('maria@telia.com');
  });

  it('keeps the quotes where the local part needs them', () => {
    for (const address of [
      '"maria lund"@telia.com',
      '"maria..lund"@telia.com',
      '".maria"@telia.com',
      '""@telia.com',
    ])
      expect(mailboxKey(parsed(address)).local, address).toMatch(/^"/);
  });
});
