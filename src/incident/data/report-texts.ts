import type { DataCategory } from './data-categories.js';

/** A language a report or notice is written in. */
export type ReportLocale = 'sv' | 'en';

/**
 * Section headings of the report. The Swedish ones are those the Swedish regulator's form uses for
 * the items of Regulation 611/2013 Annex I; the English ones follow the Annex's own wording.
 *
 * @example
 * ```ts
 * reportHeadings.sv.cause; // 'Orsak'
 * ```
 */
export const reportHeadings = {
  sv: {
    // PTS calls a breach in an operator's service an integritetsincident (6 kap. 1 § lagen (2003:389)).
    title: 'Integritetsincident – rapport',
    addressee: 'Mottagare',
    notification: 'Typ av anmälan',
    authority: 'Tillsynsmyndighet och rättslig grund',
    provider: 'Tjänsteleverantör',
    contact: 'Kontaktpunkt',
    dates: 'Datum för när incidenten inträffade respektive upptäcktes',
    affected: 'Antal berörda abonnenter eller användare',
    description: 'Beskrivning av incidenten',
    data: 'Berörda uppgifternas art och innehåll',
    cause: 'Orsak',
    consequences: 'Bedömda konsekvenser för berörda abonnenter och/eller användare',
    measures: 'Åtgärder',
    protection: 'Tekniska och organisatoriska skyddsåtgärder för de berörda uppgifterna',
    notice: 'Underrättelse till berörda abonnenter eller användare',
    assessment: 'Bedömning och tidsfrister',
    precedents: 'Jämförbara beslut från tillsynsmyndigheter',
    memberStates: 'Berörda i andra medlemsstater',
    reference: 'Internt referensnummer',
    otherProviders: 'Medverkan av andra tjänsteleverantörer',
    decision: 'Slutsats',
    timeline: 'Tidslinje',
    signature: 'Underskrift',
  },
  en: {
    title: 'Personal data breach – report',
    addressee: 'To',
    notification: 'Type of notification',
    authority: 'Supervisory authority and legal basis',
    provider: 'Provider',
    contact: 'Contact point',
    dates: 'Date and time of the incident and of its detection',
    affected: 'Number of subscribers or individuals concerned',
    description: 'Description of the incident',
    data: 'Nature and content of the personal data concerned',
    cause: 'Cause',
    consequences: 'Likely consequences for the subscribers and/or individuals concerned',
    measures: 'Measures',
    protection: 'Technical and organisational measures applied to the data concerned',
    notice: 'Notification of the subscribers or individuals concerned',
    assessment: 'Assessment and deadlines',
    precedents: 'Comparable decisions of supervisory authorities',
    memberStates: 'Individuals in other Member States',
    reference: 'Internal reference number',
    otherProviders: 'Involvement of other providers',
    decision: 'Conclusion',
    timeline: 'Timeline',
    signature: 'Signature',
  },
} as const satisfies Record<ReportLocale, Record<string, string>>;

/**
 * The measures usually taken after a confirmation reached the wrong e-mail address. `invalidate-login`
 * is proposed for a text message too: a login link, password-reset link or one-time code that reached
 * the wrong person logs them in until it is made invalid, and ending the account's sessions logs out
 * whoever already used it (OWASP Forgot Password Cheat Sheet: tokens single-use and expiring, sessions
 * invalidated after a reset; NIST SP 800-63B §5.1.3: an out-of-band code accepted once; GDPR
 * Art. 33(3)(d), Art. 34(3)(b): measures that keep the high risk from materialising).
 *
 * @example
 * ```ts
 * createIncidentReport({ ...input, measures: misdirectedEmailMeasureIds.map((id) => ({ id, status: 'done' })) });
 * ```
 */
export const misdirectedEmailMeasureIds = [
  'recall-and-delete',
  'correct-address',
  'profile-note',
  'check-password-reset',
  'invalidate-login',
  'new-password',
  'retire-attachment-password',
  'return-or-destroy-letter',
  'correct-postal-address',
  'inform-customer',
  'seller-feedback',
  'contact-recipient-again',
] as const;

