import { mailboxKey } from '../address/mailbox-key.js';
import { parseAddress } from '../address/parse-address.js';
import { type InputIssue, InvalidInputError } from '../errors.js';
import { confirmedDeletionMeasureId } from './data/report-texts.js';
import { type DateInput, toDate } from './date-input.js';
import {
  deniedPremise,
  type MeasurePremise,
  measurePremises,
  type PremiseFacts,
  premisesHolding,
} from './measure-premises.js';

type Path = readonly (string | number)[];

type Locale = 'sv' | 'en';

/**
 * The messages in the caller's language, as every refused fact is: a Swedish facts file gets
 * Swedish answers (the same pairs as {@link contradictoryFacts}).
 */
function sayIn(locale: Locale): (swedish: string, english: string) => string {
  return (swedish, english) => (locale === 'sv' ? swedish : english);
}

/** A moment of the incident and the path of the field it came from. */
type Moment = readonly [at: DateInput | undefined, path: Path];

/** The moments of an incident that must follow one another, each with its field's path. */
export interface IncidentMoments {
  readonly occurredAt?: Moment;
  readonly detectedAt?: Moment;
  readonly initialNotificationAt?: Moment;
  readonly notifiedAt?: Moment;
}

/**
 * What cannot have happened in the order given: a breach detected before it occurred (Annex I of
 * Regulation 611/2013 asks for both times, and every deadline runs from detection), a notification
 * to the authority or to the people concerned made before anyone knew of it. Each issue names the
 * later field, the one that contradicts the earlier.
 */
export function impossibleMoments(moments: IncidentMoments, locale: Locale = 'en'): InputIssue[] {
  const say = sayIn(locale);
  const issues: InputIssue[] = [];
  const time = (moment: Moment | undefined) =>
    moment?.[0] === undefined ? undefined : toDate(moment[0]).getTime();
  const occurred = time(moments.occurredAt);
  const detected = time(moments.detectedAt);
  if (occurred !== undefined && detected !== undefined && detected < occurred && moments.detectedAt)
    issues.push({
      path: moments.detectedAt[1],
      message: say(
        'upptäcktes före händelsen: detectedAt får inte ligga före occurredAt',
        'detected before the incident occurred: detectedAt must not precede occurredAt',
      ),
    });
  for (const [moment, what] of [
    [
      moments.initialNotificationAt,
      say(
        'den första anmälan till tillsynsmyndigheten är daterad före upptäckten (detectedAt)',
        'the first notification to the authority is dated before the incident was detected (detectedAt)',
      ),
    ],
    [
      moments.notifiedAt,
      say(
        'underrättelsen till de berörda är daterad före upptäckten (detectedAt)',
        'the notice to the people concerned is dated before the incident was detected (detectedAt)',
      ),
    ],
  ] as const) {
    const at = time(moment);
    if (moment && at !== undefined && detected !== undefined && at < detected)
      issues.push({ path: moment[1], message: what });
  }
  return issues;
}

/**
 * The moments of an incident that lie after `now`: a breach cannot have occurred or been detected
 * later than the moment it is assessed (every deadline of GDPR
 * Art. 33(1) and Regulation 611/2013 Art. 2 runs from a detection that has happened). Each issue
 * names its field.
 */
export function futureMoments(moments: IncidentMoments, now: DateInput, locale: Locale = 'en'): InputIssue[] {
  const say = sayIn(locale);
  const limit = toDate(now).getTime();
  const issues: InputIssue[] = [];
  for (const [moment, what] of [
    [
      moments.occurredAt,
      say(
        'händelsen är daterad efter bedömningstillfället (now)',
        'the incident is dated after now (the moment of the assessment)',
      ),
    ],
    [
      moments.detectedAt,
      say('upptäcktes efter bedömningstillfället (now)', 'detected after now (the moment of the assessment)'),
    ],
  ] as const) {
    if (moment?.[0] !== undefined && toDate(moment[0]).getTime() > limit)
      issues.push({ path: moment[1], message: what });
  }
  return issues;
}

