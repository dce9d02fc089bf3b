import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import { BreachCircumstancesSchema } from './assess-breach.js';
import { type AuthorityFiling, filingRecord, regimesOf } from './authority-filings.js';
import type { Regime } from './breach-facts.js';
import {
  type CreateIncidentReportInput,
  CreateIncidentReportInputSchema,
  type CreateIncidentReportOptions,
  createIncidentReport,
  proposedMeans,
} from './create-incident-report.js';
import type { ReportLocale } from './data/report-texts.js';
import { DateInputSchema, toDate } from './date-input.js';
import {
  impossibleIncidentDates,
  impossibleMoments,
  impossibleReportFacts,
  refuseIssues,
} from './impossible-facts.js';
import { type IncidentReport, IncidentReportSchema } from './incident-report.js';
import { customerTold } from './report-conclusions.js';
import { isUnreadContentItem, ReviewItemSchema, reviewItemText } from './review-item.js';

// Only `now` is read here; the other options pass on to createIncidentReport, which checks them.
const FollowUpOptionsSchema = z.looseObject({ now: DateInputSchema.optional() });

const Input = CreateIncidentReportInputSchema.shape;

/**
 * What changed or became known after the first report. Measures are matched by id (a new status or
 * text replaces the old one; a new id is added); timeline entries are added to those of the first;
 * everything else replaces what the first said.
 *
 * @example
 * ```ts
 * FollowUpChangesSchema.parse({ measures: [{ id: 'new-password', status: 'done' }] });
 * ```
 */
export const FollowUpChangesSchema = BreachCircumstancesSchema.extend({
  recipient: Input.recipient.optional(),
  dataCategories: Input.dataCategories.optional(),
  dataSubjects: Input.dataSubjects.optional(),
  dataContent: Input.dataContent,
  records: Input.records,
  description: Input.description,
  cause: Input.cause,
  location: Input.location,
  consequences: Input.consequences,
  protectionApplied: Input.protectionApplied,
  summary: Input.summary,
  measures: Input.measures,
  otherMemberStates: Input.otherMemberStates,
  otherAuthoritiesNotified: Input.otherAuthoritiesNotified,
  otherProviders: Input.otherProviders,
  subscriberNotice: Input.subscriberNotice,
  /** When the first notification reached the authority (starts the three days of Regulation 611/2013 Art. 2(3)). */
  initialNotificationAt: Input.initialNotificationAt,
  /**
   * The first filing with each authority, where the breach concerns several (`PTS`, `IMY`): a filing
   * given here replaces the first report's filing with the same authority, the others are kept
   * (GDPR Art. 33(4): the information comes in phases; Regulation 611/2013 Art. 2(3)).
   */
  notifications: Input.notifications,
  judgment: Input.judgment,
  timeline: Input.timeline,
  customerCall: Input.customerCall,
});
/** The changes {@link createFollowUpReport} applies (see {@link FollowUpChangesSchema}). */
export type FollowUpChanges = z.input<typeof FollowUpChangesSchema>;

/**
 * Makes the follow-up (complete) report from the first one: the same facts with what changed or
 * became known applied, `notification: 'follow-up'`, and `followUp` listing each change with its
 * value before and after, which every rendering prints under the type of notification (Regulation
 * 611/2013 Art. 2(3): the complete notification within three days of the first). The assessment and
 * the decision are made again from the new facts, with the options of {@link createIncidentReport}
 * (the day a law took effect is read where the organisation is, as for the first report). Throws
 * {@link InvalidInputError} naming the field
 * when the first report or a change breaks its schema, and `options.decisions` when the first report
 * was assessed with decisions the caller gave (`assessment.decisionsGiven`) and they are not given again.
 *
 * @example
 * ```ts
 * const followUp = createFollowUpReport(first, {
 *   initialNotificationAt: '2018-02-23T16:00:00+01:00',
 *   measures: [{ id: 'new-password', status: 'done' }],
 * });
 * followUp.followUp?.changes; // [{ field: 'measures.new-password', before: 'planned', after: 'done' }, ...]
 * ```
 */
