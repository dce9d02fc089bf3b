import { type CountryCode, findPhoneNumbersInText } from 'libphonenumber-js';
import { parsePhone } from '../phone/parse-phone.js';
import type { DataCategory } from './data/data-categories.js';
import { findEmailAddresses } from './find-email-addresses.js';
import { findLoginCodes } from './find-login-codes.js';
import { findPrices } from './find-prices.js';
import { TakenRanges } from './taken-ranges.js';

/** The finer kind of one finding, beside its {@link DataCategory}. */
export type PersonalDataKind =
  | 'name'
  | 'postal-address'
  | 'customer-number'
  | 'order-number'
  | 'service'
  | 'price'
  | 'phone-number'
  | 'email-address'
  | 'national-id-number'
  | 'identity-number'
  | 'date-of-birth'
  | 'payment-card'
  | 'card-last-digits'
  | 'iban'
  | 'bank-account'
  | 'payment-reference'
  | 'invoice-amount'
  | 'password'
  | 'login-code'
  | 'password-reset-link'
  | 'account-link'
  | 'special-category-term';

/** One piece of personal data found in a text. */
export interface PersonalDataHit {
  readonly category: DataCategory;
  readonly kind: PersonalDataKind;
  /** Offsets in the scanned text. */
  readonly start: number;
  readonly end: number;
  /** The value with its identifying characters masked; exactly as long as the value. */
  readonly redacted: string;
  /** The value, normalised, to tell repeated findings apart. Never leaves the library's results. */
  readonly key: string;
  /** The value is exactly one the customer record holds. */
  readonly matchesCustomer: boolean;
  /**
   * Shaped like an identity number (it starts with a date) but no country's check fits: a mistyped
   * number, or an order number built from a date. Masked like one, and left for a person to judge.
   */
  readonly unconfirmed?: true;
}

/** What is known about the person a text is about, to recognise their data exactly. */
export interface KnownPerson {
  readonly name?: string | undefined;
  readonly postalAddress?: string | undefined;
  readonly customerNumber?: string | undefined;
  readonly emails?: readonly string[] | undefined;
  readonly phones?: readonly string[] | undefined;
  readonly birthDate?: string | undefined;
}

/** Options of {@link findPersonalData}. */
export interface FindPersonalDataOptions {
  /** The person the text is about. */
  readonly person?: KnownPerson | undefined;
  /** Values that belong to the organisation (its support address and number), never reported. */
  readonly ignore?: readonly string[] | undefined;
  /** ISO 3166-1 region for national phone numbers. */
  readonly region?: string | undefined;
}

const MASK = '•';
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Shared mailboxes of the sender, not a person's address.
const ROLE_LOCAL_PARTS =
  /^(?:no-?reply|info|kundservice|kundtjanst|support|order|orders|kontakt|contact|hello|hej|service|faktura|invoice|noreply)$/i;
// Regions whose national numbers are written with the trunk prefix 0 (08-123 456 00, 020 7946 0000).
const TRUNK_ZERO_REGIONS: ReadonlySet<string> = new Set([
  'SE',
  'FI',
  'DE',
  'AT',
  'CH',
  'NL',
  'BE',
  'FR',
  'GB',
  'IE',
]);
const NAME = '[A-ZÅÄÖÉÜ][a-zåäöéüß]+(?:[ -][A-ZÅÄÖÉÜ][a-zåäöéüß]+){0,2}';

/**
 * Finds the personal data in one piece of text: what a misdirected message shows its reader. Every
 * number is checked before it counts (the Luhn check of Swedish personal identity numbers and
 * cards, ISO 13616 mod 97 for IBANs, libphonenumber-js metadata for phones). Never throws.
 *
 * @example
 * ```ts
 * findPersonalData('Personnummer: 850412-3453').map((hit) => hit.redacted); // ['85••••-••••']
 * ```
 */
/** Whether the digits of `value` end in a modulus-10 (Luhn) check digit, as bankgiro and plusgiro numbers do. */
function luhnDigits(value: string): boolean {
  return luhn(value.replace(/\D/g, ''));
}

