import type { MailboxEquivalence } from '../address/mailbox-key.js';
import type { InvalidAddressReason } from '../address/parse-address.js';
import type { Edit } from '../matching/explain-edits.js';
import type { Confusable } from '../matching/find-confusables.js';
import type { LookupErrorKind } from './settle-lookup.js';

/** What the caller should do with an address: send, ask the customer to confirm it, or stop. */
export type Action = 'send' | 'confirm' | 'block';

/** How serious a finding is in itself, whatever the policy makes of it. */
export type Severity = 'info' | 'warning' | 'critical';

/** The language of finding messages and read-backs. */
export type Locale = 'en' | 'sv';

interface FindingBase {
  /** The action this finding asks for under the policy in force. */
  readonly action: Action;
  readonly severity: Severity;
  /** One sentence a salesperson can act on, in the requested locale. */
  readonly message: string;
}

/**
 * A character that looks like another one from another script (UTS #39 confusables). `looksLike`
 * (the ASCII it passes for) is absent when the finding's `correctionWithheld` is set: with `index`
 * and the entered address, the hints spell out the reading that is withheld.
 */
export type ConfusableCharacter = Omit<Confusable, 'looksLike'> & { readonly looksLike?: string };

/** Every finding, a union on `code` (the evidence differs per code). */
export type Finding =
  | (FindingBase & { readonly code: 'exact-match'; readonly known: string })
  | (FindingBase & {
      readonly code: 'same-mailbox';
      readonly known: string;
      readonly reasons: readonly MailboxEquivalence[];
    })
  | (FindingBase & {
      readonly code: 'near-miss';
      readonly known: string;
      readonly distance: number;
      readonly edits: readonly Edit[];
      /**
       * The entered address writes its letters in another Unicode form than NFC (`å` as `a` and a
       * combining ring): `edits` compare the letters as they read, and the message says so.
       */
      readonly otherUnicodeForm?: true;
    })
  | (FindingBase & {
      readonly code: 'other-first-name';
      /** The known address whose first name was replaced. */
      readonly known: string;
      /** The first name typed instead, as typed (`jana`). */
      readonly enteredName: string;
      /** The customer's own first name, as written in the customer's name (`Jan`). */
      readonly customerName: string;
    })
  | (FindingBase & {
      readonly code: 'number-changed';
      /** The known address whose number was left out or changed. */
      readonly known: string;
      /** The number typed instead; absent when it was left out. */
      readonly enteredNumber?: string;
      /** The known address's number. */
      readonly knownNumber?: string;
    })
  | (FindingBase & {
      readonly code: 'name-reordered';
      /** The known address with the same name parts in another order or with other separators. */
      readonly known: string;
      /** One name part typed with one slip or written another way beside the new order (`mraia` for `maria`). */
      readonly misspelt?: { readonly entered: string; readonly known: string };
    })
  | (FindingBase & {
      /** Two slips from a known address whose local part is shorter than ten characters. */
      readonly code: 'possible-typo';
      readonly known: string;
      readonly distance: number;
      readonly edits: readonly Edit[];
    })
  | (FindingBase & {
      readonly code: 'sibling-domain';
      readonly known: string;
      readonly knownDomain: string;
      readonly enteredDomain: string;
      /**
       * Whether the entered domain is a mailbox provider's (on the `providers` table), where the same
       * name is often taken by a stranger; elsewhere (a company's own domain) it may be the
       * customer's new work address, and the message does not call it someone else's.
       */
      readonly atProvider: boolean;
    })
  | (FindingBase & {
      readonly code: 'domain-typo';
      readonly domain: string;
      /** The corrected domain, when one correction is best. */
      readonly suggestedDomain?: string;
      /** Every correction considered equally likely. */
      readonly candidates: readonly string[];
      readonly reason: 'provider-name' | 'provider-sound' | 'top-level-domain' | 'unknown-top-level-domain';
      /**
       * Why the correction is not offered: corrected, the address is on file or verified for another
       * customer (`other-customer`), or whose it is could not be looked up (`not-looked-up`). The
       * corrected domain and the candidates are then left out, and the message names neither: it
       * would point at that customer's mailbox.
       */
      readonly correctionWithheld?: 'other-customer' | 'not-looked-up';
    })
  | (FindingBase & {
      readonly code: 'confusable-characters';
      readonly characters: readonly ConfusableCharacter[];
      /**
       * The address as it looks, with each look-alike replaced by the ASCII it passes for. Absent
       * when `correctionWithheld` is set: that reading is (or may be) another customer's address,
       * and the verdict goes to the person typing (the order form, `POST /v1/check`, the library),
       * who would type it.
       */
      readonly lookalike?: string;
      /**
       * Why what the address reads as is not offered as the correction: it is on file or verified
       * for another customer (`other-customer`), or whose it is could not be looked up
       * (`not-looked-up`). Neither the message nor the finding (`lookalike`) then names it.
       */
      readonly correctionWithheld?: 'other-customer' | 'not-looked-up';
    })
  | (FindingBase & {
      readonly code: 'invalid-address';
      readonly reason: InvalidAddressReason;
      readonly detail: string;
      /**
       * The one address the text holds (`karin.berg@telia.com` in `"Berg, Karin"
       * <karin.berg@telia.com>`, `mailto:…`, `… snabel-a … punkt se`), domain as typed; absent when
       * it holds none, or when the text has a line break (never read: header injection).
       */
      readonly extracted?: string;
      /** The customer's known address that the extracted one reaches (the same mailbox). */
      readonly known?: string;
      /**
       * For reason `address-in-local-part`: the address its quoted local part shows
       * (`erik.lind@telia.com` in `"erik.lind@telia.com"@evil.com`), and `domain`, where the mail goes.
       */
      readonly shown?: string;
      readonly domain?: string;
    })
  | (FindingBase & {
      readonly code: 'number-mismatch';
      readonly digits: string;
      readonly expected: string;
      readonly source: 'birth-date' | 'phone';
      /**
       * For a birth date, the part of it the expected number writes: `year` (`1985`, `85`), the
       * whole `date` (`19851205`), `year-month` (`198512`) or `day-month` (`0512`, `1205`).
       */
      readonly birthDatePart?: 'year' | 'date' | 'year-month' | 'day-month';
      readonly edits: readonly Edit[];
      /** The digits are another whole year near the birth year (`1979` for 1982), no slip of it. */
      readonly otherYear?: true;
    })
  | (FindingBase & {
      readonly code: 'unverified-address';
      readonly knownAddresses: number;
      /** Addresses on the customer's record that could not be compared (`invalid-known-address`). */
      readonly unusableKnownAddresses?: number;
      /**
       * How many known addresses the entered one is close to (a near miss, a rewriting, a possible
       * typo, a sibling domain), when there were more than the three closest the verdict lists.
       */
      readonly closeKnownAddresses?: number;
    })
  | (FindingBase & {
      readonly code: 'invalid-known-address';
      /** The address on the customer's record, as it is written there. */
      readonly known: string;
      readonly reason: InvalidAddressReason;
      readonly detail: string;
    })
  | (FindingBase & {
      readonly code: 'invalid-known-phone';
      /** The number on the customer's record, as it is written there. */
      readonly known: string;
    })
  | (FindingBase & { readonly code: 'disposable-domain'; readonly domain: string })
  | (FindingBase & { readonly code: 'role-address'; readonly local: string })
  | (FindingBase & {
      readonly code: 'belongs-to-other-customer';
      /** The other customer's id: only with `revealOtherCustomers` (one finding per customer then). */
      readonly customerId?: string;
      /**
       * That customer's address (or number) the entered one reaches: masked (`e***@telia.com`,
       * `*********43`) unless `revealOtherCustomers`.
       */
      readonly known: string;
    })
  | (FindingBase & {
      readonly code: 'near-miss-other-customer';
      /** The other customer's id: only with `revealOtherCustomers`. */
      readonly customerId?: string;
      /** That customer's address, masked (`a***@gmail.com`) unless `revealOtherCustomers`. */
      readonly known: string;
      readonly distance: number;
      /** The slips: only with `revealOtherCustomers` (with the entered address they spell out the other's). */
      readonly edits?: readonly Edit[];
      /**
       * When `known` reaches the same mailbox as the address of another customer named in an
       * earlier finding (`annasvensson1985+shop@googlemail.com` and `anna.svensson1985@gmail.com`):
       * that address and how the two differ; `edits` are then the slips from it. Only with
       * `revealOtherCustomers`.
       */
      readonly sameMailbox?: { readonly known: string; readonly reasons: readonly MailboxEquivalence[] };
      /**
       * The two records' birth dates or phone numbers say they are two people of the same name: no
       * duplicate record, an address one slip from another person's.
       */
      readonly otherPerson?: true;
    })
  | (FindingBase & {
      readonly code: 'near-miss-other-name';
      /** The other customer's id: only with `revealOtherCustomers`. */
      readonly customerId?: string;
      /** That customer's address, masked (`o***@live.se`) unless `revealOtherCustomers`. */
      readonly known: string;
      readonly distance: number;
      /** The slips: only with `revealOtherCustomers` (with the entered address they spell out the other's). */
      readonly edits?: readonly Edit[];
      /**
       * This customer has no name on record: the address fits the other customer's name, and there
       * is no name of this customer's it could fit less well.
       */
      readonly customerNameless?: true;
    })
  | (FindingBase & { readonly code: 'invalid-phone'; readonly reason: 'unreadable' | 'invalid-for-region' })
  | (FindingBase & { readonly code: 'unverified-phone'; readonly knownPhones: number })
  | (FindingBase & {
      readonly code: 'lookup-failed';
      readonly reason: 'error' | 'timeout' | 'not-found';
      /** With `reason: 'error'`: what kind of error it was. */
      readonly kind?: LookupErrorKind;
      /** What went wrong in the library's own words, never the text of an error the lookup threw. */
      readonly error?: string;
      /** The code of the thrown error's cause: a SQLSTATE (`42P01`) or an errno (`ECONNREFUSED`). */
      readonly causeCode?: string;
    });

