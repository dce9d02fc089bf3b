import type { MisdirectedEmailMeasureId, ReportLocale } from './report-texts.js';

/**
 * The words for each field of the report, outside its circumstances and measures, that a follow-up
 * report's list of changes can name (the conclusions, the data, the people, the texts), Swedish then
 * English.
 *
 * @example
 * ```ts
 * reportFieldLabels['decision.notifyAuthority']; // ['Anmälan till tillsynsmyndigheten', 'Notify the authority']
 * ```
 */
export const reportFieldLabels: Readonly<Record<string, readonly [string, string]>> = {
  'decision.risk': ['Risk', 'Risk'],
  'decision.notifyAuthority': ['Anmälan till tillsynsmyndigheten', 'Notify the authority'],
  'decision.notifyDataSubjects': ['Underrättelse till de berörda', 'Tell the people concerned'],
  'data.categories': ['Berörda uppgifter', 'Data concerned'],
  'data.content': ['Uppgifternas innehåll', 'Content of the data'],
  'data.records': ['Antal poster', 'Number of records'],
  'affected.dataSubjects': ['Antal berörda', 'People concerned'],
  'incident.description': ['Beskrivning', 'Description'],
  'incident.cause': ['Orsak', 'Cause'],
  consequences: ['Konsekvenser', 'Consequences'],
  summary: ['Sammanfattning', 'Summary'],
  judgment: ['Den ansvarigas bedömning', 'The responsible person’s judgment'],
  customerCall: ['Samtal med kunden', 'Call to the customer'],
  timeline: ['Tidslinje', 'Timeline'],
  'subscriberNotice.notifiedAt': ['De berörda underrättades', 'The people concerned were told'],
  'facts.initialNotificationAt': ['Första anmälan', 'First notification'],
};

/**
 * The words for each circumstance a follow-up report's list of changes can name (`facts.<key>`, the
 * keys of the report's `facts`), Swedish then English. A follow-up is read by the authority
 * (Regulation 611/2013 Art. 2(3); GDPR Art. 33(4)), so it names what changed in words, never by a
 * field of the data.
 *
 * @example
 * ```ts
 * factLabels.recipientConfirmedDeletion; // ['Mottagaren har bekräftat att uppgifterna raderats', 'The recipient confirmed deleting the data']
 * ```
 */
export const factLabels: Readonly<Record<string, readonly [string, string]>> = {
  exposure: ['Hur uppgifterna blev synliga', 'How the data became visible'],
  recipientBoundBySecrecy: ['Mottagaren har tystnadsplikt', 'The recipient is bound by secrecy'],
  recipientConfirmedDeletion: [
    'Mottagaren har bekräftat att uppgifterna raderats',
    'The recipient confirmed deleting the data',
  ],
  dataRecovered: ['Uppgifterna har återkallats', 'The data was recovered'],
  returnedUnopened: ['Försändelsen kom tillbaka oöppnad', 'It came back unopened'],
  encrypted: ['Uppgifterna var krypterade', 'The data was encrypted'],
  keyExposed: ['Nyckeln eller lösenordet röjdes också', 'The key or password was exposed too'],
  credentialsExpired: ['Inloggningsuppgifterna hade slutat gälla', 'The login details had expired'],
  maliciousIntent: ['Mottagaren har ont uppsåt', 'The recipient means harm'],
  vulnerableDataSubjects: ['De berörda är sårbara', 'The people concerned are vulnerable'],
  safetyRisk: ['Risk för de berördas säkerhet', 'A risk to the safety of the people concerned'],
  individualContactDisproportionate: [
    'Att kontakta var och en kräver oproportionerligt stor ansträngning',
    'Contacting each person would take disproportionate effort',
  ],
  insight: ['Vad uppgifterna avslöjar', 'What the data reveals'],
  needsReview: ['Att granska', 'To be reviewed'],
  delayReasons: ['Skäl till förseningen', 'Reasons for the delay'],
  recipient: ['Mottagare', 'Recipient'],
  initialNotificationAt: ['Första anmälan', 'First notification'],
  notifications: ['Anmälningar till tillsynsmyndigheterna', 'Filings with the authorities'],
};

