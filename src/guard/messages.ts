import { INVALID_REASONS, UNQUOTED_LOCAL_PART_SHOWS_ADDRESS } from '../address/invalid-reason-texts.js';
import type { Edit } from '../matching/explain-edits.js';
import { displayAddress, displayDomain } from '../spelling/display-domain.js';
import { KNOWN_ADDRESS_FINDINGS } from './bound-known-findings.js';
import { describeEdits } from './describe-edits.js';
import type { Finding, Locale } from './verdict.js';

/** A finding before its message is written. */
export type FindingFacts = Finding extends infer F ? (F extends Finding ? Omit<F, 'message'> : never) : never;

const EQUIVALENCE: Record<Locale, Record<string, string>> = {
  en: {
    whitespace: 'spaces around it',
    case: 'capital letters',
    dots: 'dots, which the provider ignores',
    subaddress: 'a +tag',
    'alias-domain': 'an alias domain of the same provider',
    'unicode-normalization': 'how its letters are encoded: å as one character or as a and a ring',
    'quoted-local-part': 'quotation marks around the part before the @, which change nothing there',
  },
  sv: {
    whitespace: 'mellanslag runt adressen',
    case: 'versaler',
    dots: 'punkter, som leverantören bortser från',
    subaddress: 'en +tagg',
    'alias-domain': 'en annan domän hos samma leverantör',
    'unicode-normalization': 'hur bokstäverna är kodade: å som ett tecken eller som a och en ring',
    'quoted-local-part': 'citattecken runt delen före @, som inte ändrar något där',
  },
};

/**
 * The Swedish names of the scripts `findConfusables` names (its `script` field stays the Unicode
 * Script property value, UAX #24, as data): the Swedish adjective of each (kyrillisk skrift,
 * grekisk skrift), and fullbredd for the East Asian fullwidth forms (UAX #11).
 */
const SCRIPT_NAMES_SV: Readonly<Record<string, string>> = {
  Cyrillic: 'kyrillisk',
  Greek: 'grekisk',
  Armenian: 'armenisk',
  Cherokee: 'cherokesisk',
  Latin: 'latinsk',
  Fullwidth: 'fullbredd',
  Other: 'annan skrift',
};

/** The name of a Unicode script (`Cyrillic`) in the language of the text: `kyrillisk` in Swedish. */
export function scriptName(script: string, sv: boolean): string {
  return sv ? (SCRIPT_NAMES_SV[script] ?? script) : script;
}

