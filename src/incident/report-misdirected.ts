import { z } from 'zod';
import type { InputIssue } from '../errors.js';
import { AddressSchema } from './address-schema.js';
import {
  type AssessmentProfile,
  AssessmentProfileSchema,
  type BreachAssessment,
  BreachCircumstancesSchema,
  BreachFactsSchema,
} from './assess-breach.js';
import { type CredentialKind, pickCircumstances } from './breach-facts.js';
import {
  type BuildCustomerNoticeOptions,
  buildCustomerNotice,
  type EmailNotice,
  type PhoneScript,
} from './build-customer-notice.js';
import { CreateIncidentReportInputSchema, createIncidentReport } from './create-incident-report.js';
import { customerMinor } from './customer-minor.js';
import { DataCategorySchema } from './data/data-categories.js';
import type { OrderTerm } from './data/order-terms.js';
import { type DateInput, DateInputSchema } from './date-input.js';
import type { PersonalDataKind } from './find-personal-data.js';
import {
  actualRecipientIssue,
  impossibleIncidentDates,
  impossibleMoments,
  intendedNotKnownIssue,
  isSameMailbox,
  occurredBeforeSending,
  refuseIssues,
  sameMailboxIssue,
} from './impossible-facts.js';
import { incidentDatesOf } from './incident-dates-of.js';
import {
  ContactPointSchema,
  IncidentReferenceSchema,
  type IncidentReport,
  MeasureSchema,
  ProviderSchema,
  providerCountries,
} from './incident-report.js';
import {
  IncidentCustomerSchema,
  inventoryMessage,
  type MessageInventory,
  type MessageSource,
  withoutClearedReview,
} from './inventory-message.js';
import { LocaleSchema, TimeZoneSchema } from './option-schemas.js';
import { parseInputIn, requestedLocale } from './parse-input-in.js';
import { type ReviewItem, unreadContent } from './review-item.js';
import { dateDecidesLaw, unconfirmedDateItem } from './unconfirmed-sending-date.js';

/**
 * The facts of a confirmation that reached the wrong address, as {@link reportMisdirected} reads them.
 *
 * @example
 * ```ts
 * ReportMisdirectedInputSchema.safeParse({ intended: 'anna@example.se' }).success; // false
 * ```
 */
export const ReportMisdirectedInputSchema = BreachCircumstancesSchema.extend({
  /** The message as sent: raw RFC 5322 text or bytes, or mailparser's parsed message. */
  message: z
    .custom<MessageSource>((value) => value !== undefined && value !== null, 'the sent message')
    .refine((value) => !isEmptyMessage(value), 'the sent message is empty'),
  /** The address the message was meant for. */
  intended: AddressSchema,
  /** The address it went to. */
  actual: AddressSchema,
  /**
   * Nothing recorded shows that `actual` exists, belongs to anyone or received the message (an
   * address found by an audit of sent mail): the report and notices say it may have reached someone.
   * @default false
   */
  unconfirmed: z.boolean().optional(),
  customer: IncidentCustomerSchema,
  organisation: ProviderSchema.extend({
    contact: ContactPointSchema,
    /** @default ['gdpr'] */
    regimes: BreachFactsSchema.shape.regimes.optional(),
  }),
  reference: IncidentReferenceSchema,
  detectedAt: DateInputSchema,
  /** @default the message's Date header */
  occurredAt: DateInputSchema.optional(),
  occurredAtEstimated: z.boolean().optional(),
  /** @default 'unknown-individual' */
  recipient: BreachFactsSchema.shape.recipient.optional(),
  /** @default the number of people the message shows (`inventory.people.count`), at least 1 */
  dataSubjects: z.number().int().positive().optional(),
  /** Categories found by hand (in a PDF attachment, say), added to those the inventory found. */
  dataCategories: z.array(DataCategorySchema).optional(),
  /** What credentials found by hand are, added to those the inventory found (see `credentialKinds`). */
  credentialKinds: BreachFactsSchema.shape.credentialKinds,
  /** The measures taken, planned or declined; the usual proposals not among them are added (see `createIncidentReport`). */
  measures: z.array(MeasureSchema).optional(),
  cause: z.string().min(1).optional(),
  consequences: z.string().min(1).optional(),
  otherMemberStates: z.array(z.string()).optional(),
  /** The officer's judgment, with who and why (see `createIncidentReport`). */
  judgment: CreateIncidentReportInputSchema.shape.judgment,
  /** What happened when and who did it. */
  timeline: CreateIncidentReportInputSchema.shape.timeline,
  /** The call to the customer and their answers. */
  customerCall: CreateIncidentReportInputSchema.shape.customerCall,
  /** When the first notification reached the authority, where the breach concerns one authority only. */
  initialNotificationAt: DateInputSchema.optional(),
  /** The first filing with each authority (`PTS`, `IMY`), where the breach concerns several. */
  notifications: CreateIncidentReportInputSchema.shape.notifications,
  // The other facts a person can know, as createIncidentReport reads them (one schema, not a copy);
  // what the message itself tells (circumstances, misdirected, the data read from it) is not among them.
  description: CreateIncidentReportInputSchema.shape.description,
  location: CreateIncidentReportInputSchema.shape.location,
  dataContent: CreateIncidentReportInputSchema.shape.dataContent,
  records: CreateIncidentReportInputSchema.shape.records,
  otherAuthoritiesNotified: CreateIncidentReportInputSchema.shape.otherAuthoritiesNotified,
  protectionApplied: CreateIncidentReportInputSchema.shape.protectionApplied,
  otherProviders: CreateIncidentReportInputSchema.shape.otherProviders,
  /** How and when the customer was told (GDPR Art. 34, Regulation 611/2013 Art. 3). */
  subscriberNotice: CreateIncidentReportInputSchema.shape.subscriberNotice,
  summary: CreateIncidentReportInputSchema.shape.summary,
});

