import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import { authorityShortName } from './authority-short-name.js';
import { countryTimeZone } from './data/country-time-zones.js';
import { notNotifiedReasonTexts } from './data/not-notified-reasons.js';
import { credentialWording, listCategories, type Phrasing, say } from './describe-incident.js';
import type { AuthorityFinding } from './find-authority.js';
import { type IncidentReport, IncidentReportSchema } from './incident-report.js';
import { latestMeasure } from './latest-measure.js';
import { LocaleSchema, TimeZoneSchema } from './option-schemas.js';
import { publicCommunicationWords } from './public-communication.js';
import {
  authoritiesPhrase,
  authorityDeadline,
  authorityDue,
  conclusionsOpen,
  customerTold,
  filingsPhrase,
  measuresAsRecorded,
  reportDateTime,
} from './report-conclusions.js';

/** Options of {@link incidentRegisterEntry}. */
export interface IncidentRegisterEntryOptions {
  /**
   * Language of the entry.
   * @default 'sv' for an organisation in Sweden or of no country given, else 'en'
   */
  readonly locale?: 'sv' | 'en';
  /**
   * IANA time zone of the dates.
   * @default the zone of the organisation's country (Europe/London for GB), else 'Europe/Stockholm'
   */
  readonly timeZone?: string;
  /**
   * What stands between the fields.
   * @default ' | '
   */
  readonly separator?: string;
}

const IncidentRegisterEntryOptionsSchema = z.object({
  locale: LocaleSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  separator: z.string().optional(),
});

const CIRCUMSTANCES: Readonly<
  Record<IncidentReport['incident']['circumstances'], readonly [string, string]>
> = {
  'misdirected-email': ['e-post till fel mottagare', 'e-mail to the wrong recipient'],
  'misdirected-post': ['post till fel mottagare', 'post to the wrong recipient'],
  'misdirected-sms': ['sms till fel mottagare', 'text message (SMS) to the wrong recipient'],
  loss: ['förlust', 'loss'],
  theft: ['stöld', 'theft'],
  copying: ['otillåten kopiering', 'unauthorised copying'],
  'unauthorised-access': ['obehörig åtkomst', 'unauthorised access'],
  other: ['annan händelse', 'other event'],
};

/**
 * One line for the organisation's own register of incidents: the facts, the effects and the remedial
 * action, as Directive 2002/58/EC Art. 4(4) asks of providers (in Sweden the register of integrity
 * incidents PTS requires, lag (2003:389) 6 kap. 4 c §, now lag (2022:482) 8 kap. 9 §) and GDPR
 * Art. 33(5) of every controller: detected, reference, kind, what happened, people and data
 * concerned, the risk, who was notified and when, and the measures.
 *
 * @example
 * ```ts
 * incidentRegisterEntry(report);
 * // '2018-02-23 | INC-2018-0042 | Integritetsincident | e-post till fel mottagare | 1 berörd | namn, ... | risk | ska anmälas till PTS senast 2018-02-24 kl. 13.45 CET | underrättas | åtgärder: 4 genomförda, 1 planerad'
 * ```
 */