export function createFollowUpReport(
  first: IncidentReport,
  changes: FollowUpChanges,
  options: CreateIncidentReportOptions = {},
): IncidentReport {
  const previous = parseInput(IncidentReportSchema, first, ['first']);
  const given = parseInput(FollowUpChangesSchema, changes, ['changes']);
  const settings = parseInput(FollowUpOptionsSchema, options, ['options']);
  const { timeline: added, measures: changedMeasures, notifications: filed, ...rest } = given;
  // The checks of a new report, on what the follow-up brings, named where it came from: the first
  // report as stored, each change, and the moment the follow-up is written, which cannot precede the
  // first (Regulation 611/2013 Art. 2(3): the follow-up completes it).
  const now = settings.now ?? new Date();
  refuseIssues([
    ...impossibleReportFacts(previous, 'first', options.locale),
    ...impossibleMoments(
      {
        detectedAt: [previous.incident.detectedAt, ['first', 'incident', 'detectedAt']],
        initialNotificationAt: [given.initialNotificationAt, ['changes', 'initialNotificationAt']],
        notifiedAt: [given.subscriberNotice?.notifiedAt, ['changes', 'subscriberNotice', 'notifiedAt']],
      },
      options.locale,
    ).filter((issue) => issue.path[0] === 'changes'),
    ...impossibleIncidentDates({
      occurredAt: previous.incident.occurredAt,
      detectedAt: previous.incident.detectedAt,
      now,
      customerCallAt: given.customerCall?.at,
      judgmentAt: given.judgment?.at,
      timeline: added?.map((entry) => entry.at) ?? [],
      measuresDoneAt: changedMeasures?.map((measure) => measure.doneAt) ?? [],
      initialNotificationAt: given.initialNotificationAt,
      notifiedAt: given.subscriberNotice?.notifiedAt,
      at: ['changes'],
      locale: options.locale,
    }).filter((issue) => !['occurredAt', 'detectedAt'].includes(String(issue.path[1]))),
    ...followUpFilingIssues(previous, given, options.locale),
    ...(previous.assessment.decisionsGiven === true && options.decisions === undefined
      ? [
          {
            path: ['options', 'decisions'],
            message:
              options.locale === 'sv'
                ? 'den första rapporten bedömdes med beslut som anroparen gav, inte den inbyggda tabellen: ange samma beslut igen, så att uppföljningen jämförs med dem och inte med andra'
                : 'the first report was assessed with decisions the caller gave, not the built-in table: give the same decisions again, so that the follow-up is compared with them and not with others',
          },
        ]
      : []),
    ...undoneIssues(previous, given, options.locale),
    ...(toDate(now).getTime() < toDate(previous.createdAt).getTime()
      ? [
          {
            path: ['options', 'now'],
            message:
              options.locale === 'sv'
                ? 'uppföljningen är daterad före den första rapporten som den kompletterar'
                : 'the follow-up is dated before the first report it completes',
          },
        ]
      : []),
  ]);
  const measures = [...previous.measures];
  for (const measure of changedMeasures ?? []) {
    const index = measures.findIndex((known) => known.id === measure.id);
    if (index === -1) measures.push(measure);
    else measures[index] = measure;
  }
  // The data the follow-up gives replaces what the first report could not read: its note that the
  // content is not known, and its reading by patterns, no longer hold (GDPR Art. 33(4)).
  const known = given.dataCategories !== undefined;
  const { dataContentUnknown, dataComplete, dataContent: firstContent, ...stored } = inputOf(previous);
  const read = known && dataContentUnknown === true;
  const input: CreateIncidentReportInput = {
    ...stored,
    ...(known ? {} : definedOnly({ dataContentUnknown, dataComplete })),
    ...(read ? {} : definedOnly({ dataContent: firstContent })),
    // Read now, the message's content is no longer an item to review.
    ...(read && stored.needsReview !== undefined
      ? {
          needsReview: stored.needsReview.filter((item) => !isUnreadContentItem(item)),
        }
      : {}),
    ...(definedOnly(rest) as Partial<CreateIncidentReportInput>),
    ...(filed === undefined ? {} : filingsAfter(previous, filed)),
    notification: 'follow-up',
    measures,
    ...(previous.timeline === undefined && added === undefined
      ? {}
      : { timeline: [...(previous.timeline ?? []), ...(added ?? [])] }),
  };
  // The follow-up reads the breach as the first report did, unless told otherwise.
  // The first report's reading and its number of people for large scale, unless the caller gives
  // others: the same facts are then stated at the same risk.
  const next = createIncidentReport(input, {
    profile: previous.assessment.profile,
    ...(previous.assessment.largeScale === undefined ? {} : { largeScale: previous.assessment.largeScale }),
    ...options,
  });
  return IncidentReportSchema.parse({
    ...next,
    followUp: {
      firstCreatedAt: previous.createdAt,
      changes: changesBetween(previous, next, options.locale ?? 'en'),
    },
  });
}