/** Whether a measure is one of {@link requestMeasureIds}: a request to the recipient. */
export function isRequestMeasure(id: string): boolean {
  return (requestMeasureIds as readonly string[]).includes(id);
}

/** One of the usual measures (see {@link misdirectedEmailMeasureIds}). */
export type MisdirectedEmailMeasureId = (typeof misdirectedEmailMeasureIds)[number];

/**
 * The states of a measure. `rejected` is a decision not to do it; `failed` an attempt that did not
 * succeed, and `awaiting-answer` a request still unanswered: the report states each as it is, since
 * GDPR Art. 33(3)(d) asks for the measures "taken or proposed" and Art. 5(1)(d) for accurate records.
 */
export const measureStatuses = [
  'proposed',
  'done',
  'planned',
  'rejected',
  'failed',
  'awaiting-answer',
] as const;

/** One state of a measure (see {@link measureStatuses}). */
export type MeasureStatus = (typeof measureStatuses)[number];

/**
 * The usual measures that ask the recipient to delete or give back what they received: only these
 * (and a measure of the caller's own) can be `awaiting-answer`, and after one that `failed` the report
 * proposes `contact-recipient-again`, so a failed recall does not end the effort to get the data back
 * (GDPR Art. 33(3)(d), Art. 34(3)(b): measures that keep the risk from materialising).
 */
export const requestMeasureIds = [
  'recall-and-delete',
  'return-or-destroy-letter',
  'contact-recipient-again',
] as const;

/**
 * The wording of each usual measure, in the report's language. A done measure says what was done
 * and nothing that was not recorded (that the customer was asked to confirm the address needs a
 * recorded call, so it is not said here; a request to the recipient records that they were asked to
 * delete or return it, not that they were asked to confirm it was neither kept nor passed on, so the
 * done text does not claim that either: GDPR Art. 5(1)(d) accuracy, Art. 33(3)(d) the measures taken).
 *
 * @example
 * ```ts
 * measureTexts.en['profile-note']; // 'A note on the customer profile asks staff ...'
 * ```
 */
export const measureTexts: Readonly<
  Record<ReportLocale, Readonly<Record<MisdirectedEmailMeasureId, string>>>
> = {
  sv: {
    'recall-and-delete': 'Mottagaren av det felskickade meddelandet har kontaktats och ombetts radera det.',
    'correct-address': 'Den felaktiga e-postadressen har tagits bort och kundens rätta adress har lagts in.',
    'profile-note':
      'En notering i kundprofilen anger att den som ringer om kundens konto ska identifieras extra noggrant.',
    'check-password-reset':
      'Vi har kontrollerat att inga lösenord eller inloggningslänkar har skickats till den felaktiga adressen.',
    'invalidate-login':
      'Inloggningslänken, länken för att byta lösenord eller engångskoden som nådde fel person har gjorts ogiltig och kontots öppna sessioner har avslutats, eftersom den som har en giltig länk eller kod kan logga in på kundens konto.',
    'new-password': 'Ett nytt lösenord har beställts till kunden.',
    'retire-attachment-password':
      'Lösenordet som skickades med bilagan har tagits ur bruk, och bilagan behandlas som om den hade skickats okrypterad.',
    'return-or-destroy-letter':
      'Mottagaren av det felskickade brevet har kontaktats och ombetts skicka tillbaka det eller förstöra det.',
    'correct-postal-address': 'Den felaktiga postadressen har rättats till kundens rätta adress.',
    'inform-customer': 'Kunden har informerats om händelsen och om vad hen kan vara uppmärksam på.',
    'seller-feedback':
      'Händelsen har återkopplats till de inblandade utifrån den registrerade orsaken (se Orsak), så att den inte upprepas.',
    'contact-recipient-again':
      'Mottagaren har kontaktats på nytt, efter att det första försöket misslyckades, och ombetts radera det felskickade (ett brev: skicka tillbaka eller förstöra det).',
  },
  en: {
    'recall-and-delete': 'The recipient of the misdirected message was contacted and asked to delete it.',
    'correct-address': 'The wrong e-mail address was removed and the customer’s correct address entered.',
    'profile-note':
      'A note on the customer profile asks staff to verify the identity of anyone calling about the account with extra care.',
    'check-password-reset': 'We checked that no password or login link was sent to the wrong address.',
    'invalidate-login':
      'The login link, password-reset link or one-time code that reached the wrong person was made invalid and the account’s open sessions were ended, since whoever holds a valid link or code can log in to the customer’s account.',
    'new-password': 'A new password was issued to the customer.',
    'retire-attachment-password':
      'The password sent with the attachment was taken out of use, and the attachment is treated as sent unencrypted.',
    'return-or-destroy-letter':
      'The recipient of the misdirected letter was contacted and asked to return or destroy it.',
    'correct-postal-address': 'The wrong postal address was corrected to the customer’s right address.',
    'inform-customer': 'The customer was told what happened and what to watch for.',
    'seller-feedback':
      'Those involved were given feedback on the recorded cause (see Cause) so that it is not repeated.',
    'contact-recipient-again':
      'The recipient was contacted again, after the first attempt failed, and asked to delete what they received (a letter: return or destroy it).',
  },
};

