import { z } from 'zod';
import { AddressSchema } from './address-schema.js';
import {
  BreachAssessmentSchema,
  BreachCircumstancesSchema,
  RecipientSchema,
  RegimeSchema,
} from './assess-breach.js';
import { CredentialKindSchema, factsObject, meantFact } from './breach-facts.js';
import { CustomerCallSchema, TimelineEntrySchema } from './build-timeline.js';
import { DataCategorySchema } from './data/data-categories.js';
import { peopleCategories } from './data/people-categories.js';
import {
  confirmedDeletionMeasureId,
  isRequestMeasure,
  measureStatuses,
  misdirectedEmailMeasureIds,
  requestMeasureIds,
} from './data/report-texts.js';
import { AuthorityFindingSchema } from './find-authority.js';
import { hasOwnText } from './measure-own-text.js';
import { DecisionSchema, OfficerJudgmentSchema } from './officer-judgment.js';

const measureStatusSchema = z.enum(measureStatuses);

const Timestamp = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with Z or an offset' });

/**
 * The organisation's own reference for the incident, as in its register: the authority's form and the
 * customer notice quote it (Regulation 611/2013 Annex I section 1), so a blank one ("" or spaces) is
 * refused rather than printed empty. None is made up: only the organisation knows the number its
 * register gives the breach (GDPR Art. 33(5)).
 *
 * @example
 * ```ts
 * IncidentReferenceSchema.safeParse('   ').success; // false
 * ```
 */
export const IncidentReferenceSchema = z
  .string()
  .regex(/\S/, 'a reference that is not blank: the organisation’s own reference for the incident');

/**
 * One measure taken or proposed after the breach. A measure is stated as done only with `status:
 * 'done'`, and dated when `doneAt` records when (GDPR Art. 33(3)(d) asks for the measures "taken or
 * proposed": the report keeps the two apart).
 */
/**
 * The `code` of the issue for a measure id that is none of the usual ones and has no text of its
 * own; its `params` carry the `id` and, where one is near, the usual id it probably `meant`.
 */
export const UNKNOWN_MEASURE = 'unknown-measure';