/**
 * How far the breach may be dated before the message's Date header: the header is the sending
 * computer's clock when the message was ready (RFC 5322 §3.6.1), and a time written in the wrong
 * zone is off by at most the widest gap between two UTC offsets in use (−12:00 to +14:00).
 */
const SENDING_CLOCK_ALLOWANCE_MS = 26 * 60 * 60 * 1000;

/**
 * A misdirected message's breach dated before the message was sent (an `occurredAt` of 1970 for a
 * message of November 2026): the message reached the wrong person when it was sent, not before, and a
 * wrong year would choose the law in force (none before the GDPR) and drop every deadline. Names both
 * dates, the breach's first.
 */
export function occurredBeforeSending(dates: {
  readonly occurredAt: DateInput;
  /** The message's Date header. */
  readonly sentAt: DateInput;
  readonly path: Path;
  readonly locale: Locale;
}): InputIssue[] {
  const { path, locale } = dates;
  const occurred = toDate(dates.occurredAt);
  const sent = toDate(dates.sentAt);
  if (occurred.getTime() >= sent.getTime() - SENDING_CLOCK_ALLOWANCE_MS) return [];
  return [
    {
      path,
      message: sayIn(locale)(
        `händelsen är daterad ${occurred.toISOString()}, före meddelandet skickades enligt dess datumrad (Date) ${sent.toISOString()}: ange när meddelandet skickades, eller utelämna occurredAt så läses tiden från datumraden`,
        `the incident is dated ${occurred.toISOString()}, before the message was sent according to its Date header, ${sent.toISOString()}: give when the message was sent, or leave occurredAt out to read it from the Date header`,
      ),
    },
  ];
}

/**
 * Each Date among the facts whose year a report cannot write: its times are RFC 3339 date-times,
 * whose year has four digits, 0000 to 9999 (RFC 3339 section 5.6, `date-fullyear`). A Date before
 * year 0 is a date built wrong (a negative timestamp, a year typed as -1); refused here, it is named
 * as the field the caller gave, not as the report's copy of it.
 */
export function unwritableDates(value: unknown, path: Path, locale: Locale = 'en'): InputIssue[] {
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(year) || (year >= 0 && year <= 9999)) return [];
    return [
      {
        path,
        message: sayIn(locale)(
          `daterad år ${year}: en rapport skriver sina tidpunkter enligt RFC 3339, med åren 0000 till 9999 (avsnitt 5.6); ange den tidpunkt det gäller`,
          `dated in the year ${year}: a report writes its times as RFC 3339 date-times, in the years 0000 to 9999 (section 5.6); give the time it was`,
        ),
      },
    ];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => unwritableDates(item, [...path, index], locale));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    return Object.entries(value).flatMap(([key, item]) => unwritableDates(item, [...path, key], locale));
  return [];
}

/**
 * The dates of a new report that cannot belong to its incident: an incident that occurred or was
 * detected after the report is written, a call to the customer before anyone knew of the breach
 * (it cannot have told them of it), a step of the timeline before the breach occurred.
 */
