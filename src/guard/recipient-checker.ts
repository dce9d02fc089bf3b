import { addressShownInLocalPart } from '../address/address-shown-in-local-part.js';
import { composedForm } from '../address/composed-form.js';
import { describeEquivalence, indexMailboxRules, mailboxKey } from '../address/mailbox-key.js';
import { normalizedAddress } from '../address/normalized-address.js';
import {
  type InvalidAddressReason,
  type ParseAddressResult,
  type ParsedAddress,
  parseAddress,
} from '../address/parse-address.js';
import type { Directory } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { findAddressUnchecked } from '../contacts/find-address-unchecked.js';
import { defaultDisposableDomains } from '../matching/data/disposable-domains.js';
import { defaultFirstNames } from '../matching/data/first-names.js';
import { defaultMailboxProviders } from '../matching/data/mailbox-providers.js';
import { defaultRoleLocalParts } from '../matching/data/role-local-parts.js';
import { editDistance } from '../matching/edit-distance.js';
import { type Edit, explainEdits } from '../matching/explain-edits.js';
import { findConfusables } from '../matching/find-confusables.js';
import { createDomainTypoFinder } from '../matching/find-domain-typo.js';
import { findNameChange } from '../matching/find-name-change.js';
import { findNumberMismatches, longestNumberWithin } from '../matching/find-number-mismatches.js';
import { findOtherFirstName } from '../matching/find-other-first-name.js';
import { isCenturyRewrite } from '../matching/is-century-rewrite.js';
import { isEndingSlip } from '../matching/is-ending-slip.js';
import { isPossibleTypo } from '../matching/is-possible-typo.js';
import { createProviderDomainTest } from '../matching/is-provider-domain.js';
import { transliterationDistance } from '../matching/transliteration-distance.js';
import { displayAddress, displayDomain } from '../spelling/display-domain.js';
import { spellAddress } from '../spelling/spell-address.js';
import { addressHeldIn } from './address-held-in.js';
import { boundKnownFindings } from './bound-known-findings.js';
import type { CheckOptions } from './check-options.js';
import { createCustomerFacts, type KnownAddress } from './create-customer-facts.js';
import { directoryFindings } from './directory-findings.js';
import { fitsCheckOptions } from './fits-check-options.js';
import { fitsCheckRecipientInput } from './fits-check-recipient-input.js';
import { type FindingFacts, messageFor } from './messages.js';
import { parseCheckInput, parseCheckOptions } from './parse-check-input.js';
import { byActionSeverity, findingSeverity, mergePolicy, moreSevere } from './policy.js';
import { isPrefetched } from './prefetched-directory.js';
import type { Action, Finding, FindingEvidence, Verdict } from './verdict.js';
import { withoutCorrectionNamed } from './without-correction-named.js';

/** What `checkRecipient` takes (see `CheckRecipientInputSchema`). */

/** How an entered domain stands to a known one: the same name with a slip in its ending, another slip, or none. */
type DomainSlip = 0 | 1 | 2;
const NO_SLIP = 0;
const ENDING_SLIP = 1;
const OTHER_SLIP = 2;
/** Entered domains remembered with their answers: a day of orders rarely has more. */
const DOMAIN_SLIP_CACHE_SIZE = 4096;

export interface CheckRecipientInput {
  readonly entered: string;
  readonly customer: Customer;
  /** Every customer's contacts (`createDirectory`): adds `belongs-to-other-customer` and `near-miss-other-customer`. */
  readonly directory?: Directory;
}

/**
 * What `"erik.lind@telia.com"@evil.com` shows and where its mail goes: the address in its quoted
 * local part, and the domain after its last @ as typed (RFC 5322 §3.4.1).
 */
function localPartShowing(entered: string): { shown: string; domain: string } | undefined {
  const text = entered.trim();
  const at = text.lastIndexOf('@');
  const shown = addressShownInLocalPart(text.slice(0, at));
  return shown === undefined ? undefined : { shown, domain: text.slice(at + 1).toLowerCase() };
}

