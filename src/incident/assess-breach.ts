import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import {
  type DataCategory,
  DataCategorySchema,
  enisaBasicScores,
  enisaDataTypes,
} from './data/data-categories.js';
import { calendarDay, gdprAppliesFrom } from './data/legal-bases.js';
import { addHours, DateInputSchema, toDate } from './date-input.js';
import { impossibleMoments, refuseIssues } from './impossible-facts.js';
import { LargeScaleSchema, LocaleSchema } from './option-schemas.js';

/** The legal regimes a breach is assessed under. */
export const RegimeSchema = z.enum(['gdpr', 'eprivacy']);
/**
 * `gdpr`: GDPR Art. 33 and 34. `eprivacy`: Directive 2002/58/EC Art. 4(3) with Regulation (EU)
 * 611/2013, for providers of publicly available electronic communications services.
 */
export type Regime = z.infer<typeof RegimeSchema>;

/** Who received the data that should not have (the circumstance regulators weigh most). */
export const RecipientSchema = z.enum(['internal', 'trusted', 'unknown-individual', 'public']);
/**
 * `internal`: someone inside the organisation; `trusted`: a known party the organisation can hold to
 * account (a partner, a processor, a professional); `unknown-individual`: a private person outside
 * the organisation; `public`: published, or sent to so many that it is as good as published.
 */
export type Recipient = z.infer<typeof RecipientSchema>;

/** How much the exposed data reveals about the person (the ENISA 2013 section 3.1 adjustments). */
export const InsightSchema = z.enum(['minimal', 'limited', 'substantial']);

/**
 * The facts of a breach as {@link assessBreach} reads them.
 *
 * @example
 * ```ts
 * BreachFactsSchema.safeParse({ regimes: ['gdpr'], dataCategories: ['name'], dataSubjects: 1, recipient: 'trusted' }).success; // true
 * ```
 */
export const BreachFactsSchema = z.object({
  /** The regimes the organisation falls under: `['gdpr']`, or `['eprivacy', 'gdpr']` for telecoms. */
  regimes: z.array(RegimeSchema).min(1, 'name at least one regime'),
  /** The kinds of personal data the breach exposed. */
  dataCategories: z.array(DataCategorySchema).min(1, 'name at least one data category'),
  /** How many people the data is about. */
  dataSubjects: z.number().int().positive(),
  /** Who received it. */
  recipient: RecipientSchema,
  /** The recipient is bound by professional secrecy or a confidentiality agreement. */
  recipientBoundBySecrecy: z.boolean().optional(),
  /** The recipient confirmed in writing that the data was deleted and not used or passed on. */
  recipientConfirmedDeletion: z.boolean().optional(),
  /** The data was recalled or returned before anyone could use it. */
  dataRecovered: z.boolean().optional(),
  /** The data was encrypted with a state-of-the-art algorithm and the key was not exposed. */
  encrypted: z.boolean().optional(),
  /** Someone acted deliberately to obtain or misuse the data. */
  maliciousIntent: z.boolean().optional(),
  /** Children, patients, people with protected identities or others at particular risk are among them. */
  vulnerableDataSubjects: z.boolean().optional(),
  /** The disclosure could endanger someone's physical safety (a protected address, a stalker). */
  safetyRisk: z.boolean().optional(),
  /**
   * Telling each person individually would take disproportionate effort (no contact details for
   * most of them); a public communication is made instead (GDPR Art. 34(3)(c)).
   */
  individualContactDisproportionate: z.boolean().optional(),
  /**
   * How much the data reveals: `minimal` (a fact with no real insight, such as a food intolerance),
   * `limited` (allows general assumptions) or `substantial`.
   */
  insight: InsightSchema.optional(),
  /**
   * What a person must still classify before the breach can be judged harmless: order lines the
   * inventory could not tell apart from health or other special-category data (GDPR Art. 9).
   */
  needsReview: z.array(z.string().min(1)).optional(),
  /** When the breach happened. */
  occurredAt: DateInputSchema.optional(),
  /** When the organisation became aware of it (the start of every deadline). */
  detectedAt: DateInputSchema.optional(),
  /** When the first notification to the authority was made, if it was (Regulation 611/2013 Art. 2(3)). */
  initialNotificationAt: DateInputSchema.optional(),
  /**
   * ISO 3166-1 alpha-2 code of the organisation's country: the GDPR applies from 25 May 2018 in the
   * EU and from 20 July 2018 in Norway, Iceland and Liechtenstein.
   */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166-1 code such as SE')
    .optional(),
});