/** The input of {@link reportMisdirected} (see {@link ReportMisdirectedInputSchema}). */
export type ReportMisdirectedInput = z.input<typeof ReportMisdirectedInputSchema>;

/** Options of {@link reportMisdirected}. */
export interface ReportMisdirectedOptions {
  /**
   * Language of the customer notices, the assessment's reasons and the inventory's notes.
   * @default 'en'
   */
  readonly locale?: 'sv' | 'en';
  /**
   * The moment the report is written.
   * @default new Date()
   */
  readonly now?: DateInput;
  /**
   * Values of the organisation in the message (support address and number) that are not personal data.
   * @default [organisation.contact.email, organisation.contact.phone, organisation.customerServicePhone, organisation.noticeFrom]
   */
  readonly ignore?: readonly string[];
  /**
   * The words that classify the message's order lines (passed to {@link inventoryMessage}). Order
   * lines none of them classifies are listed in `inventory.review` and, until a person has reviewed
   * them (pass `needsReview: []` among the facts), keep the assessment from concluding that nothing
   * need be reported.
   * @default defaultOrderTerms
   */
  readonly orderTerms?: readonly OrderTerm[];
  /**
   * The reading where authorities disagree (passed to {@link assessBreach}).
   * @default 'default'
   */
  readonly profile?: AssessmentProfile;
  /**
   * The IANA time zone the notices write times in (passed to {@link buildCustomerNotice}). It never
   * changes which law applied: the day a law took effect is read where the organisation is.
   * @default the zone of the organisation's country (Europe/London for GB), else 'Europe/Stockholm'
   */
  readonly timeZone?: string;
}

export const ReportMisdirectedOptionsSchema = z.object({
  locale: LocaleSchema.optional(),
  now: DateInputSchema.optional(),
  ignore: z.array(z.string()).optional(),
  orderTerms: z.array(z.unknown()).optional(),
  profile: AssessmentProfileSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
});

/** Everything {@link reportMisdirected} produces. */
export interface MisdirectedReport {
  readonly inventory: MessageInventory;
  readonly assessment: BreachAssessment;
  readonly report: IncidentReport;
  readonly notices: { readonly email: EmailNotice; readonly phoneScript: PhoneScript };
}