/**
 * The usual measures worded for a message sent to many at once (in To or Cc instead of Bcc), where
 * every address was right and everyone who received it saw the others': there is no one recipient to
 * contact and no wrong address, as the customer notice says it too. Done and still to be done.
 */
export const groupMeasureTexts: Readonly<
  Record<
    ReportLocale,
    Readonly<
      Record<'done' | 'pending', Readonly<Record<'recall-and-delete' | 'check-password-reset', string>>>
    >
  >
> = {
  sv: {
    done: {
      'recall-and-delete': 'Alla som fick meddelandet har kontaktats och ombetts radera det.',
      'check-password-reset':
        'Vi har kontrollerat att inga lösenord eller inloggningslänkar har skickats till de andra mottagarnas adresser.',
    },
    pending: {
      'recall-and-delete':
        'Alla som fick meddelandet ska kontaktas och ombes radera det, så att de som fick det inte behåller de andras adresser, och bekräfta att det inte har vidarebefordrats.',
      'check-password-reset':
        'Det ska kontrolleras att inga lösenord eller inloggningslänkar har skickats till de andra mottagarnas adresser.',
    },
  },
  en: {
    done: {
      'recall-and-delete': 'Everyone who received the message was contacted and asked to delete it.',
      'check-password-reset':
        'We checked that no password or login link was sent to the other recipients’ addresses.',
    },
    pending: {
      'recall-and-delete':
        'Everyone who received the message is to be contacted and asked to delete it, so that those who received it do not keep the others’ addresses, and to confirm that it was not forwarded.',
      'check-password-reset':
        'It is to be checked that no password or login link was sent to the other recipients’ addresses.',
    },
  },
};

/**
 * The measure the report records by itself where the recipient's deletion is confirmed
 * (`recipientConfirmedDeletion`) and no request to delete or return it is recorded as done: it states
 * the outcome that was recorded and nothing more, not that the recipient was contacted and asked,
 * which nobody recorded (GDPR Art. 5(1)(d) accuracy; Art. 33(3)(d) the measures taken).
 */
export const confirmedDeletionMeasureId = 'recipient-confirmed-deletion';

/**
 * The wording of {@link confirmedDeletionMeasureId} in the report, the same as the deletion's own
 * line: a letter is not deleted but destroyed or sent back (the measure `return-or-destroy-letter`
 * asks for either), as the customer notice says it.
 */
export const confirmedDeletionTexts: Readonly<
  Record<ReportLocale, { readonly message: string; readonly letter: string }>
> = {
  sv: {
    message: 'Mottagaren har bekräftat att meddelandet är raderat.',
    letter: 'Mottagaren har bekräftat att brevet är förstört eller återsänt.',
  },
  en: {
    message: 'The recipient confirmed that the message was deleted.',
    letter: 'The recipient confirmed that the letter was destroyed or returned.',
  },
};

/** The confirmed deletion in the report's words for the way the data went astray (a letter by post). */
export function confirmedDeletionText(locale: ReportLocale, circumstances: string): string {
  const texts = confirmedDeletionTexts[locale];
  return circumstances === 'misdirected-post' ? texts.letter : texts.message;
}

