import { z } from 'zod';
import type { InputIssue } from '../errors.js';
import {
  type AssessmentProfile,
  AssessmentProfileSchema,
  assessBreach,
  BreachFactsSchema,
} from './assess-breach.js';
import {
  AuthorityNotificationSchema,
  ambiguousFilingTime,
  filingsAgainstJudgment,
  regimesOf,
  resolveFilings,
} from './authority-filings.js';
import { breachChannel } from './breach-channel.js';
import { type BreachDecision, BreachDecisionSchema } from './breach-decision.js';
import { pickCircumstances } from './breach-facts.js';
import { CustomerCallSchema, TimelineEntrySchema } from './build-timeline.js';
import { type Authority, AuthoritySchema } from './data/authorities.js';
import { gdprCountries } from './data/legal-bases.js';
import {
  confirmedDeletionMeasureId,
  isRequestMeasure,
  type MisdirectedEmailMeasureId,
  misdirectedEmailMeasureIds,
} from './data/report-texts.js';
import { type DateInput, DateInputSchema, toDate } from './date-input.js';
import { findAuthority } from './find-authority.js';
import {
  contradictoryFacts,
  contradictoryMeasures,
  impossibleIncidentDates,
  impossibleMoments,
  refuseIssues,
  sameMailboxIssue,
  unwritableDates,
} from './impossible-facts.js';
import { incidentDatesOf } from './incident-dates-of.js';
import {
  ContactPointSchema,
  IncidentReferenceSchema,
  type IncidentReport,
  IncidentReportSchema,
  MeasureSchema,
  ProviderSchema,
  providerCountries,
} from './incident-report.js';
import { deniedPremise, premisesHolding } from './measure-premises.js';
import { decide, judgmentFields, withADecision } from './officer-judgment.js';
import { LargeScaleSchema, LocaleSchema } from './option-schemas.js';
import { parseInputIn, requestedLocale } from './parse-input-in.js';

const ReportShape = IncidentReportSchema.shape;

/**
 * What {@link createIncidentReport} needs: the facts, the parties and what is known so far.
 *
 * @example
 * ```ts
 * CreateIncidentReportInputSchema.safeParse({ reference: 'INC-1' }).success; // false: the facts are missing
 * ```
 */
export const CreateIncidentReportInputSchema = BreachFactsSchema.omit({
  occurredAt: true,
  detectedAt: true,
  initialNotificationAt: true,
  country: true,
}).extend({
  reference: IncidentReferenceSchema,
  notification: ReportShape.notification.optional(),
  provider: ProviderSchema,
  contact: ContactPointSchema,
  occurredAt: DateInputSchema,
  occurredAtEstimated: z.boolean().optional(),
  /** The time is a Date header that would decide the law by itself (see `incident.occurredAtUnconfirmed`). */
  occurredAtUnconfirmed: z.boolean().optional(),
  detectedAt: DateInputSchema,
  /** The first notification, where the breach concerns one authority only (else `notifications`). */
  initialNotificationAt: DateInputSchema.optional(),
  /** The first filing with each authority (`PTS`, `IMY`), where the breach concerns several. */
  notifications: z.array(AuthorityNotificationSchema).optional(),
  circumstances: ReportShape.incident.shape.circumstances,
  description: z.string().min(1).optional(),
  cause: z.string().min(1).optional(),
  misdirected: ReportShape.incident.shape.misdirected,
  location: z.string().min(1).optional(),
  dataContent: z.string().min(1).optional(),
  /** Nothing personal could be read in the message and none was given (see `data.contentUnknown`). */
  dataContentUnknown: z.boolean().optional(),
  records: z.number().int().nonnegative().optional(),
  /** `false` when the categories were read from free text by patterns (see `data.complete`). */
  dataComplete: z.boolean().optional(),
  /** Attachments that could not be read: the report calls its list of the data incomplete. */
  unreadAttachments: ReportShape.data.shape.unreadAttachments,
  otherMemberStates: ReportShape.affected.shape.otherMemberStates.optional(),
  /** Where `dataSubjects` came from (see `affected.basis`). */
  dataSubjectsBasis: ReportShape.affected.shape.basis,
  otherAuthoritiesNotified: ReportShape.affected.shape.otherAuthoritiesNotified,
  /** The customer is a child (see `affected.minor`). */
  customerMinor: ReportShape.affected.shape.minor,
  /** The guardians' own details in the message, for a child (see `affected.guardianDetails`). */
  guardianDetails: ReportShape.affected.shape.guardianDetails,
  /** People besides the customer the message names with details of their own (see `affected.namedOthers`). */
  namedOthers: ReportShape.affected.shape.namedOthers,
  consequences: z.string().min(1).optional(),
  protectionApplied: z.string().min(1).optional(),
  /**
   * The measures taken, planned or declined (`status: 'rejected'`); each usual proposal not among
   * them is added after them as `proposed` (confirm one by passing it with `status: 'done'`).
   */
  measures: z.array(MeasureSchema).optional(),
  otherProviders: ReportShape.otherProviders.optional(),
  subscriberNotice: ReportShape.subscriberNotice.omit({ required: true }).partial().optional(),
  summary: z.string().min(1).optional(),
  /** The officer's judgment where it differs from the computed assessment (who and why are required). */
  judgment: withADecision(judgmentFields().extend({ at: DateInputSchema.optional() })).optional(),
  /** What happened when and who did it; the report adds the steps it knows from the other facts. */
  timeline: z.array(TimelineEntrySchema.extend({ at: DateInputSchema })).optional(),
  /** The call to the customer and their answers. */
  customerCall: CustomerCallSchema.extend({ at: DateInputSchema }).optional(),
});