export function findPersonalData(text: string, options: FindPersonalDataOptions = {}): PersonalDataHit[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const person = options.person ?? {};
  const ignore = new Set((options.ignore ?? []).map((value) => value.trim().toLowerCase()));
  const region = (options.region ?? 'SE').toUpperCase() as CountryCode;
  const ignoredPhones = new Set(
    (options.ignore ?? []).map((value) => parsePhone(value, region)?.e164).filter((value) => value),
  );
  const customerPhones = new Set((person.phones ?? []).map((value) => parsePhone(value, region)?.e164));
  const customerEmails = new Set((person.emails ?? []).map((value) => value.trim().toLowerCase()));
  const hits: PersonalDataHit[] = [];
  const taken = new TakenRanges();
  const add = (
    category: DataCategory,
    kind: PersonalDataKind,
    start: number,
    value: string,
    redacted: string,
    key: string,
    matchesCustomer = false,
    unconfirmed = false,
  ) => {
    const end = start + value.length;
    // The first finding of a stretch of text keeps it; later patterns do not report it again.
    if (value.trim().length === 0 || !taken.claim(start, end)) return;
    hits.push({
      category,
      kind,
      start,
      end,
      redacted,
      key,
      matchesCustomer,
      ...(unconfirmed ? { unconfirmed } : {}),
    });
  };

  // The customer record first: an exact value beats any pattern (the record knows it is theirs).
  for (const [category, kind, value] of [
    ['name', 'name', person.name],
    ['postal-address', 'postal-address', person.postalAddress],
    ['customer-number', 'customer-number', person.customerNumber],
  ] as const) {
    if (!value || value.trim().length < 2) continue;
    for (const start of occurrences(text, value.trim())) {
      const found = text.slice(start, start + value.trim().length);
      add(
        category,
        kind,
        start,
        found,
        maskWords(found, category === 'customer-number' ? 0 : 1),
        key(found),
        true,
      );
    }
  }

  // A list exported from a register (a CSV or TSV file, a pasted table) has no "Namn:" label on each
  // row: the header row names the column instead (RFC 4180 §2: an optional header line). Every cell
  // under a header that names a person's name is a name.
  for (const cell of tableNameCells(text)) {
    const value = text.slice(cell.start, cell.end);
    add('name', 'name', cell.start, value, maskWords(value, 1), key(value));
  }

  for (const match of text.matchAll(/https?:\/\/[^\s<>"')\]]+/gi)) {
    const url = match[0];
    const secret = /reset|passw|l[oö]senord|token|activat|aktiver|verif|magic|auth|login|logga-?in|setpass/i;
    const longParameter = /[?&#][\w-]+=[\w%.~-]{16,}/;
    if (!secret.test(url) && !longParameter.test(url)) continue;
    const kind = /reset|passw|l[oö]senord|setpass/i.test(url) ? 'password-reset-link' : 'account-link';
    add('credentials', kind, match.index, url, maskUrl(url), key(url));
  }

  // A one-time or login code before the password pattern, so a code written `Engångskod: 481516` is
  // named as the code it is.
  for (const found of findLoginCodes(text))
    add('credentials', 'login-code', found.index, found.value, mask(found.value, 0, 0), key(found.value));

  for (const match of text.matchAll(
    // A password is also given in a sentence ("Ditt lösenord till Mina sidor: …", "The password for
    // the attachment is: …"): a few words, on the same line and in the same sentence, between the
    // word and the colon. Without a colon ("Lösenordet är Xk29", "Password is Xk29") the value must
    // hold a digit or a symbol other than a hyphen, so "Password is case-sensitive" or "Byt
    // lösenord på Mina sidor" names no secret.
    /(?:(?:tillfälligt lösenord|lösenord|password|engångskod|one-time code|verification code|pin-kod|pin|(?:lösenord(?:et)?|password)[ \t][^\n:.?!]{0,40})\s*:\s*|(?:lösenord(?:et)?|password)(?:[ \t][^\n:.?!]{0,40}?)?[ \t](?:är|is)[ \t]+(?=[^\s]*[0-9!#$%&*+@^_~]))(\S{4,})/gi,
  )) {
    const value = match[1] ?? '';
    add(
      'credentials',
      'password',
      match.index + match[0].length - value.length,
      value,
      mask(value, 0, 0),
      key(value),
    );
  }

  for (const match of findEmailAddresses(text)) {
    const address = match.value;
    const local = address.slice(0, address.indexOf('@'));
    const lower = address.toLowerCase();
    if (ignore.has(lower) || (ROLE_LOCAL_PARTS.test(local) && !customerEmails.has(lower))) continue;
    const redacted = mask(local, 1, 0) + address.slice(local.length);
    add('email-address', 'email-address', match.index, address, redacted, lower, customerEmails.has(lower));
  }

  for (const match of text.matchAll(/(?<![\d-])(19|20)?(\d{6})([-+]?)(\d{4})(?![\d-])/g)) {
    const [whole, century, date = '', separator, serial = ''] = match;
    const labelled = SWEDISH_IDENTITY_LABEL.test(text.slice(Math.max(0, match.index - 30), match.index));
    if (!century && !separator && !labelled) continue;
    if (!isSwedishIdentityNumber(date, serial)) continue;
    add('national-id-number', 'national-id-number', match.index, whole, mask(whole, 2, 0), date + serial);
  }

  // The identity numbers of Denmark, Norway, Finland and the UK, where their shape and check digit
  // (where one exists) fit. Other runs of that shape are reported last, unconfirmed (see below).
  const identityShapes = [...text.matchAll(IDENTITY_SHAPE)];
  const phones = safePhoneSearch(text, region);
  // Both lists are in text order: the phones ending before a run are passed once, not searched again.
  let nextPhone = 0;
  for (const match of identityShapes) {
    while (nextPhone < phones.length && (phones[nextPhone]?.endsAt ?? 0) < match.index) nextPhone += 1;
    const phone = phones[nextPhone];
    if (isForeignIdentityNumber(match[0]) && !writtenAsPhone(text, match.index, match[0], phone, region))
      add(
        'national-id-number',
        'identity-number',
        match.index,
        match[0],
        mask(match[0], 0, 0),
        key(match[0]),
      );
  }

  for (const match of text.matchAll(/(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g)) {
    const digits = match[0].replace(/\D/g, '');
    if (!/^[2-6]/.test(digits) || /^(\d)\1+$/.test(digits) || !luhn(digits)) continue;
    add('payment-card', 'payment-card', match.index, match[0], mask(match[0], 0, 4), digits);
  }

  // A card number masked to its last four digits, as receipts and order confirmations print it
  // ("**** **** **** 4417", "···· 4417"). PCI DSS v4.0 requirement 3.4.1 allows showing at most the
  // first six and last four digits: what is left cannot pay for anything, so it is an order detail,
  // named as its own kind, not a card number. Each mask group is a bounded run, read once.
  for (const match of text.matchAll(/(?<![\p{L}\p{N}*•·xX])(?:[*•·xX]{4}[ -]?){1,3}\d{4}(?![\p{L}\p{N}])/gu))
    add('order-details', 'card-last-digits', match.index, match[0], match[0], key(match[0]));

  for (const match of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g)) {
    const compact = match[0].replace(/ /g, '');
    if (compact.length < 15 || compact.length > 34 || !ibanValid(compact)) continue;
    add('account-number', 'iban', match.index, match[0], mask(match[0], 2, 4), compact);
  }

  // The payee's giro number on an invoice: a bankgiro number has 7 or 8 digits written NNN-NNNN or
  // NNNN-NNNN (Bankgirot, "Bankgironummer"), a plusgiro number 2 to 8 digits with a hyphen before the
  // last (Plusgirot, "Plusgironummer"); both end in a modulus-10 (Luhn) check digit. It is where the
  // customer pays, the seller's account, not the customer's: it tells the reader nothing about the
  // person, so it is not reported, and its digits are claimed so no later pattern reads them as a
  // number of the customer's.
  for (const pattern of [
    /\b(?:bankgiro|bg)(?:nummer|nr)?[.:]?\s*(\d{3,4}-\d{4})(?![\d-])/gi,
    /\b(?:plusgiro|postgiro|pg)(?:nummer|nr)?[.:]?\s*((?:\d[ ]?){1,7}-\d)(?![\d-])/gi,
  ]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      if (!luhnDigits(value)) continue;
      const start = match.index + match[0].length - value.length;
      taken.claim(start, start + value.length);
    }
  }

  // The customer's own bank account, written without an IBAN on autogiro mandates and refunds: a
  // clearing number of 4 digits (Swedbank's 5, as 8327-9) and an account number, written after
  // "konto" or "kontonummer" (Bankgirot, "Bankernas kontonummer").
  const bankDetails: Array<[RegExp, DataCategory, PersonalDataKind]> = [
    [
      /\b(?:konto|kontonummer|kontonr|bankkonto|clearingnummer|clearingnr|account)[.:]?\s*(\d{4}(?:-\d)?[ ,-]+\d(?:[ -]?\d){5,13})(?![\d])/gi,
      'account-number',
      'bank-account',
    ],
    // The clearing number and the account number each under its own label, on one line after a comma
    // ("clearingnummer 8327-9, kontonummer 914 343 262-4") or on two ("Clearingnummer: 8327-9" then
    // "Kontonummer: 914 343 262-4"), as Swedbank and the savings banks write them: a clearing number
    // of 4 or 5 digits and an account number of up to 15 (Bankgirot, "Bankernas kontonummeruppgifter",
    // the account number formats of the Swedish banks). The account number alone is the hit; each
    // separator is one bounded run of blanks, so no run of white space can be split two ways.
    [
      /\b(?:clearingnummer|clearingnr|clearing)[.:]?[ \t]*\d{4}(?:-\d)?(?:,[ \t]*|[ \t]*\r?\n[ \t]*|[ \t]+)(?:kontonummer|kontonr|konto)[.:]?[ \t]*(\d(?:[ -]?\d){5,14})(?!\d)/gi,
      'account-number',
      'bank-account',
    ],
    // The OCR reference on a Swedish invoice identifies the payer's invoice (Bankgirot, OCR-referens).
    // Like the amount due below, it is a payment detail of one order, so an order detail: not the
    // "financial information relating to credit card and bank account details" that EDPB Guidelines
    // 9/2022 (section IV.B) and Regulation 611/2013 Art. 3(2)(a) weigh high, since it shows nothing of
    // the person's means and moves no money; EDPB Guidelines 01/2021 Case No. 13 judged a packing slip
    // with the price paid a low risk.
    [/\bOCR(?:-?(?:nummer|nr|referens))?[.:]?\s*(\d{2,25})(?!\d)/g, 'order-details', 'payment-reference'],
  ];
  for (const [pattern, category, kind] of bankDetails) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      add(category, kind, match.index + match[0].length - value.length, value, mask(value, 0, 2), key(value));
    }
  }
  // The amount due on an order or invoice is what this purchase costs: an order detail, like its
  // prices. Financial data is what shows a person's means or moves their money (account and card
  // numbers, income, debts: EDPB Guidelines 9/2022 section IV.B, Regulation 611/2013 Art. 3(2)(a)), and
  // EDPB Guidelines 01/2021 Case No. 13 judged a packing slip with the price paid a low risk. Calling
  // a total "financial" would tell a customer their card or account had leaked.
  // Each run of white space has one \s* that can take it: three in a row (before and after an optional
  // colon, after an optional currency) split a long run every way before failing, cubic in its length.
  for (const match of text.matchAll(
    /\b(?:att betala|belopp att betala|summa att betala|fakturabelopp|amount due|total due|balance due)\s*(?:[.:]\s*)?((?:(?:SEK|kr|€|EUR)\s*)?\d[\d  .]*(?:,\d{2})?\s*(?:kr|SEK|:-|€|EUR)?)/gi,
  )) {
    const value = (match[1] ?? '').trimEnd();
    add(
      'order-details',
      'invoice-amount',
      match.index + match[0].indexOf(value, match[0].length - (match[1] ?? '').length),
      value,
      value,
      key(value),
    );
  }

  const labelled: Array<[RegExp, DataCategory, PersonalDataKind]> = [
    [
      /(?:kundnummer|kundnr\.?|kund-id|customer (?:number|no\.?|id)|account number)\s*(?:[:#]\s*)?([A-Z0-9][A-Z0-9-]{3,})/gi,
      'customer-number',
      'customer-number',
    ],
    [
      /(?:ordernummer|ordernr\.?|beställningsnummer|order (?:number|no\.?|id)|booking reference|bokningsnummer)\s*(?:[:#]\s*)?([A-Z0-9][A-Z0-9-]{3,})/gi,
      'order-details',
      'order-number',
    ],
  ];
  for (const [pattern, category, kind] of labelled) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      const start = match.index + match[0].length - value.length;
      const matches = person.customerNumber !== undefined && value === person.customerNumber.trim();
      add(category, kind, start, value, mask(value, 0, 2), key(value), matches);
    }
  }

  const addBirthDate = (start: number, value: string) =>
    add('date-of-birth', 'date-of-birth', start, value, mask(value, 4, 0), value, value === person.birthDate);
  if (person.birthDate) {
    for (const start of occurrences(text, person.birthDate)) addBirthDate(start, person.birthDate);
  }

  // A date of birth under its label is one whatever the customer record holds (a record without
  // one, or a child's entered by a guardian): it tells the person's age, and a child's data merits
  // specific protection (GDPR Recital 38). The run between label and date is bounded, so a label
  // followed by a long run of white space is read once.
  for (const match of text.matchAll(
    /\b(?:födelsedatum|född|date of birth|birth date|born|DOB)[\s:]{1,4}(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b/gi,
  )) {
    const value = match[1] ?? '';
    addBirthDate(match.index + match[0].length - value.length, value);
  }

  const callRecords = callRecordLines(text, phones);
  for (const [index, found] of phones.entries()) {
    const e164 = found.number.number;
    if (ignoredPhones.has(e164)) continue;
    const value = text.slice(found.startsAt, found.endsAt);
    // A speed such as 250/250 or a six-digit code reads as a short number; real subscriber numbers
    // (ITU-T E.164, national significant number with area code) have at least eight digits here.
    if (value.includes('/') || value.replace(/\D/g, '').length < 8) continue;
    // A date (2018-03-05, 20180305) reads as a number too.
    if (/^(?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])$/.test(value)) continue;
    // Where national numbers are dialled with the trunk prefix 0 (ITU-T E.164 national prefix), a
    // number written without it or a + is something else: a bankgiro, an invoice or customer number.
    if (TRUNK_ZERO_REGIONS.has(region) && !/^(?:\+|00|0|\(0)/.test(value)) continue;
    add(
      // A number on a line of an itemised call or message list is traffic data: it shows whom the
      // subscriber was in contact with, and when (Directive 2002/58/EC Art. 2(b); Regulation 611/2013
      // Art. 3(2) names traffic data among the data that call for telling the subscriber).
      callRecords[index] ? 'traffic-data' : 'phone-number',
      'phone-number',
      found.startsAt,
      value,
      mask(value, 0, 2),
      e164,
      customerPhones.has(e164),
    );
  }

  for (const match of text.matchAll(
    new RegExp(String.raw`(?:^|[\s>])(?:Hej|Hejsan|Hallå|Bästa|Kära|Dear|Hi|Hello)\s+(${NAME})`, 'gu'),
  )) {
    const value = match[1] ?? '';
    add('name', 'name', match.index + match[0].length - value.length, value, maskWords(value, 1), key(value));
  }
  for (const match of text.matchAll(
    new RegExp(String.raw`(?:Namn|Name|Kund|Customer|Mottagare|Kontaktperson)\s*:[ \t]*(${NAME})`, 'gu'),
  )) {
    const value = match[1] ?? '';
    add('name', 'name', match.index + match[0].length - value.length, value, maskWords(value, 1), key(value));
  }

  for (const match of text.matchAll(
    /(?:Leveransadress|Installationsadress|Faktureringsadress|Adress|Delivery address|Billing address|Address)\s*:[ \t]*([^\n<]{5,80})/gi,
  )) {
    const value = (match[1] ?? '').trimEnd();
    add(
      'postal-address',
      'postal-address',
      match.index + match[0].indexOf(value, match[0].indexOf(':')),
      value,
      maskWords(value, 1),
      key(value),
    );
  }
  // Danish, Norwegian and Finnish addresses: a street named by its suffix (vej, gade; gate, vei; katu,
  // tie), a house number, and maybe the postcode and town after it, on the same line or the next: four
  // digits in Denmark and Norway (Post Danmark, Posten Norge), five in Finland (Posti), each maybe
  // after the country's letters (DK-, N-, FI-). Read before the Swedish streets, whose `gata` is
  // Norwegian too, so a Norwegian postcode stays with its street; a Swedish postnummer (NNN NN) is
  // taken as well.
  for (const match of text.matchAll(
    /[A-ZÆØÅÄÖ][a-zæøåäöé]+(?:vej|gade|allé|plads|stræde|gata|gate|veien|vegen|vei|veg|plass|katu|tie|kuja|polku|tori)[ \t]+\d{1,4}[A-Za-z]?(?:,?[ \t]*(?:\r?\n[ \t]*)?(?:(?:DK|NO?|FIN?)-)?(?:\d{3} \d{2}|\d{4,5})[ \t]+[A-ZÆØÅÄÖ][a-zæøåäöé]+(?:[ \t][A-ZÆØÅÄÖ](?![\p{L}\p{N}]))?)?/gu,
  )) {
    add('postal-address', 'postal-address', match.index, match[0], maskWords(match[0], 1), key(match[0]));
  }
  for (const match of text.matchAll(
    /[A-ZÅÄÖ][a-zåäöé]+(?:gatan|vägen|väg|gata|gränd|stigen|torget|allén|backen|plan|leden| Road| Street)\s+\d+[A-Za-z]?(?:,?\s+\d{3} ?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+)?/g,
  )) {
    add('postal-address', 'postal-address', match.index, match[0], maskWords(match[0], 1), key(match[0]));
  }

  // A UK address: the town and postcode ("Leeds LS6 2AB"), with the house number and street on the
  // line before when they are there ("14 Elm Grove"). Royal Mail's format (Postcode Address File
  // Programmers' Guide): an outward code of one or two letters, a digit and maybe a letter or digit,
  // a space, and an inward code of a digit and two letters, never C, I, K, M, O or V. A postcode
  // alone, without the town before it, is left: a product code can have its shape.
  for (const match of text.matchAll(
    /(?<![\p{L}\p{N}])(?:\d{1,4}[A-Za-z]?[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,3},?[ \t]*\r?\n[ \t]*)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/gu,
  )) {
    add('postal-address', 'postal-address', match.index, match[0], maskWords(match[0], 1), key(match[0]));
  }

  for (const match of text.matchAll(
    /(?:Tjänst|Tjänster|Abonnemang|Produkt|Paket|Service|Subscription|Product)\s*:[ \t]*([^\n<]{2,80})/g,
  )) {
    const value = (match[1] ?? '').trimEnd();
    add(
      'order-details',
      'service',
      match.index + match[0].indexOf(value, match[0].indexOf(':')),
      value,
      value,
      key(value),
    );
  }
  for (const match of findPrices(text)) {
    const line = match.value.trim();
    const start = match.index + match.value.indexOf(line);
    add('order-details', 'price', start, line, line, key(line));
  }

  // A run shaped like an identity number that no pattern above claimed, where no check fits: a
  // mistyped number still identifies someone, so it is a finding of its own (masked in every
  // excerpt). Labelled as an identity number, it is one; otherwise it is marked unconfirmed, for a
  // person to judge rather than to count as one (an order number can be built from a date).
  for (const match of identityShapes) {
    const run = match[0];
    if (!identityShaped(run)) continue;
    const labelled = IDENTITY_LABEL.test(labelBefore(text, match.index));
    add(
      'national-id-number',
      'identity-number',
      match.index,
      run,
      mask(run, 0, 0),
      key(run),
      false,
      !labelled,
    );
  }

  return hits.sort((a, b) => a.start - b.start);
}

// Column headers that name a person's name, in Swedish and English (a customer export's "Namn",
// "Förnamn", "Efternamn"; "Name", "First name", "Last name").
const NAME_HEADER =
  /^(?:namn|kundnamn|fullständigt namn|förnamn|efternamn|name|full name|customer name|first name|last name|surname|given name|family name)$/i;
const TABLE_SEPARATORS = [';', '\t', ','] as const;

/**
 * The cells of a delimited table (RFC 4180, with `;` or a tab as Nordic spreadsheets write it) that
 * lie under a header naming a person's name. Quoted cells with separators inside are not split
 * (a name has none); a row with another number of cells than the header ends the table.
 */
function tableNameCells(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let header: { separator: string; width: number; columns: number[] } | undefined;
  let at = 0;
  while (at <= text.length) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    if (header) {
      const { separator, width, columns } = header;
      const cells = line.split(separator);
      if (cells.length !== width) header = undefined;
      else {
        let offset = at;
        cells.forEach((cell, index) => {
          const trimmed = cell.replace(/^[\s"]+/, '');
          const value = trimmed.replace(/[\s"]+$/, '');
          // A name has letters and no @ or digits: an e-mail address or a number in the column is not one.
          if (columns.includes(index) && /\p{L}/u.test(value) && !/[@\d]/.test(value)) {
            const start = offset + cell.length - trimmed.length;
            found.push({ start, end: start + value.length });
          }
          offset += cell.length + separator.length;
        });
      }
    }
    if (!header) {
      for (const separator of TABLE_SEPARATORS) {
        const cells = line.split(separator);
        if (cells.length < 2) continue;
        const columns = cells.flatMap((cell, index) =>
          NAME_HEADER.test(cell.trim().replace(/^"|"$/g, '')) ? [index] : [],
        );
        if (columns.length > 0) {
          header = { separator, width: cells.length, columns };
          break;
        }
      }
    }
    if (newline === -1) break;
    at = newline + 1;
  }
  return found;
}

/**
 * Masks every hit in `text`, keeping its length, so excerpts of it can be shown. The hits do not
 * overlap (as {@link findPersonalData} returns them); the text is copied once, not once per hit.
 */
export function maskText(text: string, hits: readonly PersonalDataHit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, hit.start), hit.redacted);
    at = hit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// Runs shaped like an identity number: DK CPR DDMMYY-NNNN (CPR-loven § 3), NO fødselsnummer of 11
// digits (DDMMYY and five digits, Skatteetaten), FI henkilötunnus DDMMYY, a century sign and NNNX
// (Väestötietolaki 661/2009 § 12; the signs - + A and, since 2023, B-F and U-Y), the Swedish
// personnummer's (YY)YYMMDD-NNNN, and the UK National Insurance number (two letters, six digits,
// a letter A-D, HMRC NIM39110). Bounded quantifiers only: one pass, linear in the text.
const IDENTITY_SHAPE =
  /(?<![\p{L}\p{N}])(?:(?:\d{2})?\d{6}[-+]?\d{4}|\d{6} ?\d{5}|\d{6}[-+ABCDEFUVWXY]\d{3}[\dA-Y]|[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D])(?![\p{L}\p{N}])/gu;

const FINNISH_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/**
 * A run of {@link IDENTITY_SHAPE} that starts with a date as one country writes it, or is a UK NI
 * number: an order number of ten digits that starts with no date is left as it is. One rule per
 * country: Norway's 11 digits are DDMMYY, a D-number adding 40 to the day (Skatteetaten); Sweden's
 * 12 digits are YYYYMMDD, a coordination number adding 60 to the day (Skatteverket, SKV 707); ten
 * digits are Denmark's or Finland's DDMMYY, or Sweden's YYMMDD.
 */
function identityShaped(run: string): boolean {
  if (/^[A-Z]/.test(run)) return true;
  const digits = run.replace(/\D/g, '');
  const month = (at: number) => {
    const value = Number(digits.slice(at, at + 2));
    return value >= 1 && value <= 12;
  };
  const day = (at: number, added: number) => {
    const value = Number(digits.slice(at, at + 2));
    return (value >= 1 && value <= 31) || (value >= added + 1 && value <= added + 31);
  };
  if (digits.length === 11) return day(0, 40) && month(2);
  if (digits.length === 12) return month(4) && day(6, 60);
  return (day(0, 0) && month(2)) || (month(2) && day(4, 60));
}

// What names the number before it (within 30 characters and after any other number): a phone
// (`Tel:`, `Telefon`, `Mobil`, `Ring`) or an identity number (`Fødselsnummer`, `Personnummer`, `Fnr`,
// `CPR-nr.`, `Henkilötunnus`, `National Insurance number`), in the Nordic languages and English.
const PHONE_LABEL =
  /\b(?:tel|telefon|telefonnr|telefonnummer|telephone|phone|mobil|mobilnr|mobilnummer|mobile|mob|ring|call)\b/iu;
const IDENTITY_LABEL =
  /fødsels(?:nummer|nr)|fodselsnummer|person(?:nummer|nr)|samordningsnummer|\bpnr\b|\bf\.?nr\b|d-nummer|identity number|henkilötunnus|\bhetu\b|\bcpr\b|national insurance|\bni number\b|\bnino\b/iu;

// What lets ten digits run together (no century, no hyphen) be read as a Swedish personnummer or
// samordningsnummer (Skatteverket SKV 704): a Swedish label anywhere in the 30 characters before.
// Not IDENTITY_LABEL after `labelBefore`: that cut stops at any digit, so "Personnummer (10 siffror):"
// and a list after one label ("Personnummer 8112189876 och 8001011231") would lose the label, and
// its Danish and Norwegian words would read a CPR number or a fødselsnummer as Swedish.
const SWEDISH_IDENTITY_LABEL = /person(?:nummer|nr)|pnr|identity number|samordningsnummer/i;

/** The words before a number, within 30 characters and since the number before it (whose label they are not). */
function labelBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 30), start);
  return before.slice(before.search(/\d[^\d]*$/) + 1);
}

/**
 * An 11-digit run that passes the fødselsnummer check may still be a phone number (one in about a
 * hundred does by chance: Skatteetaten's two modulo 11 check digits): it is one where libphonenumber-js
 * reads a valid number there and the text writes it as a phone, with a + or 00 before it, a phone
 * label before it, or, in a region dialled with the trunk 0 (ITU-T E.164 national prefix), as a
 * national number of the message's region. A label that names it an identity number wins.
 */
function writtenAsPhone(
  text: string,
  start: number,
  run: string,
  phone: FoundPhones[number] | undefined,
  region: CountryCode,
): boolean {
  if (run.replace(/\D/g, '').length !== 11) return false;
  const end = start + run.length;
  if (phone === undefined || phone.startsAt > start || phone.endsAt < end) return false;
  const before = text.slice(Math.max(0, start - 30), start);
  // Only the words since the number before, so another number's label does not carry over.
  const label = labelBefore(text, start);
  if (IDENTITY_LABEL.test(label)) return false;
  const written = text.slice(phone.startsAt, end);
  if (/^(?:\+|00)/.test(written) || /(?:\+|00)[ \t]*$/.test(before) || PHONE_LABEL.test(label)) return true;
  return TRUNK_ZERO_REGIONS.has(region) && run.startsWith('0') && phone.number.country === region;
}

/** A day and month that exist, from DDMMYY. */
function isDayMonth(ddmmyy: string): boolean {
  const day = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Modulo 11 check digits of the Norwegian fødselsnummer (Skatteetaten, weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2). */
function norwegianCheck(digits: string): boolean {
  const check = (weights: readonly number[], upTo: number) => {
    let sum = 0;
    for (let index = 0; index < upTo; index++) sum += Number(digits[index]) * (weights[index] ?? 0);
    const rest = 11 - (sum % 11);
    return rest === 11 ? 0 : rest;
  };
  const first = check([3, 7, 6, 1, 8, 9, 4, 5, 2], 9);
  const second = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 10);
  return first === Number(digits[9]) && second === Number(digits[10]);
}

/**
 * An identity number of Denmark (CPR: a date and four digits; no check digit since 2007), Norway
 * (fødselsnummer: a date, birth number and two modulo 11 check digits; a D-number adds 4 to the
 * day), Finland (henkilötunnus: its check character is DDMMYYNNN modulo 31) or the UK (National
 * Insurance number, without the prefixes HMRC never issues: D F I Q U V first, D F I O Q U V
 * second, and BG GB KN NK NT TN ZZ).
 */
function isForeignIdentityNumber(run: string): boolean {
  if (/^[A-Z]/.test(run)) {
    const compact = run.replace(/ /g, '');
    return /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]/.test(compact) && !/^(?:BG|GB|KN|NK|NT|TN|ZZ)/.test(compact);
  }
  const finnish = /^(\d{6})[-+ABCDEFUVWXY](\d{3})([\dA-Y])$/.exec(run);
  if (finnish) {
    const [, date = '', serial = '', check] = finnish;
    // DDMMYY-NNNN is also a CPR number: a Finnish shape whose check fails is tried as Danish below.
    if (isDayMonth(date) && FINNISH_CHECK[Number(date + serial) % 31] === check) return true;
  }
  const digits = run.replace(/[ -+]/g, '');
  if (/^\d{6}-\d{4}$/.test(run)) return isDayMonth(digits);
  if (digits.length === 11) {
    const day = Number(digits.slice(0, 2));
    return (
      isDayMonth(`${String(day > 40 ? day - 40 : day).padStart(2, '0')}${digits.slice(2)}`) &&
      norwegianCheck(digits)
    );
  }
  return false;
}

/** The line around a hit in the masked text, clipped to a readable length. */
export function excerptAround(
  masked: string,
  hit: Pick<PersonalDataHit, 'start' | 'end'>,
  radius = 40,
): string {
  // Line breaks are looked for only within the radius, and one character beyond it to tell a line
  // that starts or ends right there: a text that is one long line would otherwise be read to both
  // of its ends for every excerpt. A line that goes on past the window is cut with an ellipsis.
  const windowStart = Math.max(0, hit.start - radius - 1);
  const windowEnd = Math.min(masked.length, hit.end + radius + 1);
  const breakBefore = masked.slice(windowStart, hit.start).lastIndexOf('\n');
  const breakAfter = masked.slice(hit.end, windowEnd).indexOf('\n');
  const lineStart =
    breakBefore !== -1 ? windowStart + breakBefore + 1 : windowStart === 0 ? 0 : Number.NEGATIVE_INFINITY;
  const lineEnd =
    breakAfter !== -1
      ? hit.end + breakAfter
      : windowEnd === masked.length
        ? masked.length
        : Number.POSITIVE_INFINITY;
  const from = Math.max(lineStart, hit.start - radius);
  const to = Math.min(lineEnd, hit.end + radius);
  const body = masked.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > lineStart ? '…' : ''}${body}${to < lineEnd ? '…' : ''}`;
}

// libphonenumber-js reads a run of digits and spaces as one long candidate and tries its parts, which
// costs more than the run's length (a line of `1 1 1 …` took 1.8 s at 20 KB and 12 s at 80 KB), and
// it throws and catches an error for each candidate that is not a number. So it is given only the
// stretches that can hold a number this scan keeps: runs of the characters numbers are written with
// (digits and libphonenumber-js's VALID_PUNCTUATION), with eight digits or more, and where numbers
// are dialled with the trunk 0, a 0 or a +. A long run is read in windows: a written number is far
// shorter than half a window (E.164 allows 15 digits; `+46 (0)70-123 45 67` is 19 characters), so
// each one lies whole inside some window, away from its cut edges, and each character is read by at
// most two windows.
const PHONE_WINDOW = 128;
const PHONE_STEP = PHONE_WINDOW / 2;
const PHONE_PUNCTUATION: ReadonlySet<number> = new Set(
  [
    ...'+\uff0b-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d/\uff0f.\uff0e[]\uff3b\uff3d()\uff08\uff09~\u2053\u223c\uff5e \t\u00a0\u00ad\u200b\u2060\u3000',
  ].map((char) => char.charCodeAt(0)),
);

type FoundPhones = ReturnType<typeof findPhoneNumbersInText>;

// A line of an itemised bill (a samtalsspecifikation, a list of calls or messages) has a date, a time
// of day and the number called: `2024-03-03 18:22 070-987 65 43 12 min`.
const RECORD_DATE = /(?<!\d)(?:(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)(?!\d)/;
const RECORD_TIME = /(?<![\d:.])\d{1,2}[:.]\d{2}(?![\d])/;

/**
 * For each number found (in text order), whether it stands on a line of an itemised list of calls or
 * messages: a line with a date and a time of day beside the number, in a text with two such lines or
 * more (one dated number is a sentence, a list has rows). Each line is read once.
 */
function callRecordLines(text: string, phones: FoundPhones): boolean[] {
  const lineOf: Array<[number, number]> = [];
  let lineStart = 0;
  let lineEnd = -1;
  for (const found of phones) {
    if (found.startsAt > lineEnd) {
      lineStart = text.lastIndexOf('\n', found.startsAt) + 1;
      const next = text.indexOf('\n', found.startsAt);
      lineEnd = next === -1 ? text.length : next;
    }
    lineOf.push([lineStart, lineEnd]);
  }
  const records = new Set<number>();
  let checked = -1;
  for (const [start, end] of lineOf) {
    if (start === checked) continue;
    checked = start;
    const line = text.slice(start, end);
    if (RECORD_DATE.test(line) && RECORD_TIME.test(line)) records.add(start);
  }
  return records.size < 2 ? phones.map(() => false) : lineOf.map(([start]) => records.has(start));
}

function safePhoneSearch(text: string, region: CountryCode): FoundPhones {
  const found: FoundPhones = [];
  const trunkZero = TRUNK_ZERO_REGIONS.has(region);
  let at = 0;
  while (at < text.length) {
    let end = at;
    let digits = 0;
    let zeroOrPlus = !trunkZero;
    for (; end < text.length; end += 1) {
      const code = text.charCodeAt(end);
      const digit = code >= 48 && code <= 57;
      if (!digit && !PHONE_PUNCTUATION.has(code)) break;
      if (digit) digits += 1;
      if (code === 48 || code === 43) zeroOrPlus = true;
    }
    if (digits >= 8 && zeroOrPlus) {
      // One character on each side, so libphonenumber-js sees what the number is written against.
      const from = Math.max(0, at - 1);
      const to = Math.min(text.length, end + 1);
      const inRun = searchInWindows(text.slice(from, to), region).map((number) => ({
        ...number,
        startsAt: from + number.startsAt,
        endsAt: from + number.endsAt,
      }));
      found.push(...(trunkZero ? withNumbersInRows(text, at, end, inRun, region) : inRun));
    }
    at = end + 1;
  }
  return found;
}

// How far a written national number reaches from its first character (`+46 (0)70-123 45 67` is 19).
const LONGEST_WRITTEN_NUMBER = 24;

/**
 * A row of a table runs a number into the figures beside it (`18:22 070-987 65 43 12 min`): read as
 * one candidate, `22 070-987 65 43 12` is no number, and libphonenumber-js finds none. Where numbers
 * are dialled with the trunk 0, a number starts at a word that starts with 0 or +; so from each such
 * word the run's found numbers do not cover, the longest stretch up to a space that is a whole valid
 * number counts. Each start reads a bounded stretch, so the run is still read in linear time.
 */
function withNumbersInRows(
  text: string,
  start: number,
  end: number,
  found: FoundPhones,
  region: CountryCode,
): FoundPhones {
  const all = [...found];
  let covered = 0;
  let next = 0;
  for (let at = start; at < end; at += 1) {
    const code = text.charCodeAt(at);
    const wordStart = at === start || text[at - 1] === ' ' || text[at - 1] === '\t';
    // A trunk 0 is followed by an area code, which never starts with 0 (00 is the international
    // prefix, followed by a country code): `0 0 0` and `000` start no number.
    const second = text.charCodeAt(at + 1);
    const third = text.charCodeAt(at + 2);
    const startsNumber =
      code === 43
        ? second >= 49 && second <= 57
        : code === 48 && ((second >= 49 && second <= 57) || (second === 48 && third >= 49 && third <= 57));
    if (!wordStart || !startsNumber) continue;
    // The numbers found are in text order: those ending before here are passed once.
    while (next < found.length && (found[next]?.endsAt ?? 0) <= at) next += 1;
    if (at < covered || (found[next]?.startsAt ?? end) <= at) continue;
    const limit = Math.min(end, at + LONGEST_WRITTEN_NUMBER);
    const cuts: number[] = [];
    let digits = 0;
    for (let cut = at + 1; cut <= limit; cut += 1) {
      if (/\d/.test(text[cut - 1] ?? '')) digits += 1;
      // E.164 numbers have at most 15 digits; those kept here have at least 8.
      if ((cut === end || text[cut] === ' ') && digits >= 8 && digits <= 15) cuts.push(cut);
    }
    for (const cut of cuts.reverse()) {
      const candidate = text.slice(at, cut);
      const [number] = searchPhones(candidate, region);
      if (number && number.startsAt === 0 && number.endsAt === candidate.length) {
        all.push({ ...number, startsAt: at, endsAt: cut });
        covered = cut;
        break;
      }
    }
  }
  return all.sort((a, b) => a.startsAt - b.startsAt);
}

function searchInWindows(text: string, region: CountryCode): FoundPhones {
  const found: FoundPhones = [];
  let lastEnd = 0;
  for (let from = 0; from < text.length; from += PHONE_STEP) {
    const to = Math.min(text.length, from + PHONE_WINDOW);
    for (const number of searchPhones(text.slice(from, to), region)) {
      // A number at a cut edge may go on beyond it: the window before or after holds it whole.
      if ((number.startsAt === 0 && from > 0) || (number.endsAt === to - from && to < text.length)) continue;
      const startsAt = from + number.startsAt;
      if (startsAt < lastEnd) continue;
      lastEnd = from + number.endsAt;
      found.push({ ...number, startsAt, endsAt: lastEnd });
    }
    if (to === text.length) break;
  }
  return found;
}

function searchPhones(text: string, region: CountryCode) {
  // libphonenumber-js throws and catches a ParseError for every candidate that is not a number; the
  // stack trace each one records is most of its cost on a run of digits, and nobody reads it.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return findPhoneNumbersInText(text, { defaultCountry: region });
  } catch {
    // libphonenumber-js throws on a few pathological inputs; a text without phones is the honest answer.
    return [];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function occurrences(text: string, value: string): number[] {
  const found: number[] = [];
  const haystack = text.toLowerCase();
  const needle = value.toLowerCase();
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    const before = text[at - 1];
    const after = text[at + needle.length];
    if ((before && LETTER_OR_DIGIT.test(before)) || (after && LETTER_OR_DIGIT.test(after))) continue;
    found.push(at);
  }
  return found;
}

function key(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Masks letters and digits, keeping the first `keepStart` and the last `keepEnd` of them. */
function mask(value: string, keepStart: number, keepEnd: number): string {
  const total = [...value].filter((char) => LETTER_OR_DIGIT.test(char)).length;
  let seen = 0;
  return [...value]
    .map((char) => {
      if (!LETTER_OR_DIGIT.test(char)) return char;
      seen += 1;
      // One mask per UTF-16 unit keeps offsets in the masked text equal to those in the original.
      return seen <= keepStart || seen > total - keepEnd ? char : MASK.repeat(char.length);
    })
    .join('');
}

/** Keeps the first `keep` characters of every word. */
function maskWords(value: string, keep: number): string {
  return value.replace(/[\p{L}\p{N}]+/gu, (word) => mask(word, /^\p{N}/u.test(word) ? 0 : keep, 0));
}

function maskUrl(url: string): string {
  const host = /^https?:\/\/[^/?#]+/i.exec(url)?.[0] ?? '';
  return host + mask(url.slice(host.length), 0, 0);
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Skatteverket SKV 704: YYMMDD (day + 60 for a coordination number) and a Luhn check digit. */
function isSwedishIdentityNumber(date: string, serial: string): boolean {
  const month = Number(date.slice(2, 4));
  const day = Number(date.slice(4, 6));
  const realDay = day > 60 ? day - 60 : day;
  if (month < 1 || month > 12 || realDay < 1 || realDay > 31) return false;
  return luhn(date + serial);
}

/** ISO 13616: move the first four characters to the end, letters to numbers, remainder mod 97 is 1. */
function ibanValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
