import { z } from 'zod';
import { BreachFactsSchema, RecipientSchema, RegimeSchema, RiskLevelSchema } from './breach-facts.js';

/**
 * How directly the encoded conclusion rests on the authority: its own words (the decision, the
 * guideline), a reliable summary of them (GDPRhub, the EDPB's national news), or weaker.
 */
export const DecisionConfidenceSchema = z.enum(['authority-words', 'reliable-summary', 'weaker']);

/**
 * What a corpus entry is: a `decision` of the authority on a real case, a `case-study` (a published
 * example in guidelines or the authority's case studies), `guidance` (a general statement, such as a
 * notification page's example) or a `press-statement` (an authority's words to the press). Only
 * decisions and case studies are cited as precedents; guidance and press statements stay in the
 * corpus for the evaluation.
 */
export const DocumentKindSchema = z.enum(['decision', 'case-study', 'guidance', 'press-statement']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/**
 * What a link leads to, so that no summary is presented as the authority's own words: `authority`
 * (the authority's own document or page), `authority-copy` (its text republished elsewhere, as on
 * BAILII), `edpb-summary` (the EDPB's national news), `gdprhub` (a GDPRhub summary), `translation`
 * (a machine translation), `law-firm` (a law firm's summary), `commentary` (another commentator's
 * summary), `news` (a press report).
 */
export const SourceLabelSchema = z.enum([
  'authority',
  'authority-copy',
  'edpb-summary',
  'gdprhub',
  'translation',
  'law-firm',
  'commentary',
  'news',
]);
export type SourceLabel = z.infer<typeof SourceLabelSchema>;

/** A link to where a decision can be read, and what it is. */
export const DecisionSourceSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  label: SourceLabelSchema,
});
export type DecisionSource = z.infer<typeof DecisionSourceSchema>;

/**
 * What the authority concluded: whether the authority had to be notified, whether the people had to
 * be told, and the risk level; `null` where the decision does not say.
 */
export const DecisionConclusionsSchema = z.object({
  notifyAuthority: z.boolean().nullable(),
  notifyDataSubjects: z.boolean().nullable(),
  risk: RiskLevelSchema.nullable(),
});
export type DecisionConclusions = z.infer<typeof DecisionConclusionsSchema>;

/**
 * A published decision of a supervisory authority about a breach, as {@link assessBreach} compares
 * breaches with (`precedents`) and the built-in table `breachDecisions` holds.
 *
 * @example
 * ```ts
 * BreachDecisionSchema.parse({
 *   id: 'edpb-01-2021-case-13',
 *   authority: 'EDPB',
 *   country: 'EU',
 *   document: 'EDPB Guidelines 01/2021, Case No. 13',
 *   date: '2021-12-14',
 *   reference: 'https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-012021-examples-regarding-personal-data-breach_en',
 *   kind: 'misdirected-letter',
 *   confidence: 'authority-words',
 *   facts: { regimes: ['gdpr'], dataCategories: ['name', 'postal-address', 'order-details'], dataSubjects: 2, recipient: 'unknown-individual' },
 *   conclusions: { notifyAuthority: false, notifyDataSubjects: false, risk: 'unlikely' },
 * });
 * ```
 */
