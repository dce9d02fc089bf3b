import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import { authorityName } from './authority-name.js';
import {
  type BreachDecision,
  BreachDecisionSchema,
  type DocumentKind,
  PrecedentSchema,
} from './breach-decision.js';
import { type BreachFacts, BreachFactsSchema, type RiskLevel, RiskLevelSchema } from './breach-facts.js';
import { breachDecisions } from './data/breach-decisions.js';
import { countryTimeZone } from './data/country-time-zones.js';
import { type DataCategory, enisaBasicScores, enisaDataTypes } from './data/data-categories.js';
import {
  calendarDay,
  gdprAppliesFrom,
  gdprName,
  lawInForce,
  REGULATION_611_FROM,
} from './data/legal-bases.js';
import type { ReportLocale } from './data/report-texts.js';
import { addHours, type DateInput, DateInputSchema, toDate } from './date-input.js';
import { findPrecedents } from './find-precedents.js';
import { contradictoryFacts, futureMoments, impossibleMoments, refuseIssues } from './impossible-facts.js';
import { LargeScaleSchema, LocaleSchema, TimeZoneSchema } from './option-schemas.js';
import { reviewItemText } from './review-item.js';

// The facts' schemas live in breach-facts.ts (the corpus of decisions reads them too); they are
// still exported from here, where callers have always found them.
export type { BreachFacts, Recipient, Regime, RiskLevel } from './breach-facts.js';
export {
  BreachCircumstancesSchema,
  BreachFactsSchema,
  InsightSchema,
  RecipientSchema,
  RegimeSchema,
  RiskLevelSchema,
} from './breach-facts.js';

/** The ENISA 2013 severity of a breach: SE = DPC x EI + CB, and its band (section 2: SE below 2 low, below 3 medium, below 4 high). */
export const EnisaSeveritySchema = z.object({
  /** Data Processing Context, 1 to 4. */
  dpc: z.number(),
  /** Ease of Identification, 0.25 to 1. */
  ei: z.number(),
  /** Circumstances of Breach (confidentiality and malicious intent). */
  cb: z.number(),
  /** The severity score. */
  score: z.number(),
  band: z.enum(['low', 'medium', 'high', 'very-high']),
});
export type EnisaSeverity = z.infer<typeof EnisaSeveritySchema>;
export type EnisaBand = EnisaSeverity['band'];

