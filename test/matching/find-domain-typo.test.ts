import tlds from 'tlds';
import { describe, expect, it } from 'vitest';
import { confusableSkeleton } from '../../src/matching/confusable-skeleton.js';
import { ianaTopLevelDomains } from '../../src/matching/data/iana-tlds.js';
import { defaultMailboxProviders } from '../../src/matching/data/mailbox-providers.js';
import { createDomainTypoFinder, findDomainTypo } from '../../src/matching/find-domain-typo.js';

describe('findDomainTypo', () => {
  it.each([
    ['gmial.com', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['gmai.com', 'gmail.com'],
    ['gnail.com', 'gmail.com'],
    ['gmail.co', 'gmail.com'],
    ['gmail.se', 'gmail.com'],
    ['hotmial.se', 'hotmail.se'],
    ['hotmail.co', 'hotmail.com'],
    ['hotmial.con', 'hotmail.com'],
    ['outlok.com', 'outlook.com'],
    ['yahooo.se', 'yahoo.se'],
    ['icloud.se', 'icloud.com'],
    ['comhen.se', 'comhem.se'],
    ['bahnhoff.se', 'bahnhof.se'],
    ['telia.cmo', 'telia.com'],
    ['volvocars.cmo', 'volvocars.com'],
  ])('corrects %s to %s', (typed, corrected) => {
    expect(findDomainTypo(typed)?.suggestedDomain).toBe(corrected);
  });

  it.each([
    'hey.com',
    'pm.me',
    'proton.me',
    'gmx.de',
    'web.de',
    'mac.com',
    'me.com',
    'hotmail.dk',
    'yahoo.co.uk',
    'abb.com',
    'mail.com',
    'email.com',
    'ymail.com',
    'live.se',
    'telia.com',
    'spray.se',
    'ikea.com',
    'kth.se',
    'hotmart.com',
    'telia.dk',
    'ica.se',
    'scania.com',
    'lansforsakringar.se',
  ])('never corrects the real domain %s', (domain) => {
    expect(findDomainTypo(domain)).toBeUndefined();
  });

  it.each(['tella.com', 'liwe.se'])(
    'does not take %s for a slip: the changed key is nowhere near the right one',
    (domain) => {
      expect(findDomainTypo(domain)).toBeUndefined();
    },
  );

  it('never corrects a domain of the provider table', () => {
    for (const provider of defaultMailboxProviders) {
      for (const domain of provider.domains) expect(findDomainTypo(domain), domain).toBeUndefined();
    }
  });

  it("reads a provider's country domain under a two-label public suffix as real, and a slip of it as a typo of it", () => {
    // com.au, com.br, co.uk are public suffixes (publicsuffix.org): yahoo.com.au is Yahoo's own
    // domain in Australia, not `yahoo` under an ending `com.au` one slip from nothing.
    for (const domain of ['yahoo.com.au', 'hotmail.com.br', 'yahoo.co.jp', 'live.com.mx', 'outlook.com.ar'])
      expect(findDomainTypo(domain), domain).toBeUndefined();
    expect(findDomainTypo('yahooo.com.au')).toMatchObject({
      suggestedDomain: 'yahoo.com.au',
      reason: 'provider-name',
    });
    expect(findDomainTypo('hotmial.com.br')?.suggestedDomain).toBe('hotmail.com.br');
    expect(findDomainTypo('yahoo.com.aus')?.suggestedDomain).toBe('yahoo.com.au');
    // Gmail has no country domains: `gmail.co.uk` is still Gmail's with an ending added.
    expect(findDomainTypo('gmail.co.uk')?.suggestedDomain).toBe('gmail.com');
  });

  it("reads a provider's brand under any country's two-label public suffix as real, and a slip of it as a typo of it", () => {
    // Not on the provider table, but com.pe, com.uy, co.th are public suffixes (publicsuffix.org)
    // and Yahoo, Hotmail and Outlook hand out mailboxes under many countries' endings.
    for (const domain of [
      'yahoo.com.pe',
      'hotmail.com.uy',
      'outlook.com.pe',
      'yahoo.co.th',
      'hotmail.com.tw',
    ])
      expect(findDomainTypo(domain), domain).toBeUndefined();
    expect(findDomainTypo('yahooo.com.pe')).toMatchObject({
      suggestedDomain: 'yahoo.com.pe',
      reason: 'provider-name',
    });
    expect(findDomainTypo('hotmial.com.uy')?.suggestedDomain).toBe('hotmail.com.uy');
    expect(findDomainTypo('outlok.co.th')?.suggestedDomain).toBe('outlook.co.th');
    // Gmail has no country domains anywhere.
    expect(findDomainTypo('gmail.com.pe')?.suggestedDomain).toBe('gmail.com');
    // Another name under such an ending is nobody's slip.
    expect(findDomainTypo('interbank.com.pe')).toBeUndefined();
  });

  it.each([
    'yahoo.cz',
    'yahoo.in',
    'yahoo.fi',
    'yahoo.ro',
    'yahoo.hu',
    'yahoo.nl',
    'yahoo.sk',
    'yahoo.co.za',
    'outlook.in',
    'outlook.jp',
    'outlook.at',
    'outlook.ca',
    'hotmail.co.in',
    'live.cz',
    'yahoo.ee',
  ])("never moves %s, a provider's brand under another real public suffix, to another country", (domain) => {
    // Yahoo, Outlook, Hotmail and Live hand out mailboxes in dozens of countries, more than any
    // table lists (yahoo.cz, outlook.jp and hotmail.co.in are in the public free-mail lists).
    expect(findDomainTypo(domain)).toBeUndefined();
  });

  it.each([
    ['yahoo.nu', 'yahoo.se'],
    ['hotmail.nu', 'hotmail.se'],
    ['outlook.nu', 'outlook.se'],
    ['hotmail.cm', 'hotmail.com'],
    ['yahoo.om', 'yahoo.com'],
    ['hotmail.sr', 'hotmail.se'],
  ])('reads %s as the Swedish or .com ending mistyped: %s', (typed, corrected) => {
    expect(findDomainTypo(typed)).toMatchObject({
      suggestedDomain: corrected,
      candidates: [corrected],
      reason: 'top-level-domain',
    });
  });

  it('offers candidates but no suggestion when two corrections are equally likely', () => {
    const typo = createDomainTypoFinder({
      providers: [
        { name: 'A', domains: ['postlada.se'] },
        { name: 'B', domains: ['postlana.se'] },
      ],
    })('postlafa.se');
    expect(typo?.suggestedDomain).toBeUndefined();
    expect(typo?.candidates).toEqual(['postlada.se', 'postlana.se']);
  });

  it('reports an ending that is no top-level domain even with nothing to suggest', () => {
    expect(findDomainTypo('foretaget.xqzw')).toEqual({
      domain: 'foretaget.xqzw',
      candidates: [],
      reason: 'unknown-top-level-domain',
    });
  });

  describe('letters read for others in a provider name', () => {
    it.each([
      ['gmaii.com', 'gmail.com'],
      ['gmai1.com', 'gmail.com'],
      ['te1ia.se', 'telia.se'],
      ['te1ia.com', 'telia.com'],
      ['yah0o.com', 'yahoo.com'],
    ])('corrects %s, an l read as a capital I or a 1 (or an o as a 0), to %s', (typed, corrected) => {
      const typo = findDomainTypo(typed);
      expect(typo?.suggestedDomain).toBe(corrected);
      expect(typo?.reason).toBe('provider-name');
    });

    it('does not read an l typed for an i as a look-alike: a written i has its dot', () => {
      expect(findDomainTypo('tella.com')).toBeUndefined();
    });

    it('reads a character for a letter exactly when the confusables skeleton (UTS #39) does', () => {
      // Every printable ASCII character typed for each letter of a short name: the skeleton's
      // look-alikes of a letter (its capital's too, as a typed capital is folded) are read for it.
      const name = 'telia';
      for (let code = 0x21; code < 0x7f; code++) {
        const typed = String.fromCharCode(code).toLowerCase();
        for (let at = 0; at < name.length; at++) {
          const written = name[at] as string;
          if (typed === written) continue;
          const looksAlike = [typed, typed.toUpperCase()].some(
            (form) => confusableSkeleton(form).toLowerCase() === written,
          );
          if (!looksAlike) continue;
          const domain = `${name.slice(0, at)}${typed}${name.slice(at + 1)}.se`;
          expect(findDomainTypo(domain)?.suggestedDomain, domain).toBe('telia.se');
        }
      }
      expect(findDomainTypo('te|ia.se')?.suggestedDomain).toBe('telia.se');
    });
  });

  describe('a dot left out or an ending added to a provider domain', () => {
    it.each([
      ['gmail.com.se', 'gmail.com'],
      ['gmail.se.com', 'gmail.com'],
      ['gmailcom.se', 'gmail.com'],
      ['telia.com.se', 'telia.com'],
      ['hotmail.se.nu', 'hotmail.se'],
      ['g.mail.com', 'gmail.com'],
    ])('corrects %s to the provider domain %s', (typed, corrected) => {
      expect(findDomainTypo(typed)?.suggestedDomain).toBe(corrected);
    });

    it.each(['mail.telia.com', 'gmail.foretaget.se', 'telia.se', 'telia.nu', 'se.com'])(
      'leaves %s alone: no home ending added, no dot out of place',
      (domain) => {
        expect(findDomainTypo(domain)).toBeUndefined();
      },
    );
  });

  describe('provider names spelled by ear', () => {
    it.each([
      ['dschimejl.com', 'gmail.com'],
      ['jimejl.com', 'gmail.com'],
      ['gmejl.com', 'gmail.com'],
      ['jaahoo.se', 'yahoo.se'],
      ['jahu.com', 'yahoo.com'],
      ['kommhemm.se', 'comhem.se'],
      ['aicloud.com', 'icloud.com'],
      ['ajkloud.com', 'icloud.com'],
      ['houtmejl.com', 'hotmail.com'],
      ['hotmejl.com', 'hotmail.com'],
      ['hotmejl.se', 'hotmail.se'],
      ['outluk.com', 'outlook.com'],
      ['autluk.se', 'outlook.se'],
      ['baanhof.se', 'bahnhof.se'],
      ['protonmejl.com', 'protonmail.com'],
    ])('corrects %s, spelt as it sounds, to %s', (typed, corrected) => {
      expect(findDomainTypo(typed)?.suggestedDomain).toBe(corrected);
    });

    it("says the name is spelt as it sounds where it is more than one slip from the provider's", () => {
      expect(findDomainTypo('dschimejl.com')?.reason).toBe('provider-sound');
      expect(findDomainTypo('kommhemm.se')?.reason).toBe('provider-sound');
      // One letter added: a slip, whatever it sounds like.
      expect(findDomainTypo('aicloud.com')?.reason).toBe('provider-name');
    });

    it('corrects the name only under an ending the provider serves, one slip from it, or .se', () => {
      expect(findDomainTypo('dschimejl.cmo')?.suggestedDomain).toBe('gmail.com');
      // Gmail has no Swedish domain: `.se` is the habit of the one typing, as in `gmail.se`.
      expect(findDomainTypo('jimejl.se')?.suggestedDomain).toBe('gmail.com');
      expect(findDomainTypo('ajkloud.se')?.suggestedDomain).toBe('icloud.com');
      // gimel.net is a real domain: Gmail's name alone does not make every ending a slip.
      expect(findDomainTypo('gimel.net')).toBeUndefined();
      expect(findDomainTypo('kommhemm.com')).toBeUndefined();
    });

    it('reads an a for the o of an English name in a name written the Swedish way, as a Swedish ear hears it', () => {
      // "Hotmail" said the American way is "haht-mail": written by ear in Swedish, `hatmejl`.
      expect(findDomainTypo('hatmejl.com')?.suggestedDomain).toBe('hotmail.com');
      expect(findDomainTypo('hatmejl.com')?.reason).toBe('provider-sound');
      expect(findDomainTypo('hatmäjl.se')?.suggestedDomain).toBe('hotmail.se');
      // Written the English way, `hatmail` is the words "hat mail", not Hotmail heard.
      expect(findDomainTypo('hatmail.com')?.reason).not.toBe('provider-sound');
      // A Swedish name holds its own a: Com Hem is said with a Swedish o.
      expect(findDomainTypo('kamhem.se')).toBeUndefined();
    });

    it('prefers one slip of the finger to a name that only sounds alike', () => {
      expect(findDomainTypo('gmial.com')?.reason).toBe('provider-name');
    });

    it.each([
      'jamal.se',
      'tele.se',
      'telje.se',
      'hotmart.com',
      'ikea.com',
      'ica.se',
      'email.com',
      'mail.com',
      'gmx.com',
      'live.com',
      'yahoo.co.uk',
      'hotmail.se',
      'telia.se',
      'kommhemm.com',
      'ymail.fr',
      'onet.pl',
    ])('does not take %s for a provider spelt by ear', (domain) => {
      expect(findDomainTypo(domain)?.reason).not.toBe('provider-sound');
    });

    it("keys the names of a caller's own provider table too, and reads a Unicode name as typed", () => {
      const find = createDomainTypoFinder({
        providers: [...defaultMailboxProviders, { name: 'Kundpost', domains: ['kundposten.se'] }],
      });
      expect(find('kundpoustenn.se')?.suggestedDomain).toBe('kundposten.se');
      expect(find(new URL('http://håtmejl.com/').hostname)?.suggestedDomain).toBe('hotmail.com');
    });
  });

  it('keeps the top-level-domain table in step with the tlds package', () => {
    const fromPackage = new Set(tlds.map((tld) => new URL(`http://x.${tld}/`).hostname.slice(2)));
    expect([...ianaTopLevelDomains].sort()).toEqual([...fromPackage].sort());
  });
});