/**
 * The one call for a confirmation that reached the wrong person: reads the sent message for the
 * personal data it exposed, assesses the breach, writes the report (with the usual measures
 * proposed) and the notices to the customer. Throws {@link InvalidInputError} for missing facts, for
 * an `intended` address that is none of `customer.emails` where the record holds any (field
 * `input.intended`), for an `actual` address the message was not sent to (field `input.actual`) and for a message that names
 * no recipient, against which `actual` cannot be checked (field `input.message`, issue code
 * `message-names-no-recipient`), and {@link MessageUnreadableError} for a message that cannot be read.
 *
 * @example
 * ```ts
 * const result = await reportMisdirected({
 *   message: readFileSync('examples/data/orderbekraftelse.eml'),
 *   intended: 'anna.svensson1985@gmail.com',
 *   actual: 'anna.svensson185@gmail.com',
 *   customer: { id: '4711023', name: 'Anna Svensson' },
 *   organisation: {
 *     name: 'Nordkabel AB',
 *     regimes: ['eprivacy', 'gdpr'],
 *     contact: { name: 'Dataskyddsombud', email: 'dpo@nordkabel.se', phone: '+46 8 123 456 00' },
 *   },
 *   reference: 'INC-2018-0042',
 *   detectedAt: '2018-02-23T13:45:00+01:00',
 * });
 * result.assessment.deadlines; // 24 hours under Regulation 611/2013 Art. 2(2), ...
 * ```
 */
export async function reportMisdirected(
  input: ReportMisdirectedInput,
  options: ReportMisdirectedOptions = {},
): Promise<MisdirectedReport> {
  // The language first, so that a refusal of the facts is said in it too.
  const locale = requestedLocale(options);
  const given = parseInputIn(locale, ReportMisdirectedInputSchema, input, ['input']);
  const settings = parseInputIn(locale, ReportMisdirectedOptionsSchema, options, ['options']);
  refuseIssues(
    [
      ...sameMailboxIssue(given.intended, given.actual, ['input', 'actual'], locale),
      ...intendedNotKnownIssue(given.intended, given.customer.emails, ['input', 'intended'], locale),
    ],
    locale,
  );
  const ignore = settings.ignore ?? organisationValues(given.organisation);
  const inventory = await inventoryMessage(given.message, {
    customer: given.customer,
    ignore,
    locale,
    ...(options.orderTerms === undefined ? {} : { orderTerms: options.orderTerms }),
    ...(given.dataSubjects === undefined ? {} : { dataSubjects: given.dataSubjects }),
  });
  refuseIssues(
    [
      ...actualRecipientIssue(inventory.recipients, given.actual, ['input'], locale),
      ...fewerPeopleThanShown(
        inventory,
        recipientCount(inventory.recipients, ignore),
        given.dataSubjects,
        locale,
      ),
    ],
    locale,
  );
  const { report, notices, notes } = await reportFromInventory(given, inventory, settings, {
    circumstances: 'misdirected-email',
    misdirected: {
      intended: given.intended,
      actual: given.actual,
      ...(inventory.subject === undefined ? {} : { subject: inventory.subject }),
      ...(given.unconfirmed === true ? { unconfirmed: true } : {}),
      ...recipientCount(inventory.recipients, ignore),
      ...intendedAmongGroup(inventory, given.intended, ignore),
    },
  });
  const reviewed = reviewedInventory(given, inventory, locale);
  return {
    inventory: notes.length === 0 ? reviewed : { ...reviewed, notes: [...reviewed.notes, ...notes] },
    assessment: report.assessment,
    report,
    notices: {
      email: notices.email,
      phoneScript: notices.phoneScript,
    },
  };
}

/**
 * `{ recipients }`, the number of different addresses the message was sent to, leaving out the
 * organisation's own (`ignore`), where it is more than one (see `incident.misdirected.recipients`).
 */
/**
 * A number of people below the addresses a message sent to many at once showed (in To or Cc instead
 * of Bcc): each address seen is a person whose address was disclosed (EDPB Guidelines 01/2021, Case
 * No. 15), so a smaller count contradicts the message and would be stated in the report, the notice
 * and the register as if the message said it (GDPR Art. 33(3)(a), Art. 5(1)(d)). Left out, the count
 * is read from the message.
 */
function fewerPeopleThanShown(
  inventory: MessageInventory,
  group: { recipients?: number },
  dataSubjects: number | undefined,
  locale: 'sv' | 'en',
): InputIssue[] {
  const shown = inventory.people.category === 'email-address' ? inventory.people.count : undefined;
  if (group.recipients === undefined || shown === undefined || dataSubjects === undefined) return [];
  if (dataSubjects >= shown) return [];
  return [
    {
      path: ['input', 'dataSubjects'],
      message:
        locale === 'sv'
          ? `${dataSubjects} är färre än de ${shown} olika e-postadresser som meddelandet visade för alla mottagare; var och en är en person vars adress röjdes: ange minst ${shown}, eller utelämna dataSubjects så räknas de från meddelandet`
          : `${dataSubjects} is fewer than the ${shown} different e-mail addresses the message showed to everyone who received it; each is a person whose address was disclosed: give at least ${shown}, or leave dataSubjects out to count them from the message`,
    },
  ];
}

