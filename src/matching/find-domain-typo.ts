import { displayDomain } from '../spelling/display-domain.js';
import { confusableSkeleton } from './confusable-skeleton.js';
import { ianaTopLevelDomains } from './data/iana-tlds.js';
import { defaultMailboxProviders, type MailboxProvider, twoLabelSuffixes } from './data/mailbox-providers.js';
import { countrySecondLevelSuffixes } from './data/public-suffixes.js';
import { editDistance } from './edit-distance.js';
import { explainEdits } from './explain-edits.js';
import { areKeyboardNeighbours } from './keyboard-neighbours.js';
import { soundKey, soundKeys, swedishEarKeys } from './sound-key.js';

/** A domain that is most likely a slip for another one. */
export interface DomainTypo {
  readonly domain: string;
  /** The one best correction; absent when candidates tie or none is known. */
  readonly suggestedDomain?: string;
  /** The equally likely corrections (empty for an unknown top-level domain with no near one). */
  readonly candidates: readonly string[];
  /**
   * `provider-name`: the name is a slip of a provider's (`gmial.com`); `provider-sound`: the name
   * is a provider's spelt as it is said (`dschimejl.com`, `jaahoo.se`); `top-level-domain`: the
   * ending is a slip (`gmail.con`, `gmail.se` for Gmail); `unknown-top-level-domain`: the ending is
   * no IANA top-level domain and nothing near it is either.
   */
  readonly reason: 'provider-name' | 'provider-sound' | 'top-level-domain' | 'unknown-top-level-domain';
}

/** Options of {@link findDomainTypo} and {@link createDomainTypoFinder}. */
export interface DomainTypoOptions {
  /** The provider table to judge against. @default defaultMailboxProviders */
  readonly providers?: readonly MailboxProvider[];
  /** Every valid top-level domain (lower-case ASCII). @default the IANA Root Zone Database */
  readonly topLevelDomains?: ReadonlySet<string>;
}

interface SplitDomain {
  readonly prefix: string;
  readonly name: string;
  readonly suffix: string;
}

interface ProviderDomain extends SplitDomain {
  readonly domain: string;
  readonly exclusive: boolean;
  /** The provider hands out mailboxes under this name in several countries (`yahoo.se`, `yahoo.dk`). */
  readonly countryBrand: boolean;
}

// The endings a mistyped ending is most often meant to be, in the order of how common they are in
// Swedish and European customer bases; an unknown ending is compared with these only.
const COMMON_SUFFIXES = [
  'com',
  'se',
  'net',
  'org',
  'nu',
  'eu',
  'dk',
  'no',
  'fi',
  'de',
  'uk',
  'co.uk',
  'nl',
  'fr',
  'it',
  'es',
  'be',
  'ch',
  'at',
  'pl',
  'is',
  'ee',
  'io',
  'me',
  'info',
  'biz',
];

// The endings of the home market that a salesperson adds by habit (Sweden's, and `.nu`, which
// Swedes use as theirs).
const LOCAL_SUFFIXES: ReadonlySet<string> = new Set(['se', 'nu']);
// The endings typed every day in a Swedish customer base: a brand's name one slip from one of them,
// under an ending where hardly anyone in a European customer base has mail (`hotmail.sr`,
// `hotmail.cm`: Suriname, Cameroon), is that ending mistyped.
const HOME_ENDINGS = ['se', 'com'];
// A name served under this many country endings is a brand that may have mail under any of them.
const COUNTRY_BRAND_ENDINGS = 2;
// Names shorter than this are too short to tell a slip from another real name (`gmx`, `web`, `me`).
const MIN_NAME_LENGTH = 5;
// Remember this many recent verdicts: customer bases repeat a few thousand domains endlessly.
const CACHE_SIZE = 4096;

/** A domain-typo finder bound to one provider table, with a cache of recent answers. */
export type DomainTypoFinder = (domain: string) => DomainTypo | undefined;

/**
 * Builds a {@link DomainTypoFinder} for a provider table: the table is indexed once and recent
 * answers are cached, which is what `createGuard` and `checkRecipient` use.
 *
 * @example
 * ```ts
 * const find = createDomainTypoFinder({});
 * find('gmial.com')?.suggestedDomain; // 'gmail.com'
 * find('hey.com');                    // undefined: a real provider is never corrected
 * ```
 */
