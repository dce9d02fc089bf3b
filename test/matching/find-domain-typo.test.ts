import tlds from 'tlds';
import { describe, expect, it } from 'vitest';
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

  it('keeps the top-level-domain table in step with the tlds package', () => {
    const fromPackage = new Set(tlds.map((tld) => new URL(`http://x.${tld}/`).hostname.slice(2)));
    expect([...ianaTopLevelDomains].sort()).toEqual([...fromPackage].sort());
  });
});
