import { onlyLoginCodes } from './breach-facts.js';
import { type DataCategory, dataCategoryLabels } from './data/data-categories.js';
import {
  closedLoginConsequenceTexts,
  confirmedDeletionMeasureId,
  confirmedDeletionText,
  consequenceTexts,
  failedMeasureTexts,
  groupMeasureTexts,
  limitedFinancialTexts,
  loginCodeTexts,
  measureTexts,
  misdirectedEmailMeasureIds,
  othersConsequenceTexts,
  pendingMeasureTexts,
  type ReportLocale,
  uncausedFeedbackTexts,
} from './data/report-texts.js';
import type { IncidentReport, Measure } from './incident-report.js';
import { latestMeasure } from './latest-measure.js';
import { loginExposure } from './login-exposure.js';
import { ownMeasureText, ownTextIn } from './measure-own-text.js';

/** Phrases shared by the report and the customer notice, in one language and time zone. */
export interface Phrasing {
  readonly locale: ReportLocale;
  readonly timeZone: string;
}

/** `sv` or `en` text, whichever the phrasing asks for. */
export function say(phrasing: Phrasing, swedish: string, english: string): string {
  return phrasing.locale === 'sv' ? swedish : english;
}

/** A date and time in the phrasing's time zone, with the zone named (`2018-02-23 kl. 13:36 CET`). */
export function formatDateTime(phrasing: Phrasing, iso: string): string {
  const date = new Date(iso);
  const parts = new Intl.DateTimeFormat(phrasing.locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: phrasing.timeZone,
    year: 'numeric',
    month: phrasing.locale === 'sv' ? '2-digit' : 'long',
    day: phrasing.locale === 'sv' ? '2-digit' : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  // Swedish has short names for its own and its neighbours' zones only (CET, EEST): any other is an
  // offset from GMT ("GMT+1" for British summer time), written here from UTC, the time standard
  // such offsets are counted from (ITU Recommendation ITU-R TF.460-6).
  const zone =
    phrasing.locale === 'sv'
      ? part('timeZoneName').replace(/^GMT(?=[+\u2212-])/, 'UTC')
      : part('timeZoneName');
  return phrasing.locale === 'sv'
    ? `${part('year')}-${part('month')}-${part('day')} kl. ${part('hour')}:${part('minute')} ${zone}`
    : `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${zone}`;
}

/** A date in the phrasing's time zone (`23 februari 2018`). */
export function formatDate(phrasing: Phrasing, iso: string): string {
  return new Intl.DateTimeFormat(phrasing.locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: phrasing.timeZone,
    dateStyle: 'long',
  }).format(new Date(iso));
}

/** `namn, adress och kundnummer`: the labels of categories as one phrase. */
export function listCategories(
  phrasing: Phrasing,
  categories: readonly DataCategory[],
  options: CredentialWording = {},
): string {
  // With the key sent along (`keyExposed`), the `credentials` recorded are the password that opens
  // the encrypted attachment, not a login (WP250 rev.01 section IV.A): named as what they are, as a
  // one-time login code is.
  const labels = categories.map((category) =>
    category === 'credentials' && options.attachmentKey === true
      ? say(phrasing, 'lösenordet till den krypterade bilagan', 'the password to the encrypted attachment')
      : category === 'credentials' && options.loginCode !== undefined
        ? loginCodeTexts[phrasing.locale].label
        : dataCategoryLabels[phrasing.locale][category],
  );
  return joinWords(phrasing, labels);
}

/** The report's key went with its encrypted data: its `credentials` are that key (see {@link listCategories}). */
export function attachmentKeyExposed(report: IncidentReport): boolean {
  return report.facts.encrypted === true && report.facts.keyExposed === true;
}

/**
 * What the report's `credentials` are, for the words that name them: the password of an attachment
 * sent with its key (`attachmentKey`), or one-time login codes only (`loginCode`), `invalid` once they
 * had expired or were voided before use (`credentialsExpired`).
 */