/** A configured check: the tables indexed once, then any number of synchronous checks. */
export type RecipientChecker = (input: CheckRecipientInput) => Verdict;

/**
 * How far a known local part may be from the entered one and still be a typo of it: one slip from
 * three characters on, two from ten on (Damerau 1964: most typing errors are single slips; a long
 * address typed from dictation often carries two).
 */
function allowedDistance(localLength: number): number {
  if (localLength >= 10) return 2;
  return localLength >= 3 ? 1 : 0;
}

/**
 * How many slips a near miss may have over the whole address, the part before the @ and the
 * domain together: one, two for local parts of ten characters or more. This is docs/check.md's
 * definition of a near miss; an address further away is another address (to confirm), and a
 * mistyped provider domain beyond it is still a `domain-typo`.
 */
function allowedAddressDistance(localLength: number): number {
  return localLength >= 10 ? 2 : 1;
}

/**
 * `anna.jonsson37` beside `anna.jonsson`: the same name with a whole number added or left out.
 * Two digits typed by mistake at the very end are far rarer than a second mailbox numbered on
 * purpose, so beyond one slip this is read as another address, to be confirmed, not as a typo.
 */
function isNumberedSibling(a: string, b: string): boolean {
  const [withNumber, without] = /\d/.test(a) ? [a, b] : [b, a];
  if (/\d/.test(without)) return false;
  const runs = withNumber.match(/\d+/g) ?? [];
  return runs.length === 1 && (runs[0]?.length ?? 0) >= 2 && withNumber.replace(/\d+/, '') === without;
}

/**
 * Builds the check that `checkRecipient` and `createGuard` run: tables are indexed once here.
 * Not exported from the package entry: `createGuard` is the configure-once API.
 */