/** The input of {@link createIncidentReport} (see {@link CreateIncidentReportInputSchema}). */
export type CreateIncidentReportInput = z.input<typeof CreateIncidentReportInputSchema>;

/** Options of {@link createIncidentReport}. */
export interface CreateIncidentReportOptions {
  /**
   * The moment the report is written (its `createdAt`).
   * @default new Date()
   */
  readonly now?: DateInput;
  /**
   * From how many data subjects a breach counts as large scale (passed to {@link assessBreach}).
   * @default 1000
   */
  readonly largeScale?: number;
  /**
   * Language of the stored assessment's reasons and deadline texts (rendering can use either).
   * @default 'en'
   */
  readonly locale?: 'sv' | 'en';
  /**
   * The table of authorities, replacing the built-in one (see {@link findAuthority}).
   * @default authorities
   */
  readonly authorities?: readonly Authority[];
  /**
   * The reading where authorities disagree (passed to {@link assessBreach}).
   * @default 'default'
   */
  readonly profile?: AssessmentProfile;
  /**
   * The published decisions to cite as precedents (passed to {@link assessBreach}).
   * @default breachDecisions
   */
  readonly decisions?: readonly BreachDecision[];
}

const CreateIncidentReportOptionsSchema = z.object({
  now: DateInputSchema.optional(),
  largeScale: LargeScaleSchema.optional(),
  locale: LocaleSchema.optional(),
  authorities: z.array(AuthoritySchema).optional(),
  profile: AssessmentProfileSchema.optional(),
  decisions: z.array(BreachDecisionSchema).optional(),
});

/**
 * Builds an {@link IncidentReport} from the facts: assesses the breach, proposes the usual measures
 * for a misdirected e-mail (the caller confirms or edits them), and validates the whole against
 * {@link IncidentReportSchema}. Throws {@link InvalidInputError} naming every missing or invalid field.
 *
 * @example
 * ```ts
 * const report = createIncidentReport({
 *   reference: 'INC-2018-0042',
 *   provider: { name: 'Nordkabel AB' },
 *   contact: { name: 'Dataskyddsombud', email: 'dpo@nordkabel.se', phone: '+46 8 123 456 00' },
 *   regimes: ['eprivacy', 'gdpr'],
 *   occurredAt: '2018-02-23T13:36:00+01:00',
 *   detectedAt: '2018-02-23T13:45:00+01:00',
 *   circumstances: 'misdirected-email',
 *   dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
 *   dataSubjects: 1,
 *   recipient: 'unknown-individual',
 * });
 * report.measures.map((measure) => measure.id); // ['recall-and-delete', 'correct-address', ...]
 * ```
 */