/**
 * The wording of each usual measure that is only planned or proposed: it says what is to be done,
 * so the report never states as done a step nobody has taken (GDPR Art. 33(3)(d) asks for the
 * measures "taken or proposed").
 */
export const pendingMeasureTexts: Readonly<
  Record<ReportLocale, Readonly<Record<MisdirectedEmailMeasureId, string>>>
> = {
  sv: {
    'recall-and-delete':
      'Mottagaren av det felskickade meddelandet ska kontaktas och ombes radera det och bekräfta att det inte har sparats eller vidarebefordrats.',
    'correct-address':
      'Den felaktiga e-postadressen ska tas bort och kundens rätta adress läggas in efter kontroll med kunden.',
    'profile-note':
      'En notering ska läggas in i kundprofilen om att den som ringer om kundens konto ska identifieras extra noggrant.',
    'check-password-reset':
      'Det ska kontrolleras att inga lösenord eller inloggningslänkar har skickats till den felaktiga adressen.',
    'invalidate-login':
      'Inloggningslänken, länken för att byta lösenord eller engångskoden som nådde fel person ska göras ogiltig och kontots öppna sessioner avslutas, eftersom den som har en giltig länk eller kod kan logga in på kundens konto.',
    'new-password': 'Ett nytt lösenord ska beställas till kunden.',
    'retire-attachment-password':
      'Lösenordet som skickades med bilagan ska tas ur bruk, och bilagan behandlas som om den hade skickats okrypterad.',
    'return-or-destroy-letter':
      'Mottagaren av det felskickade brevet ska kontaktas och ombes skicka tillbaka det eller förstöra det och bekräfta att det inte har kopierats eller lämnats vidare.',
    'correct-postal-address':
      'Den felaktiga postadressen ska rättas till kundens rätta adress efter kontroll med kunden.',
    'inform-customer': 'Kunden ska informeras om händelsen och om vad hen kan vara uppmärksam på.',
    'seller-feedback':
      'Händelsen ska återkopplas till de inblandade utifrån den registrerade orsaken (se Orsak), så att den inte upprepas.',
    'contact-recipient-again':
      'Mottagaren ska kontaktas på nytt, på annat sätt om det går (telefon, brev), eftersom det första försöket misslyckades, och ombes radera det felskickade (ett brev: skicka tillbaka eller förstöra det) och bekräfta att det inte har sparats eller lämnats vidare.',
  },
  en: {
    'recall-and-delete':
      'The recipient of the misdirected message is to be contacted and asked to delete it and to confirm that it was neither kept nor forwarded.',
    'correct-address':
      'The wrong e-mail address is to be removed and the customer’s correct address entered after checking it with the customer.',
    'profile-note':
      'A note is to be put on the customer profile asking staff to verify the identity of anyone calling about the account with extra care.',
    'check-password-reset':
      'It is to be checked that no password or login link was sent to the wrong address.',
    'invalidate-login':
      'The login link, password-reset link or one-time code that reached the wrong person is to be made invalid and the account’s open sessions ended, since whoever holds a valid link or code can log in to the customer’s account.',
    'new-password': 'A new password is to be issued to the customer.',
    'retire-attachment-password':
      'The password sent with the attachment is to be taken out of use, and the attachment treated as sent unencrypted.',
    'return-or-destroy-letter':
      'The recipient of the misdirected letter is to be contacted and asked to return or destroy it and to confirm that it was neither copied nor passed on.',
    'correct-postal-address':
      'The wrong postal address is to be corrected to the customer’s right address after checking it with the customer.',
    'inform-customer': 'The customer is to be told what happened and what to watch for.',
    'seller-feedback':
      'Those involved are to be given feedback on the recorded cause (see Cause) so that it is not repeated.',
    'contact-recipient-again':
      'The recipient is to be contacted again, another way if possible (telephone, letter), since the first attempt failed, and asked to delete what they received (a letter: return or destroy it) and to confirm that it was neither kept nor passed on.',
  },
};

/**
 * The wording of a usual measure that was tried and did not succeed (`status: 'failed'`): what was
 * attempted, in the past tense, and that it failed, never that it was done or is still to be done
 * (GDPR Art. 5(1)(d) accuracy; Art. 33(3)(d)). The recorded reason follows it.
 */