/**
 * `{ intendedAddressShown: false }` where the message went to many at once (see {@link recipientCount})
 * and the customer it was meant for was not shown among them: the others saw the customer's data, not
 * the customer's address, and the customer is a person concerned besides every address shown (GDPR
 * Art. 33(3)(a): the approximate number of data subjects concerned). A customer who received it only
 * in Bcc or through the envelope was not shown to anyone (RFC 5322 §3.6.3).
 */
function intendedAmongGroup(
  inventory: Pick<MessageInventory, 'recipients' | 'shownRecipients'>,
  intended: string,
  ignore: readonly string[],
): { intendedAddressShown?: false } {
  if (recipientCount(inventory.recipients, ignore).recipients === undefined) return {};
  return inventory.shownRecipients.some((address) => isSameMailbox(address, intended))
    ? {}
    : { intendedAddressShown: false };
}

function recipientCount(addresses: readonly string[], ignore: readonly string[]): { recipients?: number } {
  const own = new Set(ignore.map((value) => value.toLowerCase()));
  const count = new Set(
    addresses.map((address) => address.toLowerCase()).filter((address) => !own.has(address)),
  ).size;
  return count > 1 ? { recipients: count } : {};
}
/** The organisation's own contact values in a message, which are not personal data (the `ignore` default). */
export function organisationValues(organisation: MisdirectedFacts['organisation']): string[] {
  return [
    organisation.contact.email,
    organisation.contact.phone,
    ...(organisation.customerServicePhone ? [organisation.customerServicePhone] : []),
    ...(organisation.noticeFrom ? [organisation.noticeFrom] : []),
  ];
}

/** What tells one channel's report from another's (see {@link reportFromInventory}). */
export interface MisdirectedChannel {
  readonly circumstances: 'misdirected-email' | 'misdirected-sms';
  readonly misdirected?: {
    readonly intended: string;
    readonly actual: string;
    readonly subject?: string;
    readonly intendedAddressShown?: false;
  };
  /** The description of what happened, when the caller gave none. */
  readonly description?: string;
  /** The customer's e-mail address for the notice; without it, and without `misdirected`, no e-mail notice. */
  readonly noticeTo?: string;
}

/** The facts {@link reportFromInventory} reads: a report input without the message and its addresses. */
export type MisdirectedFacts = Omit<
  z.output<typeof ReportMisdirectedInputSchema>,
  'message' | 'intended' | 'actual'
>;

/** A channel that says where the e-mail notice goes: the intended address, or `noticeTo`. */
type ChannelWithNoticeAddress = MisdirectedChannel &
  ({ readonly misdirected: NonNullable<MisdirectedChannel['misdirected']> } | { readonly noticeTo: string });

/**
 * The inventory as returned with the report: once the caller cleared the review (`needsReview: []`,
 * nothing left to review), its notes no longer ask for one (see {@link withoutClearedReview}).
 */
export function reviewedInventory(
  given: { readonly needsReview?: readonly unknown[] | undefined; readonly dataCategories?: unknown },
  inventory: MessageInventory,
  locale: 'sv' | 'en',
): MessageInventory {
  if (given.needsReview === undefined || given.needsReview.length > 0) return inventory;
  return withoutClearedReview(inventory, { attachmentsRead: given.dataCategories !== undefined }, locale);
}
/**
 * The report and notices from the facts and what the message showed, for every channel: the date
 * checks, the report and the notices are the same whether an e-mail or a text message went wrong.
 * A channel that names an address for the notice (the intended one, or `noticeTo`) always gets the
 * e-mail notice; one that names none gets only the phone script.
 */