export function createIncidentReport(
  input: CreateIncidentReportInput,
  options: CreateIncidentReportOptions = {},
): IncidentReport {
  // The language first, so that a refusal of the facts is said in it too.
  const locale = requestedLocale(options);
  const given = parseInputIn(locale, CreateIncidentReportInputSchema, input, ['input']);
  const settings = parseInputIn(locale, CreateIncidentReportOptionsSchema, options, ['options']);
  const countries = providerCountries(given.provider);
  // The main establishment: its time zone and its law decide the assessment.
  const country = countries[0] ?? 'SE';
  // A time of sending nobody has confirmed does not choose the law: until it is confirmed, the law is
  // the one in force when the breach was detected (GDPR Art. 99(2); Art. 33(1) counts from awareness).
  const lawAt = given.occurredAtUnconfirmed === true ? given.detectedAt : given.occurredAt;
  // Each country's authority under each regime, the main establishment's first: each is notified
  // under its own law and by its own deadline (GDPR Art. 33(1); the UK GDPR's Art. 33(1)).
  const authorities = countries.flatMap((where) =>
    given.regimes.map((regime) =>
      findAuthority(
        { country: where, regime, at: lawAt },
        {
          ...(settings.authorities === undefined ? {} : { authorities: settings.authorities }),
        },
      ),
    ),
  );
  const filing = resolveFilings(given, authorities, settings.locale);
  refuseIssues(
    [
      ...unwritableDates(given, ['input'], settings.locale),
      ...oneStopShopIssues(countries, given.regimes, locale),
      ...filing.issues,
      ...(given.notifications?.flatMap((notification, index) => [
        ...impossibleMoments(
          {
            detectedAt: [given.detectedAt, ['input', 'detectedAt']],
            initialNotificationAt: [notification.at, ['input', 'notifications', index, 'at']],
          },
          settings.locale,
        ),
        // A filing dated after the report is written cannot be stated as made (as initialNotificationAt).
        ...(toDate(notification.at).getTime() > toDate(settings.now ?? new Date()).getTime()
          ? [
              {
                path: ['input', 'notifications', index, 'at'],
                message:
                  settings.locale === 'sv'
                    ? 'anmälan till tillsynsmyndigheten är daterad efter att rapporten skrevs'
                    : 'the notification to the authority is dated after the report is written',
              },
            ]
          : []),
      ]) ?? []),
      ...impossibleMoments(
        {
          occurredAt: [given.occurredAt, ['input', 'occurredAt']],
          detectedAt: [given.detectedAt, ['input', 'detectedAt']],
          initialNotificationAt: [given.initialNotificationAt, ['input', 'initialNotificationAt']],
          notifiedAt: [given.subscriberNotice?.notifiedAt, ['input', 'subscriberNotice', 'notifiedAt']],
        },
        settings.locale,
      ),
      ...contradictoryFacts(given, ['input'], settings.locale),
      ...contradictoryMeasures(given, ['input'], settings.locale),
      ...impossibleIncidentDates(incidentDatesOf(given, settings)),
      ...(given.misdirected
        ? sameMailboxIssue(
            given.misdirected.intended,
            given.misdirected.actual,
            ['input', 'misdirected', 'actual'],
            settings.locale,
          )
        : []),
    ],
    locale,
  );
  const iso = (value: DateInput) => toDate(value).toISOString();
  // Regulation 611/2013 Art. 2(3) counts from the first notification to the provider's authority.
  const eprivacyFiledAt =
    filing.filings.find((entry) => regimesOf(entry, authorities).includes('eprivacy'))?.at ??
    given.initialNotificationAt;
  const assess = (
    risk?: 'unlikely' | 'risk' | 'high',
    judged?: { notifyAuthority?: boolean; notifyDataSubjects?: boolean },
  ) =>
    assessBreach(
      {
        regimes: given.regimes,
        country,
        dataCategories: given.dataCategories,
        dataSubjects: given.dataSubjects,
        recipient: given.recipient,
        ...breachChannel(given.circumstances),
        ...pickFacts(given),
        // A child merits specific protection with regard to their personal data (GDPR Recital 38,
        // Art. 8(1); Recital 75 names children among the vulnerable): a child's data weighs as
        // vulnerable people's does, whether or not the caller said so.
        ...(given.customerMinor === true ? { vulnerableDataSubjects: true } : {}),
        occurredAt: lawAt,
        detectedAt: given.detectedAt,
        ...(eprivacyFiledAt === undefined ? {} : { initialNotificationAt: eprivacyFiledAt }),
      },
      {
        ...(settings.largeScale === undefined ? {} : { largeScale: settings.largeScale }),
        ...(settings.locale === undefined ? {} : { locale: settings.locale }),
        ...(settings.profile === undefined ? {} : { profile: settings.profile }),
        ...(settings.decisions === undefined ? {} : { decisions: settings.decisions }),
        ...(settings.now === undefined ? {} : { now: settings.now }),
        // Each country's authority is notified under its own law (GDPR Art. 33(1); UK GDPR Art. 33(1)).
        ...(countries.length > 1 ? { countries } : {}),
        ...(risk === undefined ? {} : { risk }),
        ...(judged === undefined ? {} : { judged }),
        // Open while nobody has read the message and nobody has judged (see `provisional` below).
        ...(given.dataContentUnknown === true && given.judgment === undefined
          ? { conclusionsOpen: true }
          : {}),
        // Delivery not established: the reasons that rest on it say so as a condition.
        ...(given.misdirected?.unconfirmed === true && given.returnedUnopened !== true
          ? { deliveryUnconfirmed: true }
          : {}),
      },
    );
  const assessment = assess();
  const judgment = ((judged) => {
    if (judged === undefined) return undefined;
    const { at, ...rest } = judged;
    return { ...rest, ...optional('at', at === undefined ? undefined : iso(at)) };
  })(given.judgment);
  const decision = decide({
    computed: assessment,
    ...optional('rejudged', judgment?.risk === undefined ? undefined : assess(judgment.risk)),
    ...optional('judgment', judgment),
    authorities,
    // Computed from a message nobody could read: the data says so, as the renderings do.
    provisional: given.dataContentUnknown === true && judgment === undefined,
  });
  const notified = authorities.filter((finding) => decision.notifyAuthorityUnder.includes(finding.regime));
  refuseIssues(
    [
      ...filingsAgainstJudgment(
        { ...given, filings: filing.filings },
        { judgedNotNotified: judgment?.notifyAuthority === false, authorities, notified },
        settings.locale,
      ),
      ...ambiguousFilingTime(given, notified, settings.locale),
    ],
    locale,
  );
  // The precedents are compared with the conclusion that holds: after a judgment that the risk is
  // unlikely, a decision that found no notification needed supports the signed conclusion, it does not
  // go against it (GDPR Art. 5(2): the controller shows how it reached the conclusion it signs).
  const compared =
    judgment === undefined
      ? assessment
      : {
          ...assessment,
          precedents: assess(judgment.risk, {
            ...optional('notifyAuthority', judgment.notifyAuthority),
            ...optional('notifyDataSubjects', judgment.notifyDataSubjects),
          }).precedents,
        };
  // The people are told (required or as a courtesy), or the conclusion is not reached yet.
  const toldOrOpen =
    decision.notifyDataSubjects ||
    decision.provisional === true ||
    decision.provisionalUntilReviewed === true ||
    assessment.recommendations.some((entry) => entry.code === 'courtesy-notice');
  const holding = premisesHolding(given);
  const confirmed = given.recipientConfirmedDeletion === true;
  // Each usual measure for the channel, kept where the facts grant its premises (`measurePremises`,
  // the table the check of measures marked done follows too).
  const fitting = (ids: readonly MisdirectedEmailMeasureId[]) =>
    ids
      // Proposing to tell the customer would contradict the signer's judgment that they are not told,
      // and a conclusion that they are not told where the law does not require it and nothing
      // recommends it: the report, the measures and the notice then say the same.
      .filter((id) => id !== 'inform-customer' || judgment?.notifyDataSubjects !== false)
      .filter((id) => id !== 'inform-customer' || toldOrOpen)
      .filter((id) => deniedPremise(id, 'proposed', holding) === undefined)
      // Once the recipient confirmed the deletion there is nothing left to ask them for.
      .filter((id) => !(confirmed && isRequestMeasure(id)))
      .map((id) => ({ id, status: 'proposed' as const }));
  const givenMeasures = given.measures ?? [];
  // A confirmed deletion with no request to delete recorded as done is a measure of its own that says
  // the recipient confirmed it, and no more: that they were contacted and asked is not recorded, so
  // the report and the notice do not say it (GDPR Art. 5(1)(d); Art. 33(3)(d) the measures taken).
  const deletionRecorded = givenMeasures.some(
    (measure) =>
      measure.id === confirmedDeletionMeasureId ||
      (isRequestMeasure(measure.id) && measure.status === 'done'),
  );
  const outcome =
    confirmed && !deletionRecorded ? [{ id: confirmedDeletionMeasureId, status: 'done' as const }] : [];
  // The measures given are kept as given, and each usual proposal they do not name is added beside
  // them, still proposed: a measure the caller confirmed does not silence the others the law asks to
  // report as "taken or proposed" (GDPR Art. 33(3)(d); Regulation 611/2013 Annex I). One the caller
  // declined is among those given (`status: 'rejected'`), so it is not proposed again.
  // A request to the recipient that failed (a recall that did not work, nobody answering) leaves the
  // data where it went: asking them again, another way where there is one, is the next measure
  // (GDPR Art. 34(3)(b): measures that keep the risk from materialising).
  const requestFailed = givenMeasures.some(
    (measure) => isRequestMeasure(measure.id) && measure.status === 'failed',
  );
  const proposals = fitting([
    ...(channelMeasureIds[given.circumstances] ?? []),
    ...(requestFailed ? (['contact-recipient-again'] as const) : []),
  ]);
  const measures = [
    ...givenMeasures,
    ...outcome,
    ...proposals.filter((proposal) => !givenMeasures.some((measure) => measure.id === proposal.id)),
  ];
  const report: IncidentReport = {
    reference: given.reference,
    notification: given.notification ?? 'first',
    createdAt: iso(settings.now ?? new Date()),
    regimes: given.regimes,
    provider: given.provider,
    contact: given.contact,
    incident: {
      occurredAt: iso(given.occurredAt),
      ...optional('occurredAtEstimated', given.occurredAtEstimated),
      ...optional('occurredAtUnconfirmed', given.occurredAtUnconfirmed),
      detectedAt: iso(given.detectedAt),
      circumstances: given.circumstances,
      ...optional('description', given.description),
      ...optional('cause', given.cause),
      ...optional('misdirected', given.misdirected),
      ...optional('location', given.location),
    },
    data: {
      categories: given.dataCategories,
      ...optional('credentialKinds', given.credentialKinds),
      ...optional('content', given.dataContent),
      ...(given.dataContentUnknown === true ? { contentUnknown: true } : {}),
      ...optional('records', given.records),
      ...optional('complete', given.dataComplete),
      ...(given.unreadAttachments?.length ? { unreadAttachments: given.unreadAttachments } : {}),
    },
    affected: {
      dataSubjects: given.dataSubjects,
      ...optional('basis', given.dataSubjectsBasis),
      // Only what was stated: an answer the caller never gave is not made up (Annex I section 2).
      ...optional('otherMemberStates', given.otherMemberStates),
      ...optional('otherAuthoritiesNotified', given.otherAuthoritiesNotified),
      ...optional('minor', given.customerMinor),
      ...optional('guardianDetails', given.customerMinor === true ? given.guardianDetails : undefined),
      ...optional('namedOthers', given.namedOthers),
    },
    facts: {
      recipient: given.recipient,
      ...pickFacts(given),
      ...optional(
        'initialNotificationAt',
        given.initialNotificationAt === undefined ? undefined : iso(given.initialNotificationAt),
      ),
      ...optional('notifications', given.notifications === undefined ? undefined : filing.filings),
    },
    ...optional('consequences', given.consequences),
    ...optional('protectionApplied', given.protectionApplied),
    measures,
    ...optional('otherProviders', given.otherProviders),
    assessment: compared,
    authorities,
    ...optional('judgment', judgment),
    decision,
    ...optional(
      'timeline',
      given.timeline?.map((entry) => ({ ...entry, at: iso(entry.at) })),
    ),
    ...optional(
      'customerCall',
      given.customerCall === undefined
        ? undefined
        : { ...given.customerCall, at: iso(given.customerCall.at) },
    ),
    subscriberNotice: {
      // The notice follows the decision that holds, the officer's where they judged.
      required: decision.notifyDataSubjects,
      // The means recorded, never more: a call in which the caller checked who answered is a notice
      // by phone (a call to whoever picked up is not: EDPB Guidelines 9/2022 §18); a notice recorded
      // without its means has none to name. Before any notice, the usual means for a misdirected
      // e-mail are given, and the report marks them as proposed (Regulation 611/2013 Annex I section 2).
      means:
        given.subscriberNotice?.means ??
        (given.customerCall?.identityChecked === true
          ? ['phone']
          : given.subscriberNotice?.notifiedAt !== undefined
            ? []
            : given.circumstances === 'misdirected-email'
              ? [...proposedMeans]
              : []),
      ...optional('notifiedCount', given.subscriberNotice?.notifiedCount),
      ...optional('notifiedAt', given.subscriberNotice?.notifiedAt),
      ...optional('content', given.subscriberNotice?.content),
    },
    ...optional('summary', given.summary),
  };
  // The report is checked as a whole too: what the caller passed must also make a valid report.
  return parseInputIn(locale, IncidentReportSchema, report, ['report']);
}

