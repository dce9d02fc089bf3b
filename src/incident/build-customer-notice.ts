import MailComposer from 'nodemailer/lib/mail-composer';
import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import { AddressSchema, AddrSpecSchema } from './address-schema.js';
import { afterColon } from './after-colon.js';
import { countryTimeZone } from './data/country-time-zones.js';
import type { DataCategory } from './data/data-categories.js';
import {
  type NoticeChannel,
  type NoticePerson,
  type NoticeRecipientKind,
  noticeAttemptTexts,
  noticeChannelWords,
  noticeConsequenceTexts,
  noticeDeletionConfirmedTexts,
  noticeLoginCheckTexts,
  noticeMeasureTexts,
  noticePasswordTexts,
  noticePersonWords,
  noticeRecipientWords,
} from './data/notice-texts.js';
import {
  adviceTexts,
  confirmedDeletionMeasureId,
  loginCodeTexts,
  type MisdirectedEmailMeasureId,
} from './data/report-texts.js';
import {
  credentialWording,
  describeAddressMistake,
  disclosureReach,
  inCustomerNoticeIn,
  listCategories,
  measureText,
  OUTSIDER_HARMS,
  type Phrasing,
  say,
} from './describe-incident.js';
import { impossibleReportFacts, isSameMailbox, refuseIssues } from './impossible-facts.js';
import { type IncidentReport, IncidentReportSchema, type Measure } from './incident-report.js';
import { latestMeasure } from './latest-measure.js';
import { loginExposure } from './login-exposure.js';
import { ownTextIn } from './measure-own-text.js';
import { LocaleSchema, TimeZoneSchema } from './option-schemas.js';
import { identityCheckSteps } from './phone-identity-check.js';
import { escapeHtml } from './render-incident-report.js';

/** Options of {@link buildCustomerNotice}. */
export interface BuildCustomerNoticeOptions<Channel extends 'email' | 'phone-script'> {
  /** The notice as an e-mail, or the script of the call to the customer. */
  readonly channel: Channel;
  /**
   * Language of the notice.
   * @default 'en'
   */
  readonly locale?: 'sv' | 'en';
  /**
   * The customer's name, to greet them.
   * @default undefined (a greeting without a name)
   */
  readonly customerName?: string;
  /**
   * Where the e-mail goes: one address, without a name, a list or a line break.
   * @default report.incident.misdirected.intended (the customer's correct address)
   */
  readonly to?: string;
  /**
   * Who the e-mail is from: one address, without a name, a list or a line break.
   * @default report.provider.noticeFrom, else report.contact.email
   */
  readonly from?: string;
  /**
   * IANA time zone of the times the notice mentions.
   * @default the zone of the organisation's country (Europe/London for GB), else 'Europe/Stockholm'
   */
  readonly timeZone?: string;
  /**
   * `report.incident.description` is written for the customer and may be quoted in the notice of a
   * breach that is no misdirected message. A description is written for the report: it may name
   * other customers, staff or systems, so by default the notice says what happened in its own words.
   * @default false
   */
  readonly descriptionForCustomer?: boolean;
}

const BuildCustomerNoticeOptionsSchema = z.object({
  channel: z.enum(['email', 'phone-script']),
  locale: LocaleSchema.optional(),
  customerName: z.string().optional(),
  to: AddressSchema.optional(),
  from: AddressSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  descriptionForCustomer: z.boolean().optional(),
});

// The notice's sender and recipient, each exactly one address: a line break or a second address in
// either would put another recipient into the message (RFC 5322 §2.2, §3.4).
const NoticeAddressesSchema = z.object({ to: AddrSpecSchema, from: AddrSpecSchema });

/** The notice as an RFC 5322 message, ready for any nodemailer transport (or any SMTP client). */
export interface EmailNotice {
  readonly channel: 'email';
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The whole message, built by nodemailer's MailComposer (headers, multipart/alternative body). */
  readonly raw: Buffer;
}

/** One step of the call: what to say, or what to ask and wait for. */
export interface PhoneScriptStep {
  readonly kind: 'say' | 'ask';
  readonly text: string;
}

/** The script of the call to the customer. */
export interface PhoneScript {
  readonly channel: 'phone-script';
  readonly steps: readonly PhoneScriptStep[];
  /** The steps as one text, questions marked with the place to note the answer. */
  readonly text: string;
}

/**
 * Writes the notice to the customer whose data reached someone else (GDPR Art. 34(2); Regulation
 * 611/2013 Art. 3 and Annex II): what happened, what the stranger saw, what was done, what to watch
 * for, and the reference number. As an e-mail it is a real RFC 5322 message built with nodemailer's
 * MailComposer; as a phone script it also holds the questions to ask.
 *
 * @example
 * ```ts
 * const script = await buildCustomerNotice(report, { channel: 'phone-script', locale: 'sv' });
 * console.log(script.text);
 * const email = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
 * await transporter.sendMail({ envelope: { from: email.from, to: email.to }, raw: email.raw });
 * ```
 */