export function createRecipientChecker(
  options: CheckOptions = {},
  internal: {
    /**
     * `false` runs the plain reading: the customer's record read anew on every check, every
     * address parsed. test/guard/recipient-fast-paths.test.ts compares the two.
     */
    readonly fastPaths?: boolean;
  } = {},
): RecipientChecker {
  const fastPaths = internal.fastPaths ?? true;
  // The schema runs (and names every fault) only for options a plain test cannot vouch for.
  if (!fitsCheckOptions(options)) parseCheckOptions(options);
  const locale = options.locale ?? 'en';
  const policy = mergePolicy(options.policy);
  const rules = indexMailboxRules(options.mailboxRules);
  const providers = options.providers ?? defaultMailboxProviders;
  // The table's domains, and a provider's brand under another country's ending (`yahoo.com.pe`).
  const isProviderDomain = createProviderDomainTest(providers);
  const findDomainTypo = createDomainTypoFinder({
    providers,
    ...(options.topLevelDomains ? { topLevelDomains: options.topLevelDomains } : {}),
  });
  const disposable = options.disposableDomains ?? defaultDisposableDomains;
  const isDisposable =
    typeof disposable === 'function' ? disposable : (domain: string) => disposable.has(domain);
  const roleLocalParts = options.roleLocalParts ?? defaultRoleLocalParts;
  const defaultCountry = options.defaultCountry ?? 'SE';
  const revealOtherCustomers = options.revealOtherCustomers ?? false;
  const firstNames = options.firstNames ?? defaultFirstNames;
  const spellOptions = { locale };
  const factsOf = createCustomerFacts({ rules, defaultCountry, remember: fastPaths });
  // The read-back of a known address, said again whenever it is the suggestion.
  const spokenKnown = new WeakMap<KnownAddress, string>();

  // Every evidence object is made fresh for its finding, so it is completed in place: a check
  // makes several findings, and copying each twice showed in the benchmark.
  const finding = (facts: FindingEvidence): Finding => {
    const full = facts as FindingEvidence & {
      action: Action;
      severity: Finding['severity'];
      message: string;
    };
    full.action = policy[facts.code];
    full.severity = findingSeverity[facts.code];
    full.message = messageFor(full as FindingFacts, locale);
    return full as Finding;
  };

  /** The address a text that is not one address holds ({@link addressHeldIn}), and the known mailbox it reaches. */
  const heldAddress = (
    entered: string,
    whyNoAddress: InvalidAddressReason,
    known: readonly KnownAddress[],
  ) => {
    const held = addressHeldIn(entered, whyNoAddress);
    if (held === undefined) return undefined;
    const key = mailboxKey(held.address, rules).key;
    const same = known.find((candidate) => candidate.key.key === key);
    return {
      evidence: same ? { extracted: held.shown, known: same.given } : { extracted: held.shown },
      typed: held.shown.toLowerCase(),
    };
  };

  /** The entered domain is a slip of the known one (`gmial.com` for `gmail.com`), not another real domain. */
  const isDomainSlip = (entered: string, known: string): boolean => {
    if (entered === known || isProviderDomain(entered)) return false;
    if (findDomainTypo(entered)?.candidates.includes(known)) return true;
    // Counted as typed (README "Near miss"): in Punycode one extra letter of `åkeri.se` against
    // `åkri.se` rewrites the whole label (`xn--keri-poa` against `xn--kri-qla`).
    const typed = displayDomain(entered);
    const onFile = displayDomain(known);
    return editDistance(typed, onFile, { maxDistance: 2 }) <= (onFile.length >= 8 ? 2 : 1);
  };

  // How an entered domain stands to a known one depends on the two names and the tables alone, and
  // the same few pairs recur on every check of a customer: each pair is worked out once.
  const domainSlips = new Map<string, Map<string, DomainSlip>>();
  const domainSlipOf = (entered: string, known: string): DomainSlip => {
    let byKnown = domainSlips.get(entered);
    let slip = byKnown?.get(known);
    if (slip !== undefined) return slip;
    slip = isEndingSlip(entered, known) ? ENDING_SLIP : isDomainSlip(entered, known) ? OTHER_SLIP : NO_SLIP;
    if (byKnown === undefined) {
      if (domainSlips.size >= DOMAIN_SLIP_CACHE_SIZE) domainSlips.clear();
      byKnown = new Map();
      domainSlips.set(entered, byKnown);
    }
    byKnown.set(known, slip);
    return slip;
  };

  /** A household member's first name in place of the customer's in a known address (`jana.nyberg62`). */
  const householdOf = (entered: ParsedAddress, candidate: KnownAddress, name: string | undefined) => {
    if (name === undefined) return undefined;
    const other = findOtherFirstName(entered.local, candidate.parsed.local, {
      customerName: name,
      firstNames,
    });
    return other && finding({ code: 'other-first-name', known: candidate.given, ...other });
  };

  /**
   * A known address at the same domain rewritten rather than mistyped: another first name of the
   * household, its whole number left out or changed, its names reordered.
   */
  const rewritingOf = (entered: ParsedAddress, candidate: KnownAddress, name: string | undefined) => {
    const household = householdOf(entered, candidate, name);
    if (household) return household;
    const change = findNameChange(
      entered.local,
      candidate.parsed.local,
      name === undefined ? { firstNames } : { name, firstNames },
    );
    return change && finding({ ...change, known: candidate.given });
  };

  const check: RecipientChecker = (rawInput) => {
    // The schema runs (and names every fault) only for input a plain check cannot vouch for.
    const input = fitsCheckRecipientInput(rawInput) ? rawInput : parseCheckInput(rawInput);
    const { entered, customer } = input;
    const findings: Finding[] = [];
    const facts = factsOf(customer);
    const known = facts.known;
    // A malformed address on file cannot be compared; it is not fatal to the check, but it is
    // said, so the record gets mended and nobody takes the check for one against every address.
    for (const { given, reason, detail } of facts.invalid)
      findings.push(finding({ code: 'invalid-known-address', known: given, reason, detail }));

    // Half of all entries are a known address exactly as on file: it parses as it did there.
    let same: KnownAddress | undefined;
    if (fastPaths)
      for (const candidate of known)
        if (candidate.onFile === entered) {
          same = candidate;
          break;
        }
    const parsed: ParseAddressResult = same ? { ok: true, address: same.parsed } : parseAddress(entered);
    if (!parsed.ok) {
      // The one address a pasted or dictated text holds is compared in its place.
      const held = heldAddress(entered, parsed.reason, known);
      findings.push(
        finding({
          code: 'invalid-address',
          reason: parsed.reason,
          detail: parsed.detail,
          ...held?.evidence,
          ...(parsed.reason === 'address-in-local-part' ? localPartShowing(entered) : undefined),
        }),
      );
      if (held && !held.evidence.known) {
        // The address the text holds is checked as if typed alone: a mistyped provider in it, a
        // household member's name, a number left out. Its suggestion is the verdict's.
        const alone = check({ ...rawInput, entered: held.evidence.extracted });
        // The record's own faults are said once, above.
        const own = alone.findings.filter(
          (item) => item.code !== 'unverified-address' && item.code !== 'invalid-known-address',
        );
        findings.push(...own);
        // The same name at another real domain is another address (a sibling), not a slip of the
        // known one: the address the text holds stays the suggestion.
        const corrected = own.some(
          (item) => item.code === 'domain-typo' || (item.code !== 'sibling-domain' && 'known' in item),
        )
          ? alone.suggestion
          : undefined;
        return verdictOf(entered, undefined, findings, known, corrected ?? held.evidence.extracted);
      }
      // A known address one or two slips from the broken string (`anna1985gmail.com`) is still
      // the best suggestion there is; CR/LF input is never compared (it is an injection attempt).
      if (parsed.reason !== 'control-characters' && !held?.evidence.known) {
        const typed = held?.typed ?? entered.trim().toLowerCase();
        for (const candidate of known) {
          // Compared as a person reads both: the domain as typed, not in Punycode.
          const knownAddress = candidate.typed;
          const limit = allowedAddressDistance(candidate.key.local.length);
          const distance = editDistance(typed, knownAddress, { maxDistance: limit });
          if (distance > limit) continue;
          findings.push(
            finding({
              code: 'near-miss',
              known: candidate.given,
              distance,
              edits: explainEdits(knownAddress, typed),
            }),
          );
        }
      }
      return verdictOf(entered, undefined, findings, known);
    }

    const address = parsed.address;
    // The local part as typed, lower case: compared with every known one, so folded once.
    const typedLocal = address.local.toLowerCase();
    const key = same ? same.key : mailboxKey(address, rules);
    let matched = false;
    for (const candidate of known) {
      if (candidate.key.key !== key.key) continue;
      matched = true;
      if (address.address === candidate.parsed.address && !address.trimmed) {
        findings.push(finding({ code: 'exact-match', known: candidate.given }));
      } else {
        findings.push(
          finding({
            code: 'same-mailbox',
            known: candidate.given,
            reasons: describeEquivalence(address, candidate.parsed, rules),
          }),
        );
      }
    }

    // Look-alikes are looked for even when the mailbox key matches: case folding turns a Kelvin
    // sign into a k. The very address on file is not exempt either: a stored `gmаil.com` (Cyrillic
    // а) is a stranger's domain that reads as Gmail, and mail sent there never reached the customer
    // (issue 13: `audit` and `customers check` say so of the same address).
    const confusables = findConfusables(address);
    if (confusables) findings.push(finding({ code: 'confusable-characters', ...confusables }));

    // The same holds for a stored address at a mistyped provider (`hotmial.se`): the mail never
    // reached the customer, and `audit` and `customers check` flag it (issue 13). It is the
    // customer's own record, so it is asked about (a warning, `confirm`) rather than blocked, with
    // the corrected address as the suggestion; a policy that sends on a domain typo still sends.
    if (matched && !confusables?.characters.some((c) => c.part === 'domain')) {
      const typo = findDomainTypo(address.domain);
      if (typo) {
        const stored = finding({ code: 'domain-typo', ...typo }) as Finding & {
          action: Action;
          severity: Finding['severity'];
        };
        if (stored.action === 'block') stored.action = 'confirm';
        stored.severity = 'warning';
        findings.push(stored);
      }
    }

    if (!matched) {
      const asTyped = displayAddress(address.address).toLowerCase();
      // Slips are told between letters as they read: `å` typed as `a` and a combining ring is one
      // letter, never an extra invisible mark (Unicode NFC, UAX #15).
      const typed = composedForm(asTyped);
      const otherUnicodeForm = typed !== asTyped ? { otherUnicodeForm: true as const } : {};
      for (const candidate of known) {
        const sameDomain = candidate.key.domain === key.domain;
        const limit = allowedDistance(candidate.key.local.length);
        // A slip in the ending (`.es`, `.nu` for `.se`) is one slip, even where it makes a real domain.
        // The known domain mistyped (`telia.con`): the local part is then read against the known
        // one as at that domain, and the known address is the suggestion (docs/check.md).
        const slip = sameDomain ? NO_SLIP : domainSlipOf(key.domain, candidate.key.domain);
        const endingSlip = slip === ENDING_SLIP;
        const domainSlip = slip !== NO_SLIP;
        if (sameDomain || domainSlip) {
          // At another domain the provider's rules (Gmail's dots) may not apply: the local parts
          // as typed count too, so `h.ward@gmail.con` is one slip from `h.ward@gmail.com`. Swedish
          // letters written another way (`aake` for `åke`) are one slip however many there are.
          const keyDistance = transliterationDistance(key.local, candidate.key.local, { maxDistance: limit });
          // The local parts as typed can only be closer than their keys when the keys differ.
          const localDistance =
            sameDomain || keyDistance === 0
              ? keyDistance
              : Math.min(
                  keyDistance,
                  transliterationDistance(typedLocal, candidate.local, {
                    maxDistance: limit,
                  }),
                );
          const addressLimit = allowedAddressDistance(candidate.key.local.length);
          // The slips that reach another mailbox: a dot Gmail ignores is none. This is the near
          // miss's `distance`, held to docs/check.md's definition; `edits` still show every difference.
          const localAllowed = localDistance <= (sameDomain ? limit : Math.min(limit, 1));
          let distance = localDistance;
          let edits: Edit[] | undefined;
          if (!sameDomain && localAllowed) {
            // Explained over the address as a person reads it, domain in Unicode; a slip across
            // the @ (`anna@atelia.com`) is one, not one in each part.
            const knownTyped = candidate.typed;
            edits = explainEdits(knownTyped, typed);
            distance = Math.min(
              localDistance +
                (endingSlip
                  ? 1
                  : editDistance(key.domain, candidate.key.domain, { maxDistance: addressLimit })),
              edits.length,
            );
            // Swedish letters written another way in the name and the domain alike are one slip;
            // the addresses differ, so a distance of one is already the least there is.
            if (distance > 1)
              distance = Math.min(
                distance,
                transliterationDistance(knownTyped, typed, { maxDistance: addressLimit }),
              );
          }
          if (
            localAllowed &&
            !(
              localDistance >= 2 &&
              (isNumberedSibling(key.local, candidate.key.local) ||
                isCenturyRewrite(key.local, candidate.key.local))
            ) &&
            distance <= addressLimit
          ) {
            // One slip, but to another real first name: a household member's mailbox, not a typo.
            const household = sameDomain ? householdOf(address, candidate, customer.name) : undefined;
            if (household) {
              findings.push(household);
              continue;
            }
            // The domains agree (or are aliases of one provider): the slips are in the local part.
            edits ??= explainEdits(candidate.local, composedForm(typedLocal));
            findings.push(
              finding({ code: 'near-miss', known: candidate.given, distance, edits, ...otherUnicodeForm }),
            );
            continue;
          }
          // One slip in the local part and one in the domain (`lnilson@telia.sw`): two in all.
          if (domainSlip && localAllowed && distance === 2) {
            edits ??= explainEdits(candidate.typed, typed);
            findings.push(finding({ code: 'possible-typo', known: candidate.given, distance: 2, edits }));
            continue;
          }
        }
        const rewriting =
          sameDomain || domainSlip ? rewritingOf(address, candidate, customer.name) : undefined;
        if (rewriting) {
          findings.push(rewriting);
          continue;
        }
        // Two slips in a short local part: too far for a near miss, too close to pass unremarked.
        const knownLocal = candidate.local;
        if (sameDomain && isPossibleTypo(typedLocal, knownLocal, { firstNames })) {
          const edits = explainEdits(knownLocal, typedLocal);
          findings.push(finding({ code: 'possible-typo', known: candidate.given, distance: 2, edits }));
          continue;
        }
        if (
          !sameDomain &&
          (key.local === candidate.key.local || typedLocal === candidate.local) &&
          // `gmail.se` for `gmail.com` is the known domain mistyped (`domain-typo`), not a sibling.
          !findDomainTypo(key.domain)?.candidates.includes(candidate.key.domain) &&
          // Nor is `hotmail.se` for a stored `hotmial.se`: the stored address with its provider
          // corrected, the suggestion the check made for it (issue 13), new to the record, not a stranger's.
          !findDomainTypo(candidate.key.domain)?.candidates.includes(key.domain)
        ) {
          findings.push(
            finding({
              code: 'sibling-domain',
              known: candidate.given,
              knownDomain: candidate.parsed.domain,
              enteredDomain: address.domain,
              atProvider: isProviderDomain(address.domain),
            }),
          );
        }
      }

      // A look-alike in the domain already explains it; its punycode form is no typo of anything.
      const typo = confusables?.characters.some((c) => c.part === 'domain')
        ? undefined
        : findDomainTypo(address.domain);
      if (typo && !saidAsSlipOfKnown(typo, address, known, findings))
        findings.push(finding({ code: 'domain-typo', ...typo }));

      // A digit may stand beside letters typed for digits (`19o2`, `2oo1`): one digit is enough.
      if (/\d/.test(address.local)) {
        for (const mismatch of findNumberMismatches(
          address.local,
          facts.numbers(longestNumberWithin(address.local)),
        )) {
          findings.push(finding({ code: 'number-mismatch', ...mismatch }));
        }
      }
      findings.push(
        finding({
          code: 'unverified-address',
          knownAddresses: known.length,
          ...(facts.invalid.length > 0 ? { unusableKnownAddresses: facts.invalid.length } : {}),
        }),
      );
    }

    if (input.directory) {
      for (const evidence of directoryFindings(
        { address, customer, directory: input.directory },
        { knownMailbox: matched, revealOtherCustomers },
      ))
        findings.push(finding(evidence));
    }

    if (isDisposable(address.domain))
      findings.push(finding({ code: 'disposable-domain', domain: address.domain }));
    if (roleLocalParts.has(typedLocal)) findings.push(finding({ code: 'role-address', local: typedLocal }));

    const directory = input.directory;
    // A corrected domain or a look-alike's reading may be another customer's mailbox: never the
    // suggestion, whether or not the findings may name that customer (createGuard asks its own
    // directory and the verified addresses the same, in withoutOthersSuggestion).
    const othersMailbox =
      directory === undefined || isPrefetched(directory)
        ? undefined
        : (suggestion: string) => isOthersMailbox(suggestion, customer.id, known, directory);
    return verdictOf(entered, address, findings, known, undefined, othersMailbox);
  };
  return check;

  /** Whether a suggestion is a mailbox the directory knows for another customer, and not for this one. */
  function isOthersMailbox(
    suggestion: string,
    customerId: string,
    known: readonly KnownAddress[],
    directory: Directory,
  ): boolean {
    const parsed = parseAddress(suggestion);
    if (!parsed.ok) return false;
    const key = mailboxKey(parsed.address, rules).key;
    if (known.some((candidate) => candidate.key.key === key)) return false;
    return findAddressUnchecked(directory, { entered: parsed.address, excludeCustomerId: customerId }).some(
      (match) => match.distance === 0 && match.customerId !== customerId,
    );
  }

  function verdictOf(
    entered: string,
    address: ParsedAddress | undefined,
    all: Finding[],
    known: readonly KnownAddress[],
    suggested?: string,
    othersMailbox?: (suggestion: string) => boolean,
  ): Verdict {
    let action: Action = 'send';
    for (const item of all) action = moreSevere(action, item.action);
    sortFindings(all);
    let suggestion = suggested ?? chooseSuggestion(all, address);
    if (suggestion !== undefined && othersMailbox?.(suggestion)) {
      all = withoutCorrectionNamed(all, suggestion, 'other-customer', locale);
      suggestion = undefined;
    }
    // The closest few known addresses and a count, never one finding for each of 255.
    const findings = boundKnownFindings(all, suggestion, (unverified, close) =>
      finding({
        code: 'unverified-address',
        knownAddresses: unverified.knownAddresses,
        ...(unverified.unusableKnownAddresses === undefined
          ? {}
          : { unusableKnownAddresses: unverified.unusableKnownAddresses }),
        closeKnownAddresses: close,
      }),
    );
    const verdict: { -readonly [K in keyof Verdict]: Verdict[K] } = { action, entered, findings };
    if (address) verdict.address = address.address;
    if (suggestion) verdict.suggestion = suggestion;
    if (action === 'send' && address) verdict.sendTo = normalizedAddress(address);
    if (action !== 'send') {
      const readBack: { entered?: string; suggestion?: string } = {};
      if (address) readBack.entered = spellAddress(address.address, spellOptions);
      if (suggestion) readBack.suggestion = spokenSuggestion(suggestion, known);
      verdict.readBack = readBack;
    }
    return verdict;
  }

  /** The suggestion read back; nearly always a known address, each of which is spelled once. */
  function spokenSuggestion(suggestion: string, known: readonly KnownAddress[]): string {
    const candidate = fastPaths ? known.find((item) => item.given === suggestion) : undefined;
    if (!candidate) return spellAddress(suggestion, spellOptions);
    let spoken = spokenKnown.get(candidate);
    if (spoken === undefined) {
      spoken = spellAddress(suggestion, spellOptions);
      spokenKnown.set(candidate, spoken);
    }
    return spoken;
  }
}

