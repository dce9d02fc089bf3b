import type { Locale } from '../../guard/verdict.js';

/** Every word the review page shows, per language. */
export interface PageTexts {
  readonly title: string;
  readonly skip: string;
  readonly loginHeading: string;
  /** The login page's heading when it leads to the order form (`?next=/demo`). */
  readonly loginHeadingForm: string;
  readonly loginIntro: string;
  readonly name: string;
  readonly nameHint: string;
  readonly token: string;
  readonly logIn: string;
  readonly logOut: string;
  readonly loginFailed: string;
  readonly formExpired: string;
  /** The login page after a release whose session had ended: what was typed is kept. */
  readonly sessionEnded: string;
  /** The end of a review link's name: how long the message has been held. */
  heldFor(age: string): string;
  /** The login refused for now (429): how long to wait. */
  tooManyLogins(seconds: number): string;
  /** A page's error (an HTML page instead of the API's problem details). */
  readonly errorHeading: string;
  /** A hold id in a page's path over the router's limit (414). */
  pathTooLong(max: number): string;
  readonly heldHeading: string;
  /** The list's column naming each message: its subject, sender, customer and hold time. */
  readonly messageColumn: string;
  readonly customerLabel: string;
  readonly heldAtLabel: string;
  readonly heldCaption: (count: number) => string;
  readonly none: string;
  /** Over the entries the store cannot read whole, which may be held messages. */
  readonly unreadableHeading: (count: number) => string;
  readonly age: string;
  readonly recipients: string;
  readonly findings: string;
  readonly suggestion: string;
  readonly action: string;
  readonly open: string;
  readonly releasing: string;
  /** Said instead of the release and discard forms while another request releases the message. */
  readonly releasingNote: string;
  /**
   * Said of a message left `releasing` by a process that has stopped, by what the audit log says of
   * its send (`releaseProgress`): it never began, or it went out and the entry was not removed.
   */
  readonly stoppedNotSentNote: string;
  readonly stoppedSentNote: string;
  /** The box that takes over a stopped release whose send never began. */
  readonly forceStopped: string;
  /** The box that discards a message already sent whose entry was left behind. */
  readonly discardSent: string;
  /** The box that takes over a stopped release whose send never began, to discard the message. */
  readonly discardStopped: string;
  readonly back: string;
  readonly messageHeading: string;
  readonly headers: string;
  readonly body: string;
  readonly releaseHeading: string;
  readonly releaseIntro: string;
  readonly correctedRecipient: (index: number) => string;
  /**
   * Said under the release form when a field an answer goes to (Reply-To) was stopped: a release
   * corrects only the recipients, so that field is sent as held.
   */
  readonly answerFieldStays: (fields: string) => string;
  readonly reason: string;
  readonly reasonHint: string;
  readonly confirmNew: string;
  /** A release started and never ended: the list's mark, the message page's warning, the choice to release anyway. */
  readonly inDoubt: string;
  readonly inDoubtNote: string;
  /** A message waiting for the code the verifier sent the customer: the list's mark. */
  readonly waitingForCode: string;
  /** A message held as block for a confirmation given for another customer's address: the list's mark. */
  readonly confirmedForOther: string;
  readonly force: string;
  /** Where a release in doubt went: when it began, who started it, to whom (empty when the log names none), and its Message-ID. */
  readonly inDoubtWhere: (
    at: string,
    by: string | undefined,
    to: string,
    messageId: string | undefined,
  ) => string;
  /** A message waiting for the code the verifier sent its customer. */
  readonly awaitingCodeNote: (addresses: string) => string;
  /** A message held as blocked for a confirmation given for another customer's address. */
  readonly confirmedForOtherNote: string;
  /** A field left empty because its suggestion is filled in another field already. */
  readonly suggestedAlready: (suggestion: string, field: string) => string;
  /** The discard's box for a release in doubt: it may have been delivered, and a discard does not undo that. */
  readonly discardForce: string;
  /** A discard of a release in doubt refused for want of that box. */
  readonly discardInDoubt: string;
  readonly release: string;
  readonly discardHeading: string;
  readonly discardIntro: string;
  readonly discardReason: string;
  readonly discard: string;
  readonly released: string;
  readonly discarded: string;
  readonly notReleased: string;
  readonly notDiscarded: string;
  /** A discard refused for its reason, by `DiscardReasonSchema`. */
  readonly discardReasonNeeded: string;
  /** A message that was released or discarded by someone else in the meantime. */
  readonly gone: string;
  /** Why a release or discard was refused, by problem type (docs/serve.md). */
  readonly problems: Readonly<Record<string, string>>;
  /** Names of header fields and recipient fields (RFC 5322 §3.6), lower-cased; others shown as sent. */
  readonly fieldNames: Readonly<Record<string, string>>;
  readonly language: string;
  /** The name of the language switch, for screen readers. */
  readonly languageNav: string;
  /** The verdict's action as the page says it (the API's codes stay `send`, `confirm`, `block`). */
  readonly actions: Record<'send' | 'confirm' | 'block', string>;
  readonly loggedInAs: (user: string) => string;
}