export async function buildCustomerNotice(
  report: IncidentReport,
  options: BuildCustomerNoticeOptions<'email'>,
): Promise<EmailNotice>;
export async function buildCustomerNotice(
  report: IncidentReport,
  options: BuildCustomerNoticeOptions<'phone-script'>,
): Promise<PhoneScript>;
export async function buildCustomerNotice(
  report: IncidentReport,
  options: BuildCustomerNoticeOptions<'email' | 'phone-script'>,
): Promise<EmailNotice | PhoneScript> {
  const checked = parseInput(IncidentReportSchema, report, ['report']);
  const given = parseInput(BuildCustomerNoticeOptionsSchema, options, ['options']);
  refuseIssues(impossibleReportFacts(checked, 'report', given.locale));
  const phrasing: Phrasing = {
    locale: given.locale ?? 'en',
    timeZone: given.timeZone ?? countryTimeZone(checked.provider.country),
  };
  // A name is one line: a line break or other control character in it (a record imported with one,
  // or a name written to forge a line of the letter) would put text of its own on a line of the notice.
  const customerName = given.customerName?.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim() || undefined;
  const parts = withoutControls(
    noticeParts(phrasing, checked, customerName, given.channel, given.descriptionForCustomer === true),
  );
  if (given.channel === 'phone-script') return phoneScript(phrasing, parts, checked);

  const intended = given.to ?? checked.incident.misdirected?.intended;
  if (!intended) {
    throw new InvalidInputError([
      { path: ['options', 'to'], message: 'the customer’s address is needed when the report names none' },
    ]);
  }
  const { to, from } = parseInput(
    NoticeAddressesSchema,
    { to: intended, from: given.from ?? checked.provider.noticeFrom ?? checked.contact.email },
    ['options'],
  );
  // The notice repeats what the stranger saw: sent to the mailbox that wrongly received the data,
  // it would disclose it a second time (GDPR Art. 34(2) addresses the notice to the data subject).
  // A message to many at once (in To or Cc instead of Bcc) went to every address as meant: `actual`
  // names one of the group, a person concerned like the others, whose notice goes to their own address.
  const group = (checked.incident.misdirected?.recipients ?? 0) > 1;
  const actual = checked.incident.misdirected?.actual;
  if (!group && actual !== undefined && isSameMailbox(to, actual)) {
    throw new InvalidInputError([
      {
        path: ['options', 'to'],
        message:
          'the mailbox that wrongly received the data (report.incident.misdirected.actual): the notice goes to the customer, never to the stranger',
      },
    ]);
  }
  // The subject says what happened (not "a message from us"), so it is read, and not taken for spam.
  const reach = checked.facts.returnedUnopened ? 'one' : disclosureReach(checked);
  const who = personWordsOf(checked);
  const subject =
    reach === 'public'
      ? say(
          phrasing,
          `Uppgifter om ${who.sv.dig} offentliggjordes av misstag`,
          `Details about ${who.en.you} were made public by mistake`,
        )
      : reach === 'addresses' && intendedOutsideGroup(checked)
        ? say(
            phrasing,
            `Uppgifter om ${who.sv.dig} skickades av misstag till fel mottagare`,
            `Details about ${who.en.you} were sent to the wrong recipients by mistake`,
          )
        : reach === 'addresses'
          ? say(
              phrasing,
              `${capitalised(who.sv.din)} e-postadress syntes för andra mottagare av ett meddelande`,
              `${capitalised(who.en.your)} e-mail address was shown to other recipients of a message`,
            )
          : checked.incident.misdirected && checked.facts.returnedUnopened
            ? // It reached nobody: a subject saying it went to another person would contradict the body.
              say(
                phrasing,
                `Ett meddelande till ${who.sv.dig} skickades till fel adress och kom tillbaka oöppnat`,
                `A message meant for ${who.en.you} went to a wrong address and came back unopened`,
              )
            : checked.incident.misdirected?.unconfirmed === true
              ? // Delivery is not known: the subject says it may have happened, as the body does.
                say(
                  phrasing,
                  `Uppgifter om ${who.sv.dig} kan av misstag ha kommit till en annan person`,
                  `Details about ${who.en.you} may have reached someone else by mistake`,
                )
              : checked.incident.misdirected
                ? say(
                    phrasing,
                    `Uppgifter om ${who.sv.dig} skickades av misstag till ${noticeWords(phrasing, checked).other}`,
                    `Details about ${who.en.you} were sent to ${noticeWords(phrasing, checked).other} by mistake`,
                  )
                : say(
                    phrasing,
                    `Information om en incident som rör ${who.sv.dina} personuppgifter`,
                    `About an incident involving ${who.en.your} personal data`,
                  );
  const paragraphs = [
    parts.greeting,
    parts.happened,
    parts.saw,
    parts.consequence,
    parts.doNow,
    parts.done,
    parts.planned,
    parts.watch,
    parts.contact,
    parts.signature,
  ];
  const text = `${paragraphs.filter(Boolean).join('\n\n')}\n`;
  const html = `<!doctype html>\n<html lang="${phrasing.locale}"><body>\n${paragraphs
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n')}\n</body></html>\n`;
  const raw = await new MailComposer({
    // The organisation's name as the display name, so the customer sees who writes (one line: a
    // line break in a header would end it, RFC 5322 §2.2).
    from: { name: oneLine(checked.provider.name), address: from },
    to,
    subject,
    text,
    html,
    headers: { 'X-Incident-Reference': oneLine(checked.reference) },
  })
    .compile()
    .build();
  return { channel: 'email', from, to, subject, text, html, raw };
}

/**
 * Text from the input as one line of a header or a sentence: white space and control characters
 * (Unicode Cc: the C0 controls with ESC and BEL, DEL, the C1 controls; and the line and paragraph
 * separators) each run one space. A Subject or name carrying an escape sequence or a line break
 * would otherwise reach the customer's mail program, or start a line of its own in the notice.
 */
function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

/**
 * The notice's parts with every control character but line feed and tab (Unicode Cc) made a
 * space: whatever a part took from the input (a contact's name, a measure's note, the subject), no
 * escape sequence or carriage return reaches the .eml, the HTML or the phone script.
 */
function withoutControls(parts: NoticeParts): NoticeParts {
  return Object.fromEntries(
    Object.entries(parts).map(([key, value]) => [key, value.replace(/[^\P{Cc}\n\t]+/gu, ' ')]),
  ) as unknown as NoticeParts;
}

interface NoticeParts {
  greeting: string;
  happened: string;
  saw: string;
  consequence: string;
  /** The one thing the customer should do now (change the password), apart from what to watch for. */
  doNow: string;
  done: string;
  planned: string;
  watch: string;
  contact: string;
  /** The contact point, for a notice the law requires (GDPR Art. 34(2)); empty otherwise. */
  contactPoint: string;
  signature: string;
  reference: string;
  phone: string;
  name: string;
  provider: string;
}

/**
 * A date and time as people say them, in the notice's time zone and without its abbreviation:
 * `23 februari 2018 kl. 13.36` (Språkrådet: a full stop between hours and minutes),
 * `23 February 2018 at 13:36`.
 */