export const failedMeasureTexts: Readonly<
  Record<ReportLocale, Readonly<Record<MisdirectedEmailMeasureId, string>>>
> = {
  sv: {
    'recall-and-delete':
      'Ett försök gjordes att återkalla meddelandet eller nå mottagaren och be hen radera det, men försöket misslyckades.',
    'correct-address': 'Ett försök gjordes att rätta kundens e-postadress, men det misslyckades.',
    'profile-note': 'Ett försök gjordes att lägga in en notering i kundprofilen, men det misslyckades.',
    'check-password-reset':
      'Ett försök gjordes att kontrollera om lösenord eller inloggningslänkar har skickats till den felaktiga adressen, men kontrollen kunde inte genomföras.',
    'invalidate-login':
      'Ett försök gjordes att göra inloggningslänken, länken för att byta lösenord eller engångskoden ogiltig, men det misslyckades; den kan fortfarande ge inloggning på kundens konto.',
    'new-password': 'Ett försök gjordes att beställa ett nytt lösenord till kunden, men det misslyckades.',
    'retire-attachment-password':
      'Ett försök gjordes att ta lösenordet till bilagan ur bruk, men det misslyckades.',
    'return-or-destroy-letter':
      'Ett försök gjordes att nå mottagaren av det felskickade brevet och be hen skicka tillbaka eller förstöra det, men försöket misslyckades.',
    'correct-postal-address': 'Ett försök gjordes att rätta kundens postadress, men det misslyckades.',
    'inform-customer': 'Ett försök gjordes att informera kunden om händelsen, men kunden nåddes inte.',
    'seller-feedback':
      'Ett försök gjordes att återkoppla händelsen till de inblandade, men det misslyckades.',
    'contact-recipient-again':
      'Ett nytt försök gjordes att nå mottagaren och be hen radera det felskickade (ett brev: skicka tillbaka eller förstöra det), men även det misslyckades.',
  },
  en: {
    'recall-and-delete':
      'An attempt was made to recall the message or reach the recipient and ask them to delete it, but it failed.',
    'correct-address': 'An attempt was made to correct the customer’s e-mail address, but it failed.',
    'profile-note': 'An attempt was made to put a note on the customer profile, but it failed.',
    'check-password-reset':
      'An attempt was made to check whether a password or login link was sent to the wrong address, but the check could not be made.',
    'invalidate-login':
      'An attempt was made to make the login link, password-reset link or one-time code invalid, but it failed; it may still log in to the customer’s account.',
    'new-password': 'An attempt was made to issue a new password to the customer, but it failed.',
    'retire-attachment-password':
      'An attempt was made to take the attachment’s password out of use, but it failed.',
    'return-or-destroy-letter':
      'An attempt was made to reach the recipient of the misdirected letter and ask them to return or destroy it, but it failed.',
    'correct-postal-address': 'An attempt was made to correct the customer’s postal address, but it failed.',
    'inform-customer':
      'An attempt was made to tell the customer what happened, but the customer was not reached.',
    'seller-feedback': 'An attempt was made to give those involved feedback on what happened, but it failed.',
    'contact-recipient-again':
      'Another attempt was made to reach the recipient and ask them to delete what they received (a letter: return or destroy it), but it failed too.',
  },
};

/**
 * The feedback measure where no cause is recorded: it names nobody and no mistake (an address typed
 * wrongly is one cause among many: a Cc instead of a Bcc, a wrong attachment, a letter that came
 * back), since the cause is what only the organisation can record (Regulation 611/2013 Annex I).
 */
export const uncausedFeedbackTexts: Readonly<
  Record<ReportLocale, { readonly done: string; readonly pending: string }>
> = {
  sv: {
    done: 'Händelsen har återkopplats till de inblandade, så att den inte upprepas.',
    pending: 'När orsaken har registrerats ska den återkopplas till de inblandade, så att den inte upprepas.',
  },
  en: {
    done: 'Those involved were given feedback on what happened so that it is not repeated.',
    pending:
      'Once the cause is recorded, those involved are to be given feedback on it so that it is not repeated.',
  },
};