function list(items: readonly string[], locale: Locale, joiner: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  const word = locale === 'sv' ? (joiner === 'and' ? 'och' : 'eller') : joiner;
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

// How many tied corrections a message names; the rest are counted. A salesperson reads a short list
// to the customer; seven country endings of one provider are no help read out.
const TIED_DOMAINS_NAMED = 3;

/**
 * A domain one slip from several real ones, each as likely (`candidates`, no `suggestedDomain`):
 * the one there is named alone, a tie as one of a short list, the rest counted.
 */
function tiedDomainsMessage(domain: string, candidates: readonly string[], sv: boolean): string {
  if (candidates.length === 0) {
    return sv
      ? `${displayDomain(domain)} ser ut som en felskriven domän. Be kunden stava adressen igen.`
      : `${displayDomain(domain)} looks like a mistyped domain. Ask the customer to spell the address again.`;
  }
  if (candidates.length === 1) {
    const only = displayDomain(candidates[0] as string);
    return sv
      ? `${displayDomain(domain)} ser ut som ett skrivfel av ${only}.`
      : `${displayDomain(domain)} looks like a typo of ${only}.`;
  }
  const named = candidates.slice(0, TIED_DOMAINS_NAMED).map(displayDomain);
  const more = candidates.length - named.length;
  if (more > 0) {
    named.push(
      sv
        ? `${more} ${more === 1 ? 'domän' : 'domäner'} till`
        : `${more} more ${more === 1 ? 'domain' : 'domains'}`,
    );
  }
  const options = list(named, sv ? 'sv' : 'en');
  return sv
    ? `${displayDomain(domain)} ser ut som ett skrivfel av en av ${options}.`
    : `${displayDomain(domain)} looks like a typo of one of ${options}.`;
}

/** The address a pasted or dictated text holds, and the known address it reaches, if any. */
function heldAddressMessage(extracted: string, known: string | undefined, sv: boolean): string {
  const held = displayAddress(extracted);
  const onFile = known === undefined ? undefined : displayAddress(known);
  if (onFile === undefined) {
    return sv
      ? `Det här är inte en enda adress; den innehåller ${held}.`
      : `This is not one address; it holds ${held}.`;
  }
  if (onFile === held) {
    return sv
      ? `Det här är inte en enda adress; den innehåller ${held}, kundens kända adress.`
      : `This is not one address; it holds ${held}, the customer's known address.`;
  }
  return sv
    ? `Det här är inte en enda adress; den innehåller ${held}, som når kundens kända adress ${onFile}.`
    : `This is not one address; it holds ${held}, which reaches the customer's known address ${onFile}.`;
}

/**
 * The string a known address's slips were found against, as a person reads it: the whole address
 * or its local part (a prefix of it), so positions agree; undefined when the slips do not fit it.
 */
function slipsBase(known: string, edits: readonly { readonly after: string }[]): string | undefined {
  const base = displayAddress(known).toLowerCase();
  return edits.every((edit) => base.startsWith(edit.after)) ? base : undefined;
}

/** A name as it is written at the start of a sentence or in a list of names: `jana` -> `Jana`. */
function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The sentence a salesperson reads for a finding, in English or Swedish.
 *
 * @example
 * ```ts
 * messageFor({ code: 'exact-match', action: 'send', severity: 'info', known: 'anna@example.se' }, 'en');
 * // 'This is the customer\'s known address anna@example.se.'
 * ```
 */
export function messageFor(finding: FindingFacts, locale: Locale): string {
  const sv = locale === 'sv';
  switch (finding.code) {
    case 'exact-match':
      return sv
        ? `Det här är kundens kända adress ${displayAddress(finding.known)}.`
        : `This is the customer's known address ${displayAddress(finding.known)}.`;
    case 'same-mailbox': {
      const how = list(
        finding.reasons.map((reason) => EQUIVALENCE[locale][reason] ?? reason),
        locale,
      );
      return sv
        ? `Når samma brevlåda som kundens kända adress ${displayAddress(finding.known)} (skiljer sig bara i ${how}).`
        : `Reaches the same mailbox as the customer's known address ${displayAddress(finding.known)} (differs only in ${how}).`;
    }
    case 'near-miss': {
      const edits = `${describeEdits(finding.edits, locale, slipsBase(finding.known, finding.edits))}${
        finding.otherUnicodeForm
          ? sv
            ? ' (samma bokstäver skrivna i en annan Unicode-form)'
            : ' (the same letters written in another Unicode form)'
          : ''
      }`;
      return sv
        ? `Ser ut som ett skrivfel av kundens kända adress ${displayAddress(finding.known)}: ${edits}.`
        : `Looks like a typo of the customer's known address ${displayAddress(finding.known)}: ${edits}.`;
    }
    case 'other-first-name': {
      const entered = capitalized(finding.enteredName);
      return sv
        ? `Namnet ${entered} står där kundens kända adress ${displayAddress(finding.known)} har ${finding.customerName}: troligen en annan person i hushållet. Fråga kunden vilken adress som avses.`
        : `The name ${entered} stands where the customer's known address ${displayAddress(finding.known)} has ${finding.customerName}: probably another person in the household. Ask the customer which address is meant.`;
    }
    case 'number-changed': {
      const known = displayAddress(finding.known);
      if (finding.enteredNumber === undefined) {
        return sv
          ? `Numret saknas: kundens kända adress är ${known}. Ett namn utan sitt nummer tillhör oftast någon annan.`
          : `The number is missing: the customer's known address is ${known}. A name without its number usually belongs to someone else.`;
      }
      if (finding.knownNumber === undefined) {
        return sv
          ? `Ett nummer (${finding.enteredNumber}) har lagts till: kundens kända adress är ${known}.`
          : `A number (${finding.enteredNumber}) has been added: the customer's known address is ${known}.`;
      }
      return sv
        ? `Numret är ett annat (${finding.enteredNumber} i stället för ${finding.knownNumber}): kundens kända adress är ${known}.`
        : `The number is different (${finding.enteredNumber} instead of ${finding.knownNumber}): the customer's known address is ${known}.`;
    }
    case 'name-reordered': {
      const slip = finding.misspelt;
      if (slip) {
        return sv
          ? `Samma namn i en annan ordning eller med andra skiljetecken, och ${slip.entered} i stället för ${slip.known}: kundens kända adress är ${displayAddress(finding.known)}.`
          : `The same name in another order or with other separators, and ${slip.entered} for ${slip.known}: the customer's known address is ${displayAddress(finding.known)}.`;
      }
      return sv
        ? `Samma namn i en annan ordning eller med andra skiljetecken: kundens kända adress är ${displayAddress(finding.known)}.`
        : `The same name in another order or with other separators: the customer's known address is ${displayAddress(finding.known)}.`;
    }
    case 'possible-typo': {
      const edits = describeEdits(finding.edits, locale, slipsBase(finding.known, finding.edits));
      return sv
        ? `Det här kan vara ett skrivfel av kundens kända adress ${displayAddress(finding.known)}: ${edits}. Kontrollera adressen med kunden.`
        : `This may be a typo of the customer's known address ${displayAddress(finding.known)}: ${edits}. Check the address with the customer.`;
    }
    case 'sibling-domain':
      // A name is taken first come, first served only at a mailbox provider; at any other domain
      // (a company's own) the same name is as likely the customer's new work address.
      if (!finding.atProvider) {
        const entered = displayDomain(finding.enteredDomain);
        return sv
          ? `Kunden är känd med samma namn på ${displayDomain(finding.knownDomain)} (${displayAddress(finding.known)}). ${entered} är ingen e-postleverantörs domän, så det kan vara en ny egen adress, till exempel på jobbet: fråga kunden.`
          : `The customer is known by the same name at ${displayDomain(finding.knownDomain)} (${displayAddress(finding.known)}). ${entered} is no mailbox provider's domain, so this may be a new address of the customer, such as a work address: ask the customer.`;
      }
      return sv
        ? `Kunden är känd med samma namn på ${displayDomain(finding.knownDomain)} (${displayAddress(finding.known)}), inte på ${displayDomain(finding.enteredDomain)}. Adressen tillhör troligen någon annan.`
        : `The customer is known by the same name at ${displayDomain(finding.knownDomain)} (${displayAddress(finding.known)}), not at ${displayDomain(finding.enteredDomain)}. This address probably belongs to someone else.`;
    case 'domain-typo': {
      if (finding.correctionWithheld === 'other-customer') {
        return sv
          ? `${displayDomain(finding.domain)} ser ut som en felskriven domän, och adressen ligger nära en annan kunds adress: ingen rättelse föreslås. Be kunden stava adressen igen.`
          : `${displayDomain(finding.domain)} looks like a mistyped domain, and the address is close to the address of another customer: no correction is offered. Ask the customer to spell the address again.`;
      }
      if (finding.correctionWithheld === 'not-looked-up') {
        return sv
          ? `${displayDomain(finding.domain)} ser ut som en felskriven domän; ingen rättelse föreslås, eftersom det inte gick att slå upp om den rättade adressen är en annan kunds. Be kunden stava adressen igen.`
          : `${displayDomain(finding.domain)} looks like a mistyped domain; no correction is offered, as whether the corrected address is another customer's could not be looked up. Ask the customer to spell the address again.`;
      }
      if (finding.reason === 'unknown-top-level-domain') {
        return sv
          ? `${displayDomain(finding.domain)} har ingen giltig toppdomän och kan inte ta emot e-post.`
          : `${displayDomain(finding.domain)} does not end in a real top-level domain and cannot receive mail.`;
      }
      if (finding.suggestedDomain && finding.reason === 'provider-sound') {
        return sv
          ? `${displayDomain(finding.domain)} låter som ${displayDomain(finding.suggestedDomain)}: namnet verkar stavat som det uttalas.`
          : `${displayDomain(finding.domain)} sounds like ${displayDomain(finding.suggestedDomain)}: the name seems spelt as it is said.`;
      }
      if (finding.suggestedDomain) {
        return sv
          ? `${displayDomain(finding.domain)} ser ut som ett skrivfel av ${displayDomain(finding.suggestedDomain)}.`
          : `${displayDomain(finding.domain)} looks like a typo of ${displayDomain(finding.suggestedDomain)}.`;
      }
      return tiedDomainsMessage(finding.domain, finding.candidates, sv);
    }
    case 'confusable-characters': {
      const characters = finding.characters
        .map((c) => `${c.character} (${scriptName(c.script, sv)} ${c.codePoint})`)
        .join(', ');
      // What it reads as is not named when it is (or may be) another customer's address: the
      // salesperson would type it, and the order would reach that customer.
      if (finding.correctionWithheld === 'other-customer') {
        return sv
          ? `Adressen innehåller tecken från ett annat alfabet som liknar vanliga bokstäver: ${characters}. Skriven med vanliga bokstäver är den en annan kunds adress, så ingen rättelse föreslås. Be kunden stava adressen igen.`
          : `The address contains characters from another alphabet that look like ordinary letters: ${characters}. Written in ordinary letters it is another customer's address, so no correction is offered. Ask the customer to spell the address again.`;
      }
      if (finding.correctionWithheld === 'not-looked-up') {
        return sv
          ? `Adressen innehåller tecken från ett annat alfabet som liknar vanliga bokstäver: ${characters}. Ingen rättelse föreslås, eftersom det inte gick att slå upp om adressen skriven med vanliga bokstäver är en annan kunds. Be kunden stava adressen igen.`
          : `The address contains characters from another alphabet that look like ordinary letters: ${characters}. No correction is offered, as whether the address in ordinary letters is another customer's could not be looked up. Ask the customer to spell the address again.`;
      }
      // A finding built without its reading (a caller's own, one stored before it was withheld) says
      // what the characters do without naming an address it does not have.
      if (finding.lookalike === undefined) {
        return sv
          ? `Adressen innehåller tecken från ett annat alfabet som liknar vanliga bokstäver: ${characters}. Den ser ut som en adress med vanliga bokstäver men är en annan adress.`
          : `The address contains characters from another alphabet that look like ordinary letters: ${characters}. It passes for an address in ordinary letters, but is a different address.`;
      }
      return sv
        ? `Adressen innehåller tecken från ett annat alfabet som liknar vanliga bokstäver: ${characters}. Den ser ut som ${finding.lookalike} men är en annan adress.`
        : `The address contains characters from another alphabet that look like ordinary letters: ${characters}. It reads as ${finding.lookalike} but is a different address.`;
    }
    case 'invalid-address':
      if (finding.extracted !== undefined) return heldAddressMessage(finding.extracted, finding.known, sv);
      // `"erik.lind@telia.com"@evil.com` reads as erik's address in a mail client; the mail goes
      // to the domain after the last @ (RFC 5322 §3.4.1), so both are named.
      if (finding.shown !== undefined && finding.domain !== undefined) {
        // Unquoted (`erik.lind%telia.com@evil.com`, a full-width @): no quotation marks to leave out.
        if (finding.detail === UNQUOTED_LOCAL_PART_SHOWS_ADDRESS)
          return sv
            ? `Det här visar ${finding.shown} före sista snabel-a, men posten skulle gå till ${finding.domain}, delen efter det: be kunden stava adressen igen.`
            : `This shows ${finding.shown} before the last @, but the mail would go to ${finding.domain}, the part after it: ask the customer to spell the address again.`;
        return sv
          ? `Det här visar ${finding.shown} inom citattecken, men posten skulle gå till ${finding.domain}, delen efter sista snabel-a: skriv adressen utan citattecken.`
          : `This shows ${finding.shown} in quotation marks, but the mail would go to ${finding.domain}, the part after the last @: type the address without quotation marks.`;
      }
      return sv
        ? `Det här är inte en användbar e-postadress: ${INVALID_REASONS.sv[finding.reason]}.`
        : `This is not a usable e-mail address: ${INVALID_REASONS.en[finding.reason]}.`;
    case 'number-mismatch': {
      const what = numberSourceName(finding, sv);
      // `2oo1`: letters typed for digits are no digits; the sentence says what was typed.
      if (/\D/.test(finding.digits)) {
        return sv
          ? `${finding.digits} liknar kundens ${what} ${finding.expected} skrivet med bokstäver i stället för siffror: ${describeEdits(finding.edits, locale)}.`
          : `${finding.digits} looks like the customer's ${what} ${finding.expected} typed with letters for digits: ${describeEdits(finding.edits, locale)}.`;
      }
      if (finding.otherYear) {
        return sv
          ? `Siffrorna ${finding.digits} ser ut som ett födelseår, men kunden är född ${finding.expected}.`
          : `The digits ${finding.digits} read as a birth year, but the customer was born in ${finding.expected}.`;
      }
      return sv
        ? `Siffrorna ${finding.digits} liknar kundens ${what} ${finding.expected} med ett skrivfel: ${describeEdits(finding.edits, locale)}.`
        : `The digits ${finding.digits} look like the customer's ${what} ${finding.expected} with a typo: ${describeEdits(finding.edits, locale)}.`;
    }
    case 'unverified-address':
      if (finding.knownAddresses === 0 && finding.unusableKnownAddresses) {
        return sv
          ? 'Ingen adress i kundregistret kunde jämföras: läs upp adressen för kunden och låt kunden bekräfta den.'
          : "No address on the customer's record could be compared: read the address back and have the customer confirm it.";
      }
      if (finding.knownAddresses === 0) {
        return sv
          ? 'Kunden har ingen bekräftad adress än: läs upp adressen för kunden och låt kunden bekräfta den.'
          : 'The customer has no confirmed address yet: read the address back and have the customer confirm it.';
      }
      if (finding.closeKnownAddresses !== undefined) {
        return sv
          ? `Adressen är inte en av kundens kända adresser, men den liknar ${finding.closeKnownAddresses} av dem (de ${KNOWN_ADDRESS_FINDINGS} närmaste visas): läs upp den för kunden innan något skickas.`
          : `This is not one of the customer's known addresses, though it is close to ${finding.closeKnownAddresses} of them (the ${KNOWN_ADDRESS_FINDINGS} closest are listed): read it back to the customer before anything is sent.`;
      }
      return sv
        ? 'Adressen är inte en av kundens kända adresser: läs upp den för kunden innan något skickas.'
        : "This is not one of the customer's known addresses: read it back to the customer before anything is sent.";
    case 'invalid-known-address': {
      // `Maria Lund <maria.lund79@telia.com>`: the address is there, only wrapped in a name
      // (RFC 5322 §3.4 name-addr); the record is mended by keeping the address alone.
      const bare = finding.reason === 'display-name' ? angleAddressAtEnd(finding.known) : undefined;
      if (bare !== undefined) {
        return sv
          ? `Kundens registrerade adress ${JSON.stringify(finding.known)} har ett namn med: spara den utan, som ${JSON.stringify(bare).slice(1, -1)}, så att den kan jämföras.`
          : `The customer's address on file ${JSON.stringify(finding.known)} carries a name: store it bare, as ${JSON.stringify(bare).slice(1, -1)}, so it can be compared.`;
      }
      // Quoted as a JSON string: a line break on file is shown as \r\n, never passed on in the text.
      return sv
        ? `Kundens registrerade adress ${JSON.stringify(finding.known)} är ingen användbar e-postadress (${INVALID_REASONS.sv[finding.reason]}), så den kunde inte jämföras: rätta kundregistret.`
        : `The customer's address on file ${JSON.stringify(finding.known)} is not a usable e-mail address (${INVALID_REASONS.en[finding.reason]}), so it could not be compared: correct the customer record.`;
    }
    case 'invalid-known-phone':
      return sv
        ? `Kundens registrerade nummer ${JSON.stringify(finding.known)} går inte att läsa som ett telefonnummer, så det kunde inte jämföras: rätta kundregistret.`
        : `The customer's number on file ${JSON.stringify(finding.known)} cannot be read as a phone number, so it could not be compared: correct the customer record.`;
    case 'disposable-domain':
      return sv
        ? `${displayDomain(finding.domain)} delar ut tillfälliga engångsadresser.`
        : `${displayDomain(finding.domain)} hands out temporary throw-away addresses.`;
    case 'role-address':
      return sv
        ? `${finding.local}@ är en gemensam funktionsbrevlåda, inte en persons.`
        : `${finding.local}@ is a shared or role mailbox, not a person's.`;
    case 'belongs-to-other-customer':
      if (finding.customerId === undefined) {
        return sv
          ? 'Adressen är registrerad på en annan kund. Kontrollera att den verkligen är den här kundens.'
          : "This address is registered to another customer. Check that it really is this customer's.";
      }
      return sv
        ? `Adressen når en brevlåda som är känd för en annan kund (${finding.customerId}, ${displayAddress(finding.known)}). Kontrollera att den verkligen är den här kundens.`
        : `This reaches a mailbox known for another customer (${finding.customerId}, ${displayAddress(finding.known)}). Check that it really is this customer's.`;
    case 'near-miss-other-customer': {
      if (finding.otherPerson) {
        const { known, whose, slips } = otherCustomersAddress(finding, locale);
        return sv
          ? `Ett skrivfel från ${known}, adressen till en annan kund${whose} med samma eller liknande namn men annat födelsedatum eller telefonnummer: två olika personer, och post till den ena kan hamna hos den andra${slips}.`
          : `One slip from ${known}, the address of another customer${whose} with the same or a similar name but another birth date or phone number: two different people, and mail for one could reach the other${slips}.`;
      }
      if (finding.customerId === undefined || finding.edits === undefined) {
        return sv
          ? `Ser ut som ett skrivfel av en adress som är registrerad på en annan kund (${displayAddress(finding.known)}): kontrollera adressen med kunden, som kan vara registrerad två gånger.`
          : `Looks like a typo of an address registered to another customer (${displayAddress(finding.known)}): check the address with the customer, who may be registered twice.`;
      }
      const slips = describeEdits(finding.edits, locale);
      const same = finding.sameMailbox;
      const edits = same
        ? sv
          ? `samma brevlåda som ${displayAddress(same.known)}, som skiljer sig bara i ${list(
              same.reasons.map((reason) => EQUIVALENCE.sv[reason] ?? reason),
              locale,
            )}; från den: ${slips}`
          : `the same mailbox as ${displayAddress(same.known)}, which differs only in ${list(
              same.reasons.map((reason) => EQUIVALENCE.en[reason] ?? reason),
              locale,
            )}; from that: ${slips}`
        : slips;
      return sv
        ? `Ser ut som ett skrivfel av ${displayAddress(finding.known)}, som tillhör kund ${finding.customerId} med samma eller liknande namn: troligen samma person registrerad två gånger (${edits}).`
        : `Looks like a typo of ${displayAddress(finding.known)}, which belongs to customer ${finding.customerId} with the same or a similar name: probably the same person registered twice (${edits}).`;
    }
    case 'near-miss-other-name': {
      const { known, whose, slips } = otherCustomersAddress(finding, locale);
      // A customer with no name on record (a new one, entered without it) has no name the address
      // could fit less well: only that it fits the other customer's is said.
      if (finding.customerNameless) {
        return sv
          ? `Ett skrivfel från ${known}, adressen till en annan kund${whose}, vars namn adressen passar; den här kunden har inget namn registrerat att jämföra med: kontrollera att det inte är den andra kundens adress${slips}.`
          : `One slip from ${known}, the address of another customer${whose} whose name it fits; this customer has no name on record to compare it with: check that it is not that customer's address${slips}.`;
      }
      return sv
        ? `Ett skrivfel från ${known}, adressen till en annan kund${whose}, vars namn adressen passar bättre än den här kundens: kontrollera att det inte är den andra kundens adress${slips}.`
        : `One slip from ${known}, the address of another customer${whose} whose name it fits better than this customer's: check that it is not that customer's address${slips}.`;
    }
    case 'invalid-phone':
      return sv
        ? finding.reason === 'unreadable'
          ? 'Det här går inte att läsa som ett telefonnummer.'
          : 'Numret är inte ett giltigt telefonnummer i sitt land.'
        : finding.reason === 'unreadable'
          ? 'This cannot be read as a phone number.'
          : 'This is not a valid phone number for its country.';
    case 'unverified-phone':
      return sv
        ? 'Numret är inte ett av kundens kända nummer: läs upp det för kunden innan något skickas.'
        : "This is not one of the customer's known numbers: read it back to the customer before anything is sent.";
    case 'lookup-failed':
      return sv
        ? 'Kunduppgifterna kunde inte hämtas, så adressen kunde inte jämföras med dem.'
        : "The customer's details could not be looked up, so the address could not be checked against them.";
  }
}

/** The other customer's address, whose it is (when revealed) and the slips from it, as the messages put them. */
function otherCustomersAddress(
  finding: { readonly known: string; readonly customerId?: string; readonly edits?: readonly Edit[] },
  locale: Locale,
): { known: string; whose: string; slips: string } {
  const sv = locale === 'sv';
  return {
    known: displayAddress(finding.known),
    whose:
      finding.customerId === undefined
        ? ''
        : sv
          ? ` (kund ${finding.customerId})`
          : ` (customer ${finding.customerId})`,
    slips: finding.edits === undefined ? '' : ` (${describeEdits(finding.edits, locale)})`,
  };
}

/**
 * What the expected number of a `number-mismatch` is of the customer's: the part of the birth date
 * it writes (`0512` is a day and month, not a year), else the phone number.
 */
function numberSourceName(
  finding: Pick<Extract<Finding, { code: 'number-mismatch' }>, 'source' | 'birthDatePart'>,
  sv: boolean,
): string {
  if (finding.source === 'phone') return sv ? 'telefonnummer' : 'phone number';
  switch (finding.birthDatePart) {
    case 'year':
      return sv ? 'födelseår' : 'birth year';
    case 'date':
      return sv ? 'födelsedatum' : 'birth date';
    case 'year-month':
      return sv ? 'födelseår och -månad' : 'birth year and month';
    case 'day-month':
      return sv ? 'födelsedag (dag och månad)' : 'birthday (day and month)';
    default:
      return sv ? 'födelsedatum eller födelseår' : 'birth date or year';
  }
}

/**
 * The address in the angle brackets that end `text` (`Maria Lund <maria.lund79@telia.com>`, blanks
 * after it allowed): something, an @, something, with no blank or angle bracket inside. Read from
 * the last `<`, once, since whatever follows it may hold no other: a pattern that tries every @ as
 * the split costs the square of the length on `<a@a@a@…` with no `>`, and the text is a customer
 * record's, typed by anyone.
 */
function angleAddressAtEnd(text: string): string | undefined {
  // trimEnd drops what `\s` matches: WhiteSpace and LineTerminator (ECMA-262 §22.1.3.32, §22.2.2.9).
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('>')) return undefined;
  const open = trimmed.lastIndexOf('<');
  const inside = trimmed.slice(open + 1, -1);
  if (open === -1 || !/^[^<>\s]+$/.test(inside)) return undefined;
  const at = inside.indexOf('@', 1);
  return at !== -1 && at < inside.length - 1 ? inside : undefined;
}