/**
 * What a change would take back from the first report: a measure it recorded as done set to
 * proposed, planned, rejected or awaiting an answer, or a notice to the customer it recorded as given
 * left without its time. A follow-up completes the first report (GDPR Art. 33(4); Regulation 611/2013
 * Art. 2(3)); it cannot make what happened not have happened. A done measure may still be found to
 * have failed (`failed`, with its reason), and a notice's time may be corrected.
 */
function undoneIssues(
  previous: IncidentReport,
  given: Pick<FollowUpChanges, 'measures' | 'subscriberNotice'>,
  locale: 'sv' | 'en' | undefined,
) {
  const say = (swedish: string, english: string) => (locale === 'sv' ? swedish : english);
  const measureIssues = (given.measures ?? []).flatMap((measure, index) => {
    const was = previous.measures.find((known) => known.id === measure.id);
    if (was?.status !== 'done' || measure.status === 'done' || measure.status === 'failed') return [];
    return [
      {
        path: ['changes', 'measures', index, 'status'],
        message: say(
          `${measure.id} är utförd enligt den första rapporten och kan inte bli ${measure.status} i en uppföljning: ange failed med skäl om den inte fick verkan, eller en ny åtgärd om den ska göras om`,
          `${measure.id} is recorded done in the first report and cannot become ${measure.status} in a follow-up: give failed with its reason if it did not work, or a new measure if it must be done again`,
        ),
      },
    ];
  });
  const toldAt = previous.subscriberNotice.notifiedAt;
  const noticeIssues =
    toldAt !== undefined &&
    given.subscriberNotice !== undefined &&
    given.subscriberNotice.notifiedAt === undefined
      ? [
          {
            path: ['changes', 'subscriberNotice', 'notifiedAt'],
            message: say(
              `saknas, men den första rapporten anger att kunden underrättades ${toldAt}: en uppföljning kan inte ta tillbaka det (ange samma tid, eller den rättade)`,
              `is missing, but the first report records the customer told at ${toldAt}: a follow-up cannot take that back (give the same time, or the corrected one)`,
            ),
          },
        ]
      : [];
  return [...measureIssues, ...noticeIssues];
}

type Filings = NonNullable<FollowUpChanges['notifications']>;

/**
 * The filings of the follow-up: those given, and each of the first report's with an authority none
 * of them names. A date the first report recorded as `initialNotificationAt` for its one authority
 * becomes that authority's filing; one recorded once for several authorities is replaced.
 */
function filingsAfter(
  previous: IncidentReport,
  filed: Filings,
): Pick<CreateIncidentReportInput, 'notifications' | 'initialNotificationAt'> {
  const findings = previous.authorities ?? [];
  const covered = new Set(filed.flatMap((filing) => regimesOf(filing, findings)));
  const single = (previous.decision?.notifyAuthorityUnder ?? previous.regimes).flatMap((regime) => {
    const record = filingRecord(previous, regime);
    const finding = findings.find((candidate) => candidate.regime === regime);
    return record.state === 'filed' && previous.facts.notifications === undefined && finding
      ? [{ authority: finding.authority?.abbreviation ?? finding.authority?.id ?? regime, at: record.at }]
      : [];
  });
  const kept = [...(previous.facts.notifications ?? []).map(asGiven), ...single].filter(
    (filing) => !regimesOf(filing, findings).some((regime) => covered.has(regime)),
  );
  // A filing given again without its reference (a corrected time) keeps the reference the authority
  // gave the first one: the follow-up must still name the case it completes.
  const earlier = previous.facts.notifications ?? [];
  const withReferences = filed.map((filing) => {
    if (filing.reference !== undefined) return filing;
    const same = earlier.find((known) => known.authority.toLowerCase() === filing.authority.toLowerCase());
    return same?.reference === undefined ? filing : { ...filing, reference: same.reference };
  });
  // The first report as given has nothing to say beside them: a single date is among `kept` now.
  return { notifications: [...dedupe(kept), ...withReferences], initialNotificationAt: undefined };
}