export function incidentRegisterEntry(
  report: IncidentReport,
  options: IncidentRegisterEntryOptions = {},
): string {
  const checked = parseInput(IncidentReportSchema, report, ['report']);
  const given = parseInput(IncidentRegisterEntryOptionsSchema, options, ['options']);
  const phrasing: Phrasing = {
    // The organisation keeps its register in its own language: Swedish for a Swedish one, English
    // otherwise (a British shop's line in English names British summer time BST, as the UK does).
    locale: given.locale ?? ((checked.provider.country ?? 'SE') === 'SE' ? 'sv' : 'en'),
    timeZone: given.timeZone ?? countryTimeZone(checked.provider.country),
  };
  const s = (swedish: string, english: string) => say(phrasing, swedish, english);
  const decision = checked.decision ?? checked.assessment;
  const telecom = checked.regimes.includes('eprivacy');
  const kind = telecom
    ? s('Integritetsincident', 'Personal data breach')
    : s('Personuppgiftsincident', 'Personal data breach');
  // A message sent to many at once (a group in Cc) went to no one wrong recipient: the register
  // names the group and its size (GDPR Art. 33(3)(a) and 33(5): the nature and approximate numbers).
  const group = checked.incident.misdirected?.recipients;
  // Delivery not established (`misdirected.unconfirmed`): the line says a wrong address, not a
  // wrong recipient, as the report and the notice do.
  const unconfirmed =
    checked.incident.misdirected?.unconfirmed === true && checked.facts.returnedUnopened !== true;
  const [swedish, english] =
    group !== undefined && checked.incident.circumstances === 'misdirected-email'
      ? [`e-post till ${group} mottagare samtidigt`, `e-mail to ${group} recipients at once`]
      : unconfirmed && checked.incident.circumstances === 'misdirected-email'
        ? [
            'e-post till fel adress (om den nådde någon är inte fastställt)',
            'e-mail to a wrong address (whether it reached anyone is not established)',
          ]
        : CIRCUMSTANCES[checked.incident.circumstances];
  const under = checked.decision?.notifyAuthorityUnder;
  const findings = (checked.authorities ?? []).filter(
    (finding) => under === undefined || under.includes(finding.regime),
  );
  const nameOf = (finding: AuthorityFinding) => authorityShortName(finding, phrasing.locale);
  const filings = filingsPhrase(phrasing, checked, findings, nameOf);
  const due = authorityDue(checked);
  // A deadline that had passed when the report was written is no longer one to meet: the register
  // says the notification was due and is late (GDPR Art. 33(1) and Regulation 611/2013 Art. 2(2) ask
  // for the reasons of the delay). An authority under two regimes (the ICO) is late once its earlier
  // deadline has passed.
  const written = Date.parse(checked.createdAt);
  const passed = (at: string | undefined): at is string => at !== undefined && Date.parse(at) < written;
  const lateTo = (to: string, at: string) =>
    s(
      `skulle ha anmälts till ${to} senast ${reportDateTime(phrasing, at)} (försenad)`,
      `notification to ${to} was due by ${reportDateTime(phrasing, at)} (late)`,
    );
  const byName = new Map<string, AuthorityFinding[]>();
  for (const finding of filings.unfiled) {
    const named = nameOf(finding);
    if (named !== undefined) byName.set(named, [...(byName.get(named) ?? []), finding]);
  }
  const lateGroups = [...byName.values()].filter((group) =>
    group.some((finding) => passed(authorityDeadline(checked, finding))),
  );
  const late = lateGroups.map((group) => {
    const earliest = group
      .map((finding) => authorityDeadline(checked, finding))
      .filter(passed)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0] as string;
    return lateTo(authoritiesPhrase(phrasing, checked, group, nameOf, false) ?? '', earliest);
  });
  const pending = authoritiesPhrase(
    phrasing,
    checked,
    filings.unfiled.filter((finding) => !lateGroups.some((group) => group.includes(finding))),
    nameOf,
    true,
  );
  // Without named authorities, the earliest deadline stands for them all.
  const unnamed = s('tillsynsmyndigheten', 'the authority');
  // Notified only once the filing is recorded; until then, to be notified, by the deadline when known.
  // With nothing read, a "no" computed from nothing is no conclusion: the register keeps it open
  // until a person has read the message (GDPR Art. 33(4) and 33(5); see conclusionsOpen).
  const open = conclusionsOpen(checked);
  const untilReviewed = s('öppet tills meddelandet granskats', 'open until the message is reviewed');
  const states = [
    ...(filings.filed === undefined ? [] : [`${s('anmäld till', 'notified to')} ${filings.filed}`]),
    ...late,
    ...(pending === undefined ? [] : [`${s('ska anmälas till', 'to be notified to')} ${pending}`]),
  ];
  const authority = !decision.notifyAuthority
    ? open
      ? `${s('anmälan', 'notification')} ${untilReviewed}`
      : notNotified(phrasing, checked)
    : states.length > 0
      ? states.join(', ')
      : passed(due)
        ? lateTo(unnamed, due)
        : `${s('ska anmälas till', 'to be notified to')} ${unnamed}${due === undefined ? '' : ` ${s('senast', 'by')} ${reportDateTime(phrasing, due)}`}`;
  // One filing date stored for several authorities is said as such, never put under each of them.
  const authorityStated =
    filings.unattributed === undefined || !decision.notifyAuthority
      ? authority
      : `${authority} (${filings.unattributed})`;
  // A public communication replacing the individual notices (GDPR Art. 34(3)(c)) is said as such,
  // planned or made, whatever else the notice records.
  const publicWords = decision.notifyDataSubjects
    ? undefined
    : publicCommunicationWords(phrasing, checked, 'register');
  const subjects = publicWords
    ? publicWords
    : decision.notifyDataSubjects
      ? checked.subscriberNotice.notifiedAt !== undefined
        ? `${s('de berörda underrättade', 'people concerned told')} ${reportDateTime(phrasing, checked.subscriberNotice.notifiedAt)}`
        : customerTold(checked)
          ? s('de berörda underrättade', 'people concerned told')
          : // At a risk judged unlikely the notice is the controller's choice, not a duty (GDPR Art. 34(1)).
            decision.risk === 'unlikely'
            ? s(
                'underrättelse krävs inte, de berörda ska underrättas frivilligt',
                'notice not required, people concerned to be told voluntarily',
              )
            : s('de berörda ska underrättas', 'people concerned to be told')
      : customerTold(checked)
        ? // Told although the law did not require it: the register says so, not that a duty was met.
          s(
            'underrättelse krävs inte, kunden informerad som service',
            'notice not required, customer told as a courtesy',
          )
        : open
          ? `${s('underrättelse av de berörda', 'telling the people concerned')} ${untilReviewed}`
          : // Not required, and recommended as a courtesy (GDPR Recital 86) unless the responsible
            // person decided against it: nobody has decided not to tell them, as the report says too.
            checked.judgment?.notifyDataSubjects !== false &&
              checked.assessment.recommendations.some((item) => item.code === 'courtesy-notice')
            ? s(
                'underrättelse krävs inte, rekommenderas som service',
                'notice not required, recommended as a courtesy',
              )
            : s('de berörda underrättas inte', 'people concerned not told');
  // The measures as the report states them (an inform-customer the recorded notice or checked call carried out is done).
  const recorded = measuresAsRecorded(checked);
  const count = (status: string) => recorded.filter((measure) => measure.status === status).length;
  // A request still unanswered and an attempt that failed are counted apart from those done, so the
  // register never shows a failed recall as a measure carried out.
  const measures = (
    [
      ['done', 'genomförd', 'genomförda', 'done'],
      ['awaiting-answer', 'väntar på svar', 'väntar på svar', 'awaiting an answer'],
      ['failed', 'misslyckad', 'misslyckade', 'failed'],
      ['planned', 'planerad', 'planerade', 'planned'],
      ['proposed', 'föreslagen', 'föreslagna', 'proposed'],
    ] as const
  )
    .map(([status, one, many, english]) => {
      const number = count(status);
      return number === 0 ? '' : `${number} ${s(number === 1 ? one : many, english)}`;
    })
    .filter((text) => text !== '');
  // A login link or code that reached the wrong person is named with its state and why, so the
  // register shows whether it can still be used (GDPR Art. 33(5): the remedial action taken).
  const invalidation = latestMeasure(recorded, 'invalidate-login');
  // Done, it is said in the past tense, and no longer as something that logs in; tried without
  // success, it is said to have failed, and the link to work still.
  if (invalidation !== undefined)
    measures.push(
      invalidation.status === 'done'
        ? s('inloggningslänken eller koden har gjorts ogiltig', 'login link or code made invalid')
        : invalidation.status === 'failed'
          ? s(
              'inloggningslänken eller koden kunde inte göras ogiltig (den kan fortfarande användas för att logga in på kundens konto)',
              'login link or code could not be made invalid (it can still be used to log in to the customer’s account)',
            )
          : `${s('inloggningslänken eller koden', 'login link or code')} ${
              invalidation.status === 'rejected'
                ? s('görs inte ogiltig', 'not made invalid')
                : s('ska göras ogiltig', 'to be made invalid')
            } (${s('den kan användas för att logga in på kundens konto', 'it can be used to log in to the customer’s account')})`,
    );
  const risk = open
    ? `${s('risk', 'risk')} ${untilReviewed}`
    : {
        unlikely: s('osannolik risk', 'risk unlikely'),
        risk: s('risk', 'risk'),
        high: s('hög risk', 'high risk'),
      }[decision.risk];
  return [
    // The date in ISO form sorts in a spreadsheet; the reference finds the full report.
    new Intl.DateTimeFormat('sv-SE', { timeZone: phrasing.timeZone, dateStyle: 'short' }).format(
      new Date(checked.incident.detectedAt),
    ),
    checked.reference,
    kind,
    s(swedish, english),
    `${checked.affected.dataSubjects} ${s(checked.affected.dataSubjects === 1 ? 'berörd' : 'berörda', 'concerned')}`,
    // Nobody has read the message yet (`data.contentUnknown`): its "other data" stands in for what
    // nobody has checked, and the register says so rather than name a kind (GDPR Art. 33(5)).
    checked.data.contentUnknown === true
      ? s('innehållet är inte fastställt ännu', 'content not yet established')
      : listCategories(phrasing, checked.data.categories, credentialWording(checked)),
    `${risk}${checked.judgment === undefined ? '' : s(' (bedömd av den ansvariga)', ' (as judged)')}`,
    // Every authority notified, the other competent ones the caller names too (Regulation 611/2013
    // Annex I section 2; GDPR Art. 33(5) documents the remedial action, the filings included).
    checked.affected.otherAuthoritiesNotified?.length
      ? `${authorityStated}, ${s('även underrättade', 'also notified')}: ${checked.affected.otherAuthoritiesNotified.join(', ')}`
      : authorityStated,
    subjects,
    `${s('åtgärder', 'measures')}: ${measures.length > 0 ? measures.join(', ') : s('inga', 'none')}`,
  ]
    .map((field) => field.replace(/\s+/g, ' ').trim())
    .join(given.separator ?? ' | ');
}

/**
 * "Not notified" with its reason: GDPR Art. 33(5) and EDPB Guidelines 9/2022 §95 have the record of a
 * breach not notified say why. A responsible person's judgment gives its own reason, in their words;
 * else the reason that decided the assessment (`notReportedBecause`).
 */
function notNotified(phrasing: Phrasing, report: IncidentReport): string {
  const judged = report.judgment?.reason.trim().replace(/[.。]+$/u, '');
  if (judged !== undefined)
    return say(
      phrasing,
      `anmäls inte (den ansvarigas skäl: ${judged})`,
      `not notified (the responsible person's reason: ${judged})`,
    );
  const code = report.assessment.notReportedBecause;
  const texts = code === undefined ? undefined : notNotifiedReasonTexts[code];
  if (texts === undefined) return say(phrasing, 'anmäls inte', 'not notified');
  return say(phrasing, `anmäls inte, eftersom ${texts[0]}`, `not notified because ${texts[1]}`);
}