/** The review page in English and Swedish. */
export const pageTexts: Record<Locale, PageTexts> = {
  en: {
    title: 'Held messages',
    skip: 'Skip to content',
    loginHeading: 'Log in to review held messages',
    loginHeadingForm: 'Log in to the order form',
    loginIntro: 'Your name is recorded with every message you release or discard.',
    name: 'Your name or e-mail',
    nameHint: 'For example lena@butiken.se',
    token: 'Access token',
    logIn: 'Log in',
    logOut: 'Log out',
    loginFailed: 'The name or the access token is wrong.',
    formExpired: 'The form has expired. Please try again.',
    sessionEnded:
      'Your session has ended, so nothing was released. Log in again: what you typed is kept, and you return to the message.',
    heldFor: (age) => `held for ${age}`,
    tooManyLogins: (seconds) => `Too many logins from this address for now. Log in again in ${seconds} s.`,
    errorHeading: 'The page cannot be shown',
    pathTooLong: (max) => `The address of the page is too long: a message id has at most ${max} characters.`,
    heldHeading: 'Held messages',
    messageColumn: 'Message',
    customerLabel: 'Customer',
    heldAtLabel: 'Held',
    heldCaption: (count) => `${count} held message${count === 1 ? '' : 's'}, oldest first`,
    none: 'No messages are held.',
    unreadableHeading: (count) =>
      `${count === 1 ? '1 entry' : `${count} entries`} of the hold store cannot be read, and may be held messages; see email-guard holds list and holds discard --damaged:`,
    age: 'Held for',
    recipients: 'Recipients',
    findings: 'Findings',
    suggestion: 'Suggestion',
    action: 'Verdict',
    open: 'Review',
    releasing: 'being released',
    releasingNote:
      'Someone else is releasing or discarding this message right now, so it cannot be released or discarded here. Go back to the list in a moment to see what became of it.',
    stoppedNotSentNote:
      'A release of this message stopped before anything was sent: the process that began it has ended, and the audit log records no send begun. Tick the box below to release it again.',
    stoppedSentNote:
      'This message was sent (the audit log records it released), but the process that sent it stopped before taking it off this list. Do not release it again: discard it, ticking the box.',
    forceStopped: 'Take over the stopped release and send it',
    discardSent: 'It was sent: take it off the list',
    discardStopped: 'Take over the stopped release and discard it',
    back: 'All held messages',
    messageHeading: 'Held message',
    headers: 'Headers',
    body: 'Message text',
    releaseHeading: 'Correct and release',
    releaseIntro:
      'The message goes to exactly these addresses, each checked again, each in its own field: a blind copy (Bcc) goes in the envelope only and is never shown to the others. Leave a field empty to drop that recipient.',
    correctedRecipient: (index) => `Recipient ${index}`,
    answerFieldStays: (fields) =>
      `${fields} is sent as it was held: a release corrects only the recipients. To change it, discard the message and send it again.`,
    reason: 'Why it may be sent',
    reasonHint: 'For example: address read back to the customer on the phone',
    confirmNew:
      "The corrected address is new to the customer and was confirmed as theirs (another customer's address is never sent)",
    inDoubt: 'release in doubt',
    waitingForCode: "waiting for the customer's code; a release here skips it",
    confirmedForOther: "blocked: confirmed for another customer's address",
    inDoubtNote:
      "Release in doubt: an earlier release of this message was started and never ended, so it may have been sent. Check the mail server's log before releasing it again.",
    force: "The mail server's log shows it was not delivered: release it again",
    inDoubtWhere: (at, by, to, messageId) =>
      `It was started ${at}${by === undefined ? '' : ` by ${by}`}${to === '' ? '' : `, to ${to}`}${
        messageId === undefined ? '' : `; search the mail server's log for Message-ID ${messageId}`
      }.`,
    awaitingCodeNote: (addresses) =>
      `A code was sent to ${addresses} for the customer to read back: the message goes out by itself once it is. A release here skips that proof.`,
    confirmedForOtherNote:
      "Blocked: a confirmation was given for another customer's address (or one a slip from one), which no confirmation for this customer answers.",
    suggestedAlready: (suggestion, field) =>
      `${suggestion} is suggested here too; it is already in ${field}, and a release sends it once`,
    discardForce:
      "I have read the mail server's log: discard it although the earlier release may have reached its recipients (a discard does not call back a delivered message)",
    discardInDoubt:
      "An earlier release was started and never ended, so the message may have been delivered; check the mail server's log, then tick the box to discard it",
    release: 'Release',
    discardHeading: 'Discard',
    discardIntro: 'Remove the message without sending it.',
    discardReason: 'Why it is discarded (recorded with your name)',
    discard: 'Discard',
    released: 'The message was released.',
    discarded: 'The message was discarded.',
    notReleased: 'The message was not released',
    notDiscarded: 'The message was not discarded',
    discardReasonNeeded: 'say why it is discarded, in at most 2000 characters',
    gone: 'That message was already released or discarded.',
    problems: {
      'recipient-blocked': 'A recipient does not pass the check; the message stays held',
      'invalid-input': 'The corrected recipients cannot be read, or are missing',
      conflict: 'The message is being released or discarded by someone else',
      'not-found': 'That message was already released or discarded.',
      'send-failed': 'The mail server did not take the message; it stays held',
      'not-configured': 'The server cannot send released messages (started without --smtp)',
      'release-in-doubt':
        "An earlier release was started and never ended; check the mail server's log, then tick the box to release it again",
      'fewer-customers':
        'The customer directory knows fewer customers than the check that held the message, so a corrected address of a customer missing from it would pass as new; it stays held until the service has the whole directory',
    },
    fieldNames: {
      to: 'To',
      cc: 'Cc',
      bcc: 'Bcc',
      from: 'From',
      subject: 'Subject',
      date: 'Date',
      'reply-to': 'Reply-To',
    },
    language: 'Svenska',
    languageNav: 'Language',
    actions: { send: 'Send', confirm: 'Confirm', block: 'Block' },
    loggedInAs: (user) => `Logged in as ${user}`,
  },
  sv: {
    title: 'Stoppade meddelanden',
    skip: 'Hoppa till innehållet',
    loginHeading: 'Logga in för att granska stoppade meddelanden',
    loginHeadingForm: 'Logga in till orderformuläret',
    loginIntro: 'Ditt namn sparas med varje meddelande du släpper eller kastar.',
    name: 'Ditt namn eller din e-post',
    nameHint: 'Till exempel lena@butiken.se',
    token: 'Åtkomstnyckel',
    logIn: 'Logga in',
    logOut: 'Logga ut',
    loginFailed: 'Namnet eller åtkomstnyckeln är fel.',
    formExpired: 'Formuläret har gått ut. Försök igen.',
    sessionEnded:
      'Din session har gått ut, så inget släpptes. Logga in igen: det du skrev finns kvar, och du kommer tillbaka till meddelandet.',
    heldFor: (age) => `stoppat i ${age}`,
    tooManyLogins: (seconds) =>
      `För många inloggningar från den här adressen just nu. Logga in igen om ${seconds} s.`,
    errorHeading: 'Sidan kan inte visas',
    pathTooLong: (max) => `Sidans adress är för lång: ett meddelandes id har högst ${max} tecken.`,
    heldHeading: 'Stoppade meddelanden',
    messageColumn: 'Meddelande',
    customerLabel: 'Kund',
    heldAtLabel: 'Stoppat',
    heldCaption: (count) => `${count} stoppade meddelande${count === 1 ? '' : 'n'}, äldst först`,
    none: 'Inga meddelanden är stoppade.',
    unreadableHeading: (count) =>
      `${count === 1 ? '1 post' : `${count} poster`} i lagret går inte att läsa och kan vara stoppade meddelanden; se email-guard holds list och holds discard --damaged:`,
    age: 'Stoppat sedan',
    recipients: 'Mottagare',
    findings: 'Fynd',
    suggestion: 'Förslag',
    action: 'Beslut',
    open: 'Granska',
    releasing: 'släpps nu',
    releasingNote:
      'Någon annan skickar eller kastar meddelandet just nu, så det kan inte skickas eller kastas här. Gå tillbaka till listan om en stund för att se hur det gick.',
    stoppedNotSentNote:
      'Ett släpp av meddelandet avbröts innan något skickades: processen som påbörjade det har avslutats, och granskningsloggen visar att inget skickande påbörjades. Kryssa i rutan nedan för att släppa det igen.',
    stoppedSentNote:
      'Meddelandet skickades (granskningsloggen visar att det släpptes), men processen som skickade det avslutades innan det togs bort från listan. Släpp det inte igen: kasta det och kryssa i rutan.',
    forceStopped: 'Ta över det avbrutna släppet och skicka det',
    discardSent: 'Det skickades: ta bort det från listan',
    discardStopped: 'Ta över det avbrutna släppet och kasta det',
    back: 'Alla stoppade meddelanden',
    messageHeading: 'Stoppat meddelande',
    headers: 'Huvudfält',
    body: 'Meddelandets text',
    releaseHeading: 'Rätta och släpp',
    releaseIntro:
      'Meddelandet går till exakt dessa adresser, som kontrolleras igen, var och en i sitt eget fält: en dold kopia går bara i kuvertet och visas aldrig för de andra. Lämna ett fält tomt för att ta bort den mottagaren.',
    correctedRecipient: (index) => `Mottagare ${index}`,
    answerFieldStays: (fields) =>
      `${fields} skickas som det stoppades: en release rättar bara mottagarna. Kasta meddelandet och skicka det igen för att ändra det.`,
    reason: 'Varför det får skickas',
    reasonHint: 'Till exempel: adressen läst upp för kunden i telefon',
    confirmNew:
      'Den rättade adressen är ny för kunden och har bekräftats som kundens (en annan kunds adress skickas aldrig)',
    inDoubt: 'osäkert om det släpptes',
    waitingForCode: 'väntar på kundens kod; ett släpp här hoppar över den',
    confirmedForOther: 'stoppat: bekräftat för en annan kunds adress',
    inDoubtNote:
      'Osäkert om det släpptes: ett tidigare släpp av meddelandet påbörjades men avslutades aldrig, så det kan ha skickats. Se e-postserverns logg innan det släpps igen.',
    force: 'E-postserverns logg visar att det inte levererades: släpp det igen',
    inDoubtWhere: (at, by, to, messageId) =>
      `Det påbörjades ${at}${by === undefined ? '' : ` av ${by}`}${to === '' ? '' : `, till ${to}`}${
        messageId === undefined ? '' : `; sök efter Message-ID ${messageId} i e-postserverns logg`
      }.`,
    awaitingCodeNote: (addresses) =>
      `En kod skickades till ${addresses} för kunden att läsa upp: meddelandet går iväg av sig självt när den är uppläst. Ett släpp här hoppar över det beviset.`,
    confirmedForOtherNote:
      'Stoppat: en bekräftelse gavs för en annan kunds adress (eller en som ligger ett skrivfel från en), vilket ingen bekräftelse för den här kunden kan besvara.',
    suggestedAlready: (suggestion, field) =>
      `${suggestion} föreslås här också; den finns redan i ${field}, och ett släpp skickar den en gång`,
    discardForce:
      'Jag har läst e-postserverns logg: kasta det fast det tidigare släppet kan ha nått mottagarna (att kasta det tar inte tillbaka ett levererat meddelande)',
    discardInDoubt:
      'Ett tidigare släpp påbörjades men avslutades aldrig, så meddelandet kan ha levererats; se e-postserverns logg och kryssa sedan i rutan för att kasta det',
    release: 'Släpp',
    discardHeading: 'Kasta',
    discardIntro: 'Ta bort meddelandet utan att skicka det.',
    discardReason: 'Varför det tas bort (sparas med ditt namn)',
    discard: 'Kasta',
    released: 'Meddelandet släpptes.',
    discarded: 'Meddelandet kastades.',
    notReleased: 'Meddelandet släpptes inte',
    notDiscarded: 'Meddelandet togs inte bort',
    discardReasonNeeded: 'skriv varför det tas bort, med högst 2000 tecken',
    gone: 'Meddelandet är redan skickat eller kastat.',
    problems: {
      'recipient-blocked': 'En mottagare klarar inte kontrollen; meddelandet ligger kvar',
      'invalid-input': 'De rättade mottagarna kan inte läsas, eller saknas',
      conflict: 'Meddelandet skickas eller kastas just nu av någon annan',
      'not-found': 'Meddelandet är redan skickat eller kastat.',
      'send-failed': 'E-postservern tog inte emot meddelandet; det ligger kvar',
      'not-configured': 'Servern kan inte skicka släppta meddelanden (startad utan --smtp)',
      'release-in-doubt':
        'Ett tidigare släpp påbörjades men avslutades aldrig; se e-postserverns logg och kryssa sedan i rutan för att släppa det igen',
      'fewer-customers':
        'Kundregistret känner till färre kunder än kontrollen som stoppade meddelandet, så en rättad adress som tillhör en kund som saknas där skulle gå igenom som ny; det ligger kvar tills tjänsten har hela registret',
    },
    fieldNames: {
      to: 'Till',
      cc: 'Kopia',
      bcc: 'Dold kopia',
      from: 'Från',
      subject: 'Ämne',
      date: 'Datum',
      'reply-to': 'Svar till',
    },
    language: 'English',
    languageNav: 'Språk',
    actions: { send: 'Skicka', confirm: 'Bekräfta', block: 'Stoppa' },
    loggedInAs: (user) => `Inloggad som ${user}`,
  },
};
