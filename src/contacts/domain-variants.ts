import { displayDomain } from '../spelling/display-domain.js';

/**
 * The strings under which a domain is filed to find the domains one slip from it: the domain as a
 * person reads it (Unicode, so one slip in `åkeri.se` is one character, not much of its Punycode
 * form `xn--keri-poa.se`) and the domain with each one character deleted. Two domains one
 * insertion, deletion, substitution or adjacent swap apart share at least one of these (symmetric
 * deletion, Garbe, "SymSpell", 2012), as `mailboxVariants` does for local parts.
 *
 * @example
 * ```ts
 * domainVariants('outlook.se'); // ['outlook.se', 'utlook.se', 'otlook.se', 'oulook.se', 'outook.se', 'outlok.se', ...]
 * domainVariants('outlok.se').includes('outlok.se'); // true: shared with outlook.se
 * ```
 */
export function domainVariants(domain: string): string[] {
  const shown = displayDomain(domain);
  const variants = new Set([shown]);
  for (let i = 0; i < shown.length; i++) {
    // Deleting any character of a run of equal ones gives the same string: the first stands for all.
    if (i > 0 && shown[i] === shown[i - 1]) continue;
    variants.add(`${shown.slice(0, i)}${shown.slice(i + 1)}`);
  }
  return [...variants];
}