/** Every finding code. Stable: codes may be added, never renamed. */
export type FindingCode = Finding['code'];

/** The answer to "may this go to that address?". */
export interface Verdict {
  /** The most severe action among the findings. */
  readonly action: Action;
  /** What was checked, as given. */
  readonly entered: string;
  /** The parsed address (trimmed, domain in lower-case ASCII), when it parsed. */
  readonly address?: string;
  /** The one best correction; absent when there is none or the best candidates tie. */
  readonly suggestion?: string;
  /**
   * With `action: 'send'` only: the spelling to send to, which reaches the mailbox the verdict
   * allows. The address in Unicode Normalization Form C (RFC 6532 §3.1), its local part without
   * quotes it does not need (RFC 5322 §3.4.1), the domain in lower-case ASCII: `åke@telia.com`
   * typed with a and a combining ring (NFD) is sent to as the one character `å`.
   */
  readonly sendTo?: string;
  /**
   * Every finding, in the order to act on them: the most severe action first, then the most severe
   * finding, then the most specific (the table of findings in docs/check.md gives the order).
   */
  readonly findings: readonly Finding[];
  /** Spellings to read back on the phone: of the address as entered, and of the suggestion. */
  readonly readBack?: { readonly entered?: string; readonly suggestion?: string };
}

/** A finding's code and evidence, before the policy gives it an action and a message. */
export type FindingEvidence = Finding extends infer F
  ? F extends Finding
    ? Omit<F, 'message' | 'action' | 'severity'>
    : never
  : never;