export function createDomainTypoFinder(options: DomainTypoOptions = {}): DomainTypoFinder {
  const providers = options.providers ?? defaultMailboxProviders;
  const topLevelDomains = options.topLevelDomains ?? ianaTopLevelDomains;
  const known = new Set<string>();
  const providerDomains: ProviderDomain[] = [];
  const countryBrands = findCountryBrands(providers);
  for (const provider of providers) {
    const exclusiveNames = new Set(provider.exclusiveNames ?? []);
    for (const domain of provider.domains) {
      const lower = domain.toLowerCase();
      known.add(lower);
      const split = splitDomain(lower);
      providerDomains.push({
        ...split,
        domain: lower,
        exclusive: exclusiveNames.has(split.name),
        countryBrand: countryBrands.has(split.name),
      });
    }
  }
  const sounds = indexSounds(providerDomains);
  // The names the table has under a country's two-label ending (`yahoo` of `yahoo.com.au`).
  const twoLabelBrands = new Set(
    providerDomains.filter((provider) => provider.suffix.includes('.')).map((provider) => provider.name),
  );
  // Each provider domain written without its dots (`gmailcom`), for a dot left out or added.
  const withoutDots = new Map<string, string>();
  for (const domain of known) withoutDots.set(domain.replaceAll('.', ''), domain);
  const cache = new Map<string, DomainTypo | null>();

  return (domain) => {
    const cached = cache.get(domain);
    if (cached !== undefined) return cached ?? undefined;
    const answer = known.has(domain)
      ? undefined
      : (misplacedDots(domain, known, withoutDots) ??
        judge(domain, providerDomains, topLevelDomains, sounds, twoLabelBrands));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(domain, answer ?? null);
    return answer;
  };
}

/**
 * Whether a domain is a likely typo of a real mailbox provider or has a mistyped ending.
 * A provider on the table is never "corrected", nor is any domain whose name is not one slip away
 * from a provider's. Ties give candidates but no suggestion.
 *
 * @example
 * ```ts
 * findDomainTypo('gmail.con')?.suggestedDomain; // 'gmail.com'
 * findDomainTypo('abb.com');                    // undefined
 * ```
 */
export function findDomainTypo(domain: string, options: DomainTypoOptions = {}): DomainTypo | undefined {
  return (options.providers || options.topLevelDomains ? createDomainTypoFinder(options) : defaultFinder())(
    domain,
  );
}

let sharedFinder: DomainTypoFinder | undefined;
function defaultFinder(): DomainTypoFinder {
  sharedFinder ??= createDomainTypoFinder();
  return sharedFinder;
}