/**
 * A short name for each usual measure (and the recipient's confirmed deletion), Swedish then English,
 * for the follow-up's list of changes ("Åtgärd: be mottagaren radera meddelandet: föreslagen →
 * genomförd"); the report's own list words them in full (`measureTexts`).
 *
 * @example
 * ```ts
 * measureNames['recall-and-delete'][1]; // 'ask the recipient to delete the message'
 * ```
 */
export const measureNames: Readonly<
  Record<MisdirectedEmailMeasureId | 'recipient-confirmed-deletion', readonly [string, string]>
> = {
  'recall-and-delete': ['be mottagaren radera meddelandet', 'ask the recipient to delete the message'],
  'correct-address': ['rätta e-postadressen', 'correct the e-mail address'],
  'profile-note': ['anteckning i kundens profil', 'a note on the customer’s profile'],
  'check-password-reset': ['kontrollera begäran om nytt lösenord', 'check requests to reset the password'],
  'invalidate-login': ['gör inloggningslänken eller koden ogiltig', 'invalidate the login link or code'],
  'new-password': ['nytt lösenord till kunden', 'a new password for the customer'],
  'retire-attachment-password': ['byt lösenordet till bilagan', 'retire the attachment’s password'],
  'return-or-destroy-letter': [
    'be mottagaren skicka tillbaka eller förstöra brevet',
    'ask the recipient to return or destroy the letter',
  ],
  'correct-postal-address': ['rätta postadressen', 'correct the postal address'],
  'inform-customer': ['informera kunden', 'tell the customer'],
  'seller-feedback': ['återkoppling till säljaren', 'feedback to the seller'],
  'contact-recipient-again': ['kontakta mottagaren på nytt', 'contact the recipient again'],
  'recipient-confirmed-deletion': [
    'mottagaren har bekräftat raderingen',
    'the recipient confirmed the deletion',
  ],
};

/**
 * The words for the values the change list shows that are not free text or a date: yes and no, the
 * risk levels, a measure's status, the recipient, the exposure and the insight the data gives,
 * Swedish then English.
 *
 * @example
 * ```ts
 * changeValueTexts['other-organisation']; // ['en annan organisation', 'another organisation']
 * ```
 */
export const changeValueTexts: Readonly<Record<string, readonly [string, string]>> = {
  true: ['ja', 'yes'],
  false: ['nej', 'no'],
  unlikely: ['osannolik risk', 'risk unlikely'],
  risk: ['risk', 'risk'],
  high: ['hög risk', 'high risk'],
  done: ['genomförd', 'done'],
  planned: ['planerad', 'planned'],
  proposed: ['föreslagen', 'proposed'],
  rejected: ['beslutat att inte göra', 'decided not to do'],
  failed: ['försökt, misslyckades', 'tried, failed'],
  'awaiting-answer': ['tillfrågad, inget svar ännu', 'asked, no answer yet'],
  internal: ['någon inom organisationen', 'someone inside the organisation'],
  trusted: ['en betrodd mottagare som kan hållas ansvarig', 'a trusted recipient who can be held to account'],
  'other-organisation': ['en annan organisation', 'another organisation'],
  'unknown-individual': ['en okänd privatperson', 'an unknown private person'],
  public: ['allmänheten', 'the public'],
  cc: ['synliga adresser i kopia', 'addresses visible in CC'],
  minimal: ['nästan ingenting', 'almost nothing'],
  limited: ['begränsat', 'little'],
  substantial: ['mycket', 'much'],
};

/**
 * The languages a measure is worded in (`texts.sv`, `texts.en`), named in Swedish and English, for
 * the change list's "formulering (engelska)" / "wording (English)".
 */
export const wordingLanguageNames: Readonly<Record<ReportLocale, readonly [string, string]>> = {
  sv: ['svenska', 'Swedish'],
  en: ['engelska', 'English'],
};
