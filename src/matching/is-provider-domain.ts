import { defaultMailboxProviders, type MailboxProvider, twoLabelSuffixes } from './data/mailbox-providers.js';
import { countrySecondLevelSuffixes } from './data/public-suffixes.js';

/** Whether a domain (lower-case ASCII) is a mailbox provider's. */
export type ProviderDomainTest = (domain: string) => boolean;

/**
 * Builds a {@link ProviderDomainTest} for a provider table: a domain on the table, or a provider's
 * brand under another country's two-label public suffix (`yahoo.com.pe`, `hotmail.com.uy`:
 * publicsuffix.org) when the table has that brand under some country's two-label suffix
 * (`yahoo.com.au`). Gmail has no country domains, so `gmail.com.pe` is none.
 *
 * @example
 * ```ts
 * const isProviderDomain = createProviderDomainTest();
 * isProviderDomain('yahoo.com.pe'); // true
 * isProviderDomain('gmail.com.pe'); // false
 * ```
 */
export function createProviderDomainTest(
  providers: readonly MailboxProvider[] = defaultMailboxProviders,
): ProviderDomainTest {
  const domains = new Set<string>();
  const countryBrands = new Set<string>();
  for (const provider of providers)
    for (const domain of provider.domains) {
      const lower = domain.toLowerCase();
      domains.add(lower);
      const labels = lower.split('.');
      if (labels.length === 3 && isCountrySuffix(`${labels[1]}.${labels[2]}`))
        countryBrands.add(labels[0] as string);
    }
  return (domain) => {
    if (domains.has(domain)) return true;
    // Only a name of three labels can be a brand under a two-label suffix; most domains a check
    // sees have two, told without splitting the name.
    const first = domain.indexOf('.');
    const second = first < 0 ? -1 : domain.indexOf('.', first + 1);
    if (second < 0 || domain.indexOf('.', second + 1) >= 0) return false;
    return (
      countryBrands.has(domain.slice(0, first)) && countrySecondLevelSuffixes.has(domain.slice(first + 1))
    );
  };
}

function isCountrySuffix(suffix: string): boolean {
  return twoLabelSuffixes.has(suffix) || countrySecondLevelSuffixes.has(suffix);
}