function judge(
  domain: string,
  providers: readonly ProviderDomain[],
  topLevelDomains: ReadonlySet<string>,
  sounds: SoundIndex,
  twoLabelBrands: ReadonlySet<string>,
): DomainTypo | undefined {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  const tldExists = topLevelDomains.has(tld);
  const entered = providerReading(splitDomain(domain), tldExists);

  // Score every provider domain this one could be a slip of; lower is likelier.
  let best = Number.POSITIVE_INFINITY;
  let bestDomains: string[] = [];
  let bestReason: DomainTypo['reason'] = 'provider-name';
  const consider = (candidate: string, score: number, reason: DomainTypo['reason']) => {
    if (score < best) {
      best = score;
      bestDomains = [candidate];
      bestReason = reason;
    } else if (score === best && !bestDomains.includes(candidate)) {
      bestDomains.push(candidate);
    }
  };

  // A provider's brand under another country's two-label public suffix (`yahoo.com.pe`,
  // `hotmail.com.uy`: publicsuffix.org) is that provider's domain in that country, though not on
  // the table; a slip in the brand there (`yahooo.com.pe`) is a slip of it. A brand counts when the
  // table has it under some country's two-label suffix (`yahoo.com.au`): Gmail has none.
  if (entered.prefix === '' && countrySecondLevelSuffixes.has(entered.suffix)) {
    if (twoLabelBrands.has(entered.name)) return undefined;
    for (const brand of twoLabelBrands)
      if (isNameSlip(entered.name, brand)) consider(`${brand}.${entered.suffix}`, 1, 'provider-name');
  }

  if (entered.prefix === '') {
    for (const provider of providers) {
      const nameSlip = isNameSlip(entered.name, provider.name);
      if (entered.suffix === provider.suffix) {
        if (nameSlip) consider(provider.domain, 1, 'provider-name');
        continue;
      }
      const sameName = entered.name === provider.name;
      if (!sameName && !nameSlip) continue;
      if (tldExists && sameName && provider.countryBrand) {
        // A brand with mail in many countries under a real public suffix is a real domain, however
        // near another country's ending (`yahoo.cz`, not `yahoo.ca`): only a slip of a home ending
        // is one, and the Swedish ending mixed up with the other (`.nu` for `.se`).
        if (provider.suffix === brandEndingMeant(entered.suffix))
          consider(provider.domain, 2, 'top-level-domain');
        continue;
      }
      const suffixDistance = slipCost(provider.suffix, entered.suffix);
      if (!tldExists && Number.isFinite(suffixDistance)) {
        // A mistyped ending (`gmail.con`), possibly with a slip in the name as well (`hotmial.con`).
        consider(
          provider.domain,
          suffixDistance + (sameName ? 0 : 1),
          sameName ? 'top-level-domain' : 'provider-name',
        );
      } else if (tldExists && sameName && provider.exclusive) {
        // `gmail.se` exists in DNS but is no Gmail mailbox: the ending is the slip.
        consider(provider.domain, 2 + Math.min(suffixDistance, 3), 'top-level-domain');
      } else if (tldExists && sameName && suffixDistance <= 1 && !COMMON_SUFFIXES.includes(entered.suffix)) {
        // `telia.cm`, `spray.sr`: a provider's name under a country ending one slip from the
        // provider's own, where hardly anyone in a European customer base has mail.
        consider(provider.domain, 2 + suffixDistance, 'top-level-domain');
      }
    }
  }
  if (entered.prefix === '' && !sounds.names.has(entered.name)) {
    // A provider's name spelt as it is said (`dschimejl`, `jaahoo`): one lookup of its sound key.
    // Ranked after a slip of the finger, and only under an ending the provider serves, one slip
    // from it, or the Swedish ending a salesperson adds to a provider that has none (`jimejl.se`,
    // as `gmail.se`): a name that merely sounds like Gmail's under another real ending
    // (`gimel.net`) is another domain.
    const heard = displayDomain(entered.name);
    let byEar = sounds.byKey.get(soundKey(heard));
    // Only where the name keys as no provider: read as a Swedish ear hears English (`hatmejl`).
    if (byEar === undefined) for (const key of swedishEarKeys(heard)) byEar ??= sounds.byKey.get(key);
    for (const provider of byEar ?? []) {
      if (entered.suffix === provider.suffix) consider(provider.domain, 1.5, 'provider-sound');
      else if (!tldExists) {
        const suffixDistance = slipCost(provider.suffix, entered.suffix);
        if (Number.isFinite(suffixDistance))
          consider(provider.domain, suffixDistance + 1.5, 'provider-sound');
      } else if (
        provider.exclusive &&
        LOCAL_SUFFIXES.has(entered.suffix) &&
        (!provider.countryBrand || provider.suffix === 'se')
      ) {
        consider(provider.domain, 4 + slipCost(provider.suffix, entered.suffix), 'provider-sound');
      }
    }
  }
  if (bestDomains.length > 0) return typo(domain, bestDomains, bestReason);

  if (tldExists) return undefined;
  // Not a provider: only the ending can be judged. Suggest the common ending one slip away.
  const ending = splitDomain(domain).suffix;
  const base = domain.slice(0, domain.length - ending.length);
  const endings = COMMON_SUFFIXES.filter((suffix) => editDistance(ending, suffix, { maxDistance: 1 }) <= 1);
  if (endings.length === 0) return { domain, candidates: [], reason: 'unknown-top-level-domain' };
  return typo(
    domain,
    endings.map((suffix) => base + suffix),
    'top-level-domain',
  );
}