export const BreachDecisionSchema = z.object({
  /** A stable key in kebab case; a corpus file is named after it. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  /** The authority's usual abbreviation (`IMY`, `UODO`, `EDPB`). */
  authority: z.string().min(1),
  /** ISO 3166-1 alpha-2 code of its country, `EU` for the EDPB. */
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter code such as SE, or EU'),
  /** The decision, guideline or notice, as it is cited. */
  document: z.string().min(1),
  /** When it was decided or published: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
  /**
   * `false` where `date` is not when the authority decided or published it but when an undated page
   * (a case study, a list of examples) was read: a precedent then says "undated" rather than a date
   * the authority never gave. @default true
   */
  dateIsDecision: z.boolean().optional(),
  /** Where to read it: a link (the authority's own where there is one) or the authority's file number. */
  reference: z.string().min(1),
  /**
   * The links to read it, each saying what it leads to, the authority's own first where there is one.
   * @default []
   */
  sources: z.array(DecisionSourceSchema).optional(),
  /** What went wrong: `misdirected-email`, `cc-instead-of-bcc`, `misdirected-letter`, ... */
  kind: z.string().min(1),
  /**
   * What the entry is (see {@link DocumentKindSchema}): only a `decision` or a `case-study` is cited
   * as a precedent. @default 'decision'
   */
  documentKind: DocumentKindSchema.optional(),
  /**
   * The decision and its facts in one or two sentences of plain Swedish, which the Swedish report
   * prints instead of the `document` (cited as it is, often in English). Without it, the Swedish
   * report quotes `document` marked as untranslated.
   */
  summarySv: z.string().min(1).optional(),
  confidence: DecisionConfidenceSchema,
  /** The facts, mapped to what assessBreach reads. */
  facts: BreachFactsSchema,
  conclusions: DecisionConclusionsSchema,
  /**
   * The reading the authority applied where it is stricter than the EDPB and the majority
   * (`strict`): the decision's test reproduces it with that `profile`, and a precedent says so.
   */
  profile: z.enum(['default', 'strict']).optional(),
  /**
   * The code of the assessment reason whose rule this decision is a basis of (`many-people` for the
   * DPC's case study 1, the AP's PVV Overijssel decision and APD 62/2022): an assessment decided by
   * that rule cites these first.
   */
  decidingReason: z.string().min(1).optional(),
});
/** A published decision (see {@link BreachDecisionSchema}). */
export type BreachDecision = z.input<typeof BreachDecisionSchema>;

/**
 * One file of the corpus in eval/breach-decisions/: the decision with its summary, the text that
 * states the conclusion, notes on how the facts were mapped, and where the model and the authority
 * disagree, the `reason`.
 *
 * @example
 * ```ts
 * BreachDecisionFileSchema.safeParse(JSON.parse(text)).success;
 * ```
 */
export const BreachDecisionFileSchema = BreachDecisionSchema.extend({
  // A corpus file says what it is, where it can be read (no link where only a file number is
  // known) and what it says in Swedish.
  sources: z.array(DecisionSourceSchema),
  documentKind: DocumentKindSchema,
  summarySv: z.string().min(1),
  summary: z.string().min(1),
  /** The words that state the conclusion, quoted (the authority's own where `confidence` says so). */
  conclusionText: z.string().min(1),
  notes: z.string().optional(),
  /** Why assessBreach's default reading differs from this decision, where it does. */
  reason: z.string().min(1).optional(),
});
export type BreachDecisionFile = z.infer<typeof BreachDecisionFileSchema>;

/** The kinds of data a precedent is compared on, each data category in one. */
const DataKindSchema = z.enum([
  'identity',
  'financial',
  'health',
  'sensitive',
  'credentials',
  'location',
  'contact',
  'order',
  'insurance',
]);