export const MeasureSchema = factsObject({
  /** A usual measure's id (`recall-and-delete`, ...) or the caller's own. */
  id: z.string().min(1),
  /**
   * `proposed` until the caller confirms it was done (or plans it, or decides not to do it:
   * `rejected`). `failed`: it was tried and did not succeed (a recall that did not work, a recipient
   * who could not be reached), with its `reason`; after a failed request to the recipient the report
   * proposes `contact-recipient-again`. `awaiting-answer`: someone was asked (the recipient to delete
   * or return what they received) and has not answered yet; only for a measure that asks someone.
   */
  status: measureStatusSchema,
  /**
   * The caller's own wording, said as written in every language; without it (or `texts`) the usual
   * measure's text is used in the report's language.
   */
  text: z.string().min(1).optional(),
  /**
   * The caller's own wording per language, in place of `text`: each report and notice uses its own
   * language's. With only the other language's, the report prints that one and says so, and the
   * customer notice says a usual measure in its usual words and leaves one of your own out.
   */
  texts: factsObject({ sv: z.string().min(1).optional(), en: z.string().min(1).optional() })
    .refine((texts) => texts.sv !== undefined || texts.en !== undefined, {
      message: 'give the text in sv, en or both, or leave texts out',
    })
    .optional(),
  /**
   * Whether the customer notice says it too. A usual measure is said in the notice's own words; a
   * measure of your own is in the report only unless `true`, since its text is written for the
   * report: marked for the customer, its text is said to them as it stands (write it to them: "We
   * have ..."). It is never taken as telling the customer, which only a checked call or the notice
   * records (`customerCall`, `subscriberNotice.notifiedAt`).
   * @default true for a usual measure, false for one of your own
   */
  forCustomer: z.boolean().optional(),
  /** Why it was rejected or failed: only for a measure with `status: 'rejected'` or `'failed'`. */
  reason: z.string().min(1).optional(),
  /**
   * When it was done: only for a measure with `status: 'done'`, or when it was tried (`failed`) or
   * the request was made (`awaiting-answer`).
   */
  doneAt: z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with Z or an offset' }).optional(),
})
  // A usual measure's id is written out as its text in the report and the notice; an id that is none
  // of them and has no text of its own would be printed as it stands (`new-pasword`) to a customer.
  .superRefine((measure, context) => {
    if (
      hasOwnText(measure) ||
      measure.id === confirmedDeletionMeasureId ||
      (misdirectedEmailMeasureIds as readonly string[]).includes(measure.id)
    )
      return;
    const meant = meantFact(measure.id, misdirectedEmailMeasureIds);
    context.addIssue({
      code: 'custom',
      path: ['id'],
      // The id and the one it probably meant, for a message in the command's own language.
      params: { code: UNKNOWN_MEASURE, id: measure.id, ...(meant ? { meant } : {}) },
      message: meant
        ? `unknown measure "${measure.id}" (did you mean "${meant}"?); a measure of your own needs its text`
        : `unknown measure "${measure.id}"; the usual measures are ${misdirectedEmailMeasureIds.join(', ')}, and a measure of your own needs its text`,
    });
  })
  // One wording of the caller's own: `text` is said in every language, `texts` in each its own.
  .refine((measure) => measure.text === undefined || measure.texts === undefined, {
    path: ['texts'],
    message: 'give text (said as written in every language) or texts (per language), not both',
  })
  .refine(
    (measure) => measure.reason === undefined || measure.status === 'rejected' || measure.status === 'failed',
    {
      path: ['reason'],
      message:
        'only a rejected or failed measure has a reason here: set status "rejected" (decided not to do it) or "failed" (tried, did not succeed), or leave reason out',
    },
  )
  .refine(
    (measure) =>
      measure.doneAt === undefined ||
      measure.status === 'done' ||
      measure.status === 'failed' ||
      measure.status === 'awaiting-answer',
    {
      path: ['doneAt'],
      message: 'a measure that is not done has no done date: set status "done", or leave doneAt out',
    },
  )
  // Waiting for an answer is what a request to someone leads to; a measure the organisation carries
  // out itself (a corrected address, a new password) is done or not, and has nobody to answer.
  .refine(
    (measure) => measure.status !== 'awaiting-answer' || hasOwnText(measure) || isRequestMeasure(measure.id),
    {
      path: ['status'],
      message: `only a measure that asks someone can await an answer (${requestMeasureIds.join(', ')}, or one of your own with its text): set status "done", or use one of those`,
    },
  );
/** One measure (see {@link MeasureSchema}). */
export type Measure = z.infer<typeof MeasureSchema>;

/** The person or function the authority contacts (Regulation 611/2013 Annex I; GDPR Art. 33(3)(b)). */
export const ContactPointSchema = factsObject({
  name: z.string().min(1),
  role: z.string().min(1).optional(),
  email: AddressSchema,
  phone: z.string().min(1),
});

/** The provider or controller that reports. */
export const ProviderSchema = factsObject({
  name: z.string().min(1),
  organisationNumber: z.string().min(1).optional(),
  /** The customer service number the notice gives. */
  customerServicePhone: z.string().min(1).optional(),
  /** The address the customer notice is sent from. */
  noticeFrom: AddressSchema.optional(),
  /**
   * ISO 3166-1 alpha-2 code of the country of its (main) establishment, which decides the authority
   * and the law (GDPR Art. 56; Directive 2002/58/EC Art. 4(3)).
   * @default 'SE'
   */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166-1 code such as SE')
    .optional(),
  /**
   * Every country whose authorities the breach is notified to, where more than one: a Swedish shop
   * with customers in the United Kingdom notifies IMY under the GDPR and the ICO under the UK GDPR
   * (`['SE', 'GB']`), each by its own deadline. The main establishment is `country`, else the first
   * (it decides the time zone and the day a law took effect); `country` need not be repeated here.
   * Under the GDPR at most one of them is in the EU/EEA: there the breach goes to the lead authority
   * of the main establishment alone (GDPR Art. 56(1)), the people elsewhere in `otherMemberStates`.
   * @default [country]
   */
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166-1 code such as GB'))
    .min(1)
    .optional(),
});