/**
 * Financial data (`financial`: about the customer's accounts or payments) the caller judged to give
 * `limited` or `minimal` insight (`facts.insight`; ENISA 2013 section 3.1), said as that judgment and
 * nothing more: not as an amount due, which is an order detail, and not as harmless.
 */
export const limitedFinancialTexts: Readonly<
  Record<ReportLocale, Readonly<Record<'limited' | 'minimal', string>>>
> = {
  sv: {
    limited:
      'De ekonomiska uppgifterna (om konton eller betalningar) ger enligt bedömningen bara en allmän bild av kundens ekonomi.',
    minimal:
      'De ekonomiska uppgifterna (om konton eller betalningar) ger enligt bedömningen ingen egentlig insyn i kundens ekonomi.',
  },
  en: {
    limited:
      'The financial details (about accounts or payments) give, as judged, only a general picture of the customer’s finances.',
    minimal:
      'The financial details (about accounts or payments) give, as judged, no real insight into the customer’s finances.',
  },
};

/**
 * What a stranger could do with each kind of data (GDPR Recital 85: identity theft or fraud, financial
 * loss, loss of confidentiality, damage to reputation; Regulation 611/2013 Art. 3(2)(b)).
 */
export const consequenceTexts: Readonly<
  Record<ReportLocale, Partial<Readonly<Record<DataCategory, string>>>>
> = {
  sv: {
    'customer-number':
      'Med namn och kundnummer kan någon ringa kundtjänst, utge sig för att vara kunden, ta del av fler uppgifter och göra ändringar eller beställningar.',
    'postal-address':
      'Adressen kan användas för oönskade kontakter eller för att beställa varor i kundens namn.',
    'order-details': 'Uppgifterna om beställningar och priser visar vad kunden köper och betalar.',
    'national-id-number':
      'Personnumret kan användas för identitetsstöld, till exempel kreditansökningar i kundens namn.',
    'payment-card': 'Kortnumret kan användas för bedrägliga köp.',
    'account-number': 'Kontonumret kan användas i bedrägeriförsök, till exempel falska betalningskrav.',
    financial: 'De ekonomiska uppgifterna kan användas för bedrägeri eller utpressning.',
    credentials: 'Länken eller inloggningsuppgifterna kan ge tillgång till kundens konto.',
    'phone-number': 'Telefonnumret kan användas för oönskade samtal eller bluffmeddelanden.',
    // Said of one address or many (a Cc list shows every recipient's): whoever has the address is aimed at.
    'email-address': 'E-postadresser kan användas för nätfiske riktat mot dem som har dem.',
    'date-of-birth':
      'Födelsedatumet används ofta för att bekräfta identitet och kan underlätta identitetsstöld.',
    health: 'Hälsouppgifter kan orsaka kränkning, diskriminering eller skada kundens anseende.',
    'special-category':
      'Känsliga uppgifter kan orsaka kränkning, diskriminering eller skada kundens anseende.',
    location: 'Platsuppgifterna visar var kunden befinner sig eller har befunnit sig.',
    'traffic-data': 'Trafikuppgifterna visar vem kunden har kontakt med.',
    insurance: 'Försäkringsuppgifterna ger en bild av kundens ekonomi och egendom.',
  },
  en: {
    'customer-number':
      'With the name and customer number, someone could call customer service as the customer, learn more about them and change or order services.',
    'postal-address':
      'The address could be used for unwanted contact or to order goods in the customer’s name.',
    'order-details': 'The orders and prices show what the customer buys and pays.',
    'national-id-number':
      'The personal identity number could be used for identity theft, such as credit applications in the customer’s name.',
    'payment-card': 'The card number could be used for fraudulent purchases.',
    'account-number': 'The account number could be used in fraud attempts such as fake payment requests.',
    financial: 'The financial details could be used for fraud or extortion.',
    credentials: 'The link or login details could give access to the customer’s account.',
    'phone-number': 'The phone number could be used for unwanted calls or scam messages.',
    'email-address': 'E-mail addresses could be used for phishing aimed at their owners.',
    'date-of-birth': 'The date of birth is often used to confirm identity and could help identity theft.',
    health: 'Health data could cause distress, discrimination or damage to reputation.',
    'special-category': 'Sensitive data could cause distress, discrimination or damage to reputation.',
    location: 'The location data shows where the customer is or has been.',
    'traffic-data': 'The traffic data shows whom the customer is in contact with.',
    insurance: 'The insurance details give a picture of the customer’s finances and property.',
  },
};