/**
 * The optional circumstances that raise or lower the risk (who holds the data, what was done).
 *
 * @example
 * ```ts
 * BreachCircumstancesSchema.parse({ recipientConfirmedDeletion: true }); // { recipientConfirmedDeletion: true }
 * ```
 */
export const BreachCircumstancesSchema = BreachFactsSchema.pick({
  recipientBoundBySecrecy: true,
  recipientConfirmedDeletion: true,
  dataRecovered: true,
  encrypted: true,
  maliciousIntent: true,
  vulnerableDataSubjects: true,
  safetyRisk: true,
  individualContactDisproportionate: true,
  insight: true,
  needsReview: true,
});

/** The facts of a breach as the caller passes them (see {@link BreachFactsSchema}). */
export type BreachFacts = z.input<typeof BreachFactsSchema>;

/** The GDPR's three levels of risk to the rights and freedoms of natural persons (Art. 33(1), 34(1)). */
export const RiskLevelSchema = z.enum(['unlikely', 'risk', 'high']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

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
});
export type Deadline = z.infer<typeof DeadlineSchema>;

/** One step of the reasoning, with the article, guideline or method it rests on. */
export const AssessmentReasonSchema = z.object({ code: z.string(), message: z.string(), source: z.string() });
export type AssessmentReason = z.infer<typeof AssessmentReasonSchema>;

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
  notifyAuthority: z.boolean(),
  notifyDataSubjects: z.boolean(),
  /** Exemptions from telling the people concerned (GDPR Art. 34(3), Regulation 611/2013 Art. 4(2)). */
  exemptions: z.array(z.string()),
  enisa: EnisaSeveritySchema,
  deadlines: z.array(DeadlineSchema),
  reasons: z.array(AssessmentReasonSchema),
  /**
   * Data remains that a person must classify (`needsReview` among the facts): a conclusion that the
   * breach need not be notified, or the people concerned not told, is not final until then.
   */
  needsReview: z.boolean().optional(),
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
}

const AssessBreachOptionsSchema = z.object({
  locale: LocaleSchema.optional(),
  largeScale: LargeScaleSchema.optional(),
  risk: RiskLevelSchema.optional(),
});

const LEVELS: readonly RiskLevel[] = ['unlikely', 'risk', 'high'];
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
]);
const IDENTIFYING_WITH_NAME: ReadonlySet<DataCategory> = new Set([
  'postal-address',
  'date-of-birth',
  'customer-number',
  'email-address',
  'phone-number',
  'contact-details',
]);