/**
 * The countries whose authorities a provider's breach is notified to, the main establishment first,
 * each once (see `ProviderSchema`'s `countries`).
 */
export function providerCountries(provider: {
  readonly country?: string | undefined;
  readonly countries?: readonly string[] | undefined;
}): string[] {
  const main = provider.country ?? provider.countries?.[0] ?? 'SE';
  return [...new Set([main, ...(provider.countries ?? [])])];
}

/** The facts kept with the report so it can be assessed again and rendered in any language. */
export const ReportFactsSchema = BreachCircumstancesSchema.extend({
  recipient: RecipientSchema,
  /** The first notification, where the report concerns one authority only. */
  initialNotificationAt: Timestamp.optional(),
  /**
   * The first filing with each authority, one entry per authority as the caller named it; the
   * regimes it covers are read from `authorities`. Reports stored before kept one entry per regime,
   * with `regime`, and still read.
   */
  notifications: z
    .array(
      factsObject({
        authority: z.string().min(1),
        regime: RegimeSchema.optional(),
        at: Timestamp,
        reference: z.string().min(1).optional(),
      }),
    )
    .optional(),
});

/**
 * A personal-data breach report: the items of Regulation 611/2013 Annex I (sections 1 and 2) and of
 * GDPR Art. 33(3). Free-text fields are optional where the report can phrase them itself from the
 * structured facts, in the language it is rendered in.
 *
 * @example
 * ```ts
 * const stored = IncidentReportSchema.parse(JSON.parse(json)); // a report read back from storage
 * ```
 */