/** One notification or record the law asks for, and by when. */
export const DeadlineSchema = z.object({
  /** Who is told: the supervisory authority, the data subjects, the subscribers, or the own record. */
  to: z.enum(['authority', 'data-subjects', 'subscribers', 'record']),
  /** The provision that sets it, e.g. `Regulation 611/2013 Art. 2(2)`. */
  article: z.string(),
  /** The latest moment, as an ISO 8601 UTC date-time, when the law sets hours and the start is known. */
  due: z.iso.datetime().optional(),
  /** The time limit in words (`within 24 hours of detection`, `without undue delay`). */
  within: z.string(),
  /**
   * The country whose law sets it (ISO 3166-1 alpha-2), where the authorities of several countries
   * are notified each under its own law (`countries` among the options); absent where it is shared.
   */
  country: z.string().optional(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

/** One step of the reasoning, with the article, guideline or method it rests on. */
export const AssessmentReasonSchema = z.object({ code: z.string(), message: z.string(), source: z.string() });
export type AssessmentReason = z.infer<typeof AssessmentReasonSchema>;

/** Something advisable that the law does not require, with why (not a duty: a duty is a deadline). */
export const RecommendationSchema = z.object({ code: z.string(), message: z.string(), source: z.string() });
export type Recommendation = z.infer<typeof RecommendationSchema>;

/**
 * Which reading applies where authorities disagree: `default` follows the EDPB and the majority of
 * published decisions; `strict` follows the stricter ones (a stranger's promise to delete does not
 * lower the risk, any identifiable data that left the organisation is a risk, a colleague or partner
 * who deleted it lowers the risk one level only, and a subscriber under Regulation 611/2013 is told
 * whenever the risk is not unlikely).
 */
export const AssessmentProfileSchema = z.enum(['default', 'strict']);
export type AssessmentProfile = z.infer<typeof AssessmentProfileSchema>;

/**
 * The result of {@link assessBreach}.
 *
 * @example
 * ```ts
 * BreachAssessmentSchema.parse(assessBreach(facts)); // an assessment read back from storage, checked
 * ```
 */
export const BreachAssessmentSchema = z.object({
  risk: RiskLevelSchema,
  /** The law requires notifying the supervisory authority. */
  notifyAuthority: z.boolean(),
  /** The law requires telling the people concerned (GDPR Art. 34, Regulation 611/2013 Art. 3); advice is in `recommendations`. */
  notifyDataSubjects: z.boolean(),
  /** Exemptions from telling the people concerned (GDPR Art. 34(3), Regulation 611/2013 Art. 4(2)). */
  exemptions: z.array(z.string()),
  enisa: EnisaSeveritySchema,
  deadlines: z.array(DeadlineSchema),
  reasons: z.array(AssessmentReasonSchema),
  /** What is advisable though not required (a courtesy call to the customer), each with its reason. */
  recommendations: z.array(RecommendationSchema).default([]),
  /** The published decisions closest to this breach, to cite when filing (see `breachDecisions`). */
  precedents: z.array(PrecedentSchema).default([]),
  /** The reading applied where authorities disagree. */
  profile: AssessmentProfileSchema.default('default'),
  /**
   * From how many data subjects the breach counted as large scale, where it was not the default 1000
   * (the `largeScale` option): a report assessed again, rendered or followed up, weighs the same
   * facts with it and states the same risk.
   */
  largeScale: LargeScaleSchema.optional(),
  /**
   * Data remains that a person must classify (`needsReview` among the facts): a conclusion that the
   * breach need not be notified, or the people concerned not told, is not final until then.
   */
  needsReview: z.boolean().optional(),
  /**
   * Where the authority is not notified, the code of the reason that decided it (one of `reasons`):
   * `gdpr-not-applicable` before the GDPR applied, `eprivacy-not-applicable` before the duty to
   * notify a breach in electronic communications took effect (in Sweden 1 July 2011),
   * `no-notification-duty` before both, else the reason that set the risk level
   * (`internal-recipient`, `other-organisation`, `enisa-score` …). GDPR Art. 33(5) has the controller
   * document the reasons for not notifying; `incidentRegisterEntry` prints it.
   */
  notReportedBecause: z.string().optional(),
  /**
   * `true` where `precedents` were chosen from decisions the caller gave (`options.decisions`), not
   * the built-in table: a follow-up assesses the breach again from the same decisions, and
   * `createFollowUpReport` refuses to choose them from the built-in table instead.
   */
  decisionsGiven: z.literal(true).optional(),
});
export type BreachAssessment = z.infer<typeof BreachAssessmentSchema>;

/** Options of {@link assessBreach}. */
export interface AssessBreachOptions {
  /**
   * Language of the reasons and deadline texts.
   * @default 'en'
   */
  readonly locale?: 'sv' | 'en';
  /**
   * From how many data subjects a breach counts as large scale, which raises the risk one level
   * (GDPR Recital 75; Article 29 Working Party WP250 rev.01, Annex B).
   * @default 1000
   */
  readonly largeScale?: number;
  /**
   * The risk level a person responsible (the data protection officer) judged, used instead of the
   * computed one for the decisions and deadlines; the ENISA score is still computed.
   * @default the computed level
   */
  readonly risk?: RiskLevel;
  /**
   * The reading where authorities disagree: `default` (the EDPB and the majority) or `strict`
   * (see {@link AssessmentProfileSchema}). The reasons say which was applied.
   * @default 'default'
   */
  readonly profile?: AssessmentProfile;
  /**
   * The published decisions to pick `precedents` from, replacing the built-in table.
   * @default breachDecisions
   */
  readonly decisions?: readonly BreachDecision[];
  /**
   * The moment of the assessment: a breach that occurred or was detected after it is refused with an {@link InvalidInputError} naming the field. Pass it to assess as of another day
   * (a report written later, a test).
   * @default new Date() (the current time)
   */
  readonly now?: DateInput;
  /**
   * The IANA time zone where the organisation is, in which the day of the breach is read against the
   * day the GDPR began to apply (laws take effect at midnight local time), as {@link findAuthority}
   * reads it. Only for a place whose zone is not its country's (the Azores, the Canary Islands): it
   * is not the zone a report's times are written in.
   * @default the zone of `facts.country` (Europe/London for GB, Europe/Lisbon for PT), else 'Europe/Stockholm'
   */
  readonly timeZone?: string;
  /**
   * Nothing recorded shows that the data reached anyone (a message sent to an address not known to
   * be someone's, `misdirected.unconfirmed`): each reason that rests on a stranger having the data
   * says so as a condition ("If the message was delivered: …"); the level is assessed as if it was.
   * @default false
   */
  readonly deliveryUnconfirmed?: boolean;
  /**
   * The conclusions are open: nothing personal could be read in the message and none was given, so
   * the data categories are what the rules assume from no data (`Decision.provisional`). The
   * `precedents` are then ranked by the facts alone, not by agreement with conclusions not reached.
   * @default false
   */
  readonly conclusionsOpen?: boolean;
  /**
   * The conclusions on notifying that a person responsible decided where they differ from the rules'
   * (an officer's judgment, `Decision`): the `precedents` are compared with the conclusion that holds,
   * so that a decision agreeing with the signed conclusion is not shown as going against it.
   * @default the conclusions computed
   */
  readonly judged?: { readonly notifyAuthority?: boolean; readonly notifyDataSubjects?: boolean };
  /**
   * The countries whose authorities the breach is notified to (ISO 3166-1 alpha-2), the main
   * establishment (`facts.country`) among them: each authority's deadline and the reasons cite each
   * country's own law (the ICO's the UK GDPR and the Data Protection Act 2018, IMY's the GDPR).
   * @default [facts.country]
   */
  readonly countries?: readonly string[];
}

const AssessBreachOptionsSchema = z.object({
  locale: LocaleSchema.optional(),
  largeScale: LargeScaleSchema.optional(),
  risk: RiskLevelSchema.optional(),
  profile: AssessmentProfileSchema.optional(),
  decisions: z.array(BreachDecisionSchema).optional(),
  now: DateInputSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  conclusionsOpen: z.boolean().optional(),
  deliveryUnconfirmed: z.boolean().optional(),
  judged: z
    .object({ notifyAuthority: z.boolean().optional(), notifyDataSubjects: z.boolean().optional() })
    .optional(),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
});

/** The reasons that rest on the data having reached someone outside the organisation. */
const DELIVERY_PREMISED: ReadonlySet<string> = new Set([
  'large-scale',
  'identity-theft',
  'financial-loss',
  'account-takeover',
  'many-people',
  'strict-outsider',
]);

/** `text` with its first letter in lower case, to follow a condition (`If …: an identity number …`). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const DOCUMENT_KIND_SV: Readonly<Record<DocumentKind, string>> = {
  decision: 'beslut',
  'case-study': 'fallstudie',
  guidance: 'vägledning',
  'press-statement': 'uttalande till pressen',
};
const LEVELS: readonly RiskLevel[] = ['unlikely', 'risk', 'high'];
// From how many people a disclosure outside the organisation is a risk in itself: between the APD's
// 16 addresses (62/2022, unlikely) and the AP's 101 (2021, notified); see the 'many-people' reason.
const MANY_PEOPLE = 100;
// From how many people a stranger keeping data that names them (a name with an address, a customer
// number or a birth date: ENISA ease of identification "maximum") is a risk in itself. No authority
// publishes a number: it sits above every disclosure to private persons the corpus holds unlikely
// (APD 62/2022: 16 e-mail addresses) and below a list of customers sent by wrong attachment.
const MANY_PEOPLE_KEPT = 20;
// Regulation 611/2013 Art. 3(2): data whose exposure is taken to affect a subscriber adversely, by its
// nature (point (a): financial data, special categories, location data, logs) or by what it makes
// likely (point (b): identity theft or fraud, as identity numbers and login details do).
const ADVERSE_611: ReadonlySet<DataCategory> = new Set([
  'financial',
  'account-number',
  'payment-card',
  'special-category',
  'health',
  'location',
  'traffic-data',
  'credentials',
  'national-id-number',
  'id-document-number',
]);
const IDENTIFYING_WITH_NAME: ReadonlySet<DataCategory> = new Set([
  'postal-address',
  'date-of-birth',
  'customer-number',
  'email-address',
  'phone-number',
  'contact-details',
]);
const IDENTITY: ReadonlySet<DataCategory> = new Set(['national-id-number', 'id-document-number']);
const MONEY: ReadonlySet<DataCategory> = new Set(['account-number', 'payment-card', 'financial']);

/**
 * Assesses a personal-data breach the way a supervisory authority expects: the ENISA 2013 severity
 * score, the GDPR risk level, whether the authority and the people concerned must be told, by when
 * and why, what is advisable beyond that, and the closest published decisions. Pure and synchronous;
 * throws {@link InvalidInputError} only when the facts break {@link BreachFactsSchema} or an option
 * is not one it knows.
 *
 * @example
 * ```ts
 * const assessment = assessBreach({
 *   regimes: ['eprivacy', 'gdpr'],
 *   dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
 *   dataSubjects: 1,
 *   recipient: 'unknown-individual',
 *   detectedAt: '2018-02-23T12:45:00Z',
 * });
 * assessment.notifyAuthority; // true
 * assessment.deadlines[0]?.due; // '2018-02-24T12:45:00.000Z'
 * ```
 */
export function assessBreach(facts: BreachFacts, options: AssessBreachOptions = {}): BreachAssessment {
  const input = parseInput(BreachFactsSchema, facts, ['facts']);
  const given = parseInput(AssessBreachOptionsSchema, options, ['options']);
  const moments = {
    occurredAt: [input.occurredAt, ['facts', 'occurredAt']],
    detectedAt: [input.detectedAt, ['facts', 'detectedAt']],
    initialNotificationAt: [input.initialNotificationAt, ['facts', 'initialNotificationAt']],
  } as const;
  refuseIssues([
    ...contradictoryFacts(input, ['facts'], given.locale),
    ...impossibleMoments(moments, given.locale),
    ...futureMoments(moments, given.now ?? new Date(), given.locale),
  ]);
  const locale = given.locale ?? 'en';
  const sv = locale === 'sv';
  const profile = given.profile ?? 'default';
  const strict = profile === 'strict';
  const say = (swedish: string, english: string): string => (sv ? swedish : english);
  const reasons: AssessmentReason[] = [];
  // Delivery not established (`deliveryUnconfirmed`): a reason that rests on the data having reached
  // someone says so as a condition, as the description and the notice do (docs/incident.md).
  const conditional = given.deliveryUnconfirmed === true;
  const reason = (code: string, source: string, swedish: string, english: string) =>
    reasons.push({
      code,
      source,
      message:
        conditional && DELIVERY_PREMISED.has(code)
          ? say(
              `Om meddelandet kom fram: ${lowerFirst(swedish)}`,
              `If the message was delivered, ${lowerFirst(english)}`,
            )
          : say(swedish, english),
    });
  const recommendations: Recommendation[] = [];
  // One person concerned is spoken of as one (a child's report, one customer), several as several.
  const one = input.dataSubjects <= 1;
  const categories = new Set(input.dataCategories);
  // Encryption protects only while the key stays safe: a key that went to the recipient too makes the
  // data readable (WP250 rev.01 section IV.A; GDPR Art. 34(3)(a) asks for data "unintelligible to any
  // person who is not authorised to access it").
  const unintelligible = input.encrypted === true && input.keyExposed !== true;
  // The password among the data is the attachment's own key, sent with it (as the notice reads it).
  const attachmentKey = input.encrypted === true && input.keyExposed === true;
  // The level rests on the attachment being readable, whatever it holds: until a person has read it,
  // the conclusion drawn from it is provisional (GDPR Art. 33(4) and 33(5)).
  let decidedByAttachment = false;
  const reading = strict
    ? say('den striktare läsningen', 'the stricter reading')
    : say('EDPB:s och de flesta myndigheters läsning', 'the reading of the EDPB and most authorities');

  reason(
    'profile',
    // The stricter reading rests on every decision in the table that took it, each cited.
    strict
      ? (given.decisions ?? breachDecisions)
          .filter((decision) => decision.profile === 'strict')
          // A Swedish text cites them by authority, kind and date: their documents are cited in
          // English or the authority's language, and their Swedish summaries are in the precedents.
          .map((decision) =>
            sv
              ? `${authorityName(decision.authority, decision.country, 'sv')}, ${DOCUMENT_KIND_SV[decision.documentKind ?? 'decision']} ${decision.date}`
              : `${decision.authority}, ${decision.document}`,
          )
          .join('; ') || 'UODO DKN.5131.7.2020 and DKN.5131.18.2022'
      : 'EDPB Guidelines 01/2021 and 9/2022',
    `Där tillsynsmyndigheterna bedömer olika tillämpas ${reading}.`,
    `Where supervisory authorities disagree, ${reading} is applied.`,
  );
  const enisa = scoreEnisa(input, categories, reason, { strict, unintelligible, one });
  let level = enisa.band === 'low' ? 0 : enisa.band === 'medium' ? 1 : 2;
  reason(
    'enisa-score',
    'ENISA 2013, Recommendations for a methodology of the assessment of severity of personal data breaches, section 2',
    `Allvarlighetsgrad enligt ENISA: ${formatSeverity(enisa, 'sv')} (${bandSv(enisa.band)}).`,
    `ENISA severity: ${formatSeverity(enisa, 'en')} (${bandEn(enisa.band)}).`,
  );

  const largeScale = given.largeScale ?? 1000;
  if (input.dataSubjects >= largeScale || input.recipient === 'public') {
    level = Math.min(2, level + 1);
    reason(
      'large-scale',
      'GDPR Recital 75; WP250 rev.01 Annex B',
      input.recipient === 'public'
        ? 'Uppgifterna blev tillgängliga för ett okänt antal personer, vilket höjer risken ett steg.'
        : `Incidenten berör ${input.dataSubjects} personer, vilket höjer risken ett steg.`,
      input.recipient === 'public'
        ? 'The data reached an unknown number of people, which raises the risk one level.'
        : `The breach concerns ${input.dataSubjects} people, which raises the risk one level.`,
    );
  }

  // Another organisation is outside too: it owes the organisation nothing, no secrecy and no ongoing
  // relationship, which is what makes a recipient "trusted" (WP250 rev.01 section IV.B).
  const outside =
    input.recipient === 'unknown-individual' ||
    input.recipient === 'other-organisation' ||
    input.recipient === 'public';
  // A recipient who means harm is not taken at their word: their deletion or the data's return is
  // given no weight: an assurance lowers the risk only from a recipient who can be trusted (WP250
  // rev.01 section IV.B), and malicious intent is what ENISA 2013 section 3.3 weighs against it.
  const deletionClaimed = input.recipientConfirmedDeletion === true || input.dataRecovered === true;
  const removed = deletionClaimed && input.maliciousIntent !== true;
  if (deletionClaimed && input.maliciousIntent === true)
    reason(
      'bad-faith-deletion',
      'WP250 rev.01 section IV.B; ENISA 2013 section 3.3',
      'Mottagaren har onda avsikter: att uppgifterna sägs raderade eller återlämnade sänker inte risken.',
      'The recipient means harm: that the data is said to be deleted or returned does not lower the risk.',
    );
  const identity = [...categories].some((category) => IDENTITY.has(category));
  const money = [...categories].some((category) => MONEY.has(category));
  if (identity && outside && !unintelligible && (strict || !removed) && level < 2) {
    // An identity number in a stranger's hands is what identity theft needs (GDPR Recital 85;
    // Regulation 611/2013 Art. 3(2)(b)): EDPB Guidelines 01/2021 Case No. 14 and the UODO decisions
    // on insurance policies sent to a wrong address (DKN.5131.5.2020, DKN.5131.3.2021) treat it as a
    // high risk. A stranger's confirmed deletion counts under the default reading, not the strict one.
    level = 2;
    reason(
      'identity-theft',
      'GDPR Recital 85; EDPB Guidelines 01/2021, Case No. 14; Regulation 611/2013 Art. 3(2)(b)',
      'Ett personnummer eller id-handlingens nummer har nått en utomstående och räcker för identitetsstöld: risken är hög.',
      'An identity number reached someone outside the organisation and is enough for identity theft: the risk is high.',
    );
  }
  // Financial data and login details in a stranger's hands are what fraud and account takeover need
  // (GDPR Recital 85; Regulation 611/2013 Art. 3(2)(a) and (b)). The published decisions on them are
  // consistent: HDPA 6/2022 (bank alerts with account spending e-mailed to a stranger) fined the bank
  // for not telling the customer, UODO told the debtor whose attachment of earnings reached another
  // person, and Persónuvernd 2021122409 held the logins keyed to a reassigned number a significant
  // risk. As with identity numbers, a stranger's confirmed deletion counts under the default reading,
  // and financial data that gives little insight (ENISA 2013 section 3.1) does not count.
  const exposed = outside && !unintelligible && (strict || !removed);
  const moneyInsight = money && (input.insight ?? 'substantial') === 'substantial';
  if (exposed && moneyInsight && level < 2) {
    level = 2;
    reason(
      'financial-loss',
      'GDPR Recital 85; Regulation 611/2013 Art. 3(2)(a); HDPA decision 6/2022',
      'Ekonomiska uppgifter har nått en utomstående och kan användas för bedrägeri: risken är hög.',
      'Financial data reached someone outside the organisation and can be used for fraud: the risk is high.',
    );
  }
  // Login details and password-reset links are high-risk in themselves (EDPB Guidelines 01/2021,
  // Case No. 07: credentials that let someone into an account call for telling the people concerned):
  // a stranger's word that the message was deleted does not undo a use of the link before that.
  // Credentials that had expired when they reached the wrong person, or were made invalid before
  // they could be used, open no account: like data rendered unintelligible (GDPR Art. 34(3)(a)), or
  // a measure that keeps the high risk from materialising (Art. 34(3)(b)), they do not make it high.
  const liveCredentials = categories.has('credentials') && input.credentialsExpired !== true;
  if (outside && !unintelligible && categories.has('credentials') && input.credentialsExpired === true)
    reason(
      'credentials-expired',
      'EDPB Guidelines 01/2021, Case No. 07; GDPR Art. 34(3)(a) and (b)',
      'Inloggningsuppgifterna gällde inte längre när den som fick dem kunde använda dem: de ger ingen tillgång till kontot, väger inte tyngre än kontaktuppgifter i allvarlighetsgraden och gör inte risken hög.',
      'The login details were no longer valid when whoever received them could use them: they open no account, weigh no more than contact details in the severity score and do not make the risk high.',
    );
  if (outside && !unintelligible && liveCredentials && input.returnedUnopened !== true && level < 2) {
    level = 2;
    // With the key sent along (`keyExposed`), the password is the one that opens the encrypted
    // attachment, not a login: the reason names what it opens, and rests on the attachment being
    // readable (WP250 rev.01 section IV.A), not on an account anyone could take over.
    if (attachmentKey) {
      decidedByAttachment = true;
      reason(
        'account-takeover',
        'GDPR Recital 85; WP250 rev.01 section IV.A; DPC case study on a misdirected e-mail (encrypted letter, password sent to the same address)',
        'Lösenordet som öppnar den krypterade bilagan har nått en utomstående tillsammans med bilagan, så hen kan läsa allt som bilagan innehåller: risken är hög.',
        'The password that opens the encrypted attachment reached someone outside the organisation together with the attachment, so they can read whatever the attachment holds: the risk is high.',
      );
    } else
      reason(
        'account-takeover',
        'GDPR Recital 85; EDPB Guidelines 01/2021, Case No. 07; Regulation 611/2013 Art. 3(2)(b); Persónuvernd case 2021122409',
        'Inloggningsuppgifter eller en länk för att byta lösenord har nått en utomstående, som kan ta över kontot, även om hen sedan raderade meddelandet: risken är hög.',
        'Login details or a password-reset link reached someone outside the organisation, who can take over the account even if they deleted the message afterwards: the risk is high.',
      );
  }
  // Many people's data outside the organisation: an e-mail to customers in CC instead of BCC shows
  // every address to every recipient. The Irish DPC's case study 1 (2010: some 300 customers'
  // addresses in CC) and the AP (2021, PVV Overijssel: 101 addresses in CC) held such disclosures
  // notifiable; the APD (62/2022) held 16 visible addresses with nothing else unlikely to be a risk.
  // ENISA 2013 leaves the number of people out of the score and weighs it afterwards (section 2),
  // and the score's circumstances grow with how far the data went and whether it came back (section
  // 3.3): so a stranger who keeps a list naming many customers (a wrong attachment) raises the level
  // from fewer people than data that was deleted or returned. Without it, forty customers' names,
  // addresses and orders would weigh less than one customer's name with a customer number (EDPB
  // Guidelines 01/2021 Case No. 16 holds one policyholder's letter to another a risk).
  const kept = outside && !removed && input.returnedUnopened !== true;
  const manyPeople = kept && enisa.ei >= 1 ? MANY_PEOPLE_KEPT : MANY_PEOPLE;
  if (
    outside &&
    !unintelligible &&
    input.dataSubjects >= manyPeople &&
    input.returnedUnopened !== true &&
    level === 0
  ) {
    level = 1;
    const keptList = manyPeople === MANY_PEOPLE_KEPT && input.dataSubjects < MANY_PEOPLE;
    reason(
      'many-people',
      keptList
        ? 'GDPR Recital 75; WP250 rev.01 section IV.B; ENISA 2013, Recommendations for a methodology of the assessment of severity of personal data breaches, sections 2 and 3.3; EDPB Guidelines 01/2021, Case No. 16'
        : 'GDPR Recital 75; WP250 rev.01 section IV.B; DPC Annual Report 2010, case study 1; AP 2021 (PVV Overijssel); APD 62/2022',
      keptList
        ? `Uppgifter som identifierar ${input.dataSubjects} personer har nått en utomstående som fortfarande har dem (de har varken raderats eller kommit tillbaka), vilket är en risk.`
        : categories.has('email-address')
          ? `Uppgifter om ${input.dataSubjects} personer, bland dem deras e-postadresser, har nått personer utanför organisationen (som när kunder sätts i kopia i stället för dold kopia), vilket är en risk.`
          : `Uppgifter om ${input.dataSubjects} personer har nått personer utanför organisationen, vilket är en risk.`,
      keptList
        ? `Data identifying ${input.dataSubjects} people reached someone outside the organisation who still holds it (it was neither deleted nor returned), which is a risk.`
        : categories.has('email-address')
          ? `The data of ${input.dataSubjects} people, their e-mail addresses among it, reached people outside the organisation (as when customers are put in CC instead of BCC), which is a risk.`
          : `The data of ${input.dataSubjects} people reached people outside the organisation, which is a risk.`,
    );
  }
  if (strict && outside && enisa.ei >= 0.75 && level === 0 && !unintelligible) {
    level = 1;
    reason(
      'strict-outsider',
      'GDPR Art. 33(1); UODO DKN.5131.7.2020',
      `Identifierbara uppgifter har lämnat organisationen; enligt ${reading} kan risken då inte uteslutas, även om mottagaren lovat att radera dem.`,
      `Identifiable data left the organisation; under ${reading} the risk cannot then be ruled out, even when the recipient promised to delete it.`,
    );
  }

  // What the data is, by its nature: regulators do not let a trustworthy recipient lower the risk of
  // these. EDPB Guidelines 01/2021 Case No. 09 spares a trusted third party's receipt only "if ... no
  // sensitive data were transmitted"; UODO DKN.5131.1.2024 rejected banking secrecy as a reason not
  // to tell customers whose identity numbers and account data reached another bank.
  const sensitive =
    (categories.has('health') || categories.has('special-category')) &&
    (input.insight ?? 'substantial') !== 'minimal';
  const highInItself =
    sensitive ||
    (identity && money) ||
    input.vulnerableDataSubjects === true ||
    input.safetyRisk === true ||
    input.dataSubjects >= largeScale;
  // Another organisation lies between a trusted recipient and a private person: its secrecy or its
  // word alone counts for nothing (no ongoing relationship, WP250 rev.01 section IV.B), but a written
  // confirmation that it deleted the data is one an organisation answers for, as it answers for the
  // data it keeps (GDPR Art. 5(2) and 24(1)), as the insurance agent's written statement did in EDPB
  // Guidelines 01/2021, Case No. 09. The stricter reading takes no word but a trusted one's.
  const organisation = input.recipient === 'other-organisation';
  const heldToAccount =
    ((input.recipient === 'trusted' || input.recipient === 'internal') &&
      (input.recipientBoundBySecrecy === true || removed)) ||
    (organisation && input.recipientConfirmedDeletion === true && !strict);
  if (
    input.recipient === 'internal' &&
    removed &&
    input.maliciousIntent !== true &&
    !strict &&
    input.safetyRisk !== true &&
    level > 0
  ) {
    // A colleague who received it by mistake and deleted it at once: the data never left the
    // organisation's control, whatever it was. The ICO's own example (a vulnerable client's debts and
    // mental health, e-mailed to a colleague who deleted it) is "documenting the breach on internal
    // breach log only"; Datatilsynet (DK) says the same of payslips sent to the wrong employee.
    level = 0;
    reason(
      'internal-recipient',
      'GDPR Art. 33(1) and 33(5); ICO, Personal data breach examples, case study 2; Datatilsynet (DK), Vejledning om håndtering af brud på persondatasikkerheden (2018)',
      `Mottagaren finns inom organisationen och har raderat uppgifterna: de lämnade aldrig organisationens kontroll. Enligt ${reading} dokumenteras incidenten internt men anmäls inte.`,
      `The recipient is inside the organisation and deleted the data: it never left the organisation's control. Under ${reading} the breach is recorded internally but not notified.`,
    );
  } else if (heldToAccount && input.maliciousIntent !== true && level > 0) {
    if (highInItself) {
      reason(
        'trusted-recipient-not-enough',
        'EDPB Guidelines 01/2021, Case No. 09; UODO DKN.5131.1.2024; GDPR Recital 75 and 85',
        organisation
          ? 'Mottagaren är en annan organisation som skriftligen har bekräftat att uppgifterna raderats, men uppgifterna är av ett slag som i sig innebär hög risk (personnummer med ekonomiska uppgifter, hälsa eller andra känsliga uppgifter, sårbara personer, många berörda): risken sänks inte.'
          : 'Mottagaren är känd och kan hållas ansvarig, men uppgifterna är av ett slag som i sig innebär hög risk (personnummer med ekonomiska uppgifter, hälsa eller andra känsliga uppgifter, sårbara personer, många berörda): risken sänks inte.',
        organisation
          ? 'The recipient is another organisation that confirmed in writing that the data was deleted, but the data is of a kind that is high-risk in itself (identity numbers with financial data, health or other special categories, vulnerable people, many people): the risk is not lowered.'
          : 'The recipient is known and can be held to account, but the data is of a kind that is high-risk in itself (identity numbers with financial data, health or other special categories, vulnerable people, many people): the risk is not lowered.',
      );
    } else if (organisation) {
      level -= 1;
      reason(
        'other-organisation',
        'WP250 rev.01 section IV.B; EDPB Guidelines 01/2021, Case No. 09; GDPR Art. 5(2) and 24(1)',
        'Mottagaren är en annan organisation, utan tystnadsplikt och utan fortlöpande förbindelse med oss, men den har skriftligen bekräftat att uppgifterna raderats. En organisation svarar för de uppgifter den behåller, vilket sänker risken ett steg; utan bekräftelsen vägs den som en okänd mottagare.',
        'The recipient is another organisation, bound by no secrecy and with no ongoing relationship with us, but it confirmed in writing that the data was deleted. An organisation answers for the data it keeps, which lowers the risk one level; without the confirmation it is weighed as an unknown recipient.',
      );
    } else {
      level -= 1;
      reason(
        'trusted-recipient',
        'EDPB Guidelines 01/2021, Case No. 09; WP250 rev.01 section IV.B',
        'Mottagaren är känd, kan hållas ansvarig och har raderat eller återlämnat uppgifterna, vilket sänker risken ett steg.',
        'The recipient is known, can be held to account and has deleted or returned the data, which lowers the risk one level.',
      );
    }
  }

  if (input.returnedUnopened === true && input.maliciousIntent !== true && level > 0) {
    // Nobody opened it: no disclosure and no access, which is what a breach of confidentiality is
    // (GDPR Art. 4(12)); nobody can have read it in the meantime (WP250 rev.01 section IV.B). Not
    // EDPB Case No. 13: there two customers received and saw each other's parcels. Recorded, not notified.
    level = 0;
    // Under Regulation 611/2013 it is still notified: a personal data breach there includes the loss
    // of data transmitted, not only its disclosure (Directive 2002/58/EC Art. 2(i)), and Art. 2(1)
    // asks for every one to be notified to the national authority (PTS in Sweden), whatever the risk.
    const lossNotified =
      eprivacyDutyFrom(input, given.timeZone) === undefined && input.regimes.includes('eprivacy');
    const back = cameBack(input.channel);
    reason(
      'returned-unopened',
      lossNotified
        ? 'GDPR Art. 4(12) and 33(5); WP250 rev.01 section IV.B; Directive 2002/58/EC Art. 2(i); Regulation 611/2013 Art. 2(1)'
        : 'GDPR Art. 4(12) and 33(5); WP250 rev.01 section IV.B',
      lossNotified
        ? `${back.sv}: ingen utanför organisationen har sett uppgifterna, så de röjdes inte och risken är osannolik. Uppgifterna var ändå utom leverantörens kontroll (en förlust, inte ett röjande), och som leverantör av elektroniska kommunikationstjänster anmäls varje personuppgiftsincident, förlust inräknad, till tillsynsmyndigheten.`
        : `${back.sv}: ingen utanför organisationen har sett uppgifterna. Incidenten dokumenteras internt men anmäls inte.`,
      lossNotified
        ? `${back.en}: nobody outside the organisation saw the data, so it was not disclosed and the risk is unlikely. It was still out of the provider’s control (a loss, not a disclosure), and as a provider of electronic communications services every personal data breach, a loss included, is notified to the authority.`
        : `${back.en}: nobody outside the organisation saw the data. The breach is recorded internally but not notified.`,
    );
  }
  if (input.encrypted === true && input.keyExposed === true)
    reason(
      'key-exposed',
      'GDPR Art. 34(3)(a); WP250 rev.01 section IV.A',
      'Uppgifterna var krypterade, men nyckeln har också röjts: krypteringen skyddar dem inte, och risken bedöms som om de vore okrypterade.',
      'The data was encrypted, but the key was exposed too: the encryption does not protect it, and the risk is judged as if it were not encrypted.',
    );
  if (unintelligible) {
    level = 0;
    reason(
      'unintelligible',
      'GDPR Art. 34(3)(a); Regulation 611/2013 Art. 4(2); WP250 rev.01 section IV.A',
      'Uppgifterna var krypterade och nyckeln röjdes inte: de är obegripliga för mottagaren.',
      'The data was encrypted and the key was not exposed: it is unintelligible to the recipient.',
    );
  }

  const computedRisk = LEVELS[level] ?? 'high';
  const risk = given.risk ?? computedRisk;
  if (risk !== computedRisk)
    reason(
      'judged-risk',
      'GDPR Art. 5(2) and 24(1)',
      `Den ansvariga personens bedömning av risken (${riskLevelSv(risk)}) gäller i stället för den beräknade (${riskLevelSv(computedRisk)}).`,
      `The responsible person's judgment of the risk (${risk}) applies instead of the computed one (${computedRisk}).`,
    );
  const exemptions: string[] = [];
  if (unintelligible) exemptions.push('GDPR Art. 34(3)(a)');
  // Returning identity numbers with account data does not undo that someone may have read them (UODO
  // DKN.5131.1.2024: documents returned opened by another bank still had to be told to the customers).
  if (
    risk === 'high' &&
    input.dataRecovered === true &&
    input.maliciousIntent !== true &&
    !(identity && money)
  ) {
    exemptions.push('GDPR Art. 34(3)(b)');
    reason(
      'recovered',
      'GDPR Art. 34(3)(b)',
      'Uppgifterna återkallades innan de kunde användas, så den höga risken väntas inte längre uppstå.',
      'The data was recovered before it could be used, so the high risk is no longer likely to materialise.',
    );
  }

  const gdprRegime = input.regimes.includes('gdpr');
  // GDPR Art. 99(2): it applies from 25 May 2018 (in the EEA EFTA states from 20 July 2018). A breach
  // before that day has no Art. 33 or 34 duty, whatever the risk. The day begins at midnight where the
  // organisation is: it is read in the country's zone (or the one given), as findAuthority reads it.
  const when = input.occurredAt ?? input.detectedAt;
  const gdprFrom = gdprAppliesFrom(input.country);
  const timeZone = given.timeZone ?? countryTimeZone(input.country);
  const gdpr = gdprRegime && (when === undefined || calendarDay(toDate(when), timeZone) >= gdprFrom);
  if (gdprRegime && !gdpr)
    reason(
      'gdpr-not-applicable',
      'GDPR Art. 99(2)',
      `Incidenten inträffade innan dataskyddsförordningen började tillämpas (${gdprFrom}): artiklarna 33 och 34 gäller inte, och anmälan till dataskyddsmyndigheten krävs inte enligt dem.`,
      `The breach happened before the GDPR applied (${gdprFrom}): Articles 33 and 34 do not apply, and they require no notification to the data protection authority.`,
    );
  const eprivacyRegime = input.regimes.includes('eprivacy');
  const eprivacyLater = eprivacyRegime ? eprivacyDutyFrom(input, given.timeZone) : undefined;
  const eprivacy = eprivacyRegime && eprivacyLater === undefined;
  if (eprivacyLater !== undefined)
    reason(
      'eprivacy-not-applicable',
      eprivacyLater.citation,
      `Incidenten inträffade innan skyldigheten att anmäla integritetsincidenter började gälla (${eprivacyLater.from}, ${eprivacyLater.citation}): någon anmälan till tillsynsmyndigheten eller underrättelse till abonnenten krävs inte enligt den.`,
      `The breach happened before the duty to notify a breach in electronic communications took effect (${eprivacyLater.from}, ${eprivacyLater.citation}): it requires no notification to the authority and no notice to the subscriber.`,
    );
  // Regulation 611/2013 applies from 25 August 2013 (Art. 7): a breach before it was notified under
  // Directive 2002/58/EC Art. 4(3) as transposed, "without undue delay", with no 24-hour limit.
  const before611 = when !== undefined && calendarDay(toDate(when), timeZone) < REGULATION_611_FROM;
  const gdprAuthority = gdpr && risk !== 'unlikely';
  let gdprSubjects = gdpr && risk === 'high' && exemptions.length === 0;
  const publicCommunication = gdprSubjects && input.individualContactDisproportionate === true;
  if (publicCommunication) {
    gdprSubjects = false;
    exemptions.push('GDPR Art. 34(3)(c)');
    reason(
      'public-communication',
      'GDPR Art. 34(3)(c)',
      'Att kontakta var och en skulle kräva oproportionerligt stor ansträngning: de berörda informeras i stället genom ett offentligt meddelande.',
      'Contacting each person would take disproportionate effort: the people concerned are informed by a public communication instead.',
    );
  }
  // Regulation 611/2013 Art. 3(2): "likely to adversely affect" is judged from the nature of the data
  // (point (a)), the consequences it makes likely (point (b)) and the circumstances (point (c)). A name,
  // an address and an order that reached one stranger is not, by itself: the default reading tells the
  // subscriber when the data is of a point (a) or (b) kind and the risk is real, or the risk is high.
  // The stricter reading tells the subscriber whenever the risk is not unlikely.
  // Point (a) names "financial information relating to credit card and bank account details": an
  // amount due that gives no substantial insight (ENISA 2013 section 3.1) is not that.
  const adverseKind = [...categories].some(
    (category) =>
      ADVERSE_611.has(category) &&
      (category !== 'credentials' || input.credentialsExpired !== true) &&
      (category !== 'financial' || (input.insight ?? 'substantial') === 'substantial'),
  );
  const adverse611 = strict
    ? risk !== 'unlikely' || adverseKind
    : risk === 'high' ||
      (risk === 'risk' && adverseKind) ||
      input.vulnerableDataSubjects === true ||
      input.safetyRisk === true;
  const subscribers = eprivacy && adverse611 && !unintelligible;
  if (eprivacy && unintelligible) exemptions.push('Regulation 611/2013 Art. 4(2)');

  explainDecisions(
    reason,
    { gdpr, eprivacy, risk, gdprAuthority, gdprSubjects, subscribers, adverse611, one },
    reading,
  );
  const pending = input.needsReview ?? [];
  const silent = !(gdprSubjects || subscribers || publicCommunication);
  const needsReview = pending.length > 0 && (silent || decidedByAttachment);
  // The first three items, worded in each language the reason is given in.
  const listed = (locale: ReportLocale) =>
    `${pending
      .slice(0, 3)
      .map((item) => reviewItemText(item, locale))
      .join('; ')}${pending.length > 3 ? '; …' : ''}`;
  if (needsReview && !silent) {
    reason(
      'needs-review',
      'GDPR Art. 33(4) and 33(5)',
      `${pending.length === 1 ? 'En uppgift' : `${pending.length} uppgifter`} kunde inte läsas (${listed('sv')}). Slutsatsen vilar på vad bilagan kan innehålla: den är preliminär tills en person har granskat bilagan.`,
      `${pending.length === 1 ? 'One item' : `${pending.length} items`} could not be read (${listed('en')}). The conclusion rests on what the attachment may hold: it is provisional until a person has checked the attachment.`,
    );
  } else if (needsReview) {
    // GDPR Art. 33(5) and Art. 9: data of a special category raises the risk to high (ENISA 2013
    // 3.1: sensitive data, basic score 4), so until the lines are classified, no conclusion to
    // stay silent is safe.
    reason(
      'needs-review',
      'GDPR Art. 9(1), 33(5) and 34(1)',
      `${pending.length === 1 ? 'En uppgift' : `${pending.length} uppgifter`} kunde inte klassas (${listed('sv')}). En person måste granska om de avslöjar hälsa eller andra känsliga personuppgifter innan bedömningen kan bli slutlig: slutsatsen att inte anmäla eller underrätta gäller inte förrän dess.`,
      `${pending.length === 1 ? 'One item' : `${pending.length} items`} could not be classified (${listed('en')}). A person must check whether they reveal health or other special categories of personal data before the assessment is final: the conclusion not to notify or tell anyone does not stand until then.`,
    );
  }

  const notifyDataSubjects = gdprSubjects || subscribers;
  if (!notifyDataSubjects && !publicCommunication && risk !== 'unlikely' && outside && !unintelligible) {
    // Not a duty: telling the customer lets them take precautions themselves (GDPR Recital 86), such
    // as watching for someone calling customer service in their name.
    const posing =
      categories.has('name') && (categories.has('customer-number') || categories.has('credentials'));
    recommendations.push({
      code: 'courtesy-notice',
      source: 'GDPR Recital 86; GDPR Art. 34(1) and Regulation 611/2013 Art. 3(1) do not require it here',
      message: one
        ? say(
            `Lagen kräver inte att den berörde underrättas, men det rekommenderas att informera hen som en service, så att hen kan vara uppmärksam${posing ? ' om någon utger sig för att vara hen, till exempel hos kundtjänst' : ''}.`,
            `The law does not require telling the person concerned, but telling them as a courtesy is recommended, so they can stay alert${posing ? ' to someone posing as them, at customer service for example' : ''}.`,
          )
        : say(
            `Lagen kräver inte att de berörda underrättas, men det rekommenderas att informera dem som en service, så att de kan vara uppmärksamma${posing ? ' om någon utger sig för att vara dem, till exempel hos kundtjänst' : ''}.`,
            `The law does not require telling the people concerned, but telling them as a courtesy is recommended, so they can stay alert${posing ? ' to someone posing as them, at customer service for example' : ''}.`,
          ),
    });
  }

  const { judged } = given;
  const deadlines = computeDeadlines(
    input,
    { gdpr, gdprAuthority, gdprSubjects, publicCommunication, subscribers, eprivacy, before611 },
    say,
  );
  // In the United Kingdom the GDPR became the UK GDPR on 1 January 2021, with the same article
  // numbers (European Union (Withdrawal) Act 2018 s. 3): cite the law by the name it had that day, in
  // each country notified, the main establishment's first.
  const lawDay = calendarDay(toDate(when ?? given.now ?? new Date()), 'Europe/London');
  const countries = [
    ...new Set([...(input.country === undefined ? [] : [input.country]), ...(given.countries ?? [])]),
  ];
  const laws =
    countries.length === 0
      ? [gdprName(undefined, lawDay)]
      : [...new Set(countries.map((country) => gdprName(country, lawDay)))];
  const named = (text: string) => citeEach(before611 ? citedBefore611(text) : text, laws);
  const notifyAuthority = gdprAuthority || eprivacy;
  const notReportedBecause = notifyAuthority
    ? undefined
    : gdprRegime && !gdpr && eprivacyLater !== undefined
      ? 'no-notification-duty'
      : gdprRegime && !gdpr
        ? 'gdpr-not-applicable'
        : eprivacyLater !== undefined
          ? 'eprivacy-not-applicable'
          : decidingReason(reasons);
  return {
    risk,
    notifyAuthority,
    notifyDataSubjects,
    exemptions: exemptions.map(named),
    enisa,
    deadlines:
      countries.length > 1
        ? deadlinesOfEach(deadlines, countries, lawDay)
        : deadlines.map((deadline) => ({ ...deadline, article: named(deadline.article) })),
    reasons: reasons.map((entry) => ({ ...entry, source: named(entry.source) })),
    recommendations: recommendations.map((entry) => ({
      ...entry,
      source:
        countries.length > 1
          ? citeEachCountry(
              before611 ? citedBefore611(entry.source) : entry.source,
              countries,
              lawDay,
              eprivacy,
            )
          : named(entry.source),
    })),
    precedents: findPrecedents(input, given.decisions ?? breachDecisions, locale, {
      notifyAuthority: judged?.notifyAuthority ?? (gdprAuthority || eprivacy),
      notifyDataSubjects: judged?.notifyDataSubjects ?? notifyDataSubjects,
      decidingReason: decidingReason(reasons),
      profile,
      open: given.conclusionsOpen === true,
      // Each authority notified reads the breach itself: its decisions count as the own authority's.
      ...(countries.length > 1 ? { countries } : {}),
      gdpr: gdpr
        ? {
            // A telecom's filing is owed under Regulation 611/2013 whatever the risk (Art. 2(1)): a
            // judgment that the authority is notified says nothing of the GDPR's Art. 33 on its own,
            // one that it is not says it of both.
            notifyAuthority:
              judged?.notifyAuthority === false || !eprivacy
                ? (judged?.notifyAuthority ?? gdprAuthority)
                : gdprAuthority,
            notifyDataSubjects: judged?.notifyDataSubjects ?? (gdprSubjects || publicCommunication),
          }
        : undefined,
    }),
    profile,
    ...(given.largeScale === undefined ? {} : { largeScale: given.largeScale }),
    ...(needsReview ? { needsReview: true } : {}),
    ...(notReportedBecause === undefined ? {} : { notReportedBecause }),
    ...(given.decisions === undefined ? {} : { decisionsGiven: true as const }),
  };
}

/**
 * Where the law in force in the organisation's country on the day of the breach had no duty yet to
 * notify a breach in electronic communications, the day the duty took effect and the provision that
 * brought it: in Sweden 1 July 2011, when 6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation
 * came into force (SFS 2011:588, implementing Directive 2009/136/EC); in the United Kingdom 26 May
 * 2011, PECR reg. 5A (SI 2011/1208). The days are those of the legal bases table (`legalBases`),
 * read where the organisation is, as findAuthority reads them.
 */
function eprivacyDutyFrom(
  input: Pick<BreachFacts, 'country' | 'occurredAt' | 'detectedAt'>,
  timeZone: string | undefined,
): { from: string; citation: string } | undefined {
  const when = input.occurredAt ?? input.detectedAt;
  if (when === undefined || input.country === undefined) return undefined;
  const day = calendarDay(toDate(when), timeZone ?? countryTimeZone(input.country));
  const law = lawInForce(input.country, 'eprivacy', day);
  if (law.notificationDuty || law.until === undefined) return undefined;
  const citation = lawInForce(input.country, 'eprivacy', law.until).citations[0];
  return citation === undefined ? undefined : { from: law.until, citation };
}

/**
 * A citation of Regulation 611/2013 as what applied before it (25 August 2013, Art. 7): the duties it
 * details were Directive 2002/58/EC Art. 4(3) (the authority, and the subscriber in its second
 * subparagraph, the exemption for unintelligible data in its third), and what "adversely affect" meant
 * was Directive 2009/136/EC Recital 61 (identity theft or fraud, physical harm, humiliation, damage to
 * reputation), not the Regulation's Art. 3(2).
 */
function citedBefore611(text: string): string {
  return text
    .replace(/Regulation 611\/2013 Art\. 2\([0-9]\)/g, 'Directive 2002/58/EC Art. 4(3)')
    .replace(
      /Regulation 611\/2013 Art\. 3\(1\)( and 3\(2\))?/g,
      'Directive 2002/58/EC Art. 4(3), second subparagraph',
    )
    .replace(
      /Regulation 611\/2013 Art\. 3\(2\)(\([a-c]\)( and \([a-c]\))?)?/g,
      'Directive 2009/136/EC Recital 61',
    )
    .replace(/Regulation 611\/2013 Art\. 4\(2\)/g, 'Directive 2002/58/EC Art. 4(3), third subparagraph');
}

/**
 * A citation of the GDPR once for each law it stands for: `GDPR Art. 33(1)` for Sweden and the United
 * Kingdom reads `GDPR Art. 33(1); UK GDPR Art. 33(1)`, each part of a `;`-list that names the GDPR
 * repeated with the UK GDPR's name (the same article numbers: European Union (Withdrawal) Act 2018 s. 3).
 */
function citeEach(text: string, laws: readonly ('GDPR' | 'UK GDPR')[]): string {
  const gdpr = /(?<!UK )\bGDPR\b/g;
  return text
    .split('; ')
    .flatMap((part) =>
      isRecital(part)
        ? [recitalFor(part, laws.includes('UK GDPR'))]
        : gdpr.test(part)
          ? laws.map((law) => part.replace(gdpr, law))
          : [part],
    )
    .join('; ');
}

/** A part of a citation that cites the GDPR's recitals (`GDPR Recital 85`, `GDPR Recital 75 and 85`). */
function isRecital(part: string): boolean {
  return /^GDPR Recitals? /.test(part);
}

/**
 * A recital of the GDPR, cited once whatever the countries: the UK GDPR kept the articles but has no
 * recitals of its own (European Union (Withdrawal) Act 2018 s. 3 retained the operative text), and the
 * EU GDPR's recitals are read there as guidance to its meaning (the ICO's guide to the UK GDPR cites
 * them so), which the citation says where the United Kingdom is among the countries.
 */
function recitalFor(part: string, uk: boolean): string {
  return uk ? `${part} (the EU GDPR's, read as guidance for the UK GDPR, which has no recitals)` : part;
}

/**
 * A citation for each country notified, where several are: each part that names the GDPR once per
 * country under the name of its law there (as {@link citeEach}), and, under the e-privacy regime,
 * Regulation 611/2013 with the country's own provisions beside it where its legal basis cites more
 * (`LegalBasis.deadlineCitation`: PECR reg. 5A in the United Kingdom), so that what a recommendation
 * rests on is each notified country's law, not the main establishment's alone.
 */
function citeEachCountry(text: string, countries: readonly string[], day: string, eprivacy: boolean): string {
  const gdpr = /(?<!UK )\bGDPR\b/g;
  const uk = countries.some((country) => gdprName(country, day) === 'UK GDPR');
  const parts = text.split('; ').flatMap((part) =>
    isRecital(part)
      ? [recitalFor(part, uk)]
      : gdpr.test(part)
        ? countries.map((country) => {
            const national = eprivacy ? lawInForce(country, 'eprivacy', day).deadlineCitation : undefined;
            const named = part.replace(gdpr, gdprName(country, day));
            return national === undefined
              ? named
              : named.replace(
                  /Regulation 611\/2013 Art\. [0-9]+\([0-9]+\)/,
                  (article) => `${article} and ${national}`,
                );
          })
        : [part],
  );
  return [...new Set(parts)].join('; ');
}

/**
 * The deadlines when several countries' authorities are notified: one under the GDPR's Art. 33 and
 * 34 for each country, citing its own law (the UK GDPR in the United Kingdom) with the provisions its
 * legal basis cites beside them (`LegalBasis.deadlineCitation`: the Data Protection Act 2018 that
 * supplements it from 25 May 2018, DPA 2018 s. 1 and Part 2), so that each authority's deadline is
 * read from its own entry. A provider's e-privacy deadlines are one for the countries whose law is
 * Regulation 611/2013 alone (it applies in each), and one of its own for each country whose law cites
 * more (PECR reg. 5A in the United Kingdom); the record is one (GDPR Art. 33(5) is one record).
 */
function deadlinesOfEach(
  deadlines: readonly Deadline[],
  countries: readonly string[],
  day: string,
): Deadline[] {
  const laws = [...new Set(countries.map((country) => gdprName(country, day)))];
  const own = (country: string, regime: 'gdpr' | 'eprivacy') =>
    lawInForce(country, regime, day).deadlineCitation;
  return deadlines.flatMap((deadline): Deadline[] => {
    if (deadline.to === 'record') return [{ ...deadline, article: citeEach(deadline.article, laws) }];
    if (/^GDPR\b/.test(deadline.article))
      return countries.map((country) => {
        const national = own(country, 'gdpr');
        return {
          ...deadline,
          article: `${citeEach(deadline.article, [gdprName(country, day)])}${national === undefined ? '' : `; ${national}`}`,
          country,
        };
      });
    const differing = countries.flatMap((country) => {
      const national = own(country, 'eprivacy');
      return national === undefined
        ? []
        : [{ ...deadline, article: `${deadline.article}; ${national}`, country }];
    });
    return [...(differing.length < countries.length ? [deadline] : []), ...differing];
  });
}

// The reasons that set the risk level, in the order assessBreach applies them: the last one present
// decided the case, and its published basis is what a precedent should support.
export const LEVEL_REASONS: ReadonlySet<string> = new Set([
  'enisa-score',
  'large-scale',
  'identity-theft',
  'financial-loss',
  'account-takeover',
  'many-people',
  'strict-outsider',
  'internal-recipient',
  'trusted-recipient-not-enough',
  'trusted-recipient',
  'other-organisation',
  'returned-unopened',
  'unintelligible',
  'judged-risk',
]);

/** The code of the reason that decided the risk level: the last of those that set it. */
function decidingReason(reasons: readonly AssessmentReason[]): string | undefined {
  return reasons.filter((reason) => LEVEL_REASONS.has(reason.code)).at(-1)?.code;
}

type Reason = (code: string, source: string, swedish: string, english: string) => void;
type Facts = z.output<typeof BreachFactsSchema>;

function scoreEnisa(
  facts: Facts,
  categories: ReadonlySet<DataCategory>,
  reason: Reason,
  { strict, unintelligible, one }: { strict: boolean; unintelligible: boolean; one: boolean },
): EnisaSeverity {
  const insight = facts.insight ?? 'substantial';
  // Login details that had expired or were voided before anyone could use them open no account, so
  // they weigh as nothing beyond contact data: the score does not raise them above simple data, and
  // the reason `credentials-expired` says they do not make the risk high (EDPB Guidelines 01/2021
  // Case No. 07: the risk of login details is the account they open; GDPR Art. 34(3)(a) and (b)).
  const deadCredentials = facts.credentialsExpired === true;
  let dpc = 1;
  for (const category of categories) {
    if (category === 'credentials' && deadCredentials) continue;
    dpc = Math.max(dpc, adjustForInsight(enisaBasicScores[category], enisaDataTypes[category], insight));
  }
  if (
    categories.has('name') &&
    (categories.has('customer-number') || (categories.has('credentials') && !deadCredentials))
  ) {
    // ENISA 2013 section 3.1: simple data +1 when it allows more than contact. A name with a customer
    // number is what a caller gives a customer service to pass as the customer (the seed case).
    if (dpc < 2) {
      dpc = 2;
      // A message that came back unopened was seen by nobody: the score still weighs the data, but
      // the reason warns of no impersonation nobody could attempt (GDPR Art. 4(12): no disclosure).
      if (facts.returnedUnopened === true)
        reason(
          'impersonation',
          'ENISA 2013 section 3.1; GDPR Recital 85',
          `Namn tillsammans med kundnummer väger tyngre än enbart kontaktuppgifter; ${facts.channel === 'post' ? 'brevet' : 'meddelandet'} kom tillbaka oöppnat, så ingen har kunnat använda dem.`,
          `A name with a customer number weighs more than contact details alone; the ${facts.channel === 'post' ? 'letter' : 'message'} came back unopened, so nobody could use them.`,
        );
      else
        reason(
          'impersonation',
          'ENISA 2013 section 3.1; GDPR Recital 85',
          'Namn tillsammans med kundnummer räcker för att utge sig för att vara kunden hos kundtjänst.',
          'A name with a customer number is enough to pass as the customer when calling customer service.',
        );
    }
  }
  if (facts.vulnerableDataSubjects === true || facts.safetyRisk === true) {
    // ENISA 2013 section 3.1: +3 when the data can be critical for personal safety or vulnerable groups.
    dpc = 4;
    reason(
      'vulnerable',
      'ENISA 2013 section 3.1; GDPR Recital 75',
      one
        ? 'Den berörda personen är särskilt sårbar eller kan utsättas för fara.'
        : 'Berörda personer är särskilt sårbara eller kan utsättas för fara.',
      one
        ? 'The person concerned is particularly vulnerable or could be put in danger.'
        : 'The people concerned are particularly vulnerable or could be put in danger.',
    );
  }
  dpc = Math.min(4, Math.max(1, dpc));
  const ei = easeOfIdentification(categories, unintelligible);
  let cb = 0;
  if (facts.recipient === 'internal' || facts.recipient === 'trusted') cb += 0.25;
  else if (
    // The stricter reading does not rely on a stranger's word that the data was deleted
    // (UODO DKN.5131.7.2020: the recipient's declaration did not relieve the controller).
    !strict &&
    (facts.recipient === 'unknown-individual' || facts.recipient === 'other-organisation') &&
    facts.maliciousIntent !== true &&
    (facts.recipientConfirmedDeletion === true || facts.dataRecovered === true)
  )
    cb += 0.25;
  else cb += 0.5;
  if (facts.maliciousIntent === true) cb += 0.5;
  const score = Math.round((dpc * ei + cb) * 100) / 100;
  const band: EnisaBand = score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'very-high';
  return { dpc, ei, cb, score, band };
}

function adjustForInsight(
  basic: number,
  type: 'simple' | 'behavioural' | 'financial' | 'sensitive',
  insight: 'minimal' | 'limited' | 'substantial',
): number {
  // ENISA 2013 section 3.1: sensitive data -3/-2, financial -2/-1, behavioural -1 when the data gives
  // no substantial insight or allows only general assumptions.
  if (insight === 'substantial' || type === 'simple') return basic;
  const drop = {
    sensitive: { minimal: 3, limited: 2 },
    financial: { minimal: 2, limited: 1 },
    behavioural: { minimal: 1, limited: 0 },
  }[type][insight];
  return Math.max(1, basic - drop);
}

function easeOfIdentification(categories: ReadonlySet<DataCategory>, unintelligible: boolean): number {
  // ENISA 2013 section 3.2: negligible 0.25, limited 0.5, significant 0.75, maximum 1.
  if (unintelligible) return 0.25;
  if (categories.has('national-id-number') || categories.has('id-document-number')) return 1;
  if (categories.has('name') && [...categories].some((category) => IDENTIFYING_WITH_NAME.has(category)))
    return 1;
  if (
    categories.has('name') ||
    categories.has('email-address') ||
    categories.has('phone-number') ||
    categories.has('contact-details') ||
    categories.has('postal-address')
  )
    return 0.75;
  return 0.5;
}

/**
 * What came back unopened, named as what it was where the channel is recorded (GDPR Art. 34(2) with
 * Art. 33(3)(a): the nature of the breach, described as it happened): a letter, an e-mail, else
 * either. Swedish agrees the participle with the noun ("brevet ... oöppnat", "försändelsen ... oöppnad").
 */
function cameBack(channel: BreachFacts['channel']): { readonly sv: string; readonly en: string } {
  if (channel === 'post') return { sv: 'Brevet kom tillbaka oöppnat', en: 'The letter came back unopened' };
  if (channel === 'email')
    return { sv: 'E-postmeddelandet kom tillbaka oöppnat', en: 'The e-mail came back unopened' };
  return { sv: 'Försändelsen kom tillbaka oöppnad', en: 'The letter or e-mail came back unopened' };
}

/** `DPC × EI + CB = SE` with the locale's decimal sign (`2 × 1 + 0,25 = 2,25` in Swedish). */
export function formatSeverity(enisa: EnisaSeverity, locale: 'sv' | 'en'): string {
  const number = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });
  return `${number.format(enisa.dpc)} × ${number.format(enisa.ei)} + ${number.format(enisa.cb)} = ${number.format(enisa.score)}`;
}

function riskLevelSv(risk: RiskLevel): string {
  return { unlikely: 'osannolik risk', risk: 'risk', high: 'hög risk' }[risk];
}

/** ENISA 2013's band in words ("very high"), as the report prints it, not the value `very-high`. */
function bandEn(band: EnisaBand): string {
  return band === 'very-high' ? 'very high' : band;
}

function bandSv(band: EnisaBand): string {
  return { low: 'låg', medium: 'medel', high: 'hög', 'very-high': 'mycket hög' }[band];
}

function explainDecisions(
  reason: Reason,
  decision: {
    gdpr: boolean;
    eprivacy: boolean;
    risk: RiskLevel;
    gdprAuthority: boolean;
    gdprSubjects: boolean;
    subscribers: boolean;
    adverse611: boolean;
    /** One person is concerned: spoken of as one. */
    one: boolean;
  },
  reading: string,
): void {
  if (decision.eprivacy) {
    reason(
      'eprivacy-authority',
      'Regulation 611/2013 Art. 2(1)',
      'Som leverantör av elektroniska kommunikationstjänster ska varje personuppgiftsincident anmälas till tillsynsmyndigheten, oavsett risk.',
      'As a provider of electronic communications services, every personal data breach is notified to the authority, whatever the risk.',
    );
    reason(
      decision.subscribers ? 'subscriber-adversely-affected' : 'subscriber-not-affected',
      'Regulation 611/2013 Art. 3(1) and 3(2)',
      decision.subscribers
        ? 'Incidenten kan antas påverka abonnentens personuppgifter eller integritet negativt (till exempel identitetsstöld eller bedrägeri): abonnenten ska underrättas.'
        : `Incidenten kan inte antas påverka abonnentens personuppgifter eller integritet negativt (${reading}): att underrätta abonnenten är inte obligatoriskt.`,
      decision.subscribers
        ? 'The breach is likely to adversely affect the subscriber’s personal data or privacy (identity theft or fraud, for example): the subscriber is told.'
        : `The breach is not likely to adversely affect the subscriber’s personal data or privacy (${reading}): telling the subscriber is not mandatory.`,
    );
  }
  if (decision.gdpr) {
    reason(
      decision.gdprAuthority ? 'gdpr-authority' : 'gdpr-record-only',
      'GDPR Art. 33(1) and 33(5)',
      decision.gdprAuthority
        ? 'Incidenten kan medföra en risk för fysiska personers rättigheter och friheter: den anmäls till tillsynsmyndigheten.'
        : 'Det är osannolikt att incidenten medför en risk för fysiska personers rättigheter och friheter: den dokumenteras internt men anmäls inte.',
      decision.gdprAuthority
        ? 'The breach is likely to result in a risk to the rights and freedoms of natural persons: it is notified to the authority.'
        : 'The breach is unlikely to result in a risk to the rights and freedoms of natural persons: it is documented but not notified.',
    );
    const registered = decision.one ? 'den registrerade' : 'de registrerade';
    reason(
      decision.gdprSubjects ? 'gdpr-subjects' : 'gdpr-no-subjects',
      'GDPR Art. 34(1)',
      decision.gdprSubjects
        ? `Risken är hög: ${registered} informeras utan onödigt dröjsmål.`
        : `Risken är inte hög (eller ett undantag i artikel 34.3 gäller): ${registered} behöver inte informeras enligt artikel 34.`,
      decision.gdprSubjects
        ? `The risk is high: ${decision.one ? 'the data subject is' : 'the data subjects are'} told without undue delay.`
        : `The risk is not high (or an Art. 34(3) exemption applies): Art. 34 does not require telling ${decision.one ? 'the data subject' : 'the data subjects'}.`,
    );
  }
}

function computeDeadlines(
  facts: Facts,
  decision: {
    gdpr: boolean;
    gdprAuthority: boolean;
    gdprSubjects: boolean;
    publicCommunication: boolean;
    subscribers: boolean;
    eprivacy: boolean;
    before611: boolean;
  },
  say: (swedish: string, english: string) => string,
): Deadline[] {
  const detected = facts.detectedAt === undefined ? undefined : toDate(facts.detectedAt);
  const due = (hours: number, from: Date | undefined = detected) =>
    from === undefined ? {} : { due: addHours(from, hours).toISOString() };
  const deadlines: Deadline[] = [];
  if (decision.eprivacy && decision.before611) {
    // Before Regulation 611/2013: Directive 2002/58/EC Art. 4(3) (as amended by Directive
    // 2009/136/EC) set no number of hours, only "without undue delay", for the authority and, where
    // the breach is likely to adversely affect them, the subscriber (its second subparagraph).
    deadlines.push({
      to: 'authority',
      article: 'Directive 2002/58/EC Art. 4(3)',
      within: say('utan onödigt dröjsmål', 'without undue delay'),
    });
    if (decision.subscribers)
      deadlines.push({
        to: 'subscribers',
        article: 'Directive 2002/58/EC Art. 4(3), second subparagraph',
        within: say('utan onödigt dröjsmål', 'without undue delay'),
      });
  } else if (decision.eprivacy) {
    // Regulation 611/2013 Art. 2(2): no later than 24 hours after detection, where feasible.
    deadlines.push({
      to: 'authority',
      article: 'Regulation 611/2013 Art. 2(2)',
      ...due(24),
      within: say('inom 24 timmar från upptäckten', 'within 24 hours of detection'),
    });
    // Art. 2(3): when the first notification lacks Annex I section 2, the rest follows within three
    // days of that first notification. Until it is made, its time is unknown, and so is the date.
    deadlines.push({
      to: 'authority',
      article: 'Regulation 611/2013 Art. 2(3)',
      ...(facts.initialNotificationAt === undefined ? {} : due(72, toDate(facts.initialNotificationAt))),
      within: say(
        'fullständig anmälan inom tre dagar efter den första, om den första saknade uppgifter',
        'complete notification within three days of the first, if the first was incomplete',
      ),
    });
    if (decision.subscribers) {
      deadlines.push({
        to: 'subscribers',
        article: 'Regulation 611/2013 Art. 3(1)',
        within: say('utan onödigt dröjsmål efter upptäckten', 'without undue delay after detection'),
      });
    }
  }
  if (decision.gdprAuthority) {
    deadlines.push({
      to: 'authority',
      article: 'GDPR Art. 33(1)',
      ...due(72),
      within: say(
        'utan onödigt dröjsmål och om möjligt inom 72 timmar från kännedom',
        'without undue delay and, where feasible, within 72 hours of becoming aware',
      ),
    });
  }
  if (decision.gdprSubjects) {
    deadlines.push({
      to: 'data-subjects',
      article: 'GDPR Art. 34(1)',
      within: say('utan onödigt dröjsmål', 'without undue delay'),
    });
  }
  if (decision.publicCommunication) {
    deadlines.push({
      to: 'data-subjects',
      article: 'GDPR Art. 34(3)(c)',
      within: say(
        'genom ett offentligt meddelande, utan onödigt dröjsmål',
        'by a public communication, without undue delay',
      ),
    });
  }
  const record = [
    ...(decision.gdpr ? ['GDPR Art. 33(5)'] : []),
    ...(decision.eprivacy ? ['Directive 2002/58/EC Art. 4(4)'] : []),
  ];
  if (record.length > 0)
    deadlines.push({
      to: 'record',
      article: record.join('; '),
      within: say('dokumenteras alltid, oavsett anmälan', 'always documented, notified or not'),
    });
  return deadlines;
}