export function impossibleIncidentDates(dates: {
  readonly occurredAt: DateInput;
  readonly detectedAt: DateInput;
  readonly now: DateInput;
  readonly customerCallAt?: DateInput | undefined;
  /** When the officer judged (`judgment.at`). */
  readonly judgmentAt?: DateInput | undefined;
  readonly timeline: readonly DateInput[];
  /** The done dates of the measures, by index (a measure without one is `undefined`). */
  readonly measuresDoneAt?: readonly (DateInput | undefined)[];
  /** When the authority was first notified. */
  readonly initialNotificationAt?: DateInput | undefined;
  /** When the subscriber was told (`subscriberNotice.notifiedAt`). */
  readonly notifiedAt?: DateInput | undefined;
  /** The path the fields are named under. @default ['input'] */
  readonly at?: Path;
  /** The language of the messages. @default 'en' */
  readonly locale?: Locale | undefined;
}): InputIssue[] {
  const say = sayIn(dates.locale ?? 'en');
  const base = dates.at ?? ['input'];
  const issues: InputIssue[] = [];
  const occurred = toDate(dates.occurredAt).getTime();
  const detected = toDate(dates.detectedAt).getTime();
  const now = toDate(dates.now).getTime();
  if (occurred > now)
    issues.push({
      path: [...base, 'occurredAt'],
      message: say(
        'händelsen är daterad efter att rapporten skrevs',
        'the incident is dated after the report is written',
      ),
    });
  if (detected > now)
    issues.push({
      path: [...base, 'detectedAt'],
      message: say('upptäcktes efter att rapporten skrevs', 'detected after the report is written'),
    });
  if (dates.customerCallAt !== undefined && toDate(dates.customerCallAt).getTime() < detected)
    issues.push({
      path: [...base, 'customerCall', 'at'],
      message: say(
        'samtalet till kunden är daterat före upptäckten (detectedAt)',
        'the call to the customer is dated before the incident was detected (detectedAt)',
      ),
    });
  // The officer can judge a breach only once it is known: a judgment dated earlier is a wrong date,
  // and the report would show a decision taken before there was anything to decide (GDPR Art. 33(5)).
  if (dates.judgmentAt !== undefined && toDate(dates.judgmentAt).getTime() < detected)
    issues.push({
      path: [...base, 'judgment', 'at'],
      message: say(
        'bedömningen är daterad före upptäckten (detectedAt)',
        'the judgment is dated before the incident was detected (detectedAt)',
      ),
    });
  // A report states what has been done by the time it is written: a call, a judgment, a notice or a
  // notification dated later has not happened yet, and stating it as done would be untrue.
  const later = (at: DateInput | undefined) => at !== undefined && toDate(at).getTime() > now;
  if (later(dates.customerCallAt))
    issues.push({
      path: [...base, 'customerCall', 'at'],
      message: say(
        'samtalet till kunden är daterat efter att rapporten skrevs',
        'the call to the customer is dated after the report is written',
      ),
    });
  if (later(dates.judgmentAt))
    issues.push({
      path: [...base, 'judgment', 'at'],
      message: say(
        'bedömningen är daterad efter att rapporten skrevs',
        'the judgment is dated after the report is written',
      ),
    });
  if (later(dates.initialNotificationAt))
    issues.push({
      path: [...base, 'initialNotificationAt'],
      message: say(
        'anmälan till tillsynsmyndigheten är daterad efter att rapporten skrevs',
        'the notification to the authority is dated after the report is written',
      ),
    });
  if (later(dates.notifiedAt))
    issues.push({
      path: [...base, 'subscriberNotice', 'notifiedAt'],
      message: say(
        'underrättelsen till abonnenten är daterad efter att rapporten skrevs',
        'the notice to the subscriber is dated after the report is written',
      ),
    });
  dates.timeline.forEach((at, index) => {
    if (toDate(at).getTime() < occurred)
      issues.push({
        path: [...base, 'timeline', index, 'at'],
        message: say(
          'ett steg i händelsen är daterat före händelsen (occurredAt)',
          'a step of the incident is dated before it occurred (occurredAt)',
        ),
      });
    else if (later(at))
      issues.push({
        path: [...base, 'timeline', index, 'at'],
        message: say(
          'ett steg i händelsen är daterat efter att rapporten skrevs',
          'a step of the incident is dated after the report is written',
        ),
      });
  });
  // A measure against a breach cannot have been taken before the breach happened, nor after the
  // report that states it as done was written.
  dates.measuresDoneAt?.forEach((at, index) => {
    if (at === undefined) return;
    const done = toDate(at).getTime();
    if (done < occurred || done > now)
      issues.push({
        path: [...base, 'measures', index, 'doneAt'],
        message:
          done < occurred
            ? say(
                'en åtgärd är daterad som genomförd före händelsen (occurredAt)',
                'a measure is dated done before the incident occurred (occurredAt)',
              )
            : say(
                'en åtgärd är daterad som genomförd efter att rapporten skrevs',
                'a measure is dated done after the report is written',
              ),
      });
  });
  return issues;
}