/** What a precedent shares with the breach assessed (what `why` says in words). */
export const PrecedentAlikeSchema = z.object({
  /** Who received the data in the decided case. */
  recipient: RecipientSchema,
  /** The same kind of recipient as in the breach assessed. */
  sameRecipient: z.boolean(),
  /**
   * The kinds of data both exposed; empty where the decided case also held a kind regulators treat as
   * high in itself (a special category, financial data) that the breach assessed did not: that is
   * not the same data, whatever else they share.
   */
  sharedKinds: z.array(DataKindSchema),
  /** The kinds high in themselves that the decided case held and the breach assessed did not. */
  kindsOnlyThere: z.array(DataKindSchema).optional(),
  /** In the decided case the data reached the public or many recipients (published, or sent in CC). */
  reachedMany: z.boolean().optional(),
  /**
   * The decided case was decided under the same notification rule as the breach assessed: both
   * under Regulation 611/2013 (telecom), or both under the GDPR alone (Art. 33 and 34).
   */
  sameRegime: z.boolean().optional(),
  /**
   * The decided case was decided under a rule the breach assessed falls under too, though not the
   * same one: the GDPR alone, for a telecom after 25 May 2018 that notifies under both. Its
   * conclusion is compared with the assessment's under the GDPR (`sameConclusion`).
   */
  regimeApplies: z.boolean().optional(),
  /**
   * The decided case was decided under the GDPR, which did not yet apply on the day of the breach
   * assessed (GDPR Art. 99(2)): its conclusion rests on rules the breach was not judged by.
   */
  gdprNotInForce: z.boolean().optional(),
  /** How the data went astray in the decided case (`email`, `post`, `sms`), where it is recorded. */
  channel: BreachFactsSchema.shape.channel,
  /** How the breach assessed went astray (the counterpart of `channel`), where it is recorded. */
  channelHere: BreachFactsSchema.shape.channel,
  /** How many people the decided case concerned. */
  dataSubjects: z.number().int().positive(),
  /** About as many people as in the breach assessed. */
  similarSize: z.boolean(),
  /** The data was deleted or returned in both. */
  removedAsHere: z.boolean(),
  /**
   * What happened to the data next in the decided case: it came back unopened, was deleted or
   * recovered, went with its key, stayed encrypted, or nothing of these.
   */
  afterwards: z.enum(['returned-unopened', 'removed', 'key-exposed', 'encrypted', 'none']).optional(),
  /** The same happened next as in the breach assessed. */
  sameAfterwards: z.boolean().optional(),
  /** What happened next in the breach assessed (the counterpart of `afterwards`). */
  afterwardsHere: z.enum(['returned-unopened', 'removed', 'key-exposed', 'encrypted', 'none']).optional(),
  /**
   * The authority reached the same conclusions on notifying as the assessment (`null`: it ruled on
   * neither).
   */
  sameConclusion: z.boolean().nullable().optional(),
  /** Where `sameConclusion` is `false`: the conclusions the authority reached otherwise. */
  differsOn: z.array(z.enum(['notifyAuthority', 'notifyDataSubjects'])).optional(),
  /**
   * `true` for the one precedent put last as the other reading (the closest decision that went the
   * other way on notifying), so that no other is called that.
   */
  otherReading: z.literal(true).optional(),
});
export type PrecedentAlike = z.infer<typeof PrecedentAlikeSchema>;

/**
 * A published decision close to the breach assessed, for the person filing the report to cite.
 */
export const PrecedentSchema = z.object({
  /** The decision's key in the table. */
  id: z.string(),
  authority: z.string(),
  country: z.string(),
  /** Where to read it. */
  reference: z.string(),
  /** The link to read it, the authority's own where the decision has one, with what it leads to. */
  source: DecisionSourceSchema.optional(),
  /** A `decision` or a published `case-study`. */
  documentKind: DocumentKindSchema.optional(),
  /** The decision, as it is cited. */
  document: z.string(),
  /** The decision and its facts in Swedish (see the decision's `summarySv`). */
  summarySv: z.string().optional(),
  /** When it was decided (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  date: z.string(),
  /** `false` where `date` is when an undated page was read, not when it was decided (see the decision). */
  dateIsDecision: z.boolean().optional(),
  /** What the authority concluded. */
  conclusions: DecisionConclusionsSchema,
  /** The rules it was decided under: the GDPR, Regulation 611/2013 (`eprivacy`), or both. */
  regimes: z.array(RegimeSchema).optional(),
  /** `strict` where the authority read the law more strictly than the EDPB and the majority. */
  profile: z.enum(['default', 'strict']).optional(),
  /** What the authority concluded, in words. */
  decided: z.string(),
  /** Why it is close: the facts it shares with the breach assessed. */
  why: z.string(),
  alike: PrecedentAlikeSchema,
});
export type Precedent = z.infer<typeof PrecedentSchema>;