/**
 * A provider domain with a dot out of place or a home ending added by habit: `gmail.com.se` and
 * `gmail.se.com` (`.se` or `.nu` added after or before the provider's ending), `gmailcom.se` (the
 * dot left out, then `.se` added), `g.mail.com` (a dot inside the name). Only the Swedish endings
 * count as added: `yahoo.com.au` or `hotmail.com.br` are another country's domains, not a habit.
 */
function misplacedDots(
  domain: string,
  known: ReadonlySet<string>,
  withoutDots: ReadonlyMap<string, string>,
): DomainTypo | undefined {
  const labels = domain.split('.');
  const last = labels[labels.length - 1] as string;
  if (labels.length >= 3 && LOCAL_SUFFIXES.has(last)) {
    const before = labels.slice(0, -1).join('.');
    if (known.has(before)) return typo(domain, [before], 'top-level-domain');
  }
  if (labels.length === 2 && LOCAL_SUFFIXES.has(last)) {
    const together = withoutDots.get(labels[0] as string);
    if (together !== undefined && together !== domain) return typo(domain, [together], 'top-level-domain');
  }
  if (labels.length >= 3 && LOCAL_SUFFIXES.has(labels[labels.length - 2] as string)) {
    const without = [...labels.slice(0, -2), last].join('.');
    if (known.has(without)) return typo(domain, [without], 'top-level-domain');
  }
  // One dot too many inside a provider's name (`g.mail.com`, `hot.mail.se`): the same letters.
  const together = withoutDots.get(labels.join(''));
  if (together !== undefined && together.split('.').length + 1 === labels.length) {
    const suffixAgrees = together.endsWith(`.${last}`);
    if (suffixAgrees) return typo(domain, [together], 'provider-name');
  }
  return undefined;
}

/**
 * The ending a brand's own ending was meant to be when a real one was typed: `.se` for the other
 * Swedish ending, a home ending for a rare ending one slip from it (`.cm`, `.co` for `.com`; `.sr`
 * for `.se`); any other real ending is the brand's in that country (`yahoo.cz`, `yahoo.ee`).
 */
function brandEndingMeant(typed: string): string | undefined {
  if (LOCAL_SUFFIXES.has(typed)) return 'se';
  if (COMMON_SUFFIXES.includes(typed)) return undefined;
  return HOME_ENDINGS.find((ending) => slipCost(ending, typed) <= 1);
}

/**
 * The provider names served under several country endings (`hotmail.se`, `hotmail.dk`): brands
 * that hand out mailboxes in more countries than any table lists (the public free-mail lists hold
 * yahoo.cz, outlook.jp, hotmail.co.in), so the name under another real public suffix is theirs.
 */
function findCountryBrands(providers: readonly MailboxProvider[]): ReadonlySet<string> {
  const countries = new Map<string, Set<string>>();
  for (const provider of providers) {
    for (const domain of provider.domains) {
      const { name, suffix } = splitDomain(domain.toLowerCase());
      const country = suffix.slice(suffix.lastIndexOf('.') + 1);
      // Two letters are a country code top-level domain (ISO 3166-1, as IANA assigns them).
      if (country.length !== 2) continue;
      countries.set(name, (countries.get(name) ?? new Set()).add(suffix));
    }
  }
  return new Set(
    [...countries].filter(([, suffixes]) => suffixes.size >= COUNTRY_BRAND_ENDINGS).map(([name]) => name),
  );
}

interface SoundIndex {
  /** Every provider name on the table: a real name, never read as another one spelt by ear. */
  readonly names: ReadonlySet<string>;
  /** Provider domains by the sound key of their name. */
  readonly byKey: ReadonlyMap<string, readonly ProviderDomain[]>;
}

/**
 * The sound key of every provider name long enough to tell by ear (as for slips), computed once
 * when the finder is built. A key two different names share is dropped: it cannot tell them apart.
 */