/**
 * Whether two addresses reach the same mailbox: equal once case is folded, the local part is in
 * Unicode Normalization Form C (RFC 6532 §3.1) and the provider's own rules (Gmail's dots, a
 * `+tag` sub-address, an alias domain) are applied. An address that cannot be parsed matches nothing.
 */
export function isSameMailbox(one: string, other: string): boolean {
  const a = parseAddress(one);
  const b = parseAddress(other);
  return a.ok && b.ok && mailboxKey(a.address).key === mailboxKey(b.address).key;
}

/**
 * The issue when the address a message went to is the very mailbox it was meant for (the same
 * address, or one its provider delivers to the same inbox: case, Gmail's dots, a sub-address):
 * then nothing was misdirected, and a report of it would be untrue.
 */
export function sameMailboxIssue(
  intended: string,
  actual: string,
  path: Path,
  locale: Locale = 'en',
): InputIssue[] {
  const say = sayIn(locale);
  if (!isSameMailbox(intended, actual)) return [];
  return [
    {
      path,
      message: say(
        'samma brevlåda som den avsedda adressen: meddelandet gick inte fel',
        'the same mailbox as the intended address: the message did not go astray',
      ),
    },
  ];
}

/**
 * The issue when the address the notice is to go to (`intended`) is none of the customer's known
 * addresses (`customer.emails`, by mailbox equivalence): the notice repeats what the stranger saw,
 * and sent to an address nobody confirmed as the customer's it could disclose it again (GDPR
 * Art. 5(1)(f), Art. 32(1)). No issue when the record holds no address.
 */
export function intendedNotKnownIssue(
  intended: string,
  known: readonly string[] | undefined,
  path: Path,
  locale: Locale = 'en',
): InputIssue[] {
  if (known === undefined || known.length === 0) return [];
  if (known.some((address) => isSameMailbox(intended, address))) return [];
  const say = sayIn(locale);
  return [
    {
      path,
      message: say(
        `inte en av kundens kända adresser (customer.emails: ${known.join(', ')}); meddelandet till kunden går till intended, så ange den adress det var avsett för, eller lägg till adressen i customer.emails först när kunden har bekräftat den`,
        `not one of the customer's known addresses (customer.emails: ${known.join(', ')}); the notice goes to intended, so give the address the message was meant for, or add it to customer.emails once the customer has confirmed it`,
      ),
    },
  ];
}

/**
 * The `code` of the issue (`InvalidInputError.issues[n].code`) for a message that names no recipient
 * (none of {@link MESSAGE_RECIPIENT_FIELDS}), against which the address it went to cannot be checked.
 */
export const MESSAGE_NAMES_NO_RECIPIENT = 'message-names-no-recipient';

/**
 * The header fields a message's recipients are read from (`inventoryMessage`'s `recipients`), as a
 * refusal names them: the destination fields (RFC 5322 section 3.6.3), the resent ones a message
 * sent on again carries (section 3.6.6), and the envelope recipients a receiving server records.
 */
export const MESSAGE_RECIPIENT_FIELDS =
  'To, Cc, Bcc, Resent-To, Resent-Cc, Resent-Bcc, Delivered-To, X-Original-To, Envelope-To, X-Envelope-To';

/**
 * The issue when the address a message went to (`actual`) is not among the message's own recipients,
 * or when the message names none to check it against. The message as sent carries its destination
 * fields (RFC 5322 section 3.6.3): an `actual` it was never sent to is a typo in the report, and one
 * nothing checked would leave the notice, the assessment and the register resting on it unsaid.
 */