export async function reportFromInventory(
  given: MisdirectedFacts,
  inventory: MessageInventory,
  settings: z.output<typeof ReportMisdirectedOptionsSchema>,
  channel: ChannelWithNoticeAddress,
): Promise<{
  report: IncidentReport;
  notices: { email: EmailNotice; phoneScript: PhoneScript };
  notes: string[];
}>;
export async function reportFromInventory(
  given: MisdirectedFacts,
  inventory: MessageInventory,
  settings: z.output<typeof ReportMisdirectedOptionsSchema>,
  channel: MisdirectedChannel,
): Promise<{
  report: IncidentReport;
  notices: { email?: EmailNotice; phoneScript: PhoneScript };
  notes: string[];
}>;
export async function reportFromInventory(
  given: MisdirectedFacts,
  inventory: MessageInventory,
  settings: z.output<typeof ReportMisdirectedOptionsSchema>,
  channel: MisdirectedChannel,
): Promise<{
  report: IncidentReport;
  notices: { email?: EmailNotice; phoneScript: PhoneScript };
  notes: string[];
}> {
  const locale = settings.locale ?? 'en';
  // An attachment nobody could read (an encrypted archive, an unknown type) may hold anything: like an
  // order line no term classifies, it keeps the assessment from concluding that nothing need be
  // reported until a person says what it held (dataCategories) and clears the review (needsReview: []).
  const unread = inventory.attachments
    .filter((attachment) => !attachment.inspected)
    .map(
      ({ filename, contentType }): ReviewItem => ({
        code: 'unread-attachment',
        values: { ...(filename ? { filename } : {}), contentType },
      }),
    );
  const found = new Set([...inventory.categories, ...(given.dataCategories ?? [])]);
  const needsReview = given.needsReview ?? [
    ...inventory.review.map((line): ReviewItem => ({ code: 'order-line', values: { line } })),
    ...unread,
    ...(found.size === 0 ? [unreadContent] : []),
  ];
  const occurredAt = given.occurredAt ?? inventory.sentAt;
  // The main establishment's: its time zone reads the dates (see `providerCountries`).
  const [country = 'SE'] = providerCountries(given.organisation);
  const unconfirmed =
    given.occurredAt === undefined &&
    inventory.sentAt !== undefined &&
    dateDecidesLaw(inventory.sentAt, given.detectedAt, country, settings.timeZone);
  // A Date header is written by the sender's clock: one before the GDPR applied on a breach detected
  // after (a server at 1 January 1970) would alone decide that no Art. 33 duty existed. It is listed for
  // a person to confirm, and the law is read as on the day of detection until they do.
  const review = [
    ...needsReview,
    ...(unconfirmed ? [unconfirmedDateItem(inventory.sentAt as DateInput, country)] : []),
  ];
  if (occurredAt === undefined) {
    // Without a Date header the time of sending must come from the caller (Annex I needs it).
    parseInputIn(locale, DateInputSchema, undefined, ['input', 'occurredAt']);
  }
  // The date checks of createIncidentReport, made here so that a time read from the message's Date
  // header is named as the message, not as an occurredAt the caller never gave.
  if (occurredAt !== undefined) {
    const fromMessage = given.occurredAt === undefined;
    refuseIssues(
      [
        ...impossibleMoments(
          {
            occurredAt: [occurredAt, ['input', 'occurredAt']],
            detectedAt: [given.detectedAt, ['input', 'detectedAt']],
            initialNotificationAt: [given.initialNotificationAt, ['input', 'initialNotificationAt']],
          },
          locale,
        ),
        ...impossibleIncidentDates(incidentDatesOf({ ...given, occurredAt }, { ...settings, locale })),
        ...(given.occurredAt === undefined || inventory.sentAt === undefined
          ? []
          : occurredBeforeSending({
              occurredAt: given.occurredAt,
              sentAt: inventory.sentAt,
              path: ['input', 'occurredAt'],
              locale,
            })),
      ].map((issue) =>
        fromMessage && issue.path.join('.') === 'input.occurredAt'
          ? {
              path: ['input', 'message'],
              message: `${locale === 'sv' ? 'meddelandets Date-fält' : "the message's Date header"}: ${issue.message}`,
            }
          : issue,
      ),
      locale,
    );
  }
  const { contact, regimes, ...provider } = given.organisation;
  // A child's notice is for the guardian to read (see `affected.minor`).
  const minor = customerMinor(given.customer, given.detectedAt, country, settings.timeZone);
  const people = peopleConcerned(
    inventory.people,
    minor,
    channel.misdirected?.intendedAddressShown === false,
  );
  const guardianDetails = minor === true ? inventory.guardianDetails : undefined;
  const report = createIncidentReport(
    {
      reference: given.reference,
      provider,
      contact,
      regimes: regimes ?? ['gdpr'],
      occurredAt: occurredAt ?? given.detectedAt,
      ...(given.occurredAtEstimated === undefined ? {} : { occurredAtEstimated: given.occurredAtEstimated }),
      ...(unconfirmed ? { occurredAtUnconfirmed: true } : {}),
      detectedAt: given.detectedAt,
      ...(minor === undefined ? {} : { customerMinor: minor }),
      ...(guardianDetails === undefined
        ? {}
        : {
            guardianDetails: {
              categories: [...guardianDetails.categories],
              onlyTheirs: [...guardianDetails.onlyTheirs],
            },
          }),
      ...(inventory.namedOthers === undefined
        ? {}
        : {
            namedOthers: {
              people: inventory.namedOthers.people.map((person) => ({
                ...person,
                categories: [...person.categories],
              })),
              onlyTheirs: [...inventory.namedOthers.onlyTheirs],
            },
          }),
      circumstances: channel.circumstances,
      ...(channel.misdirected === undefined ? {} : { misdirected: channel.misdirected }),
      // Nothing recognised in the message, and nothing given: what it held is not yet known, and no
      // conclusion not to notify stands until a person has read it (GDPR Art. 33(5); Art. 33(4)
      // allows the facts in phases).
      ...(found.size === 0
        ? {
            dataContent:
              locale === 'sv'
                ? 'Vilka personuppgifter meddelandet innehöll är inte känt ännu: inga kunde kännas igen i det, och en person måste läsa det och ange vad det innehöll.'
                : 'Which personal data the message held is not yet known: none could be recognised in it, and a person must read it and record what it held.',
          }
        : {}),
      dataCategories: found.size === 0 ? ['other'] : [...found],
      ...credentialKindsOf(inventory, given.credentialKinds),
      ...(found.size === 0 ? { dataContentUnknown: true } : {}),
      // Read by patterns from free text, the list may miss something, and is not given as complete.
      dataComplete: false,
      // Without a number given, the message's own count: a list of customers attached is many people.
      dataSubjects: given.dataSubjects ?? people.count,
      dataSubjectsBasis: {
        from: given.dataSubjects !== undefined ? 'given' : people.from,
        ...(inventory.people.category === undefined
          ? {}
          : { message: { count: inventory.people.count, category: inventory.people.category } }),
        ...(minor === undefined
          ? pickDefined({ labelledGuardians: inventory.people.labelledGuardians })
          : {}),
      },
      // What the inventory could not read is named, so the report does not list the contents as complete.
      unreadAttachments: inventory.attachments
        .filter((attachment) => !attachment.inspected)
        .map((attachment) => ({
          ...(attachment.filename ? { filename: attachment.filename } : {}),
          contentType: attachment.contentType,
          // The review cleared (`needsReview: []`) with the data given: a person read it and said what it held.
          ...(given.needsReview !== undefined && given.dataCategories !== undefined
            ? { reviewed: true }
            : {}),
        })),
      recipient: given.recipient ?? 'unknown-individual',
      // Exactly the circumstances the caller gave.
      ...pickCircumstances(given),
      ...(review.length > 0 ? { needsReview: review } : {}),
      ...pickDefined({
        measures: given.measures,
        cause: given.cause,
        consequences: given.consequences,
        otherMemberStates: given.otherMemberStates,
        judgment: given.judgment,
        timeline: given.timeline,
        customerCall: given.customerCall,
        initialNotificationAt: given.initialNotificationAt,
        notifications: given.notifications,
        description: given.description ?? channel.description,
        location: given.location,
        dataContent: given.dataContent,
        records: given.records,
        otherAuthoritiesNotified: given.otherAuthoritiesNotified,
        protectionApplied: given.protectionApplied,
        otherProviders: given.otherProviders,
        subscriberNotice: given.subscriberNotice,
        summary: given.summary,
      }),
    },
    {
      locale,
      ...(settings.now === undefined ? {} : { now: settings.now }),
      ...(settings.profile === undefined ? {} : { profile: settings.profile }),
    },
  );
  const customerAddress = channel.noticeTo ?? channel.misdirected?.intended;
  // A child's notice is looked for a guardian's address even where the customer has none of their own.
  const addressed =
    customerAddress === undefined && minor !== true
      ? undefined
      : noticeAddress(
          minor === true,
          customerAddress,
          given.customer.guardianEmail,
          guardianDetails,
          channel,
        );
  const [email, phoneScript] = await Promise.all([
    addressed?.to === undefined ? undefined : noticeTo(report, given, settings, addressed.to),
    buildCustomerNotice(report, { ...noticeCommon(given, settings), channel: 'phone-script' }),
  ]);
  return {
    report,
    notices: { ...(email === undefined ? {} : { email }), phoneScript },
    notes: addressed?.note === undefined ? [] : [addressed.note[locale]],
  };
}

