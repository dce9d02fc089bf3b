import { composedForm } from './composed-form.js';
import { defaultMailboxRules, type MailboxRule } from './mailbox-rules.js';
import { unquotedLocalPart } from './normalized-address.js';
import type { ParsedAddress } from './parse-address.js';

/** Why two different spellings reach the same mailbox. */
export type MailboxEquivalence =
  | 'whitespace'
  | 'case'
  | 'dots'
  | 'subaddress'
  | 'alias-domain'
  | 'unicode-normalization'
  | 'quoted-local-part';

// RFC 6532 §3.1 (with RFC 5198): internationalised addresses are compared in Unicode Normalization
// Form C, so `å` typed as `a` + U+030A (NFD) is the same local part as the one character `å`.

/** A compiled lookup from domain to rule, built once per rule table. */
export type MailboxRuleIndex = ReadonlyMap<string, MailboxRule>;

const indexCache = new WeakMap<readonly MailboxRule[], MailboxRuleIndex>();

/**
 * Builds (and caches per table) the domain lookup for a rule table, for {@link mailboxKey}.
 *
 * @example
 * ```ts
 * const rules = indexMailboxRules([...defaultMailboxRules, { domains: ['foretaget.se'], subaddressSeparator: '+' }]);
 * const parsed = parseAddress('anna+kampanj@foretaget.se');
 * if (parsed.ok) mailboxKey(parsed.address, rules).key; // 'anna@foretaget.se'
 * ```
 */
export function indexMailboxRules(rules: readonly MailboxRule[] = defaultMailboxRules): MailboxRuleIndex {
  let index = indexCache.get(rules);
  if (!index) {
    const map = new Map<string, MailboxRule>();
    for (const rule of rules) for (const domain of rule.domains) map.set(domain.toLowerCase(), rule);
    index = map;
    indexCache.set(rules, index);
  }
  return index;
}

/** The parts of a mailbox key: a canonical local part and domain. */
export interface MailboxKey {
  readonly local: string;
  readonly domain: string;
  /** `local@domain`: two addresses with the same key reach the same mailbox. */
  readonly key: string;
}

/**
 * The key under which an address's mailbox is known: case folded, and the provider's own rules
 * (dots, sub-address tags, alias domains) applied.
 *
 * @example
 * ```ts
 * const parsed = parseAddress('Anna.Svensson+order@googlemail.com');
 * if (parsed.ok) mailboxKey(parsed.address).key; // 'annasvensson@gmail.com'
 * ```
 */
export function mailboxKey(
  address: ParsedAddress,
  rules: MailboxRuleIndex = indexMailboxRules(),
): MailboxKey {
  const rule = rules.get(address.domain);
  let local = composedForm(unquotedLocalPart(address.local).toLowerCase());
  let domain = address.domain;
  if (rule) {
    if (rule.subaddressSeparator) {
      const tagStart = local.indexOf(rule.subaddressSeparator);
      if (tagStart > 0) local = local.slice(0, tagStart);
    }
    if (rule.ignoreDots) local = local.replaceAll('.', '');
    if (rule.canonicalDomain) domain = rule.canonicalDomain;
  }
  return { local, domain, key: `${local}@${domain}` };
}

/**
 * Lists the ways two addresses with the same mailbox key differ, for a finding's evidence.
 * Empty when they are identical as typed.
 *
 * @example
 * ```ts
 * const a = parseAddress(' Anna.Svensson@googlemail.com');
 * const b = parseAddress('annasvensson@gmail.com');
 * if (a.ok && b.ok) describeEquivalence(a.address, b.address); // ['whitespace', 'alias-domain', 'dots', 'case']
 * ```
 */
export function describeEquivalence(
  entered: ParsedAddress,
  known: ParsedAddress,
  rules: MailboxRuleIndex = indexMailboxRules(),
): MailboxEquivalence[] {
  const reasons: MailboxEquivalence[] = [];
  if (entered.trimmed) reasons.push('whitespace');
  if (entered.domain !== known.domain) reasons.push('alias-domain');
  const enteredText = unquotedLocalPart(entered.local);
  const knownText = unquotedLocalPart(known.local);
  const enteredLocal = composedForm(enteredText);
  const knownLocal = composedForm(knownText);
  if ((enteredLocal !== enteredText) !== (knownLocal !== knownText)) reasons.push('unicode-normalization');
  if ((enteredText !== entered.local) !== (knownText !== known.local)) reasons.push('quoted-local-part');
  const separator = rules.get(entered.domain)?.subaddressSeparator;
  const [enteredBase, enteredTag] = splitSubaddress(enteredLocal, separator);
  const [knownBase, knownTag] = splitSubaddress(knownLocal, separator);
  if (enteredTag.toLowerCase() !== knownTag.toLowerCase()) reasons.push('subaddress');
  // The keys are equal, so bases that still differ once case is folded differ only in dots.
  if (enteredBase.toLowerCase() !== knownBase.toLowerCase()) reasons.push('dots');
  if (enteredBase.replaceAll('.', '') !== knownBase.replaceAll('.', '') || enteredTag !== knownTag) {
    if (enteredLocal.toLowerCase() !== enteredLocal || knownLocal.toLowerCase() !== knownLocal)
      reasons.push('case');
  }
  return reasons;
}

function splitSubaddress(local: string, separator: string | undefined): [string, string] {
  const at = separator ? local.indexOf(separator) : -1;
  return at > 0 ? [local.slice(0, at), local.slice(at)] : [local, ''];
}