export function actualRecipientIssue(
  recipients: readonly string[],
  actual: string,
  base: Path,
  locale: Locale = 'en',
): InputIssue[] {
  const say = sayIn(locale);
  if (recipients.length === 0)
    return [
      {
        path: [...base, 'message'],
        code: MESSAGE_NAMES_NO_RECIPIENT,
        message: say(
          `meddelandet har ingen mottagare (${MESSAGE_RECIPIENT_FIELDS}), så att det gick till ${actual} kan inte kontrolleras; ange meddelandet så som det skickades, med dess huvud`,
          `the message names no recipient (${MESSAGE_RECIPIENT_FIELDS}), so that it went to ${actual} cannot be checked; give the message as sent, with its header`,
        ),
      },
    ];
  if (recipients.some((recipient) => isSameMailbox(recipient, actual))) return [];
  return [
    {
      path: [...base, 'actual'],
      message: say(
        `${actual} finns inte bland meddelandets egna mottagare (${MESSAGE_RECIPIENT_FIELDS}): den skickades till ${recipients.join(', ')}`,
        `${actual} is not among the message's own recipients (${MESSAGE_RECIPIENT_FIELDS}): it was sent to ${recipients.join(', ')}`,
      ),
    },
  ];
}

/**
 * Facts that cannot all be true of one breach: published data has no single recipient to confirm
 * deletion, cannot be called back, and did not come back unopened; a key cannot be exposed where
 * nothing was encrypted; a message that came back unopened has no recipient to confirm its deletion.
 * Each issue names the fact that contradicts the others, in the caller's language.
 */
export function contradictoryFacts(
  facts: {
    readonly recipient?: string | undefined;
    readonly channel?: string | undefined;
    readonly exposure?: string | undefined;
    readonly recipientBoundBySecrecy?: boolean | undefined;
    readonly recipientConfirmedDeletion?: boolean | undefined;
    readonly dataRecovered?: boolean | undefined;
    readonly returnedUnopened?: boolean | undefined;
    readonly encrypted?: boolean | undefined;
    readonly keyExposed?: boolean | undefined;
    readonly dataCategories?: readonly string[] | undefined;
    readonly credentialKinds?: readonly string[] | undefined;
    readonly credentialsExpired?: boolean | undefined;
  },
  base: Path,
  locale: 'sv' | 'en' = 'en',
): InputIssue[] {
  const say = (swedish: string, english: string) => (locale === 'sv' ? swedish : english);
  const issues: InputIssue[] = [];
  if (facts.recipient === 'public') {
    const cannot = {
      recipientConfirmedDeletion: say('ha raderats av sin mottagare', 'confirmed deleted by its recipient'),
      dataRecovered: say('ha återkallats', 'recovered'),
      returnedUnopened: say('ha kommit tillbaka oöppnade', 'returned unopened'),
    } as const;
    for (const key of ['recipientConfirmedDeletion', 'dataRecovered', 'returnedUnopened'] as const)
      if (facts[key] === true)
        issues.push({
          path: [...base, key],
          message: say(
            `motsäger recipient "public": publicerade uppgifter kan inte ${cannot[key]}`,
            `contradicts recipient "public": published data cannot be ${cannot[key]}`,
          ),
        });
  }
  // Addresses shown to each other in CC are e-mail addresses (EDPB Guidelines 01/2021 section 7): a
  // letter or a text message has no CC line for them to be shown in.
  if (facts.exposure === 'cc' && facts.channel !== undefined && facts.channel !== 'email')
    issues.push({
      path: [...base, 'exposure'],
      message: say(
        `motsäger channel "${facts.channel}": mottagare i kopia i stället för dold kopia finns bara i e-post`,
        `contradicts channel "${facts.channel}": recipients in CC instead of BCC exist only in e-mail`,
      ),
    });
  // An organisation bound by secrecy towards the people concerned is a trusted recipient (EDPB
  // Guidelines 01/2021, Case No. 09; WP250 rev.01 section IV.B): `other-organisation` is one that is not.
  if (facts.recipient === 'other-organisation' && facts.recipientBoundBySecrecy === true)
    issues.push({
      path: [...base, 'recipientBoundBySecrecy'],
      message: say(
        'motsäger recipient "other-organisation", en organisation utan tystnadsplikt: en organisation med tystnadsplikt är recipient "trusted"',
        'contradicts recipient "other-organisation", an organisation bound by no secrecy: an organisation bound by secrecy is recipient "trusted"',
      ),
    });
  // A message that came back unopened reached nobody, so nobody can have deleted it: one of the two
  // facts is wrong, and the notice would say both that nobody saw it and that the person who got it
  // deleted it.
  if (facts.returnedUnopened === true && facts.recipientConfirmedDeletion === true)
    issues.push({
      path: [...base, 'recipientConfirmedDeletion'],
      message: say(
        'motsäger returnedUnopened: ett meddelande som kom tillbaka oöppnat nådde ingen mottagare som kunde radera det; behåll det som hände',
        'contradicts returnedUnopened: a message that came back unopened reached no recipient who could delete it; keep the one that happened',
      ),
    });
  if (facts.keyExposed === true && facts.encrypted !== true)
    issues.push({
      path: [...base, 'keyExposed'],
      message: say(
        'en nyckel kan bara ha röjts där uppgifterna var krypterade: ange även encrypted, eller ta bort keyExposed',
        'a key can only be exposed where the data was encrypted: set encrypted too, or leave keyExposed out',
      ),
    });
  // What the credentials were, or that they had expired, says nothing where the data held none: the
  // report would name a login code it never listed among the data.
  if (facts.dataCategories !== undefined && !facts.dataCategories.includes('credentials'))
    for (const key of ['credentialKinds', 'credentialsExpired'] as const)
      if (facts[key] !== undefined)
        issues.push({
          path: [...base, key],
          message: say(
            `gäller inloggningsuppgifter, men dataCategories saknar credentials: lägg till credentials, eller ta bort ${key}`,
            `is about login details, but dataCategories has no credentials: add credentials, or leave ${key} out`,
          ),
        });
  return issues;
}

