import type { Action, Locale } from '../../guard/verdict.js';

/** The words of the order form, in each language the check speaks. */
export interface OrderFormText {
  readonly title: string;
  readonly intro: string;
  readonly customer: string;
  readonly customerHint: string;
  /** Added to the hint by the script, which makes the results a list to pick from. */
  readonly customerKeys: string;
  readonly newCustomer: string;
  readonly picked: (label: string) => string;
  readonly noMatches: string;
  /** Under a full list: more customers matched than are shown. */
  readonly moreMatches: string;
  readonly searchFailed: string;
  /** The answer, with script or without, when the searches are spent for now. */
  readonly tooManySearches: (seconds: number) => string;
  /** The answer, with script or without, when nobody has that id or name. */
  readonly noCustomer: (query: string) => string;
  /** The answer, with script or without, when several customers match. */
  readonly severalCustomers: (labels: readonly string[], more: boolean) => string;
  readonly name: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
  readonly check: string;
  /** Beside the birth date field: a date that is no day of the calendar (`1985-02-30`). */
  readonly invalidBirthDate: (typed: string) => string;
  /** The phone verdict's action, said of the number. */
  readonly phoneAction: Readonly<Record<Action, string>>;
  /** Said while the search or the check waits for the server. */
  readonly searching: string;
  readonly checking: string;
  readonly action: Readonly<Record<Action, string>>;
  readonly useSuggestion: (address: string) => string;
  readonly readBack: string;
  readonly readBackSuggestion: string;
  readonly directory: string;
  readonly directoryNothing: string;
  readonly directoryFailed: string;
  /**
   * Why the server's answer is missing, in the page's words for its status (the problem's `detail`
   * is English): 401 the session ended, 403 refused, 413 too much, 429 when to try again, 5xx the
   * server failed; `0` when the server could not be reached.
   */
  readonly failure: (status: number, retryAfterSeconds: number) => string;
  /** The code read back that proves an address new to the picked customer (`POST /v1/verifications`). */
  readonly verification: VerificationText;
}

/** The words of the code entry: its controls, and each answer of the server in a salesperson's terms. */
export interface VerificationText {
  readonly heading: string;
  readonly send: string;
  readonly code: string;
  readonly codeHint: string;
  readonly confirm: string;
  readonly sending: string;
  readonly sent: (address: string) => string;
  /** A code sent earlier is still good: no second message went out. */
  readonly alreadySent: (address: string) => string;
  /** Verified; `released` held messages went out to it. */
  readonly verified: (address: string, released: number) => string;
  readonly wrongCode: string;
  readonly notACode: string;
  readonly expired: string;
  readonly tooManyAttempts: string;
  readonly noPendingCode: string;
  /** The address is another customer's: said without naming them. */
  readonly otherCustomer: string;
  readonly notSent: string;
}

