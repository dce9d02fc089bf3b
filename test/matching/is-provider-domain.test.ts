import { describe, expect, it } from 'vitest';
import { createProviderDomainTest } from '../../src/matching/is-provider-domain.js';

describe('createProviderDomainTest', () => {
  it("counts a provider's brand under any country's two-label public suffix as the provider's", () => {
    const isProviderDomain = createProviderDomainTest();
    for (const domain of ['gmail.com', 'hotmail.com.ar', 'yahoo.com.pe', 'hotmail.com.uy', 'outlook.co.th'])
      expect(isProviderDomain(domain), domain).toBe(true);
    for (const domain of [
      'gmail.com.pe',
      'yahooo.com.pe',
      'interbank.com.pe',
      'yahoo.com.se',
      'foretaget.se',
    ])
      expect(isProviderDomain(domain), domain).toBe(false);
  });

  it('knows only the brands of the table it is given', () => {
    const isProviderDomain = createProviderDomainTest([{ name: 'Kundpost', domains: ['kundpost.com.au'] }]);
    expect(isProviderDomain('kundpost.com.pe')).toBe(true);
    expect(isProviderDomain('yahoo.com.pe')).toBe(false);
  });
});