/** The facts a usual measure's premise is judged against, and the measures recorded. */
interface MeasureFacts extends PremiseFacts {
  readonly measures?:
    | readonly {
        readonly id: string;
        readonly status: string;
        readonly text?: unknown;
        readonly texts?: unknown;
      }[]
    | undefined;
}

/**
 * Measures that contradict the facts recorded beside them:
 * - a deletion confirmed by the recipient is what asking them to delete obtains: with that measure
 *   still proposed or planned, the report and the notice would say both that the recipient deleted
 *   the message and that they are yet to be asked to; rejected, that they were never asked;
 * - a message that came back unopened reached nobody who could be asked to delete it: with
 *   `recall-and-delete` done, the report would say both;
 * - a deletion confirmed by the recipient shows that the message reached them: beside
 *   `misdirected.unconfirmed` (delivery not established) the notice would state the confirmation
 *   among sentences that say the message may not have arrived;
 * - the customer told (`inform-customer` done) with neither a call in which the caller checked who
 *   answered (`customerCall.identityChecked`) nor the date of the notice (`subscriberNotice.notifiedAt`)
 *   recorded: the report would state a notice nobody can show was given (GDPR Art. 33(5) documents
 *   the facts, Art. 34 the notice itself; a call to whoever picked up is not a notice to the
 *   customer, EDPB Guidelines 9/2022 §18).
 * Each issue is in the caller's language.
 */