/** Findings an insertion sort orders faster than the built-in sort does. */
const SHORT_SORT = 8;

/**
 * Puts findings in the order to act on them ({@link byActionSeverity}), keeping the order they were
 * found in among equals as `Array.prototype.sort` does (ECMA-262 requires it to be stable). A check
 * makes one to four findings: an insertion sort over so few costs a fraction of the built-in
 * sort's setup, which showed in the benchmark on every check.
 */
function sortFindings(findings: Finding[]): void {
  // A customer with many addresses on file gives a finding for each: those take the built-in sort.
  if (findings.length > SHORT_SORT) {
    findings.sort(byActionSeverity);
    return;
  }
  for (let i = 1; i < findings.length; i++) {
    const item = findings[i] as Finding;
    let at = i;
    while (at > 0 && byActionSeverity(findings[at - 1] as Finding, item) > 0) {
      findings[at] = findings[at - 1] as Finding;
      at--;
    }
    findings[at] = item;
  }
}

/**
 * Whether a domain typo says again what a slip of a known address at the corrected domain already
 * says, so one finding tells it (issue 9). A provider's name mistyped or spelled by ear (`gmial.com`,
 * `jaahoo.com` for `yahoo.com`) is said best as that, so a near miss or possible typo of the known
 * address with the very local part typed is taken out (the correction is then that known address
 * all the same); a slip in the ending (`hotmail.nu` for `hotmail.se`) is said by the near miss
 * ("the ending .nu instead of .se"), and the typo is left out.
 */