/**
 * Where the e-mail notice goes, and what to tell the caller about it. A child's notice is for the
 * guardian, who acts for the child (GDPR Art. 8(1), Recital 38; föräldrabalken 6 kap. 11 §): it goes
 * to the guardian's address given with the customer, else to the one the message labels as the
 * guardian's; without either it stays at the customer's own address, and the note says it must
 * still reach the guardian. A guardian's address that is the mailbox that wrongly received the
 * message is never used. A child with no address of their own (a text message's customer without
 * `emails`) gets the notice at the guardian's, or none by e-mail, and the note says so.
 */
function noticeAddress(
  minor: boolean,
  customerAddress: string | undefined,
  given: string | undefined,
  labelled: MessageInventory['guardianDetails'],
  channel: MisdirectedChannel,
): { to?: string; note?: Readonly<Record<'sv' | 'en', string>> } {
  if (!minor) return customerAddress === undefined ? {} : { to: customerAddress };
  const actual = channel.misdirected?.actual;
  const usable = (address: string | undefined) =>
    address !== undefined && (actual === undefined || !isSameMailbox(address, actual)) ? address : undefined;
  const fromMessage = labelled?.emails.find((address) => usable(address) !== undefined);
  const guardian = usable(given) ?? fromMessage;
  if (guardian === undefined) {
    if (customerAddress === undefined)
      return {
        note: {
          sv: 'Meddelandet till kunden är skrivet till ett barns vårdnadshavare, men varken barnets eller en vårdnadshavares e-postadress är känd: det finns bara samtalsmanuset. Se till att det når vårdnadshavaren (ange customer.guardianEmail, eller ring vårdnadshavaren).',
          en: "The notice is written to a child's guardian, but neither the child's nor a guardian's e-mail address is known: there is only the phone script. Make sure it reaches the guardian (give customer.guardianEmail, or call the guardian).",
        },
      };
    return {
      to: customerAddress,
      note: {
        sv: `Meddelandet till kunden är skrivet till ett barns vårdnadshavare, men ingen vårdnadshavares e-postadress är känd: det går till barnets egen adress ${customerAddress}. Se till att det når vårdnadshavaren (ange customer.guardianEmail, eller kontakta vårdnadshavaren på annat sätt).`,
        en: `The notice is written to a child's guardian, but no guardian's e-mail address is known: it goes to the child's own address ${customerAddress}. Make sure it reaches the guardian (give customer.guardianEmail, or reach the guardian another way).`,
      },
    };
  }
  const source =
    guardian === usable(given)
      ? { sv: 'angiven som customer.guardianEmail', en: 'given as customer.guardianEmail' }
      : { sv: 'märkt som vårdnadshavarens i meddelandet', en: "labelled as the guardian's in the message" };
  // Each guardian may act for the child (föräldrabalken 6 kap. 13 §: joint custody): the one notice
  // goes to one address, and every other guardian's labelled address is named as not sent to, so
  // none is dropped without a word.
  const others = [
    ...new Set(
      (labelled?.emails ?? []).filter(
        (address) => usable(address) !== undefined && !isSameMailbox(address, guardian),
      ),
    ),
  ];
  const rest =
    others.length === 0
      ? { sv: '', en: '' }
      : {
          sv: ` Meddelandet märker även ${others.join(', ')} som vårdnadshavares adress: dit har meddelandet inte skickats, eftersom det går till en adress (den som är angiven, annars den första i meddelandet); skicka en kopia dit om vårdnadshavaren också ska underrättas.`,
          en: ` The message also labels ${others.join(', ')} as a guardian's address: the notice is not sent there, since it goes to one address (the one given, else the first in the message); send a copy there if that guardian is to be told too.`,
        };
  return {
    to: guardian,
    note: {
      sv: `Meddelandet till kunden är skrivet till ett barns vårdnadshavare: det går till vårdnadshavarens adress ${guardian} (${source.sv})${customerAddress === undefined ? '' : `, inte till barnets ${customerAddress}`}.${rest.sv}`,
      en: `The notice is written to a child's guardian: it goes to the guardian's address ${guardian} (${source.en})${customerAddress === undefined ? '' : `, not to the child's ${customerAddress}`}.${rest.en}`,
    },
  };
}