function spokenDateTime(phrasing: Phrasing, iso: string): string {
  const parts = new Intl.DateTimeFormat(phrasing.locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: phrasing.timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  return phrasing.locale === 'sv'
    ? `${part('day')} ${part('month')} ${part('year')} kl. ${part('hour')}.${part('minute')}`
    : `${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')}`;
}

/**
 * The measures as the notice says them: as done only those recorded as done (dated where the date
 * was recorded), as still to be done only those planned. A proposed measure is nobody's decision
 * yet and a rejected one never happens, so neither is promised to the customer (docs/incident.md:
 * "A measure that is only `proposed` is never in a notice").
 */
function noticeMeasures(phrasing: Phrasing, report: IncidentReport, status: 'done' | 'planned'): string[] {
  const texts: Readonly<Record<string, string | undefined>> = {
    ...noticeMeasureTexts[phrasing.locale][status],
    ...loginCheckText(phrasing, report, status),
    [confirmedDeletionMeasureId]: noticeDeletionConfirmedTexts[phrasing.locale],
  };
  const words = noticeWords(phrasing, report);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(phrasing.locale === 'sv' ? 'sv-SE' : 'en-GB', {
      timeZone: phrasing.timeZone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }).format(new Date(iso));
  // What was done includes a request still unanswered, said with the fact that no answer has come, and
  // a measure that was tried and failed, said as tried: the customer hears neither as a success. A
  // usual measure that failed is said in the notice's own words, whatever the caller wrote for the
  // report (a text written as done would tell the customer it happened); one of the caller's own is
  // led by the words that it did not succeed.
  const dated = (text: string, at: string | undefined) =>
    at === undefined ? text : `${text.replace(/\.$/, '')} (${day(at)}).`;
  const states: readonly string[] = status === 'done' ? ['done', 'awaiting-answer', 'failed'] : [status];
  const attempts = noticeAttemptTexts[phrasing.locale];
  const failedTexts: Readonly<Record<string, string | undefined>> = {
    ...attempts.failed,
    ...loginCheckText(phrasing, report, 'failed'),
  };
  // Words of the caller's own only in this notice's language; a usual measure's own otherwise.
  const usualText = (measure: Measure, as: Measure['status']) =>
    measureText(phrasing, { id: measure.id, status: as }, report.incident);
  return report.measures
    .filter((measure) => states.includes(measure.status) && inCustomerNoticeIn(phrasing, report, measure))
    .map((measure) => {
      const own = ownTextIn(measure, phrasing.locale);
      if (measure.status === 'failed') {
        const usual = fillUsualText(failedTexts[measure.id], words);
        const tried = usual ?? `${attempts.ownFailed} ${own ?? usualText(measure, 'failed')}`;
        return dated(tried, measure.doneAt);
      }
      const text = own ?? fillUsualText(texts[measure.id], words) ?? usualText(measure, status);
      return measure.status === 'awaiting-answer'
        ? `${dated(text, measure.doneAt)} ${attempts.awaitingAnswer}`
        : dated(text, measure.doneAt);
    });
}

/**
 * The check for passwords or login links sent to the wrong address, worded for a message that held
 * one itself: it checks for others besides it ({@link noticeLoginCheckTexts}); `{}` otherwise.
 */
function loginCheckText(
  phrasing: Phrasing,
  report: IncidentReport,
  status: 'done' | 'planned' | 'proposed' | 'failed',
): { 'check-password-reset'?: string } {
  return loginExposure(report).inMessage
    ? { 'check-password-reset': noticeLoginCheckTexts[phrasing.locale][status] }
    : {};
}

const recipientKinds: Partial<Record<IncidentReport['facts']['recipient'], NoticeRecipientKind>> = {
  internal: 'colleague',
  trusted: 'organisation',
  'other-organisation': 'organisation',
};

const channelsByCircumstance: Partial<
  Record<NonNullable<IncidentReport['incident']['circumstances']>, NoticeChannel>
> = { 'misdirected-post': 'letter', 'misdirected-sms': 'sms' };

/**
 * The message went to many at once, each seeing the others' addresses (a Cc list), and was not
 * returned unopened: its notice speaks of every recipient, never of one person (see {@link disclosureReach}).
 */
function shownToGroup(report: IncidentReport): boolean {
  return report.facts.returnedUnopened !== true && disclosureReach(report) === 'addresses';
}

/**
 * The message went to many at once, each seeing the others' addresses, but the customer it was meant
 * for was none of them (`misdirected.intendedAddressShown: false`): they saw the customer's data, not
 * the customer's address, and the notice says so rather than "yours among them".
 */
function intendedOutsideGroup(report: IncidentReport): boolean {
  return shownToGroup(report) && report.incident.misdirected?.intendedAddressShown === false;
}

/**
 * The words the notice's fixed texts are filled with: who received the data, as the report records
 * the recipient (`facts.recipient`), or every recipient of a message shown to a group, and what went
 * astray, as the circumstances record it (a letter, a text message, else a message). Made public,
 * the recipient is still told as a person: that notice says "anyone" in its own sentences.
 */
function noticeWords(phrasing: Phrasing, report: IncidentReport): NoticeWords {
  const kind: NoticeRecipientKind = shownToGroup(report)
    ? 'group'
    : (recipientKinds[report.facts.recipient] ?? 'person');
  const channel = report.incident.circumstances
    ? (channelsByCircumstance[report.incident.circumstances] ?? 'message')
    : 'message';
  const personWords = noticePersonWords[phrasing.locale][noticePerson(report)];
  const channelWords = noticeChannelWords[phrasing.locale][channel];
  const recipientWords = noticeRecipientWords[phrasing.locale][kind];
  return {
    ...personWords,
    ...channelWords,
    ...recipientWords,
    rightAddress: fillNoticeText(channelWords.rightAddress, personWords),
    receiver: fillNoticeText(recipientWords.receiver, channelWords),
    ...(recipientWords.Receiver === undefined
      ? {}
      : { Receiver: fillNoticeText(recipientWords.Receiver, channelWords) }),
  };
}

type NoticeWords = (typeof noticeChannelWords)['sv']['message'] &
  (typeof noticeRecipientWords)['sv'][NoticeRecipientKind] &
  Readonly<Record<string, string>>;

/**
 * Whom the notice speaks of as the person the data is about: a child (`affected.minor`) through the
 * guardian who reads it, else the customer (see {@link noticePersonWords}).
 */
function noticePerson(report: IncidentReport): NoticePerson {
  return report.affected.minor === true ? 'child' : 'customer';
}

/** The words for the person the data is about, in both languages, for the notice's own sentences. */
function personWordsOf(report: IncidentReport) {
  const person = noticePerson(report);
  return { sv: noticePersonWords.sv[person], en: noticePersonWords.en[person] };
}

/** The text with its first letter capitalised ("ditt barns" begins a subject as "Ditt barns"). */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A fixed text with its `{word}` filled, capitalised where the brace is (`{Receiver}` begins a
 * sentence) unless the words give that form of their own. A word the table lacks is a fault in the
 * texts, never something to print as braces.
 */
function fillNoticeText(template: string, words: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const own = words[key];
    if (own !== undefined) return own;
    const word = words[key.charAt(0).toLowerCase() + key.slice(1)];
    if (word === undefined) throw new Error(`notice text names an unknown word {${key}}`);
    return key.charAt(0) === key.charAt(0).toUpperCase()
      ? word.charAt(0).toUpperCase() + word.slice(1)
      : word;
  });
}