/** A stored filing as the input names it. */
function asGiven(filing: AuthorityFiling): Filings[number] & { regime?: Regime } {
  return {
    authority: filing.authority,
    at: filing.at,
    ...(filing.reference === undefined ? {} : { reference: filing.reference }),
    ...(filing.regime === undefined ? {} : { regime: filing.regime }),
  };
}

/** Each authority once: a report stored with one entry per regime kept the ICO twice. */
function dedupe(filings: readonly (Filings[number] & { regime?: Regime })[]): Filings {
  const seen = new Set<string>();
  return filings
    .filter((filing) => {
      const name = filing.authority.toLowerCase();
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    })
    .map(({ regime: _regime, ...filing }) => filing);
}

/**
 * The filings of the follow-up, checked against those of the first report. A first report stored
 * with one `initialNotificationAt` for several authorities says nothing of which one was notified
 * then: a follow-up that carried it on would sign a filing date the facts do not attribute, so it asks
 * for each filing instead, unless the changes give them. One time given beside filings kept per
 * authority (in the first report or the changes) is asked for as one of them.
 */
function followUpFilingIssues(
  previous: IncidentReport,
  given: { readonly notifications?: unknown; readonly initialNotificationAt?: unknown },
  locale: 'sv' | 'en' | undefined,
) {
  const say = (swedish: string, english: string) => (locale === 'sv' ? swedish : english);
  if (
    given.initialNotificationAt !== undefined &&
    (given.notifications !== undefined || previous.facts.notifications !== undefined)
  )
    return [
      {
        path: ['changes', 'initialNotificationAt'],
        message: say(
          'anges bredvid anmälningar per myndighet (notifications): ange den här anmälan i changes.notifications med sin myndighet',
          'given beside filings kept per authority (notifications): give this filing in changes.notifications with its authority',
        ),
      },
    ];
  if (given.notifications !== undefined || given.initialNotificationAt !== undefined) return [];
  if (!previous.regimes.some((regime) => filingRecord(previous, regime).state === 'unattributed')) return [];
  return [
    {
      path: ['first', 'facts', 'initialNotificationAt'],
      message: say(
        'är en enda tidpunkt för flera myndigheter, och vilken den gäller är inte registrerat: ange varje anmälan för sig i changes.notifications',
        'is one time recorded for several authorities, and which one it applies to is not recorded: give each filing in changes.notifications',
      ),
    },
  ];
}

/** The input that makes the report again (what {@link createIncidentReport} took, as stored). */
function inputOf(report: IncidentReport): CreateIncidentReportInput {
  const { recipient, initialNotificationAt, notifications, ...circumstances } = report.facts;
  const { required: _required, means, ...given } = report.subscriberNotice;
  // Means proposed before any notice was given are made again from what the follow-up records (a
  // call is by phone), not kept as if they had been used. A call told the customer only where the
  // identity was checked (customerTold, as the report reads it): an unchecked call used no means.
  const proposed = !customerTold(report) && means.join() === proposedMeans.join();
  const notice = proposed ? given : { ...given, means };
  return definedOnly({
    reference: report.reference,
    provider: report.provider,
    contact: report.contact,
    regimes: report.regimes,
    occurredAt: report.incident.occurredAt,
    occurredAtEstimated: report.incident.occurredAtEstimated,
    occurredAtUnconfirmed: report.incident.occurredAtUnconfirmed,
    detectedAt: report.incident.detectedAt,
    initialNotificationAt,
    notifications: notifications === undefined ? undefined : dedupe(notifications.map(asGiven)),
    circumstances: report.incident.circumstances,
    description: report.incident.description,
    cause: report.incident.cause,
    misdirected: report.incident.misdirected,
    location: report.incident.location,
    dataCategories: report.data.categories,
    dataContent: report.data.content,
    dataContentUnknown: report.data.contentUnknown,
    dataComplete: report.data.complete,
    records: report.data.records,
    unreadAttachments: report.data.unreadAttachments,
    dataSubjects: report.affected.dataSubjects,
    otherMemberStates: report.affected.otherMemberStates,
    otherAuthoritiesNotified: report.affected.otherAuthoritiesNotified,
    customerMinor: report.affected.minor,
    guardianDetails: report.affected.guardianDetails,
    recipient,
    ...circumstances,
    consequences: report.consequences,
    protectionApplied: report.protectionApplied,
    measures: report.measures,
    otherProviders: report.otherProviders,
    subscriberNotice: notice,
    summary: report.summary,
    judgment: report.judgment,
    timeline: report.timeline,
    customerCall: report.customerCall,
  }) as CreateIncidentReportInput;
}