export function contradictoryMeasures(
  facts: MeasureFacts & {
    readonly recipientConfirmedDeletion?: boolean | undefined;
    readonly returnedUnopened?: boolean | undefined;
    readonly customerCall?: { readonly identityChecked?: boolean | undefined } | undefined;
    readonly subscriberNotice?: { readonly notifiedAt?: unknown } | undefined;
    readonly misdirected?: { readonly unconfirmed?: boolean | undefined } | undefined;
  },
  base: Path,
  locale: 'sv' | 'en' = 'en',
): InputIssue[] {
  const say = (swedish: string, english: string) => (locale === 'sv' ? swedish : english);
  const measures = facts.measures ?? [];
  const issues: InputIssue[] = [];
  if (facts.recipientConfirmedDeletion === true) {
    // A recall that failed and was followed by a new request that was answered is how the deletion
    // came about; without that new request done, a failed recall obtained no confirmation.
    const askedAgain = measures.some(
      (measure) => measure.id === 'contact-recipient-again' && measure.status === 'done',
    );
    const index = measures.findIndex(
      (measure) =>
        measure.id === 'recall-and-delete' &&
        measure.status !== 'done' &&
        !(askedAgain && measure.status === 'failed'),
    );
    // Rejected ("the recipient could not be reached") says the recipient was never asked, as
    // proposed and planned say they are yet to be: the report would print both side by side.
    const status = measures[index]?.status;
    if (index !== -1)
      issues.push({
        path: [...base, 'recipientConfirmedDeletion'],
        message: say(
          `motsäger measures.${index} (recall-and-delete) som ${status === 'rejected' ? 'är' : 'fortfarande är'} ${status}: raderingen är bekräftad först när mottagaren har tillfrågats och svarat; markera åtgärden done (med doneAt) eller ta bort recipientConfirmedDeletion`,
          `contradicts measures.${index} (recall-and-delete) ${status === 'rejected' ? '' : 'still '}${status}: the deletion is confirmed only once the recipient was asked and answered; mark the measure done (with its doneAt) or leave recipientConfirmedDeletion out`,
        ),
      });
  }
  if (facts.recipientConfirmedDeletion === true && facts.misdirected?.unconfirmed === true)
    issues.push({
      path: [...base, 'recipientConfirmedDeletion'],
      message: say(
        'motsäger misdirected.unconfirmed: en mottagare som har bekräftat raderingen har fått meddelandet; ta bort misdirected.unconfirmed eller recipientConfirmedDeletion',
        'contradicts misdirected.unconfirmed: a recipient who confirmed the deletion received the message; leave out misdirected.unconfirmed or recipientConfirmedDeletion',
      ),
    });
  // The confirmed deletion's own measure states the fact, so it stands only beside it, and done.
  const outcome = measures.findIndex((measure) => measure.id === confirmedDeletionMeasureId);
  if (outcome !== -1 && (facts.recipientConfirmedDeletion !== true || measures[outcome]?.status !== 'done'))
    issues.push({
      path: [...base, 'measures', outcome, 'id'],
      message: say(
        `${confirmedDeletionMeasureId} anger att mottagaren har bekräftat raderingen: det gäller bara med recipientConfirmedDeletion: true och status done; ange faktumet (åtgärden läggs då till av sig själv) eller ta bort åtgärden`,
        `${confirmedDeletionMeasureId} states that the recipient confirmed the deletion: it holds only with recipientConfirmedDeletion: true and status done; record the fact (the measure is then added by itself) or remove the measure`,
      ),
    });
  if (facts.returnedUnopened === true) {
    const index = measures.findIndex(
      (measure) => measure.id === 'recall-and-delete' && measure.status === 'done',
    );
    if (index !== -1)
      issues.push({
        path: [...base, 'returnedUnopened'],
        message: say(
          `motsäger measures.${index} (recall-and-delete) done: ett meddelande som kom tillbaka oöppnat nådde ingen mottagare som kunde ombes radera det; behåll det som hände`,
          `contradicts measures.${index} (recall-and-delete) done: a message that came back unopened reached no recipient who could be asked to delete it; keep the one that happened`,
        ),
      });
  }
  issues.push(...impossibleDoneMeasures(facts, base, say));
  const told =
    facts.customerCall?.identityChecked === true || facts.subscriberNotice?.notifiedAt !== undefined;
  const index = measures.findIndex(
    (measure) => measure.id === 'inform-customer' && measure.status === 'done',
  );
  if (!told && index !== -1)
    issues.push({
      path: [...base, 'measures', index, 'status'],
      message: say(
        'inform-customer har status ”done”, men inget visar hur kunden informerades: ange customerCall (samtalet, med identityChecked: true) eller subscriberNotice.notifiedAt (meddelandet), eller ändra åtgärdens status till ”planned”',
        'inform-customer is done, but nothing records how the customer was told: give customerCall (the call, with identityChecked: true) or subscriberNotice.notifiedAt (the notice), or mark the measure planned',
      ),
    });
  return issues;
}