/** A usual measure's notice text, filled; `undefined` for a measure the table has no text for. */
function fillUsualText(template: string | undefined, words: NoticeWords): string | undefined {
  return template === undefined ? undefined : fillNoticeText(template, words);
}

function noticeParts(
  phrasing: Phrasing,
  report: IncidentReport,
  customerName: string | undefined,
  channel: 'email' | 'phone-script' = 'email',
  descriptionForCustomer = false,
): NoticeParts {
  const s = (swedish: string, english: string) => say(phrasing, swedish, english);
  const misdirected = report.incident.misdirected;
  const when = spokenDateTime(phrasing, report.incident.occurredAt);
  const mistake = misdirected
    ? describeAddressMistake(phrasing, misdirected.intended, misdirected.actual)
    : undefined;
  const subject = misdirected?.subject === undefined ? undefined : oneLine(misdirected.subject);
  const unopened = report.facts.returnedUnopened === true;
  // Nothing recorded shows that the wrong address received the message (`misdirected.unconfirmed`):
  // every sentence about what the other person saw or can do stays conditional (GDPR Art. 5(1)(d)).
  const mayHaveReached = misdirected?.unconfirmed === true && !unopened;
  // Which address was wrong (the one stored, or the one typed when sending) is the report's cause,
  // often known only later: the notice says only what is true in every case.
  // How far it went, as recorded: made public, or shown to all who received the message, is not
  // told as a slip of one address that reached one person (GDPR Art. 34(2), the nature of the breach).
  const reach = unopened ? 'one' : disclosureReach(report);
  const count = report.affected.dataSubjects;
  const words = noticeWords(phrasing, report);
  const who = personWordsOf(report);
  const { other, seer } = words;
  // Telling the people of a group (`inform-customer`, unless decided against) is telling each of them
  // on their own: the e-mail goes to one address (RFC 5322 §3.6.3), so this notice shows nobody's
  // address again, and the reader learns that the others are told too (GDPR Art. 34(2)). It is said
  // as done only once the measure is recorded done, as to come while only planned or proposed, and
  // with no number: nothing records how many have been told (GDPR Art. 5(1)(d), accuracy). A
  // proposal is nobody's decision yet, so it is no promise to the customer (docs/incident.md: "A
  // measure that is only `proposed` is never in a notice").
  const informing = latestMeasure(report.measures, 'inform-customer')?.status;
  const informingDone = informing === 'done' || informing === 'awaiting-answer';
  const informingToCome = informing === 'planned';
  const outside = intendedOutsideGroup(report);
  const eachTold =
    reach !== 'addresses' || !(informingDone || informingToCome)
      ? ''
      : channel === 'phone-script'
        ? informingDone
          ? s(
              ' Vi kontaktar var och en vars adress syntes, en i taget.',
              ' We are contacting each person whose address could be seen, one at a time.',
            )
          : s(
              ' Vi kommer att kontakta var och en vars adress syntes, en i taget.',
              ' We will contact each person whose address could be seen, one at a time.',
            )
        : informingDone && outside
          ? s(
              ' Vi skriver för sig till var och en vars adress syntes, så att ingen ser någon annans adress.',
              ' We are writing separately to each person whose address could be seen, so that nobody sees anyone else’s address.',
            )
          : informingDone
            ? s(
                ' Vi skriver för sig till var och en vars adress syntes, så att ingen annan ser din adress i det här meddelandet.',
                ' We are writing separately to each person whose address could be seen, so that nobody else sees your address in this message.',
              )
            : s(
                ' Vi kommer att skriva för sig till var och en vars adress syntes, så att ingen ser någon annans adress.',
                ' We will write separately to each person whose address could be seen, so that nobody sees anyone else’s address.',
              );
  const quoted = descriptionForCustomer ? report.incident.description : undefined;
  const happened =
    reach === 'public'
      ? s(
          `Den ${when} offentliggjordes av misstag uppgifter om ${who.sv.dig}${subject ? ` (i meddelandet ”${subject}”)` : ''}. Vi ber om ursäkt för det.`,
          `On ${when} details about ${who.en.you}${subject ? ` (in the message “${subject}”)` : ''} were made public by mistake. We are sorry.`,
        )
      : reach === 'addresses' && outside
        ? s(
            `Den ${when} skickade vi ett meddelande till ${who.sv.dig}${subject ? ` (”${subject}”)` : ''}, men det gick till andras e-postadresser, som alla som fick det kunde se; ${who.sv.din} adress syntes inte för dem. Vi ber om ursäkt för det.${eachTold}`,
            `On ${when} we sent ${who.en.you} a message${subject ? ` (“${subject}”)` : ''}, but it went to other people’s e-mail addresses, which everyone who received it could see; ${who.en.your} address was not shown to them. We are sorry.${eachTold}`,
          )
        : reach === 'addresses'
          ? s(
              `Den ${when} skickade vi ett meddelande${subject ? ` (”${subject}”)` : ''} där ${count} personers e-postadresser, ${who.sv.din} bland dem, syntes för alla som fick det. Vi ber om ursäkt för det.${eachTold}`,
              `On ${when} we sent a message${subject ? ` (“${subject}”)` : ''} in which the e-mail addresses of ${count} people, ${who.en.yours} among them, could be seen by everyone who received it. We are sorry.${eachTold}`,
            )
          : misdirected
            ? s(
                `Den ${when} skickade vi ett meddelande till ${who.sv.dig}${subject ? ` (”${subject}”)` : ''}, men det gick till fel e-postadress${mistake ? ` (${mistake})` : ''}. ${unopened ? 'Det kom tillbaka till oss oöppnat.' : misdirected.unconfirmed === true ? 'Meddelandet kan därför ha kommit till en annan person.' : `Meddelandet kom därför till ${other}.`} Vi ber om ursäkt för det.`,
                `On ${when} we sent ${who.en.you} a message${subject ? ` (“${subject}”)` : ''}, but it went to a wrong e-mail address${mistake ? ` (${mistake})` : ''}. ${unopened ? 'It came back to us unopened.' : misdirected.unconfirmed === true ? 'The message may therefore have reached someone else.' : `The message therefore reached ${other}.`} We are sorry.`,
              )
            : report.incident.circumstances === 'misdirected-email'
              ? // Without the addresses the notice still says who saw the data, so "that person" below has someone to refer to.
                s(
                  `Den ${when} skickade vi av misstag ett e-postmeddelande med uppgifter om ${who.sv.dig} till ${other}. Vi ber om ursäkt för det.`,
                  `On ${when} we sent an e-mail with details about ${who.en.you} to ${other} by mistake. We are sorry.`,
                )
              : report.incident.circumstances === 'misdirected-post'
                ? // GDPR Art. 34(2) with Art. 33(3)(a): the nature of the breach, so the channel and what happened.
                  s(
                    `Den ${when} skickade vi av misstag ett brev med uppgifter om ${who.sv.dig} till ${other}. Vi ber om ursäkt för det.`,
                    `On ${when} we sent a letter with details about ${who.en.you} to ${other} by mistake. We are sorry.`,
                  )
                : report.incident.circumstances === 'misdirected-sms'
                  ? // The text message went to another number, so this notice does not go by text message:
                    // it says by which channel it comes instead (GDPR Art. 34(2): the nature of the breach).
                    // A phone script is spoken: it says the customer is called, not written to.
                    s(
                      `Den ${when} skickade vi av misstag ett sms med uppgifter om ${who.sv.dig} till ${other}. Vi ber om ursäkt för det. ${channel === 'phone-script' ? 'Vi ringer dig i stället för att skicka sms' : 'Vi skriver till dig med e-post, inte med sms'}, eftersom sms:et gick till ett annat nummer.`,
                      `On ${when} we sent a text message (SMS) with details about ${who.en.you} to ${other} by mistake. We are sorry. ${channel === 'phone-script' ? 'We are calling you rather than sending a text message' : 'We are writing to you by e-mail, not by text message'}, because the text message went to another number.`,
                    )
                  : // Any other breach is told in the notice's own words: the caller's description is written
                    // for the report and may name other people (other customers, staff), whose data the
                    // notice would disclose again (GDPR Art. 5(1)(f)); quoted only where the caller says it
                    // is written for the customer (`descriptionForCustomer`).
                    s(
                      `Den ${when} inträffade en incident som rör ${who.sv.dina} personuppgifter.${quoted ? ` ${quoted}` : ''} Vi ber om ursäkt för det.`,
                      `On ${when} an incident involving ${who.en.your} personal data occurred.${quoted ? ` ${quoted}` : ''} We are sorry.`,
                    );
  // "That person" needs someone named before it: a misdirected message or letter names the other person.
  const toSomeone =
    misdirected !== undefined ||
    report.incident.circumstances === 'misdirected-email' ||
    report.incident.circumstances === 'misdirected-post' ||
    report.incident.circumstances === 'misdirected-sms';
  // Nobody has read the message yet (`data.contentUnknown`): the notice names no kind of data, which
  // would tell the customer as fact what nobody has checked (GDPR Art. 5(1)(d) accuracy; Art. 34(2)
  // asks for the nature of the breach as known). It says the content is being established instead.
  const contentUnknown = report.data.contentUnknown === true;
  // An attachment nobody has read yet may hold more than the readable parts showed: the list is then
  // said as a part ("bland annat", as the report's own description), and the attachment's content as
  // being established, never as the whole of what the stranger saw (GDPR Art. 5(1)(d), Art. 34(2)).
  const unreadAttachments = (report.data.unreadAttachments ?? []).filter(
    (attachment) => attachment.reviewed !== true,
  );
  const inPart = unreadAttachments.length > 0;
  const amongSv = inPart ? 'bland annat ' : '';
  const amongEn = inPart ? ', among other things' : '';
  const unreadLine = inPart
    ? s(
        ` ${fillNoticeText('{Item}', words)} hade också en bilaga som vi ännu inte har kunnat läsa. Vi håller på att ta reda på vilka uppgifter om ${who.sv.dig} den innehåller, och hör av oss när vi vet det.`,
        ` ${fillNoticeText('{Item}', words)} also had an attachment we have not yet been able to read. We are establishing which details about ${who.en.you} it holds, and will tell you once we know.`,
      )
    : '';
  // A child's guardian's own details (their e-mail address and phone number on the line "Vårdnadshavare:")
  // are not details about the child: they are listed, and their consequences said, as the guardian's.
  const guardianDetails = report.affected.minor === true ? report.affected.guardianDetails : undefined;
  const childsOwn = report.data.categories.filter(
    (category) => !(guardianDetails?.onlyTheirs ?? []).includes(category),
  );
  // The addresses a message to many showed were the recipients' own, not the customer's when hers
  // was none of them (`intendedOutsideGroup`): her details are the rest.
  // Details the message held only on the line of another person it names ("Medsökande: Erik Lind,
  // personnummer …") are that person's: said as theirs, never as the customer's (GDPR Art. 5(1)(d)).
  const namedOthers = report.affected.namedOthers;
  const aboutPerson = (childsOwn.length > 0 ? childsOwn : report.data.categories).filter(
    (category) =>
      (!outside || category !== 'email-address') && !(namedOthers?.onlyTheirs ?? []).includes(category),
  );
  const othersCategories = [...new Set(namedOthers?.people.flatMap((person) => person.categories) ?? [])];
  const othersLine =
    namedOthers === undefined || contentUnknown
      ? ''
      : namedOthers.people.length === 1
        ? s(
            ` Meddelandet innehöll också uppgifter om en annan person: ${listCategories(phrasing, othersCategories)}.`,
            ` The message also held details about another person: ${listCategories(phrasing, othersCategories)}.`,
          )
        : s(
            ` Meddelandet innehöll också uppgifter om andra personer: ${listCategories(phrasing, othersCategories)}.`,
            ` The message also held details about other people: ${listCategories(phrasing, othersCategories)}.`,
          );
  const sawListed = contentUnknown
    ? s(
        `Vi håller fortfarande på att ta reda på vilka uppgifter om ${who.sv.dig} ${words.item} innehöll. Vi hör av oss när vi vet det.`,
        `We are still establishing which details about ${who.en.you} ${words.item} held, and will tell you once we know.`,
      )
    : unopened
      ? s(
          `${fillNoticeText('{Item}', words)} kom tillbaka till oss oöppnat, så ingen annan har sett de här uppgifterna om ${who.sv.dig}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
          `${fillNoticeText('{Item}', words)} came back to us unopened, so nobody else saw these details about ${who.en.you}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
        )
      : reach === 'public'
        ? s(
            `Vem som helst har kunnat se ${amongSv}de här uppgifterna om ${who.sv.dig}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
            `Anyone could see these details about ${who.en.you}${amongEn}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
          )
        : reach === 'addresses'
          ? s(
              `De som fick meddelandet har kunnat se ${amongSv}de här uppgifterna om ${who.sv.dig}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
              `Those who received the message could see these details about ${who.en.you}${amongEn}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
            )
          : mayHaveReached
            ? s(
                `Om meddelandet kom fram kan ${seer.toLowerCase()} ha sett ${amongSv}de här uppgifterna om ${who.sv.dig}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
                `If the message arrived, ${seer.toLowerCase()} may have seen these details about ${who.en.you}${amongEn}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
              )
            : toSomeone
              ? s(
                  `${seer} har kunnat se ${amongSv}de här uppgifterna om ${who.sv.dig}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
                  `${seer} could see these details about ${who.en.you}${amongEn}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
                )
              : s(
                  `Incidenten gäller ${amongSv}de här uppgifterna om ${who.sv.dig}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
                  `The incident concerns these details about ${who.en.you}${amongEn}: ${listCategories(phrasing, aboutPerson, credentialWording(report))}.`,
                );
  // A guardian the message labels with contact details of their own is a person of their own in it
  // (`affected.basis`): the notice says so, as not every guardian who reads it is the one named, and
  // names the guardian's own details as theirs, not as the child's (`affected.guardianDetails`).
  const guardianCategories = guardianDetails?.categories ?? [];
  const guardianLine =
    (report.affected.basis?.from === 'labelled-guardian' || guardianDetails !== undefined) && !contentUnknown
      ? s(
          ` Meddelandet innehöll också en vårdnadshavares namn och egna kontaktuppgifter.${guardianCategories.length > 0 ? ` Vårdnadshavarens egna uppgifter i det: ${listCategories(phrasing, guardianCategories)}.` : ''}`,
          ` The message also held the name and contact details of a parent or guardian.${guardianCategories.length > 0 ? ` The guardian’s own details in it: ${listCategories(phrasing, guardianCategories)}.` : ''}`,
        )
      : '';
  const saw =
    contentUnknown || unopened
      ? `${sawListed}${guardianLine}`
      : `${sawListed}${guardianLine}${othersLine}${unreadLine}`;
  const categories = new Set(report.data.categories);
  // A colleague who received the data is bound by the organisation's instructions (GDPR Art. 29,
  // 32(4)): the notice says what the report says (describe-incident's colleague consequences), that
  // the colleague knows the data, never what a stranger could do with it (order in the customer's
  // name, pose as them), and whether it left the organisation.
  const colleague = report.facts.recipient === 'internal' && !shownToGroup(report) && !unopened;
  const deletedByColleague = colleague && report.facts.recipientConfirmedDeletion === true;
  const harmsFromColleague = (category: DataCategory) =>
    !colleague || (!OUTSIDER_HARMS.has(category) && (category !== 'credentials' || !deletedByColleague));
  const colleagueLead = !colleague
    ? ''
    : deletedByColleague
      ? s('Uppgifterna har inte lämnat vår organisation.', 'The details did not leave our organisation.')
      : s(
          `Uppgifterna finns kvar hos kollegan tills ${words.item} är ${words.deleted}.`,
          `The details stay with the colleague until ${words.item} is ${words.deleted}.`,
        );
  // An organisation that received the data (`trusted`: bound by confidentiality or an agreement;
  // `other-organisation`) is not a stranger out to misuse it: where the breach is judged unlikely to
  // result in a risk, the notice says so and leaves out what a stranger could do (ordering in the
  // customer's name, posing as them), as the report's risk does (GDPR Art. 34(2), the likely
  // consequences; EDPB Guidelines 01/2021 on a trusted recipient).
  const organisationRecipient =
    !colleague &&
    !shownToGroup(report) &&
    !unopened &&
    (report.facts.recipient === 'trusted' || report.facts.recipient === 'other-organisation');
  const toned = organisationRecipient && (report.decision?.risk ?? report.assessment.risk) === 'unlikely';
  const organisationLead = !toned
    ? ''
    : report.facts.recipient === 'trusted'
      ? s(
          `Mottagaren är en organisation som är bunden av tystnadsplikt eller avtal med oss, och vi bedömer att det är osannolikt att det här påverkar ${who.sv.dig}.`,
          `The recipient is an organisation bound by confidentiality or an agreement with us, and we judge it unlikely that this affects ${who.en.you}.`,
        )
      : s(
          `Mottagaren är ett annat företag eller en annan organisation, och vi bedömer att det är osannolikt att det här påverkar ${who.sv.dig}.`,
          `The recipient is another company or organisation, and we judge it unlikely that this affects ${who.en.you}.`,
        );
  // What a stranger could do with the data is not said when nobody opened it.
  // With the key sent along (`keyExposed`), the password in the message is the one that opens the
  // encrypted attachment, not a login: the notice names what it opened and the kinds of data recorded
  // in it, rather than "access to your account" (GDPR Art. 34(2), the likely consequences).
  const attachmentPassword = report.facts.encrypted === true && report.facts.keyExposed === true;
  const inAttachment = report.data.categories.filter((category) => category !== 'credentials');
  // A one-time login code is said as what it is: no password to change, and no longer valid once it
  // expired or was made invalid (a measure done, which the notice also says).
  const loginCode = credentialWording(report).loginCode;
  const exposure = loginExposure(report);
  const codeState =
    loginCode === 'valid' &&
    report.measures.some((measure) => measure.id === 'invalidate-login' && measure.status === 'done')
      ? 'invalid'
      : loginCode;
  const consequence = (unopened || contentUnknown ? [] : aboutPerson)
    .filter((category) => category !== 'customer-number' || categories.has('name'))
    .filter(harmsFromColleague)
    .filter((category) => !toned || !OUTSIDER_HARMS.has(category))
    .map((category) =>
      category === 'credentials' && attachmentPassword
        ? s(
            `Lösenordet i meddelandet öppnar den krypterade bilagan, så personen ${mayHaveReached ? 'kan ha läst den om meddelandet kom fram' : 'har kunnat läsa den'}${inPart ? ', och vad bilagan innehåller håller vi på att ta reda på' : inAttachment.length > 0 ? `, med de här uppgifterna om ${who.sv.dig}: ${listCategories(phrasing, inAttachment)}` : ''}.`,
            `The password in the message opens the encrypted attachment, so that person ${mayHaveReached ? 'may have read it, if the message arrived' : 'could read it'}${inPart ? '; what the attachment holds we are still establishing' : inAttachment.length > 0 ? `, with these details about ${who.en.you}: ${listCategories(phrasing, inAttachment)}` : ''}.`,
          )
        : category === 'credentials' && codeState !== undefined
          ? loginCodeTexts[phrasing.locale].noticeConsequence[codeState]
          : category === 'credentials' && exposure.closed
            ? noticePasswordTexts[phrasing.locale].closed
            : ((mayHaveReached ? noticeConsequenceTexts[phrasing.locale].unconfirmed[category] : undefined) ??
              noticeConsequenceTexts[phrasing.locale].confirmed[category]),
    )
    .filter((text): text is string => text !== undefined)
    .map((text) => fillNoticeText(text, words))
    .join(' ');
  const doneLines = noticeMeasures(phrasing, report, 'done');
  // `recipientConfirmedDeletion` records a deletion, and no more: that nothing was kept or passed
  // on is not said to the customer unless it was recorded in the caller's own words (a measure's text).
  // Said once: beside the request to delete that obtained it, or as the measure recorded for it alone.
  if (
    report.facts.recipientConfirmedDeletion &&
    !report.measures.some((measure) => measure.id === confirmedDeletionMeasureId)
  )
    doneLines.push(fillNoticeText(noticeDeletionConfirmedTexts[phrasing.locale], words));
  const plannedLines = noticeMeasures(phrasing, report, 'planned');
  // A notice the law requires describes the measures "taken or proposed to be taken" and gives the
  // data protection officer's or other contact point's details (GDPR Art. 34(2), referring to
  // Art. 33(3)(b)-(d)): there the proposed measures are said as proposals, and the contact point named.
  const required = report.subscriberNotice.required;
  const proposed = required
    ? report.measures.filter(
        (measure) => measure.status === 'proposed' && inCustomerNoticeIn(phrasing, report, measure),
      )
    : [];
  // Said to the customer in the notice's own voice, never the report's third person ("the
  // customer's correct address is to be entered"); each continues the heading "Vi föreslår att:".
  const proposedLines = proposed
    .filter((measure) => ownTextIn(measure, phrasing.locale) === undefined)
    .map(
      (measure) =>
        fillUsualText(
          {
            ...noticeMeasureTexts[phrasing.locale].proposed,
            ...loginCheckText(phrasing, report, 'proposed'),
          }[measure.id as MisdirectedEmailMeasureId],
          words,
        ) ?? measureText(phrasing, { id: measure.id, status: measure.status }, report.incident),
    );
  // A caller's own text is theirs to word, a whole sentence ("Vi erbjuder dig …"): it stands under a
  // heading full sentences follow, never after "Vi föreslår att:", which it would not continue.
  const ownProposedLines = proposed
    .map((measure) => ownTextIn(measure, phrasing.locale))
    .filter((text): text is string => text !== undefined);
  const contactPoint = [
    report.contact.role ? `${report.contact.name} (${report.contact.role})` : report.contact.name,
    report.contact.email,
    report.contact.phone,
  ].join(', ');
  const contactPointLine = s(
    `Dataskyddsombud eller kontaktpunkt: ${contactPoint}.`,
    `Our data protection officer or contact point: ${contactPoint}.`,
  );
  const list = (heading: string, lines: readonly string[]) =>
    lines.length === 0 ? '' : `${heading}\n${lines.map((line) => `- ${line}`).join('\n')}`;
  const advice = (contentUnknown ? [] : report.data.categories.filter(harmsFromColleague))
    // An attachment's password is no login to change.
    .filter((category) => category !== 'credentials' || !attachmentPassword)
    .map((category) =>
      category === 'credentials' && codeState !== undefined
        ? fillNoticeText(loginCodeTexts[phrasing.locale].advice[codeState], words)
        : // Changing the password is the customer's to do now, or the organisation's: never told twice.
          // Details that no longer open the account leave no password to change either.
          category === 'credentials' && (exposure.newPasswordBy !== undefined || exposure.closed)
          ? noticePasswordTexts[phrasing.locale].unexpectedLinks
          : fillUsualText(adviceTexts[phrasing.locale][category], words),
    )
    .filter((text): text is string => text !== undefined);
  const phone = report.provider.customerServicePhone ?? report.contact.phone;
  return {
    // A child's notice is for the guardian, who acts for the child (GDPR Recital 38, Art. 8(1) and
    // Art. 12(1) with Recital 58): addressed to them, saying whose data it is about; the rest speaks
    // to them of "ditt barn" / "your child" (noticePersonWords), never to the child as "du".
    greeting:
      report.affected.minor === true
        ? `${
            customerName
              ? s(`Till vårdnadshavare för ${customerName},`, `To the parent or guardian of ${customerName},`)
              : s('Till vårdnadshavare,', 'To the parent or guardian,')
          }\n\n${s(
            `Vi skriver till dig som vårdnadshavare, eftersom ${customerName ?? 'ditt barn'} är under 18 år.`,
            `We are writing to you as parent or guardian, since ${customerName ?? 'your child'} is under 18.`,
          )}`
        : customerName
          ? s(`Hej ${customerName},`, `Dear ${customerName},`)
          : s('Hej,', 'Hello,'),
    name: customerName ?? '',
    happened,
    saw,
    consequence: withLead(colleagueLead || organisationLead, consequence)
      ? `${s(`Vad det kan innebära för ${who.sv.dig}:`, `What this could mean for ${who.en.you}:`)} ${s(afterColon(withLead(colleagueLead || organisationLead, consequence)), withLead(colleagueLead || organisationLead, consequence))}`
      : '',
    doNow:
      exposure.newPasswordBy !== 'customer'
        ? ''
        : list(noticePasswordTexts[phrasing.locale].doNowHeading, [
            fillNoticeText(noticePasswordTexts[phrasing.locale].changePassword, words),
          ]),
    done: list(s('Det här har vi gjort:', 'This is what we have done:'), doneLines),
    planned: [
      list(s('Det här kommer vi att göra:', 'This is what we will do:'), plannedLines),
      // Proposals are said as proposals, nobody having decided them: each usual text continues the
      // heading ("Vi föreslår att: vi kontaktar …"), never "we intend to" (GDPR Art. 34(2): measures
      // "proposed to be taken"; Art. 5(1)(d) accuracy).
      list(s('Vi föreslår att:', 'We propose that:'), proposedLines),
      list(
        proposedLines.length === 0
          ? s('Vi föreslår följande:', 'We propose the following:')
          : s('Vi föreslår också följande:', 'We also propose the following:'),
        ownProposedLines,
      ),
    ]
      .filter(Boolean)
      .join('\n\n'),
    // Nobody saw a message that came back unopened: there is nothing to watch for, and a warning of
    // fraud would contradict the notice's own "nobody else saw" (docs/incident.md).
    watch: unopened
      ? ''
      : list(s('Det här kan du vara uppmärksam på:', 'What to watch for:'), [
          ...advice,
          s(
            'Om någon kontaktar dig och säger sig komma från oss, kan du alltid ringa upp oss på vårt vanliga nummer.',
            'If anyone contacts you claiming to be from us, you can always call us back on our usual number.',
          ),
        ]),
    contact:
      s(
        `Har du frågor är du välkommen att ringa oss på ${phone}. Ange referensnummer ${report.reference}.`,
        `If you have questions, call us on ${phone} and give the reference number ${report.reference}.`,
      ) + (required ? ` ${contactPointLine}` : ''),
    contactPoint: required ? contactPointLine : '',
    signature: s(`Vänliga hälsningar\n${report.provider.name}`, `Kind regards\n${report.provider.name}`),
    reference: report.reference,
    phone,
    provider: report.provider.name,
  };
}

/** The consequences, after the sentence that leads them where there is one. */
function withLead(lead: string, consequence: string): string {
  return [lead, consequence].filter(Boolean).join(' ');
}

function phoneScript(phrasing: Phrasing, parts: NoticeParts, report: IncidentReport): PhoneScript {
  const s = (swedish: string, english: string) => say(phrasing, swedish, english);
  const person = noticePerson(report);
  const who = personWordsOf(report);
  const steps: PhoneScriptStep[] = [
    {
      kind: 'say',
      text: s(
        `Hej, jag heter [ditt namn] och ringer från ${parts.provider}.`,
        `Hello, my name is [your name] and I am calling from ${parts.provider}.`,
      ),
    },
    // The seed case's script told the customer what a stranger had seen: say it only to them.
    ...identityCheckSteps(phrasing, { name: parts.name, person }, report.data),
    { kind: 'say', text: parts.happened },
    { kind: 'say', text: parts.saw },
    ...(parts.consequence ? [{ kind: 'say' as const, text: parts.consequence }] : []),
    ...(parts.doNow ? [{ kind: 'say' as const, text: parts.doNow }] : []),
    ...(parts.done ? [{ kind: 'say' as const, text: parts.done }] : []),
    ...(parts.planned ? [{ kind: 'say' as const, text: parts.planned }] : []),
    ...(parts.watch ? [{ kind: 'say' as const, text: parts.watch }] : []),
    {
      kind: 'ask',
      text: s(
        `Kan du komma på några andra följder för ${who.sv.dig} som vi behöver känna till?`,
        `Can you think of any other consequences for ${who.en.you} that we should know about?`,
      ),
    },
    {
      kind: 'ask',
      text: s(
        'Har du några frågor eller funderingar kring det här?',
        'Do you have any questions or concerns about this?',
      ),
    },
    {
      kind: 'say',
      text:
        s(
          `Du är alltid välkommen att ringa oss på ${parts.phone}. Ange då referensnummer ${parts.reference}. Än en gång: vi ber om ursäkt.`,
          `You are always welcome to call us on ${parts.phone}. Please give the reference number ${parts.reference}. Once again, we are sorry.`,
        ) + (parts.contactPoint ? ` ${parts.contactPoint}` : ''),
    },
  ];
  const answer = s('[Svar: ]', '[Answer: ]');
  const text = `${steps.map((step) => (step.kind === 'ask' ? `${step.text}\n${answer}` : step.text)).join('\n\n')}\n`;
  return { channel: 'phone-script', steps, text };
}