export interface CredentialWording {
  readonly attachmentKey?: boolean;
  readonly loginCode?: 'valid' | 'invalid';
  /** The codes were made invalid (the `invalidate-login` measure is done) rather than left to expire. */
  readonly voided?: boolean;
  /** Nothing from the message opens the account any more (see {@link loginExposure}). */
  readonly closed?: boolean;
}

/** The {@link CredentialWording} of a report, from its facts and `data.credentialKinds`. */
export function credentialWording(report: IncidentReport): CredentialWording {
  const attachmentKey = attachmentKeyExposed(report);
  if (attachmentKey || !onlyLoginCodes(report.data.credentialKinds))
    return { attachmentKey, closed: loginExposure(report).closed };
  // Say only what the facts say: made invalid when the measure doing it is recorded done, expired otherwise.
  const voided = latestMeasure(report.measures, 'invalidate-login')?.status === 'done';
  return {
    attachmentKey,
    loginCode: report.facts.credentialsExpired === true ? 'invalid' : 'valid',
    voided,
  };
}

/** Joins words with commas and a final `och` / `and`. */
export function joinWords(phrasing: Phrasing, words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${say(phrasing, 'och', 'and')} ${words.at(-1)}`;
}

/**
 * The text of a measure: the caller’s own wording, or the usual measure’s in this language, past
 * tense only once done. The feedback measure is worded from the recorded cause (`cause`), and
 * without one names no mistake.
 */
export function measureText(
  phrasing: Phrasing,
  measure: Measure,
  incident: {
    readonly cause?: string | undefined;
    readonly circumstances: string;
    readonly misdirected?: { readonly recipients?: number | undefined } | undefined;
  },
): string {
  const cause = incident.cause;
  const own = ownMeasureText(measure, phrasing.locale);
  if (own !== undefined) return own.text;
  if (measure.id === confirmedDeletionMeasureId)
    return confirmedDeletionText(phrasing.locale, incident.circumstances);
  if (measure.status === 'failed') {
    const failed: Readonly<Record<string, string>> = failedMeasureTexts[phrasing.locale];
    return failed[measure.id] ?? measure.id;
  }
  // A request made and not yet answered was done as far as the organisation can do it: it is said as
  // done, and the report adds that no answer has come (`awaiting-answer`).
  const done = measure.status === 'done' || measure.status === 'awaiting-answer';
  if (measure.id === 'seller-feedback' && cause === undefined)
    return uncausedFeedbackTexts[phrasing.locale][done ? 'done' : 'pending'];
  // Sent to many at once: everyone who received it, not one recipient at a wrong address.
  if (
    (incident.misdirected?.recipients ?? 0) > 1 &&
    (measure.id === 'recall-and-delete' || measure.id === 'check-password-reset')
  )
    return groupMeasureTexts[phrasing.locale][done ? 'done' : 'pending'][measure.id];
  const texts: Readonly<Record<string, string>> = done
    ? measureTexts[phrasing.locale]
    : pendingMeasureTexts[phrasing.locale];
  return texts[measure.id] ?? measure.id;
}

// What a stranger could do with each of these kinds is fraud or an approach from outside (ordering in
// the customer's name, posing as them, phishing): a colleague who received the data by mistake is
// bound by the organisation's instructions (GDPR Art. 29, 32(4)), and what the breach means there is
// that the colleague knows it (loss of confidentiality, GDPR Recital 85), as in the ICO's breach
// example 2 and Datatilsynet's payslip example, which found no risk in it.
export const OUTSIDER_HARMS: ReadonlySet<DataCategory> = new Set([
  'postal-address',
  'customer-number',
  'national-id-number',
  'id-document-number',
  'payment-card',
  'account-number',
  'financial',
  'phone-number',
  'email-address',
  'date-of-birth',
]);

/**
 * What the breach means where a colleague received the data (`recipient: 'internal'`): the colleague
 * knows what they were not meant to, and the kinds that harm by being known (health, location),
 * not what a stranger could do with them. A login still usable is still said, unless deleted at once.
 */
function colleagueConsequenceLines(
  phrasing: Phrasing,
  categories: readonly DataCategory[],
  deleted: boolean,
  options: CredentialWording & {
    readonly financialInsight?: 'minimal' | 'limited' | 'substantial';
  },
): string[] {
  const known = listCategories(phrasing, categories, options);
  const lead = say(
    phrasing,
    `En kollega inom organisationen, som inte skulle ha uppgifterna, har fått kännedom om kundens ${known}.${deleted ? ' Kollegan har raderat meddelandet, och uppgifterna har inte lämnat organisationen.' : ' Uppgifterna finns kvar hos kollegan tills meddelandet raderas.'}`,
    `A colleague inside the organisation, who was not meant to have the data, has learnt the customer’s ${known}.${deleted ? ' The colleague deleted the message, and the data did not leave the organisation.' : ' The data stays with the colleague until the message is deleted.'}`,
  );
  const kept = categories.filter(
    (category) => !OUTSIDER_HARMS.has(category) && (category !== 'credentials' || !deleted),
  );
  return [lead, ...strangerConsequenceLines(phrasing, kept, options)];
}

/**
 * What someone holding the data could do with it, one sentence per kind of data; for a colleague
 * inside the organisation (`recipient`), what that colleague now knows.
 */
export function consequenceLines(
  phrasing: Phrasing,
  categories: readonly DataCategory[],
  options: CredentialWording & {
    /** How much the data reveals (`facts.insight`): an amount due alone is no means of fraud. */
    readonly financialInsight?: 'minimal' | 'limited' | 'substantial';
    readonly recipient?: IncidentReport['facts']['recipient'];
    readonly recipientDeleted?: boolean;
    /**
     * The categories found only with another person the message names (`affected.namedOthers.onlyTheirs`):
     * said as the message's details, not the customer's.
     */
    readonly othersOnly?: readonly DataCategory[];
  } = {},
): string[] {
  return options.recipient === 'internal'
    ? colleagueConsequenceLines(phrasing, categories, options.recipientDeleted === true, options)
    : strangerConsequenceLines(phrasing, categories, options);
}

function strangerConsequenceLines(
  phrasing: Phrasing,
  categories: readonly DataCategory[],
  options: CredentialWording & {
    readonly financialInsight?: 'minimal' | 'limited' | 'substantial';
    readonly othersOnly?: readonly DataCategory[];
  },
): string[] {
  const has = new Set(categories);
  const othersOnly = new Set(options.othersOnly ?? []);
  const lines: string[] = [];
  for (const category of categories) {
    if (category === 'customer-number' && !has.has('name')) continue;
    // With the key sent along, the `credentials` are the attachment's password: it opens that
    // attachment, not an account (WP250 rev.01 section IV.A), as {@link listCategories} names them.
    const text =
      category === 'credentials' && options.attachmentKey === true
        ? say(
            phrasing,
            'Lösenordet öppnar den krypterade bilagan: med det kan den som fick meddelandet läsa bilagan.',
            'The password opens the encrypted attachment: with it, whoever received the message can read the attachment.',
          )
        : category === 'credentials' && options.loginCode !== undefined
          ? loginCodeTexts[phrasing.locale].consequence[
              options.loginCode === 'invalid' && options.voided === true ? 'voided' : options.loginCode
            ]
          : category === 'financial' &&
              (options.financialInsight === 'limited' || options.financialInsight === 'minimal')
            ? // ENISA 2013 section 3.1: financial data that gives no substantial insight (a bank's name, a
              // single payment) weighs less. `financial` is account or payment data (an amount on an
              // invoice or order is `order-details`), and the insight is the caller's judgment, said as one.
              limitedFinancialTexts[phrasing.locale][options.financialInsight]
            : consequenceTexts[phrasing.locale][category];
    // Once nothing from the message opens the account, what the details could do is said as past.
    const said =
      category === 'credentials' && options.closed === true
        ? closedLoginConsequenceTexts[phrasing.locale]
        : text;
    // Another person's detail is the message's: the customer's name and address did not come with it.
    const others = othersOnly.has(category) ? othersConsequenceTexts[phrasing.locale][category] : undefined;
    if (others) lines.push(others);
    else if (said)
      lines.push(category === 'national-id-number' ? withWhatCameWith(phrasing, said, has) : said);
  }
  return lines;
}

/**
 * The identity number's consequence names the data that came with it and nothing else: a name and an
 * address make a credit application in the customer's name easier, but a report must not say an
 * address was exposed when none was (GDPR Art. 33(3)(a): the categories concerned).
 */
function withWhatCameWith(phrasing: Phrasing, text: string, has: ReadonlySet<DataCategory>): string {
  if (!has.has('name')) return text;
  const address = has.has('postal-address');
  return phrasing.locale === 'sv'
    ? text.replace(
        /^Personnumret kan /,
        `Personnumret kan tillsammans med ${address ? 'namn och adress' : 'namnet'} `,
      )
    : text.replace(
        /^The personal identity number/,
        `With the name${address ? ' and address' : ''}, the personal identity number`,
      );
}

/**
 * How the wrong address differs from the right one, in a few words (`a digit was missing`), when it
 * is one small slip; otherwise undefined. How a wholly different address came to be used is the
 * cause, which only the caller can record: it is never guessed here.
 */
export function describeAddressMistake(
  phrasing: Phrasing,
  intended: string,
  actual: string,
): string | undefined {
  const a = intended.toLowerCase();
  const b = actual.toLowerCase();
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const removed = a.slice(start, endA);
  const added = b.slice(start, endB);
  const digit = (text: string) => /^\d+$/.test(text);
  if (removed.length === 1 && added.length === 0)
    return digit(removed)
      ? say(phrasing, 'en siffra saknades', 'a digit was missing')
      : say(phrasing, 'ett tecken saknades', 'a character was missing');
  if (removed.length === 0 && added.length === 1)
    return digit(added)
      ? say(phrasing, 'en siffra för mycket', 'an extra digit')
      : say(phrasing, 'ett tecken för mycket', 'an extra character');
  if (removed.length === 1 && added.length === 1)
    return digit(removed) && digit(added)
      ? say(phrasing, 'en siffra var fel', 'a digit was wrong')
      : say(phrasing, 'ett tecken var fel', 'a character was wrong');
  if (removed.length === 2 && added.length === 2 && removed === [...added].reverse().join(''))
    return say(phrasing, 'två tecken hade bytt plats', 'two characters were swapped');
  return undefined;
}

/**
 * How far the data went, as recorded: made public (`recipient: 'public'`); shown to everyone the
 * message went to (the e-mail addresses of more than one person counted from the message itself,
 * as when its recipients were in To or Cc instead of Bcc); or to one other person. GDPR Art. 34(2)
 * with Art. 33(3)(a): the notice describes the nature of the breach, so a disclosure to many is not
 * told as one message to one stranger.
 */
export function disclosureReach(report: IncidentReport): 'public' | 'addresses' | 'one' {
  if (report.facts.recipient === 'public') return 'public';
  if (report.affected.dataSubjects > 1 && report.affected.basis?.message?.category === 'email-address')
    return 'addresses';
  return 'one';
}

/**
 * Whether the customer notice says a measure. Telling the customer is the notice itself, not a
 * measure in it. A usual measure is said unless marked `forCustomer: false`; a measure of the
 * caller's own (an id none of the usual, with its text) only where marked `forCustomer: true`: its text is written for the report and may speak of the customer in
 * the third person ("the customer has been told") in a letter to that customer. One that mends a
 * wrong address is not offered where no address was wrong (the data made public, or shown to
 * everyone the message went to).
 */
export function inCustomerNotice(
  report: IncidentReport,
  measure: Pick<Measure, 'id' | 'forCustomer'> & { readonly status?: Measure['status'] },
): boolean {
  if (measure.id === 'inform-customer') return false;
  if (!(measure.forCustomer ?? isUsualMeasure(measure.id))) return false;
  if (measure.status !== undefined && leftOutForOnePasswordInstruction(report, measure.id, measure.status))
    return false;
  return (
    measure.id !== 'correct-address' ||
    report.facts.returnedUnopened === true ||
    disclosureReach(report) === 'one'
  );
}

/**
 * A measure the notice in this language says ({@link inCustomerNotice}): one of the caller's own
 * worded only in the other language is left out (the report says so), never printed in a language
 * the notice is not written in.
 */
export function inCustomerNoticeIn(
  phrasing: Pick<Phrasing, 'locale'>,
  report: IncidentReport,
  measure: Measure,
): boolean {
  return (
    inCustomerNotice(report, measure) &&
    (isUsualMeasure(measure.id) || ownTextIn(measure, phrasing.locale) !== undefined)
  );
}

/**
 * A password measure not yet done that the notice leaves out, so that it gives the customer one
 * instruction: where the customer is told to change the password now, a new password the
 * organisation only proposes to send would tell them the opposite (GDPR Art. 34(2): what the person
 * can do to mitigate the effects, said clearly). A new password that was tried and failed is said:
 * it is why the customer is to change it. A new password sent makes no link sent earlier invalid
 * (`invalidate-login` does that), so the check for other links stays in the notice.
 */
function leftOutForOnePasswordInstruction(
  report: IncidentReport,
  id: string,
  status: Measure['status'],
): boolean {
  if (status === 'done') return false;
  return id === 'new-password' && status !== 'failed' && loginExposure(report).newPasswordBy === 'customer';
}

/** One of the usual measures, or the confirmed deletion's own: worded by the project, not the caller. */
export function isUsualMeasure(id: string): boolean {
  return id === confirmedDeletionMeasureId || (misdirectedEmailMeasureIds as readonly string[]).includes(id);
}

/** `45 personer` / `45 people`, `en person` / `one person`. */
function people(phrasing: Phrasing, count: number): string {
  return count === 1
    ? say(phrasing, 'en person', 'one person')
    : say(phrasing, `${count} personer`, `${count} people`);
}

/** The generated description of what happened, when the report has none of its own. */
export function describeIncident(phrasing: Phrasing, report: IncidentReport): string {
  if (report.incident.description) return report.incident.description;
  const misdirected = report.incident.misdirected;
  if (misdirected) {
    const subject = misdirected.subject
      ? say(phrasing, ` med ämnet ”${misdirected.subject}”`, ` with the subject “${misdirected.subject}”`)
      : '';
    const reach = report.facts.returnedUnopened ? 'one' : disclosureReach(report);
    const count = report.affected.dataSubjects;
    if (reach === 'public')
      return say(
        phrasing,
        `Ett e-postmeddelande${subject} som skulle till ${misdirected.intended} skickades till ${misdirected.actual}, och uppgifterna i det offentliggjordes. Det gäller ${people(phrasing, count)}.`,
        `An e-mail${subject} meant for ${misdirected.intended} was sent to ${misdirected.actual}, and the data in it was made public. It concerns ${people(phrasing, count)}.`,
      );
    // The addresses shown are counted from the message: the customer whose address was not among
    // them is concerned too, but was not shown (`intendedAddressShown`).
    const shown = report.affected.basis?.message?.count ?? count;
    if (reach === 'addresses')
      return say(
        phrasing,
        `Ett e-postmeddelande${subject} som skulle till ${misdirected.intended} skickades till ${misdirected.actual} med ${shown} personers e-postadresser synliga för alla som fick det.`,
        `An e-mail${subject} meant for ${misdirected.intended} was sent to ${misdirected.actual} with the e-mail addresses of ${shown} people visible to everyone who received it.`,
      );
    // Neither delivery nor the mailbox's owner recorded: that anyone read it is a possibility, not a fact.
    if (misdirected.unconfirmed === true && !report.facts.returnedUnopened)
      return say(
        phrasing,
        `Ett e-postmeddelande${subject} som skulle till kundens adress ${misdirected.intended} skickades till ${misdirected.actual}, som kan tillhöra en annan person: inget registrerat visar att adressen finns eller att meddelandet levererades. Om det levererades har den personen kunnat läsa kundens uppgifter.`,
        `An e-mail${subject} meant for the customer’s address ${misdirected.intended} was sent to ${misdirected.actual}, which may belong to someone else: nothing recorded shows that the address exists or that the message was delivered. If it was, that person could read the customer’s details.`,
      );
    // A bounced message shows the address reached no one, so it is not said to belong to anyone.
    if (report.facts.returnedUnopened)
      return say(
        phrasing,
        `Ett e-postmeddelande${subject} som skulle till kundens adress ${misdirected.intended} skickades till ${misdirected.actual}, som inte är kundens adress. Meddelandet kom tillbaka oöppnat: ingen annan har sett kundens uppgifter.`,
        `An e-mail${subject} meant for the customer’s address ${misdirected.intended} was sent to ${misdirected.actual}, which is not the customer’s address. The message came back unopened: nobody else saw the customer’s details.`,
      );
    // A colleague's address is recorded as such (`recipient: 'internal'`): the report says who read it.
    if (report.facts.recipient === 'internal')
      return say(
        phrasing,
        `Ett e-postmeddelande${subject} som skulle till kundens adress ${misdirected.intended} skickades till ${misdirected.actual}, som tillhör en kollega inom organisationen. Kollegan har därmed kunnat läsa kundens uppgifter.`,
        `An e-mail${subject} meant for the customer’s address ${misdirected.intended} was sent to ${misdirected.actual}, which belongs to a colleague inside the organisation. The colleague could read the customer’s details.`,
      );
    // Another company's or organisation's address (a shared mailbox): said as that, not as a person's.
    if (report.facts.recipient === 'other-organisation')
      return say(
        phrasing,
        `Ett e-postmeddelande${subject} som skulle till kundens adress ${misdirected.intended} skickades till ${misdirected.actual}, som tillhör en annan organisation. Organisationen har därmed kunnat läsa kundens uppgifter.`,
        `An e-mail${subject} meant for the customer’s address ${misdirected.intended} was sent to ${misdirected.actual}, which belongs to another organisation. The organisation could read the customer’s details.`,
      );
    // A known party the organisation can hold to account (`recipient: 'trusted'`: a partner, a
    // processor, a professional bound by secrecy) is said as what it is, not as a stranger: the
    // authority weighs it so (WP250 rev.01 section IV.B; EDPB Guidelines 01/2021 Case No. 09).
    if (report.facts.recipient === 'trusted')
      return say(
        phrasing,
        `Ett e-postmeddelande${subject} som skulle till kundens adress ${misdirected.intended} skickades till ${misdirected.actual}, som tillhör en mottagare som organisationen känner och kan hålla ansvarig (en samarbetspartner, ett personuppgiftsbiträde eller någon med tystnadsplikt)${report.facts.recipientBoundBySecrecy === true ? ' och som har tystnadsplikt' : ''}. Mottagaren har därmed kunnat läsa kundens uppgifter.`,
        `An e-mail${subject} meant for the customer’s address ${misdirected.intended} was sent to ${misdirected.actual}, which belongs to a recipient the organisation knows and can hold to account (a partner, a processor or a professional bound by secrecy)${report.facts.recipientBoundBySecrecy === true ? ', and who is bound by secrecy' : ''}. The recipient could read the customer’s details.`,
      );
    return say(
      phrasing,
      `Ett e-postmeddelande${subject} som skulle till kundens adress ${misdirected.intended} skickades till ${misdirected.actual}, som tillhör en annan person. Den personen har därmed kunnat läsa kundens uppgifter.`,
      `An e-mail${subject} meant for the customer’s address ${misdirected.intended} was sent to ${misdirected.actual}, which belongs to someone else. That person could read the customer’s details.`,
    );
  }
  const circumstances: Readonly<Record<IncidentReport['incident']['circumstances'], [string, string]>> = {
    'misdirected-email': [
      'Personuppgifter skickades med e-post till fel mottagare.',
      'Personal data was e-mailed to the wrong recipient.',
    ],
    'misdirected-post': [
      'Personuppgifter skickades med post till fel mottagare.',
      'Personal data was posted to the wrong recipient.',
    ],
    'misdirected-sms': [
      'Personuppgifter skickades med sms till fel mottagare.',
      'A text message (SMS) with personal data was sent to the wrong recipient.',
    ],
    loss: ['Personuppgifter har gått förlorade.', 'Personal data was lost.'],
    theft: ['Personuppgifter har stulits.', 'Personal data was stolen.'],
    copying: [
      'Personuppgifter har kopierats utan behörighet.',
      'Personal data was copied without authorisation.',
    ],
    'unauthorised-access': [
      'Någon utan behörighet har kommit åt personuppgifter.',
      'Someone without authorisation accessed personal data.',
    ],
    other: ['En personuppgiftsincident har inträffat.', 'A personal data breach occurred.'],
  };
  const [swedish, english] = circumstances[report.incident.circumstances];
  return say(phrasing, swedish, english);
}

/** The generated nature and content of the data, when the report has none of its own. */
export function describeData(phrasing: Phrasing, report: IncidentReport): string {
  // An attachment a person read by hand (`reviewed`) adds no doubt: the categories include its content.
  const unread = (report.data.unreadAttachments ?? []).filter((attachment) => attachment.reviewed !== true);
  const reviewed = (report.data.unreadAttachments ?? []).filter((attachment) => attachment.reviewed === true);
  // An attachment nobody read may hold more than the readable parts showed: the list is then a
  // lower bound, and the attachment is named so the person filing the report reads it by hand.
  const unreadNote = [
    ...reviewed.map((attachment) => {
      const name = attachment.filename ?? say(phrasing, '(namnlös)', '(unnamed)');
      return say(
        phrasing,
        `Bilagan ${name} (${attachment.contentType}) kunde inte läsas automatiskt; uppgifterna ovan omfattar det som registrerats från den manuellt.`,
        `The attachment ${name} (${attachment.contentType}) could not be read automatically; the data listed includes what was recorded from it by hand.`,
      );
    }),
    ...unread.map((attachment) => {
      const name = attachment.filename ?? say(phrasing, '(namnlös)', '(unnamed)');
      return say(
        phrasing,
        `Bilagan ${name} (${attachment.contentType}) lästes inte, så uppgifterna ovan kan vara ofullständiga; granska bilagans innehåll manuellt.`,
        `The attachment ${name} (${attachment.contentType}) was not read, so the data listed may be incomplete; check its content by hand.`,
      );
    }),
  ];
  if (report.data.content) return [report.data.content, ...unreadNote].join(' ');
  const subject = report.incident.misdirected?.subject;
  const what = subject
    ? say(phrasing, `Meddelandet ”${subject}”`, `The message “${subject}”`)
    : say(phrasing, 'Uppgifterna', 'The data');
  const incomplete = unread.length > 0;
  // Categories read from free text by patterns may miss some: such a list is never given as complete.
  const partial = report.data.complete === false;
  return [
    say(
      phrasing,
      `${what} innehöll${incomplete || partial ? ' bland annat' : ''}: ${listCategories(phrasing, report.data.categories, credentialWording(report))}.`,
      `${what} contained${incomplete ? ' at least' : partial ? ', among other things' : ''}: ${listCategories(phrasing, report.data.categories, credentialWording(report))}.`,
    ),
    ...unreadNote,
  ].join(' ');
}