type Change = NonNullable<IncidentReport['followUp']>['changes'][number];

/** Each tracked field whose value differs, with the values before and after as text. */
function changesBetween(before: IncidentReport, after: IncidentReport, locale: ReportLocale): Change[] {
  const changes: Change[] = [];
  const compare = (field: string, a: unknown, b: unknown) => {
    const was = text(a, locale);
    const is = text(b, locale);
    // Lists and objects are kept as they are, for the rendering to word in its own language.
    const structured = (value: unknown) => value !== null && typeof value === 'object';
    if (was !== is)
      changes.push({
        field,
        ...(was === undefined ? {} : { before: was }),
        ...(is === undefined ? {} : { after: is }),
        ...(structured(a) || structured(b)
          ? {
              values: definedOnly({
                before: structured(a) ? a : undefined,
                after: structured(b) ? b : undefined,
              }),
            }
          : {}),
      });
  };
  compare('decision.risk', before.decision?.risk ?? before.assessment.risk, after.decision?.risk);
  compare(
    'decision.notifyAuthority',
    before.decision?.notifyAuthority ?? before.assessment.notifyAuthority,
    after.decision?.notifyAuthority,
  );
  compare(
    'decision.notifyDataSubjects',
    before.decision?.notifyDataSubjects ?? before.assessment.notifyDataSubjects,
    after.decision?.notifyDataSubjects,
  );
  compare('data.categories', before.data.categories, after.data.categories);
  compare('data.content', before.data.content, after.data.content);
  compare('data.records', before.data.records, after.data.records);
  compare('affected.dataSubjects', before.affected.dataSubjects, after.affected.dataSubjects);
  compare('incident.description', before.incident.description, after.incident.description);
  compare('incident.cause', before.incident.cause, after.incident.cause);
  compare('consequences', before.consequences, after.consequences);
  compare('summary', before.summary, after.summary);
  const facts = new Set([...Object.keys(before.facts), ...Object.keys(after.facts)]);
  for (const key of facts)
    compare(
      `facts.${key}`,
      (before.facts as Record<string, unknown>)[key],
      (after.facts as Record<string, unknown>)[key],
    );
  const ids = new Set([...before.measures, ...after.measures].map((measure) => measure.id));
  for (const id of ids) {
    const was = before.measures.find((measure) => measure.id === id);
    const is = after.measures.find((measure) => measure.id === id);
    compare(`measures.${id}`, was?.status, is?.status);
    if (was === undefined || is === undefined) continue;
    if (was.text !== is.text) compare(`measures.${id}.text`, was.text, is.text);
    // Worded per language (`texts`), each language's wording is its own change: the one a follow-up
    // rewords is listed even where the other stays as it was (Regulation 611/2013 Art. 2(3)).
    for (const language of ['sv', 'en'] as const)
      compare(`measures.${id}.texts.${language}`, was.texts?.[language], is.texts?.[language]);
  }
  compare(
    'subscriberNotice.notifiedAt',
    before.subscriberNotice.notifiedAt,
    after.subscriberNotice.notifiedAt,
  );
  compare(
    'judgment',
    before.judgment && `${before.judgment.by}: ${before.judgment.reason}`,
    after.judgment && `${after.judgment.by}: ${after.judgment.reason}`,
  );
  compare('customerCall', before.customerCall?.at, after.customerCall?.at);
  for (const entry of (after.timeline ?? []).slice((before.timeline ?? []).length))
    changes.push({ field: 'timeline', after: entry.who ? `${entry.what} (${entry.who})` : entry.what });
  return changes;
}

/**
 * A tracked value as the change list prints it: a list item by item, a filing as its authority, time
 * and reference, a review item in the report's words; never JavaScript's "[object Object]".
 */
function text(value: unknown, locale: ReportLocale): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => text(item, locale) ?? '').join(', ');
  if (typeof value !== 'object') return String(value);
  const review = ReviewItemSchema.safeParse(value);
  if (review.success) return reviewItemText(review.data, locale);
  const { authority, at, reference } = value as { authority?: unknown; at?: unknown; reference?: unknown };
  if (typeof authority === 'string')
    return [authority, at, reference && `(${String(reference)})`].filter(Boolean).join(' ');
  return JSON.stringify(value);
}

/** The object without its undefined values (exactOptionalPropertyTypes). */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