function saidAsSlipOfKnown(
  typo: { readonly suggestedDomain?: string; readonly reason: string },
  address: ParsedAddress,
  known: readonly KnownAddress[],
  findings: Finding[],
): boolean {
  const corrected = typo.suggestedDomain?.toLowerCase();
  if (corrected === undefined) return false;
  let said = false;
  for (let i = findings.length - 1; i >= 0; i--) {
    const item = findings[i] as Finding;
    if (item.code !== 'near-miss' && item.code !== 'possible-typo') continue;
    const candidate = known.find((entry) => entry.given === item.known);
    if (candidate === undefined) continue;
    if (candidate.key.domain !== corrected && candidate.parsed.domain.toLowerCase() !== corrected) continue;
    const inName = typo.reason !== 'top-level-domain' && candidate.parsed.local === address.local;
    if (inName) findings.splice(i, 1);
    else if (item.code === 'near-miss') said = true;
  }
  return said;
}

/**
 * The one best correction. The stored spelling of a known address typed in another Unicode form
 * comes first (it is that address: `send`, but the spelling on file is the one to use), then known
 * addresses (a near miss of one is what the customer
 * meant, then one rewritten: its number left out, its names reordered, another first name, then
 * one two slips away in a short local part), then the look-alike an address passes for, then a corrected provider domain, then a
 * known address at a sibling domain. Within a kind, a tie at the best distance means no suggestion.
 */