function noticeCommon(
  given: MisdirectedFacts,
  settings: z.output<typeof ReportMisdirectedOptionsSchema>,
): Partial<BuildCustomerNoticeOptions<'email'>> {
  return {
    locale: settings.locale ?? 'en',
    ...(settings.timeZone === undefined ? {} : { timeZone: settings.timeZone }),
    ...(given.customer.name === undefined ? {} : { customerName: given.customer.name }),
  };
}

/** The e-mail notice, to `to` or, without it, to the report's intended address. */
function noticeTo(
  report: IncidentReport,
  given: MisdirectedFacts,
  settings: z.output<typeof ReportMisdirectedOptionsSchema>,
  to: string | undefined,
): Promise<EmailNotice> {
  return buildCustomerNotice(report, {
    ...noticeCommon(given, settings),
    channel: 'email',
    ...(to === undefined ? {} : { to }),
  });
}

function pickDefined<Shape extends Record<string, unknown>>(
  shape: Shape,
): { [Key in keyof Shape]?: Exclude<Shape[Key], undefined> } {
  return Object.fromEntries(Object.entries(shape).filter(([, value]) => value !== undefined)) as {
    [Key in keyof Shape]?: Exclude<Shape[Key], undefined>;
  };
}

/**
 * A message with nothing in it: no bytes, or only white space. Read on, it would have no Date
 * header and be reported as a missing time, which is not what is wrong with it.
 */