export const IncidentReportSchema = z.object({
  /** The internal reference number (Annex I; quoted to the customer). */
  reference: IncidentReferenceSchema,
  /** First notification, or a follow-up completing it (Regulation 611/2013 Art. 2(3)). */
  notification: z.enum(['first', 'follow-up']),
  /** When the report was written. */
  createdAt: Timestamp,
  regimes: z.array(RegimeSchema).min(1),
  provider: ProviderSchema,
  contact: ContactPointSchema,
  incident: z.object({
    occurredAt: Timestamp,
    /** The time of the incident is an estimate (Annex I: "if known; if necessary an estimate"). */
    occurredAtEstimated: z.boolean().optional(),
    /**
     * The time of the incident was read from the message's Date header, which puts it before the GDPR
     * applied although the breach was detected after: a date that would decide the law by itself is
     * not trusted, and the law is read as on the day of detection until the caller gives `occurredAt`.
     */
    occurredAtUnconfirmed: z.boolean().optional(),
    detectedAt: Timestamp,
    /** Annex I: circumstances of the breach (loss, theft, copying, a message to the wrong person). */
    circumstances: z.enum([
      'misdirected-email',
      'misdirected-post',
      // A text message to a wrong number: the same recipient reasoning as an e-mail; a one-time code
      // or login link in it is a credential (EDPB Guidelines 01/2021, Case No. 07; Persónuvernd 2021122409).
      'misdirected-sms',
      'loss',
      'theft',
      'copying',
      'unauthorised-access',
      'other',
    ]),
    description: z.string().min(1).optional(),
    cause: z.string().min(1).optional(),
    /** For a message to the wrong person: the address meant and the one used. */
    misdirected: factsObject({
      intended: AddressSchema,
      actual: AddressSchema,
      subject: z.string().optional(),
      /**
       * `true` where nothing recorded shows that the wrong address exists, belongs to anyone or
       * received the message (an address found by an audit of sent mail): the texts say the
       * message may have reached someone, not that it did.
       */
      unconfirmed: z.boolean().optional(),
      /**
       * How many addresses the message was sent to (To, Cc and the envelope, as the message names
       * them; the organisation's own left out), where more than one: a message to many at once (a
       * group in Cc instead of Bcc) reached each of them, and the texts speak of that number of
       * recipients, not of one (GDPR Art. 33(3)(a): the nature of the breach, the approximate numbers).
       */
      recipients: z.number().int().min(2).optional(),
      /**
       * `false` where the message went to many at once (`recipients`) and `intended` was none of
       * them: the recipients saw the customer's data but not the customer's address, and the
       * customer is counted besides the addresses shown (`affected.dataSubjects`).
       */
      intendedAddressShown: z.boolean().optional(),
    }).optional(),
    /** Annex I section 2: physical location of the breach and storage media involved. */
    location: z.string().min(1).optional(),
  }),
  data: z.object({
    categories: z.array(DataCategorySchema).min(1),
    /**
     * What the `credentials` among the categories are (`['login-code']` for a one-time login code):
     * the report, the notice and the measures then speak of that code, not of a password to change.
     */
    credentialKinds: z.array(CredentialKindSchema).min(1).optional(),
    /** Annex I: nature and content, in words (which document, which fields). */
    content: z.string().min(1).optional(),
    /**
     * `false` when the categories were read from the message by patterns (free text may hold more),
     * so the report lists them as "among other things"; absent when the caller listed them.
     */
    complete: z.boolean().optional(),
    /**
     * `true` where nothing personal could be read in the message and none was given: which data it
     * held is not known, so the report leaves the risk and both notifications open until a person
     * has read it (or the responsible person's judgment is recorded), rather than state the
     * conclusions computed from nothing (GDPR Art. 33(4): the information may come in phases).
     */
    contentUnknown: z.boolean().optional(),
    /** Approximate number of records (GDPR Art. 33(3)(a)). */
    records: z.number().int().nonnegative().optional(),
    /**
     * Attachments of the message that could not be read (a PDF, an image): the categories above
     * then list only what the readable parts showed, and the report says so.
     */
    unreadAttachments: z
      .array(
        factsObject({
          filename: z.string().min(1).optional(),
          contentType: z.string().min(1),
          /** A person read it by hand and recorded its data among the categories (the review cleared). */
          reviewed: z.boolean().optional(),
        }),
      )
      .optional(),
  }),
  affected: z.object({
    dataSubjects: z.number().int().positive(),
    /**
     * Where the number came from: given by the caller, counted from the message (the largest count
     * of one identifier of one person each), assumed to be the one customer the message was
     * about, or that child and each guardian the message labels with contact details of their own
     * (`labelled-guardian`); and what the message showed, when it showed more than one person.
     * `labelledGuardians`, only where `minor` is not known: how many guardians the message labels
     * with contact details of their own; the report asks whether the customer is a child.
     */
    basis: factsObject({
      from: z.enum(['given', 'message', 'assumed', 'labelled-guardian']),
      message: factsObject({
        count: z.number().int().positive(),
        category: z.enum(peopleCategories),
      }).optional(),
      labelledGuardians: z.number().int().positive().optional(),
    }).optional(),
    /**
     * ISO 3166-1 alpha-2 codes of other Member States with people concerned (Annex I section 2); `[]`
     * for none. Absent when not stated: the report then says so, and answers nothing for the caller.
     */
    otherMemberStates: z.array(z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166-1 code')).optional(),
    /** Other competent authorities notified. */
    otherAuthoritiesNotified: z.array(z.string().min(1)).optional(),
    /**
     * `true` where the customer the notice is for is a child: under 18 on the day the breach was
     * detected (föräldrabalken 9 kap. 1 §), as given or as their birth date shows. Children merit
     * specific protection of their personal data (GDPR Recital 38), information addressed to a child
     * must be such as the child can understand (Art. 12(1), Recital 58), and the holder of parental
     * responsibility acts for a child in the cases Art. 8(1) names (in Sweden under 13, lag (2018:218)
     * 2 kap. 4 §): the notice and the phone script are for the guardian (vårdnadshavare) to read.
     */
    minor: z.boolean().optional(),
    /**
     * For a child (`minor`), the categories of the guardians' own contact details the message gave
     * on their lines ("Vårdnadshavare: …"), and those of them that were the guardians' alone: the
     * notice lists these as the guardian's, not as details about the child (GDPR Art. 34(2), the
     * nature of the breach; Art. 5(1)(d), accuracy).
     */
    guardianDetails: factsObject({
      categories: z.array(DataCategorySchema).min(1),
      onlyTheirs: z.array(DataCategorySchema),
    }).optional(),
    /**
     * People other than the customer the message names under a label with details of their own
     * ("Medsökande: Erik Lind, personnummer …"): the report asks whether they are to be counted and
     * told, and the notice does not list the categories only their lines held (`onlyTheirs`) as the
     * customer's (GDPR Art. 4(1), Art. 5(1)(d)).
     */
    namedOthers: factsObject({
      people: z
        .array(
          factsObject({
            label: z.string().min(1),
            name: z.string().min(1),
            categories: z.array(DataCategorySchema).min(1),
          }),
        )
        .min(1),
      onlyTheirs: z.array(DataCategorySchema),
    }).optional(),
  }),
  facts: ReportFactsSchema,
  consequences: z.string().min(1).optional(),
  /** Annex I: technical and organisational measures applied to the data concerned. */
  protectionApplied: z.string().min(1).optional(),
  measures: z.array(MeasureSchema),
  /** Whether other providers were involved (Annex I section 2); absent when not stated. */
  otherProviders: factsObject({ involved: z.boolean(), details: z.string().min(1).optional() }).optional(),
  assessment: BreachAssessmentSchema,
  /** The authority and the law in force on the day of the breach, one per regime. */
  authorities: z.array(AuthorityFindingSchema).optional(),
  /** The officer's judgment where it differs from the computed assessment, with who and why. */
  judgment: OfficerJudgmentSchema.optional(),
  /** The conclusion that holds: the assessment, or the officer's judgment where given. */
  decision: DecisionSchema.optional(),
  /** What happened when and who did it, from the breach to each notification. */
  timeline: z.array(TimelineEntrySchema).optional(),
  /** The call to the customer and their answers. */
  customerCall: CustomerCallSchema.optional(),
  /** For a follow-up report: when the first was written and what changed since (Regulation 611/2013 Art. 2(3)). */
  followUp: z
    .object({
      firstCreatedAt: Timestamp,
      changes: z.array(
        z.object({
          field: z.string().min(1),
          /** The values in words, in the language the follow-up was made in (for a reader of the JSON). */
          before: z.string().optional(),
          after: z.string().optional(),
          /**
           * The values as the report holds them, where they are lists or objects (review items,
           * filings): the rendering words them in its own language. Absent in reports stored before.
           */
          values: z.object({ before: z.unknown().optional(), after: z.unknown().optional() }).optional(),
        }),
      ),
    })
    .optional(),
  /** Annex I section 2: content and means of the notice to subscribers or individuals. */
  subscriberNotice: factsObject({
    required: z.boolean(),
    means: z.array(z.enum(['email', 'phone', 'letter', 'sms', 'public-notice'])),
    notifiedCount: z.number().int().nonnegative().optional(),
    notifiedAt: Timestamp.optional(),
    content: z.string().min(1).optional(),
  }),
  /** Annex I section 2: summary of the incident; phrased from the facts when absent. */
  summary: z.string().min(1).optional(),
});

/** A complete incident report (see {@link IncidentReportSchema}). */
export type IncidentReport = z.infer<typeof IncidentReportSchema>;

/**
 * The JSON Schema (draft 2020-12) of {@link IncidentReportSchema}, for systems that store or exchange
 * reports without TypeScript.
 *
 * @example
 * ```ts
 * const schema = incidentReportJsonSchema();
 * schema.required; // ['reference', 'notification', 'createdAt', ...]
 * ```
 */
export function incidentReportJsonSchema(): z.core.JSONSchema.BaseSchema {
  return z.toJSONSchema(IncidentReportSchema);
}