/**
 * The usual measures proposed for each channel, before their premises are checked. A text message
 * carries no address to correct or message to recall by mail: what is proposed is to make the link or
 * code it carried useless to whoever read it. A letter is asked back or destroyed, and the postal
 * address corrected (EDPB Guidelines 01/2021 Case No. 16 on a letter in the wrong envelope).
 */
const channelMeasureIds: Readonly<Record<string, readonly MisdirectedEmailMeasureId[] | undefined>> = {
  'misdirected-sms': ['invalidate-login'],
  'misdirected-email': misdirectedEmailMeasureIds.filter(
    (id) =>
      id !== 'return-or-destroy-letter' &&
      id !== 'correct-postal-address' &&
      id !== 'contact-recipient-again',
  ),
  'misdirected-post': [
    'return-or-destroy-letter',
    'correct-postal-address',
    'profile-note',
    'invalidate-login',
    'inform-customer',
    'seller-feedback',
  ],
};

/**
 * Two countries of the EU/EEA under the GDPR: a breach of an organisation established in several goes
 * to the lead authority of its main establishment alone (GDPR Art. 56(1), the one-stop shop), so a
 * second authority there would be notified under no rule. A provider's e-privacy filings are national
 * (Directive 2002/58/EC Art. 4(3)), and a country outside (the United Kingdom) has its own law.
 */