function isEmptyMessage(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === '';
  if (value instanceof Uint8Array) {
    // Space, tab, CR, LF: the bytes a blank message consists of.
    for (const byte of value)
      if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x0a) return false;
    return true;
  }
  return false;
}

/** The inventory's kind of each credential found, as the report names them (see `CredentialKindSchema`). */
const credentialKindByItemKind: Readonly<Partial<Record<PersonalDataKind, CredentialKind>>> = {
  password: 'password',
  'login-code': 'login-code',
  'password-reset-link': 'link',
  'account-link': 'link',
};

/**
 * `{ credentialKinds }` with what the message's credentials and those given by hand are, each once;
 * `{}` when neither names one, so a report never says what kind of credential it does not know.
 */
function credentialKindsOf(
  inventory: MessageInventory,
  given: readonly CredentialKind[] | undefined,
): { credentialKinds?: CredentialKind[] } {
  const kinds = new Set<CredentialKind>(given ?? []);
  for (const item of inventory.items) {
    const kind = item.category === 'credentials' ? credentialKindByItemKind[item.kind] : undefined;
    if (kind !== undefined) kinds.add(kind);
  }
  return kinds.size === 0 ? {} : { credentialKinds: [...kinds] };
}

/**
 * How many people the message is about, without a number given, and where that came from: the
 * message's own count, or, for a child (`minor`), the child and each guardian the message labels
 * with contact details of their own, where that is more (GDPR Art. 4(1): the guardian is a data
 * subject of their own; Art. 33(3)(a), the approximate number). A guardian's details among the
 * message's identifiers are already in its count: the larger number is kept, never the sum.
 */
function peopleConcerned(
  people: MessageInventory['people'],
  minor: boolean | undefined,
  intendedOutsideGroup: boolean,
): { count: number; from: 'message' | 'assumed' | 'labelled-guardian' } {
  const withGuardians = minor === true ? 1 + (people.labelledGuardians ?? 0) : 1;
  if (withGuardians > people.count) return { count: withGuardians, from: 'labelled-guardian' };
  // The customer a message to many was meant for, whose address was none of those shown, is one more.
  const outside = intendedOutsideGroup && people.category === 'email-address' ? 1 : 0;
  return { count: people.count + outside, from: people.category ? 'message' : 'assumed' };
}