/**
 * The likely consequence of a detail the message holds only on the line of another person it names
 * ("Medsökande: Erik Lind, personnummer …"): said of the message's detail and its holder, never as the
 * customer's (GDPR Art. 4(1): that person is a data subject of their own; Art. 5(1)(d) accuracy).
 * Only the identifiers such a line holds whose usual wording names the customer are listed.
 */
export const othersConsequenceTexts: Readonly<
  Record<ReportLocale, Partial<Readonly<Record<DataCategory, string>>>>
> = {
  sv: {
    'national-id-number':
      'Personnumret i meddelandet kan användas för identitetsstöld, till exempel kreditansökningar i dess innehavares namn.',
  },
  en: {
    'national-id-number':
      'The personal identity number in the message could be used for identity theft, such as credit applications in its holder’s name.',
  },
};

/**
 * The likely consequence of login details once nothing from the message opens the account any more
 * (`invalidate-login` done, and any password among them replaced by `new-password`): what they could
 * do, and until when, never as a present danger the measures recorded have ended (GDPR Art. 33(3)(c)
 * and (d); Art. 5(1)(d) accuracy).
 */
export const closedLoginConsequenceTexts: Readonly<Record<ReportLocale, string>> = {
  sv: 'Länken eller inloggningsuppgifterna kunde ge tillgång till kundens konto tills de gjordes ogiltiga; de fungerar inte längre.',
  en: 'The link or login details could give access to the customer’s account until they were made invalid; they no longer work.',
};

/**
 * The check that no password or login link went to the wrong address (`check-password-reset`), where
 * the message itself held one: the report knows one was sent, so the check is for others besides it,
 * never for whether any was (GDPR Art. 5(1)(d) accuracy; Art. 33(3)(d) the measures). Each state
 * has its own sentence: a check that failed or was decided against is not still to be done.
 */
export const loginCheckMeasureTexts: Readonly<
  Record<
    ReportLocale,
    { readonly done: string; readonly pending: string; readonly failed: string; readonly rejected: string }
  >
> = {
  sv: {
    done: 'Vi har kontrollerat att inga andra lösenord eller inloggningslänkar än de i meddelandet har skickats till den felaktiga adressen.',
    pending:
      'Det ska kontrolleras om fler lösenord eller inloggningslänkar än de i meddelandet har skickats till den felaktiga adressen.',
    failed:
      'Ett försök gjordes att kontrollera om fler lösenord eller inloggningslänkar än de i meddelandet har skickats till den felaktiga adressen, men kontrollen kunde inte genomföras.',
    rejected:
      'Om fler lösenord eller inloggningslänkar än de i meddelandet har skickats till den felaktiga adressen kontrolleras inte.',
  },
  en: {
    done: 'We checked that no password or login link other than those in the message was sent to the wrong address.',
    pending:
      'It is to be checked whether any password or login link besides those in the message was sent to the wrong address.',
    failed:
      'An attempt was made to check whether any password or login link besides those in the message was sent to the wrong address, but the check could not be carried out.',
    rejected:
      'Whether any password or login link besides those in the message was sent to the wrong address is not checked.',
  },
};

/**
 * The words for credentials that are one-time login codes and nothing else (`data.credentialKinds:
 * ['login-code']`): a code logs in once, until it expires, and leaves no password to change (NIST
 * SP 800-63B §5.1.3); one that had expired or was made invalid opens nothing any more (EDPB
 * Guidelines 01/2021, Case No. 07; GDPR Art. 34(3)(b)). `label` names it among the data; the
 * consequences are the report's, the notice's in the second person, each while the code is `valid`
 * and once it is `invalid`; `advice` is the notice's. In the notice's texts `{item}` and
 * `{recipient}` name what went astray and who received it (`noticeChannelWords`, `noticeRecipientWords`).
 */