function chooseSuggestion(
  findings: readonly Finding[],
  address: ParsedAddress | undefined,
): string | undefined {
  // One pass over the findings, remembering per kind the first candidate and whether another
  // differs from it: building a list and a set per kind on every check showed in the benchmark.
  let bestDistance = Number.POSITIVE_INFINITY;
  let nearMiss: string | undefined;
  let nearMissTie = false;
  let extracted: string | undefined;
  let rewritten: string | undefined;
  let rewrittenTie = false;
  let possibleTypo: string | undefined;
  let possibleTypoTie = false;
  let lookalike: string | undefined;
  let domainTypo: Extract<Finding, { code: 'domain-typo' }> | undefined;
  let sibling: string | undefined;
  let siblingTie = false;
  // The known address in another Unicode normalisation form, or with its local part quoted: the
  // stored spelling is the one to use.
  let reencoded: string | undefined;
  let exact = false;
  for (const item of findings) {
    switch (item.code) {
      case 'exact-match':
        exact = true;
        break;
      case 'same-mailbox':
        if (item.reasons.includes('unicode-normalization') || item.reasons.includes('quoted-local-part'))
          reencoded ??= item.known;
        break;
      case 'near-miss':
        if (item.distance < bestDistance) {
          bestDistance = item.distance;
          nearMiss = item.known;
          nearMissTie = false;
        } else if (item.distance === bestDistance && item.known !== nearMiss) nearMissTie = true;
        break;
      case 'invalid-address':
        if (extracted === undefined && item.extracted !== undefined) extracted = item.known ?? item.extracted;
        break;
      case 'other-first-name':
      case 'number-changed':
      case 'name-reordered':
        if (rewritten === undefined) rewritten = item.known;
        else if (item.known !== rewritten) rewrittenTie = true;
        break;
      case 'possible-typo':
        if (possibleTypo === undefined) possibleTypo = item.known;
        else if (item.known !== possibleTypo) possibleTypoTie = true;
        break;
      case 'confusable-characters':
        lookalike ??= item.lookalike;
        break;
      case 'domain-typo':
        domainTypo ??= item;
        break;
      case 'sibling-domain':
        if (sibling === undefined) sibling = item.known;
        else if (item.known !== sibling) siblingTie = true;
        break;
    }
  }
  if (reencoded !== undefined && !exact) return reencoded;
  if (nearMiss !== undefined) return nearMissTie ? undefined : nearMiss;
  // A text that holds one address: the known mailbox it reaches, or else that address itself.
  if (extracted !== undefined) return extracted;
  // A known address rewritten (a household member's name, its number, its name order): the known one.
  if (rewritten !== undefined) return rewrittenTie ? undefined : rewritten;
  if (possibleTypo !== undefined) return possibleTypoTie ? undefined : possibleTypo;
  // Another customer's address is never the suggestion, even where staff may see it named in a
  // finding (`revealOtherCustomers`): a suggestion is pre-filled and released to, and the order
  // would reach that customer. The suggestions below need no other customer's record; one that is
  // another customer's mailbox all the same is withheld (`othersMailbox`).
  if (lookalike !== undefined) return lookalike;
  if (domainTypo) {
    return domainTypo.suggestedDomain && address
      ? `${address.local}@${displayDomain(domainTypo.suggestedDomain)}`
      : undefined;
  }
  return siblingTie ? undefined : sibling;
}