function indexSounds(providers: readonly ProviderDomain[]): SoundIndex {
  const names = new Set(providers.map((provider) => provider.name));
  const byKey = new Map<string, ProviderDomain[]>();
  const nameOfKey = new Map<string, string | null>();
  for (const provider of providers) {
    // A short name too, where it is said unlike it is spelt (`live` is "lajv"): no slip reaches it.
    if (provider.name.length < MIN_NAME_LENGTH && !soundKey(provider.name.replace(/ai/g, 'ej')).includes('Y'))
      continue;
    for (const key of soundKeys(provider.name)) {
      const other = nameOfKey.get(key);
      if (other === undefined) nameOfKey.set(key, provider.name);
      else if (other !== provider.name) nameOfKey.set(key, null);
      byKey.set(key, [...(byKey.get(key) ?? []), provider]);
    }
  }
  for (const [key, name] of nameOfKey) if (name === null) byKey.delete(key);
  return { names, byKey };
}

function typo(domain: string, candidates: string[], reason: DomainTypo['reason']): DomainTypo {
  return candidates.length === 1
    ? { domain, suggestedDomain: candidates[0] as string, candidates, reason }
    : { domain, candidates, reason };
}

/**
 * One slip of the finger turns `provider` into `entered`: a missing, extra or swapped character,
 * or a substituted one that sits beside the right key (`gnail`), for names long enough to tell.
 */
function isNameSlip(entered: string, provider: string): boolean {
  if (provider.length < MIN_NAME_LENGTH || entered === provider) return false;
  if (editDistance(entered, provider, { maxDistance: 1 }) !== 1) return false;
  const [edit] = explainEdits(provider, entered);
  if (edit?.kind !== 'substituted') return true;
  // A substitution in a short name is as often another word (`tella`, `email`) as a slip.
  return (
    provider.length >= 7 ||
    areKeyboardNeighbours(edit.character, edit.expected) ||
    isReadFor(edit.character, edit.expected)
  );
}

/**
 * Whether `typed` was typed for the letter `written` because the letter was read as it: their
 * skeletons agree in Unicode's confusables (UTS #39, {@link confusableSkeleton}), the typed
 * character's or its capital's, as a typed capital is folded to lower case. A lower-case l read as
 * a capital I (typed `i`) or as a digit one, a lower-case o as a zero: `gmaii`, `gmai1`, `yah0o`.
 * Only the typed character is read for the written one: a written i has its dot, so `tella` is no
 * misreading of `telia`.
 */
function isReadFor(typed: string, written: string): boolean {
  return (
    confusableSkeleton(typed).toLowerCase() === written ||
    confusableSkeleton(typed.toUpperCase()).toLowerCase() === written
  );
}

/**
 * How many slips turn `intended` into `typed`, where a substitution by a key that is not beside the
 * intended one counts double: `co` is likelier `com` (a missing m) than `no` or `ch`.
 */
function slipCost(intended: string, typed: string): number {
  if (editDistance(intended, typed, { maxDistance: 2 }) > 2) return Number.POSITIVE_INFINITY;
  let cost = 0;
  for (const edit of explainEdits(intended, typed)) {
    cost += edit.kind === 'substituted' && !areKeyboardNeighbours(edit.character, edit.expected) ? 2 : 1;
  }
  return cost;
}

/**
 * The split to compare with provider domains. A two-label public suffix with a slip in its country
 * label (`yahoo.com.aus`) is no suffix the table knows, so `com` would be read
 * as the name under a prefix; when the last label is no top-level domain and the name and the
 * label before it make three labels, those two are read as the ending, as the Public Suffix List
 * (publicsuffix.org) has `com.au` for the ending of `yahoo.com.au`.
 */
function providerReading(split: SplitDomain, tldExists: boolean): SplitDomain {
  if (tldExists || split.prefix === '' || split.prefix.includes('.')) return split;
  return { prefix: '', name: split.prefix, suffix: `${split.name}.${split.suffix}` };
}

function splitDomain(domain: string): SplitDomain {
  const labels = domain.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const suffixLabels =
    labels.length > 2 && (twoLabelSuffixes.has(lastTwo) || countrySecondLevelSuffixes.has(lastTwo)) ? 2 : 1;
  const suffix = labels.slice(-suffixLabels).join('.');
  const name = labels[labels.length - suffixLabels - 1] ?? '';
  const prefix = labels.slice(0, labels.length - suffixLabels - 1).join('.');
  return { prefix, name, suffix };
}