export const loginCodeTexts: Readonly<
  Record<
    ReportLocale,
    {
      readonly label: string;
      readonly consequence: { readonly valid: string; readonly invalid: string; readonly voided: string };
      readonly noticeConsequence: { readonly valid: string; readonly invalid: string };
      readonly advice: { readonly valid: string; readonly invalid: string };
    }
  >
> = {
  sv: {
    label: 'en engångskod för inloggning',
    consequence: {
      valid: 'Engångskoden kan ge tillgång till kundens konto så länge den gäller.',
      invalid:
        'Engångskoden hade slutat gälla innan den kunde användas: den ger ingen tillgång till kundens konto.',
      voided:
        'Engångskoden gjordes ogiltig innan den kunde användas: den ger ingen tillgång till kundens konto.',
    },
    noticeConsequence: {
      valid:
        'Engångskoden i {item} skulle kunna ge {recipient} tillgång till {ditt} konto så länge den gäller.',
      invalid: 'Engångskoden i {item} gäller inte längre och ger ingen tillgång till {ditt} konto.',
    },
    advice: {
      valid:
        'Logga in på nytt med en ny kod när du behöver, och lämna aldrig ut en kod som du inte själv har begärt.',
      invalid:
        'Koden i {item} gäller inte längre: logga in på nytt med en ny kod, och lämna aldrig ut en kod som du inte själv har begärt.',
    },
  },
  en: {
    label: 'a one-time login code',
    consequence: {
      valid: 'The one-time code could give access to the customer’s account while it is valid.',
      invalid:
        'The one-time code had expired before it could be used: it gives no access to the customer’s account.',
      voided:
        'The one-time code was made invalid before it could be used: it gives no access to the customer’s account.',
    },
    noticeConsequence: {
      valid: 'The one-time code in {item} could give {recipient} access to {your} account while it is valid.',
      invalid: 'The one-time code in {item} is no longer valid and gives no access to {your} account.',
    },
    advice: {
      valid:
        'Log in again with a new code when you need to, and never give anyone a code you did not ask for.',
      invalid:
        'The code in {item} is no longer valid: log in again with a new code, and never give anyone a code you did not ask for.',
    },
  },
};

/** What the customer can watch for, by kind of exposed data (the notice's advice, GDPR Art. 34(2)). */
export const adviceTexts: Readonly<Record<ReportLocale, Partial<Readonly<Record<DataCategory, string>>>>> = {
  sv: {
    'customer-number':
      'Hör av dig till oss om du får bekräftelser på beställningar eller ändringar som {du} inte har gjort.',
    'postal-address': 'Var uppmärksam på post om varor eller tjänster som {du} inte har beställt.',
    'national-id-number':
      'Du kan be kreditupplysningsföretagen om en spärr och bevaka om någon tar en kreditupplysning på {dig}.',
    'payment-card': 'Spärra kortet hos {din} bank och håll koll på kontoutdragen.',
    'account-number': 'Var misstänksam mot betalningskrav och meddelanden som hänvisar till {ditt} konto.',
    credentials: 'Byt lösenord, och använd inte länkar i meddelanden som du inte väntat dig.',
    'email-address': 'Var försiktig med e-post som ber {dig} logga in eller lämna uppgifter.',
    'phone-number': 'Var försiktig med samtal och sms från någon som säger sig ringa från oss.',
  },
  en: {
    'customer-number': 'Let us know if you receive confirmations of orders or changes {you} did not make.',
    'postal-address': 'Watch for post about goods or services {you} did not order.',
    'national-id-number':
      'You can ask the credit reference agencies for a freeze and watch for credit checks on {you}.',
    'payment-card': 'Block the card with {your} bank and keep an eye on {your} statements.',
    'account-number': 'Be suspicious of payment requests and messages that refer to {your} account.',
    credentials: 'Change {your} password, and do not use links in messages you did not expect.',
    'email-address': 'Be careful with e-mails asking {you} to log in or give details.',
    'phone-number': 'Be careful with calls and texts from anyone claiming to call from us.',
  },
};
