import { describe, expect, it } from 'vitest';
import { readBreachDecisions } from '../../eval/read-breach-decisions.js';
import { authorities, breachDecisions } from '../../src/incident/index.js';

// The EDPB is no authority a breach is filed with, so the table of authorities leaves it out.
const boardSites: Readonly<Record<string, string>> = { EU: 'https://www.edpb.europa.eu' };

/** The host without `www.`, which most authorities serve the same site under. */
function siteHost(url: string): string {
  return new URL(url).host.replace(/^www\./, '');
}

/**
 * Whether `url` is on the site of an authority of `country`: its host or a part of it (UODO's public
 * information bulletin, bip.uodo.gov.pl), but not a version in another language under a two-letter
 * host (the ICO's Welsh site, cy.ico.org.uk, beside its English one).
 */
function onAuthoritySite(url: string, country: string): boolean {
  const sites = [
    ...authorities.flatMap((authority) =>
      authority.country === country && authority.website !== undefined ? [authority.website] : [],
    ),
    ...(boardSites[country] === undefined ? [] : [boardSites[country]]),
  ].map(siteHost);
  const host = siteHost(url);
  return sites.some(
    (site) =>
      host === site || (host.endsWith(`.${site}`) && !/^[a-z]{2}\./.test(host.slice(0, -site.length))),
  );
}

describe('links to an authority’s own documents', () => {
  it('lead to the site the table of authorities names for it, in its own language', () => {
    const corpus = readBreachDecisions().flatMap(({ decision }) =>
      decision === undefined ? [] : [decision],
    );
    expect(corpus.length).toBe(breachDecisions.length);
    for (const decision of [...corpus, ...breachDecisions]) {
      const own = (decision.sources ?? []).filter((source) => source.label === 'authority');
      for (const { url } of own)
        expect(onAuthoritySite(url, decision.country), `${decision.id}: ${url}`).toBe(true);
    }
  });

  it('give every authority’s website as the https address of its home page', () => {
    for (const authority of authorities)
      if (authority.website !== undefined) {
        const { protocol, origin } = new URL(authority.website);
        expect(protocol, authority.id).toBe('https:');
        expect(authority.website, authority.id).toBe(origin);
      }
  });
});