/** The order form's words in English and Swedish. */
export const orderFormText: Readonly<Record<Locale, OrderFormText>> = {
  en: {
    title: 'Order form',
    intro: 'The address is checked as you type, against what is known about the customer.',
    customer: 'Existing customer: name or customer id',
    customerHint:
      'Three letters of a name (a short word such as “Bo” only beside one of three letters or more), or the whole customer id. Leave it empty for a new customer.',
    customerKeys: 'Arrow keys and Enter pick a result.',
    newCustomer: 'New customer',
    picked: (label) => `Customer: ${label}`,
    noMatches: 'No customer found.',
    moreMatches: 'More than ten customers match: type more of the name.',
    searchFailed: 'The search did not answer',
    tooManySearches: (seconds) =>
      `Too many searches for now: search again in ${waitOf(seconds)}. A customer already shown on this page can still be entered by their whole customer id.`,
    noCustomer: (query) =>
      `No customer has the id or name “${query}”. Enter the whole customer id or three letters of each word of the name, or leave the field empty for a new customer.`,
    severalCustomers: (labels, more) =>
      `${more ? 'More than ten customers match' : 'Several customers match'}: ${labels.join(', ')}. Enter the customer id of the one meant.`,
    name: 'Name',
    birthDate: 'Birth date (YYYY-MM-DD)',
    phone: 'Phone',
    email: 'E-mail',
    check: 'Check',
    invalidBirthDate: (typed) =>
      `“${typed}” is no date (YYYY-MM-DD, a day the month has): the address is checked without it.`,
    phoneAction: {
      send: 'Phone: OK',
      confirm: 'Phone: confirm the number with the customer',
      block: 'Phone: blocked, do not send to this number',
    },
    searching: 'Searching…',
    checking: 'Checking…',
    action: {
      send: 'OK to send',
      confirm: 'Confirm with the customer before sending',
      block: 'Blocked: do not send to this address',
    },
    useSuggestion: (address) => `Use ${address}`,
    readBack: 'Read back',
    readBackSuggestion: 'The suggestion',
    directory: 'Customer directory',
    directoryNothing: 'Nothing more in the customer directory.',
    directoryFailed: 'The customer directory did not answer',
    failure: (status, seconds) =>
      status === 401
        ? 'the session has ended: log in again (reload the page)'
        : status === 403
          ? 'the server refused the request: reload the page and try again'
          : status === 413
            ? 'more was entered than the server takes: shorten the fields'
            : status === 429
              ? `too many requests for now: try again in ${waitOf(seconds)}`
              : status >= 500
                ? 'the server failed: try again in a moment'
                : status === 0
                  ? 'the server could not be reached: check the connection'
                  : `the server answered ${status}`,
    verification: {
      heading: 'Prove the new address',
      send: 'Send a code to this address',
      code: 'Code the customer reads back',
      codeHint: 'Ask the customer to read the code in the message aloud, and type it here.',
      confirm: 'Confirm the code',
      sending: 'Sending…',
      sent: (address) => `A code was sent to ${address}. Ask the customer to read it back.`,
      alreadySent: (address) =>
        `A code already sent to ${address} is still valid: ask the customer to read that one back.`,
      verified: (address, released) =>
        `Verified: ${address} is the customer's address.${released > 0 ? ` ${released} held message${released === 1 ? ' was' : 's were'} sent to it.` : ''}`,
      wrongCode:
        'Wrong code: ask the customer to read it again. After a few wrong codes a new code must be sent.',
      notACode: 'That is not a code: the code is the digits in the message.',
      expired: 'The code has expired: send a new code.',
      tooManyAttempts: 'Too many wrong codes: send a new code.',
      noPendingCode: 'No code is waiting for this address: send a code.',
      otherCustomer:
        'The address is another customer’s: no code is sent, and it cannot be proven for this customer. Ask for the customer’s own address.',
      notSent: 'The mail server did not take the message: no code was sent. Try again in a moment.',
    },
  },
  sv: {
    title: 'Orderformulär',
    intro: 'Adressen kontrolleras medan du skriver, mot det som är känt om kunden.',
    customer: 'Befintlig kund: namn eller kundnummer',
    customerHint:
      'Tre bokstäver av ett namn (ett kort ord som ”Bo” bara bredvid ett med minst tre bokstäver), eller hela kundnumret. Lämna tomt för en ny kund.',
    customerKeys: 'Piltangenterna och Enter väljer en träff.',
    newCustomer: 'Ny kund',
    picked: (label) => `Kund: ${label}`,
    noMatches: 'Ingen kund hittades.',
    moreMatches: 'Fler än tio kunder passar: skriv mer av namnet.',
    searchFailed: 'Sökningen svarade inte',
    tooManySearches: (seconds) =>
      `För många sökningar just nu: sök igen om ${waitOf(seconds)}. En kund som redan visats på sidan kan fortfarande anges med hela kundnumret.`,
    noCustomer: (query) =>
      `Ingen kund har kundnumret eller namnet ”${query}”. Skriv hela kundnumret eller tre bokstäver av varje ord i namnet, eller lämna fältet tomt för en ny kund.`,
    severalCustomers: (labels, more) =>
      `${more ? 'Fler än tio kunder passar' : 'Flera kunder passar'}: ${labels.join(', ')}. Skriv kundnumret för den som avses.`,
    name: 'Namn',
    birthDate: 'Födelsedatum (ÅÅÅÅ-MM-DD)',
    phone: 'Telefon',
    email: 'E-post',
    check: 'Kontrollera',
    invalidBirthDate: (typed) =>
      `”${typed}” är inget datum (ÅÅÅÅ-MM-DD, en dag som månaden har): adressen kontrolleras utan det.`,
    phoneAction: {
      send: 'Telefon: OK',
      confirm: 'Telefon: bekräfta numret med kunden',
      block: 'Telefon: stoppad, skicka inte till det här numret',
    },
    searching: 'Söker…',
    checking: 'Kontrollerar…',
    action: {
      send: 'OK att skicka',
      confirm: 'Bekräfta med kunden innan något skickas',
      block: 'Stoppad: skicka inte till den här adressen',
    },
    useSuggestion: (address) => `Använd ${address}`,
    readBack: 'Läs upp',
    readBackSuggestion: 'Förslaget',
    directory: 'Kundregistret',
    directoryNothing: 'Inget mer i kundregistret.',
    directoryFailed: 'Kundregistret svarade inte',
    failure: (status, seconds) =>
      status === 401
        ? 'sessionen har gått ut: logga in igen (ladda om sidan)'
        : status === 403
          ? 'servern nekade begäran: ladda om sidan och försök igen'
          : status === 413
            ? 'mer skrevs in än servern tar emot: korta fälten'
            : status === 429
              ? `för många förfrågningar just nu: försök igen om ${waitOf(seconds)}`
              : status >= 500
                ? 'servern fick ett fel: försök igen om en stund'
                : status === 0
                  ? 'servern gick inte att nå: kontrollera anslutningen'
                  : `servern svarade ${status}`,
    verification: {
      heading: 'Bekräfta den nya adressen',
      send: 'Skicka en kod till adressen',
      code: 'Koden som kunden läser upp',
      codeHint: 'Be kunden läsa upp koden i meddelandet och skriv in den här.',
      confirm: 'Bekräfta koden',
      sending: 'Skickar…',
      sent: (address) => `En kod skickades till ${address}. Be kunden läsa upp den.`,
      alreadySent: (address) =>
        `En kod som redan skickats till ${address} gäller fortfarande: be kunden läsa upp den.`,
      verified: (address, released) =>
        `Bekräftad: ${address} är kundens adress.${released > 0 ? ` ${released} ${released === 1 ? 'kvarhållet meddelande skickades' : 'kvarhållna meddelanden skickades'} dit.` : ''}`,
      wrongCode: 'Fel kod: be kunden läsa upp den igen. Efter några fel koder måste en ny kod skickas.',
      notACode: 'Det är ingen kod: koden är siffrorna i meddelandet.',
      expired: 'Koden har gått ut: skicka en ny kod.',
      tooManyAttempts: 'För många fel koder: skicka en ny kod.',
      noPendingCode: 'Ingen kod väntar för adressen: skicka en kod.',
      otherCustomer:
        'Adressen är en annan kunds: ingen kod skickas, och den kan inte bekräftas för den här kunden. Be om kundens egen adress.',
      notSent: 'E-postservern tog inte emot meddelandet: ingen kod skickades. Försök igen om en stund.',
    },
  },
};

/**
 * How long to wait, as a salesperson reads it: seconds up to a minute and a half, else whole minutes
 * rounded up (`Retry-After` is in seconds, RFC 9110 §10.2.3; "600 s" is a sum to do in one's head).
 * `s` and `min` are the SI and Swedish standard (SS 01 71 00) abbreviations alike.
 */
function waitOf(seconds: number): string {
  return seconds <= 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