/**
 * Assesses a personal-data breach the way a supervisory authority expects: the ENISA 2013 severity
 * score, the GDPR risk level, whether the authority and the people concerned must be told, by when
 * and why. Pure and synchronous; throws {@link InvalidInputError} only when the facts break
 * {@link BreachFactsSchema} or an option is not one it knows.
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
  refuseIssues(
    impossibleMoments({
      occurredAt: [input.occurredAt, ['facts', 'occurredAt']],
      detectedAt: [input.detectedAt, ['facts', 'detectedAt']],
      initialNotificationAt: [input.initialNotificationAt, ['facts', 'initialNotificationAt']],
    }),
  );
  const sv = (given.locale ?? 'en') === 'sv';
  const say = (swedish: string, english: string): string => (sv ? swedish : english);
  const reasons: AssessmentReason[] = [];
  const reason = (code: string, source: string, swedish: string, english: string) =>
    reasons.push({ code, source, message: say(swedish, english) });
  const categories = new Set(input.dataCategories);

  const enisa = scoreEnisa(input, categories, reason);
  let level = enisa.band === 'low' ? 0 : enisa.band === 'medium' ? 1 : 2;
  reason(
    'enisa-score',
    'ENISA 2013, Recommendations for a methodology of the assessment of severity of personal data breaches, section 2',
    `Allvarlighetsgrad enligt ENISA: ${formatSeverity(enisa, 'sv')} (${bandSv(enisa.band)}).`,
    `ENISA severity: ${formatSeverity(enisa, 'en')} (${enisa.band}).`,
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

  const heldToAccount =
    (input.recipient === 'trusted' || input.recipient === 'internal') &&
    (input.recipientBoundBySecrecy === true ||
      input.recipientConfirmedDeletion === true ||
      input.dataRecovered === true);
  if (heldToAccount && input.maliciousIntent !== true && level > 0) {
    level -= 1;
    reason(
      'trusted-recipient',
      'EDPB Guidelines 01/2021, Case No. 09; WP250 rev.01 section IV.B',
      'Mottagaren är känd, kan hållas ansvarig och har raderat eller återlämnat uppgifterna, vilket sänker risken ett steg.',
      'The recipient is known, can be held to account and has deleted or returned the data, which lowers the risk one level.',
    );
  }

  if (input.encrypted === true) {
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
  if (input.encrypted === true) exemptions.push('GDPR Art. 34(3)(a)');
  if (risk === 'high' && input.dataRecovered === true && input.maliciousIntent !== true) {
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
  // before that day has no Art. 33 or 34 duty, whatever the risk. The day is read in Swedish time, as
  // findAuthority reads it by default.
  const when = input.occurredAt ?? input.detectedAt;
  const gdprFrom = gdprAppliesFrom(input.country);
  const gdpr = gdprRegime && (when === undefined || calendarDay(toDate(when)) >= gdprFrom);
  if (gdprRegime && !gdpr)
    reason(
      'gdpr-not-applicable',
      'GDPR Art. 99(2)',
      `Incidenten inträffade innan dataskyddsförordningen började tillämpas (${gdprFrom}): artiklarna 33 och 34 gäller inte, och anmälan till dataskyddsmyndigheten krävs inte enligt dem.`,
      `The breach happened before the GDPR applied (${gdprFrom}): Articles 33 and 34 do not apply, and they require no notification to the data protection authority.`,
    );
  const eprivacy = input.regimes.includes('eprivacy');
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
  const adverse611 = risk !== 'unlikely' || [...categories].some((category) => ADVERSE_611.has(category));
  const subscribers = eprivacy && adverse611 && input.encrypted !== true;
  if (eprivacy && input.encrypted === true) exemptions.push('Regulation 611/2013 Art. 4(2)');

  explainDecisions(reason, { gdpr, eprivacy, risk, gdprAuthority, gdprSubjects, subscribers, adverse611 });
  const pending = input.needsReview ?? [];
  const needsReview = pending.length > 0 && !(gdprSubjects || subscribers || publicCommunication);
  if (needsReview) {
    // GDPR Art. 33(5) and Art. 9: data of a special category raises the risk to high (ENISA 2013
    // 3.1: sensitive data, basic score 4), so until the lines are classified, no conclusion to
    // stay silent is safe.
    reason(
      'needs-review',
      'GDPR Art. 9(1), 33(5) and 34(1)',
      `${pending.length === 1 ? 'En uppgift' : `${pending.length} uppgifter`} kunde inte klassas (${pending.slice(0, 3).join('; ')}${pending.length > 3 ? '; …' : ''}). En person måste granska om de avslöjar hälsa eller andra känsliga personuppgifter innan bedömningen kan bli slutlig: slutsatsen att inte anmäla eller underrätta gäller inte förrän dess.`,
      `${pending.length === 1 ? 'One item' : `${pending.length} items`} could not be classified (${pending.slice(0, 3).join('; ')}${pending.length > 3 ? '; …' : ''}). A person must check whether they reveal health or other special categories of personal data before the assessment is final: the conclusion not to notify or tell anyone does not stand until then.`,
    );
  }

  const deadlines = computeDeadlines(
    input,
    { gdpr, gdprAuthority, gdprSubjects, publicCommunication, subscribers, eprivacy },
    say,
  );
  return {
    risk,
    notifyAuthority: gdprAuthority || eprivacy,
    notifyDataSubjects: gdprSubjects || subscribers,
    exemptions,
    enisa,
    deadlines,
    reasons,
    ...(needsReview ? { needsReview: true } : {}),
  };
}

type Reason = (code: string, source: string, swedish: string, english: string) => void;
type Facts = z.output<typeof BreachFactsSchema>;

function scoreEnisa(facts: Facts, categories: ReadonlySet<DataCategory>, reason: Reason): EnisaSeverity {
  const insight = facts.insight ?? 'substantial';
  let dpc = 1;
  for (const category of categories) {
    dpc = Math.max(dpc, adjustForInsight(enisaBasicScores[category], enisaDataTypes[category], insight));
  }
  if (categories.has('name') && (categories.has('customer-number') || categories.has('credentials'))) {
    // ENISA 2013 section 3.1: simple data +1 when it allows more than contact. A name with a customer
    // number is what a caller gives a customer service to pass as the customer (the seed case).
    if (dpc < 2) {
      dpc = 2;
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
      'Berörda personer är särskilt sårbara eller kan utsättas för fara.',
      'The people concerned are particularly vulnerable or could be put in danger.',
    );
  }
  dpc = Math.min(4, Math.max(1, dpc));
  const ei = easeOfIdentification(facts, categories);
  let cb = 0;
  if (facts.recipient === 'internal' || facts.recipient === 'trusted') cb += 0.25;
  else if (
    facts.recipient === 'unknown-individual' &&
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

function easeOfIdentification(facts: Facts, categories: ReadonlySet<DataCategory>): number {
  // ENISA 2013 section 3.2: negligible 0.25, limited 0.5, significant 0.75, maximum 1.
  if (facts.encrypted === true) return 0.25;
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

/** `DPC × EI + CB = SE` with the locale's decimal sign (`2 × 1 + 0,25 = 2,25` in Swedish). */
export function formatSeverity(enisa: EnisaSeverity, locale: 'sv' | 'en'): string {
  const number = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });
  return `${number.format(enisa.dpc)} × ${number.format(enisa.ei)} + ${number.format(enisa.cb)} = ${number.format(enisa.score)}`;
}

