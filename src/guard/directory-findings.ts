import { describeEquivalence } from '../address/mailbox-key.js';
import { type ParsedAddress, parseAddress } from '../address/parse-address.js';
import type { Directory, DirectoryAddressMatch } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { findAddressUnchecked } from '../contacts/find-address-unchecked.js';
import { isSamePerson } from '../contacts/is-same-person.js';
import { recordsContradict } from '../contacts/records-contradict.js';
import { explainEdits } from '../matching/explain-edits.js';
import { nameFits } from '../matching/name-fits.js';
import { displayAddress } from '../spelling/display-domain.js';
import { maskAddress } from './mask-address.js';
import type { FindingEvidence } from './verdict.js';

/**
 * What the directory says about an entered address that is not one of the customer's own:
 *
 * - `belongs-to-other-customer` for every other customer known on the same mailbox (the address
 *   is real, but someone else's; households share mailboxes, so by default this asks, not stops).
 * - `near-miss-other-customer` for an address one slip from another customer's when that customer
 *   looks like the same person by name ({@link isSamePerson}): a duplicate record with a typo, so
 *   the known address is what was meant. When the two records' birth dates or phone numbers say
 *   they are two people ({@link recordsContradict}), the finding says so (`otherPerson`): the
 *   address is one slip from another person's, mail that could reach the wrong customer.
 *
 * - `near-miss-other-name` for an address one slip from the address of a customer by another name
 *   when the local part fits that customer's name better than this one's (`oskar.wallin46376` for
 *   Erik Lind, beside Oskar Wallin's `oskar.wallin46375`): the salesperson may have had the other
 *   customer's address in front of them, and a confirmation sent there tells a stranger of the
 *   order (issue 13).
 *
 * Any other near miss of a differently named customer's address is no finding: with a million
 * customers, most addresses are one slip from somebody's, and that alone says nothing about this
 * one; an address that fits this customer's name as well is most likely theirs. A near
 * miss is also not reported when the entered address is itself a mailbox known for someone: a real
 * mailbox, typed correctly, is not a typo of another.
 */
export function directoryFindings(
  input: {
    readonly address: ParsedAddress;
    readonly customer: Customer;
    readonly directory: Directory;
    /** The directory's matches of the address, of any customer, when they were looked up already. */
    readonly matches?: readonly DirectoryAddressMatch[];
  },
  options: { readonly knownMailbox: boolean; readonly revealOtherCustomers?: boolean },
): FindingEvidence[] {
  // The customer's own known mailbox gets nothing from the directory (whoever else shares it, it
  // is on file for this customer, and a real mailbox typed right is no typo of another): most
  // checks are of such an address, and the lookup is most of their cost, so it is not made.
  if (options.knownMailbox) return [];
  const { address, customer, directory } = input;
  const reveal = options.revealOtherCustomers ?? false;
  const matches = input.matches
    ? input.matches.filter((match) => match.customerId !== customer.id)
    : findAddressUnchecked(directory, { entered: address, excludeCustomerId: customer.id });
  const findings: FindingEvidence[] = [];
  const reported = new Set<string>();
  const mailboxKnownForOthers = matches.some((match) => match.distance === 0);
  // Slips are explained over the addresses as a person reads them, the domain as typed.
  const typed = displayAddress(address.address).toLowerCase();
  let shared = false;
  let duplicate = false;
  let otherName = false;
  // The first near miss reported on each mailbox: a second customer on it is the same mailbox.
  const nearMailboxes = new Map<string, string>();
  for (const match of matches) {
    if (reported.has(match.customerId)) continue;
    if (match.distance === 0) {
      reported.add(match.customerId);
      if (reveal) {
        findings.push({
          code: 'belongs-to-other-customer',
          customerId: match.customerId,
          // As a person reads it (README "Near miss"): the directory stores the domain in Punycode.
          known: displayAddress(match.address),
        });
      } else if (!shared) {
        // Without the details, one finding: how many customers share a mailbox is theirs to know.
        shared = true;
        findings.push({ code: 'belongs-to-other-customer', known: maskAddress(match.address) });
      }
    } else if (!mailboxKnownForOthers && match.verified) {
      // A slip of an address verified for a customer who cannot be named: whether they are this
      // person cannot be told, so the slip is reported as another customer's, without the claim
      // of the same name that the full message makes.
      reported.add(match.customerId);
      if (!duplicate || reveal) {
        duplicate = true;
        findings.push({
          code: 'near-miss-other-customer',
          ...(reveal ? { customerId: match.customerId } : {}),
          known: reveal ? displayAddress(match.address) : maskAddress(match.address),
          distance: match.distance,
        });
      }
    } else if (!mailboxKnownForOthers && isSamePerson(customer.name, match.name)) {
      reported.add(match.customerId);
      // The match carries the other record's birth date and phones: a database directory answers
      // only findAddress within a synchronous check (prefetchedDirectory).
      const otherPerson = recordsContradict(customer, match);
      if (reveal) {
        const known = displayAddress(match.address);
        const first = nearMailboxes.get(match.key);
        if (first === undefined) nearMailboxes.set(match.key, known);
        // On a mailbox already named (a Gmail address with a +tag at googlemail.com), the slips
        // are those from that address, and how the two differ is said as a mailbox equivalence.
        const firstParsed = first === undefined ? undefined : parseAddress(first);
        const knownParsed = first === undefined ? undefined : parseAddress(known);
        const sameMailbox =
          first !== undefined && firstParsed?.ok && knownParsed?.ok
            ? { known: first, reasons: describeEquivalence(knownParsed.address, firstParsed.address) }
            : undefined;
        const edits = explainEdits((sameMailbox ? first : known)?.toLowerCase() ?? known, typed);
        findings.push({
          code: 'near-miss-other-customer',
          customerId: match.customerId,
          known,
          distance: match.distance,
          edits,
          ...(sameMailbox ? { sameMailbox } : {}),
          ...(otherPerson ? { otherPerson } : {}),
        });
      } else if (!duplicate) {
        // The slips, with the entered address, would spell the other customer's out: left out.
        duplicate = true;
        // A slip in the domain (README: the local part is then intact) means the local part typed is
        // that customer's own: with the domain shown, the masked address would be the whole address.
        const otherDomain = match.address.slice(match.address.lastIndexOf('@') + 1);
        findings.push({
          code: 'near-miss-other-customer',
          known: maskAddress(match.address, { domain: otherDomain === address.domain }),
          distance: match.distance,
          ...(otherPerson ? { otherPerson } : {}),
        });
      }
    } else if (!mailboxKnownForOthers && fitsOtherNameBetter(address.local, customer.name, match.name)) {
      reported.add(match.customerId);
      const nameless = customer.name?.trim() ? {} : { customerNameless: true as const };
      if (reveal) {
        const known = displayAddress(match.address);
        findings.push({
          code: 'near-miss-other-name',
          customerId: match.customerId,
          known,
          distance: match.distance,
          edits: explainEdits(known.toLowerCase(), typed),
          ...nameless,
        });
      } else if (!otherName) {
        otherName = true;
        findings.push({
          code: 'near-miss-other-name',
          known: maskAddress(match.address),
          distance: match.distance,
          ...nameless,
        });
      }
    }
  }
  return findings;
}

/** Whether a local part fits the other customer's name, and fits this customer's name less well. */
function fitsOtherNameBetter(local: string, own: string | undefined, other: string | undefined): boolean {
  if (!other) return false;
  const [ownFit = 0, otherFit = 0] = nameFits(local, [own, other]);
  return otherFit > ownFit;
}