/**
 * Usual measures marked done whose premise the facts deny, so the report and the customer notice would
 * state something that cannot have happened (GDPR Art. 5(1)(d) accuracy, Art. 33(5) documents the facts).
 * The premises are those of {@link measurePremises} (`done`), the table the proposals follow too: a login
 * made invalid with no login in the data, a recipient asked to delete or return it, or a wrong address
 * corrected, for data that was published.
 * A measure of the caller's own (with its `text`) is not judged: its wording is theirs.
 */
function impossibleDoneMeasures(
  facts: MeasureFacts,
  base: Path,
  say: (swedish: string, english: string) => string,
): InputIssue[] {
  const holding = premisesHolding(facts);
  const reasons: Readonly<Partial<Record<MeasurePremise, string>>> = {
    login: holding['key-sent']
      ? say(
          'lösenordet i meddelandet öppnar den krypterade bilagan, inget konto (använd retire-attachment-password)',
          'the password in the message opens the encrypted attachment, not an account (use retire-attachment-password)',
        )
      : say(
          'uppgifterna innehåller inga inloggningsuppgifter (dataCategories saknar credentials)',
          'the data holds no login details (dataCategories has no credentials)',
        ),
    'one-recipient': say(
      'uppgifterna publicerades (recipient: public): det finns ingen enskild mottagare eller felaktig adress',
      'the data was published (recipient: public): there is no single recipient or wrong address',
    ),
    received: say(
      'det kom tillbaka oöppnat (returnedUnopened): ingen tog emot det som kunde kontaktas',
      'it came back unopened (returnedUnopened): nobody received it who could be contacted',
    ),
  };
  return (facts.measures ?? []).flatMap((measure, index) => {
    // A request still awaiting its answer was made, so it needs what a done one needs.
    if (
      (measure.status !== 'done' && measure.status !== 'awaiting-answer') ||
      measure.text !== undefined ||
      measure.texts !== undefined
    )
      return [];
    const denied = deniedPremise(measure.id, 'done', holding);
    // A recall done for a message that came back is named as `returnedUnopened` by contradictoryMeasures.
    if (denied === 'received' && measure.id === 'recall-and-delete') return [];
    const reason = denied === undefined ? undefined : reasons[denied];
    if (reason === undefined) return [];
    return [
      {
        path: [...base, 'measures', index, 'id'],
        message: say(
          `${measure.id} kan inte vara ${measure.status}: ${reason}; ta bort åtgärden eller rätta uppgifterna`,
          `${measure.id} cannot be ${measure.status}: ${reason}; remove the measure or correct the facts`,
        ),
      },
    ];
  });
}

/** Throws one {@link InvalidInputError} naming every issue, when there is any. */
export function refuseIssues(issues: readonly InputIssue[], locale: 'sv' | 'en' = 'en'): void {
  if (issues.length > 0) throw new InvalidInputError(issues, { locale });
}

/** The moments and addresses of a stored report that contradict one another (see above), named under `base`. */
export function impossibleReportFacts(
  report: {
    readonly incident: {
      readonly occurredAt: string;
      readonly detectedAt: string;
      readonly misdirected?: { readonly intended: string; readonly actual: string } | undefined;
    };
    readonly facts: { readonly initialNotificationAt?: string | undefined };
    readonly subscriberNotice: { readonly notifiedAt?: string | undefined };
  },
  base = 'report',
  locale: Locale = 'en',
): InputIssue[] {
  const misdirected = report.incident.misdirected;
  return [
    ...impossibleMoments(
      {
        occurredAt: [report.incident.occurredAt, [base, 'incident', 'occurredAt']],
        detectedAt: [report.incident.detectedAt, [base, 'incident', 'detectedAt']],
        initialNotificationAt: [report.facts.initialNotificationAt, [base, 'facts', 'initialNotificationAt']],
        notifiedAt: [report.subscriberNotice.notifiedAt, [base, 'subscriberNotice', 'notifiedAt']],
      },
      locale,
    ),
    ...(misdirected
      ? sameMailboxIssue(
          misdirected.intended,
          misdirected.actual,
          [base, 'incident', 'misdirected', 'actual'],
          locale,
        )
      : []),
  ];
}