function riskLevelSv(risk: RiskLevel): string {
  return { unlikely: 'osannolik risk', risk: 'risk', high: 'hög risk' }[risk];
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
  },
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
        : 'Incidenten kan inte antas påverka abonnentens personuppgifter eller integritet negativt.',
      decision.subscribers
        ? 'The breach is likely to adversely affect the subscriber’s personal data or privacy (identity theft or fraud, for example): the subscriber is told.'
        : 'The breach is not likely to adversely affect the subscriber’s personal data or privacy.',
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
    reason(
      decision.gdprSubjects ? 'gdpr-subjects' : 'gdpr-no-subjects',
      'GDPR Art. 34(1)',
      decision.gdprSubjects
        ? 'Risken är hög: de registrerade informeras utan onödigt dröjsmål.'
        : 'Risken är inte hög (eller ett undantag i artikel 34.3 gäller): de registrerade behöver inte informeras enligt artikel 34.',
      decision.gdprSubjects
        ? 'The risk is high: the data subjects are told without undue delay.'
        : 'The risk is not high (or an Art. 34(3) exemption applies): Art. 34 does not require telling the data subjects.',
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
  },
  say: (swedish: string, english: string) => string,
): Deadline[] {
  const detected = facts.detectedAt === undefined ? undefined : toDate(facts.detectedAt);
  const due = (hours: number, from: Date | undefined = detected) =>
    from === undefined ? {} : { due: addHours(from, hours).toISOString() };
  const deadlines: Deadline[] = [];
  if (decision.eprivacy) {
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