function oneStopShopIssues(
  countries: readonly string[],
  regimes: readonly string[],
  locale: 'sv' | 'en',
): InputIssue[] {
  const inside = countries.filter((country) => gdprCountries.has(country));
  if (!regimes.includes('gdpr') || inside.length < 2) return [];
  return [
    {
      path: ['input', 'provider', 'countries'],
      message:
        locale === 'sv'
          ? `${inside.join(', ')} ligger alla i EU/EES: enligt dataskyddsförordningen anmäls incidenten bara till den ansvariga myndigheten i huvudetableringens land (artikel 56.1 i dataskyddsförordningen); ange huvudetableringen i country och de berörda i andra medlemsstater i otherMemberStates`
          : `${inside.join(', ')} are all in the EU/EEA: under the GDPR the breach is notified to the lead authority of the main establishment alone (GDPR Art. 56(1)); give the main establishment as country, and the people in other member states in otherMemberStates`,
    },
  ];
}

/** The means proposed for telling the customer of a misdirected e-mail, before any notice is given. */
export const proposedMeans = ['phone', 'email'] as const;

type Given = z.output<typeof CreateIncidentReportInputSchema>;

/** The circumstances among the input, exactly those `BreachCircumstancesSchema` knows. */
function pickFacts(given: Given) {
  // The keys the schema names, so this follows the schema as it grows.
  return pickCircumstances(given);
}

/** `{ [key]: value }` when the value is defined, `{}` otherwise (exactOptionalPropertyTypes). */
function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}
