import { z } from 'zod';
import { BreachFactsSchema, RecipientSchema, RiskLevelSchema } from './breach-facts.js';

/**
 * How directly the encoded conclusion rests on the authority: its own words (the decision, the
 * guideline), a reliable summary of them (GDPRhub, the EDPB's national news), or weaker.
 */
export const DecisionConfidenceSchema = z.enum(['authority-words', 'reliable-summary', 'weaker']);

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
  /** Where to read it: a link or the authority's file number. */
  reference: z.string().min(1),
  /** What went wrong: `misdirected-email`, `cc-instead-of-bcc`, `misdirected-letter`, ... */
  kind: z.string().min(1),
  confidence: DecisionConfidenceSchema,
  /** The facts, mapped to what assessBreach reads. */
  facts: BreachFactsSchema,
  conclusions: DecisionConclusionsSchema,
  /**
   * The reading the authority applied where it is stricter than the EDPB and the majority
   * (`strict`): the decision's test reproduces it with that `profile`, and a precedent says so.
   */
  profile: z.enum(['default', 'strict']).optional(),
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
  summary: z.string().min(1),
  /** The words that state the conclusion, quoted (the authority's own where `confidence` says so). */
  conclusionText: z.string().min(1),
  notes: z.string().optional(),
  /** Why assessBreach's default reading differs from this decision, where it does. */
  reason: z.string().min(1).optional(),
});
export type BreachDecisionFile = z.infer<typeof BreachDecisionFileSchema>;

/** What a precedent shares with the breach assessed (what `why` says in words). */
export const PrecedentAlikeSchema = z.object({
  /** Who received the data in the decided case. */
  recipient: RecipientSchema,
  /** The same kind of recipient as in the breach assessed. */
  sameRecipient: z.boolean(),
  /** The kinds of data both exposed. */
  sharedKinds: z.array(
    z.enum([
      'identity',
      'financial',
      'sensitive',
      'credentials',
      'location',
      'contact',
      'order',
      'insurance',
    ]),
  ),
  /** How many people the decided case concerned. */
  dataSubjects: z.number().int().positive(),
  /** About as many people as in the breach assessed. */
  similarSize: z.boolean(),
  /** The data was deleted or returned in both. */
  removedAsHere: z.boolean(),
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
  /** The decision, as it is cited. */
  document: z.string(),
  /** When it was decided (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  date: z.string(),
  /** `false` where `date` is when an undated page was read, not when it was decided (see the decision). */
  dateIsDecision: z.boolean().optional(),
  /** What the authority concluded. */
  conclusions: DecisionConclusionsSchema,
  /** `strict` where the authority read the law more strictly than the EDPB and the majority. */
  profile: z.enum(['default', 'strict']).optional(),
  /** What the authority concluded, in words. */
  decided: z.string(),
  /** Why it is close: the facts it shares with the breach assessed. */
  why: z.string(),
  alike: PrecedentAlikeSchema,
});
export type Precedent = z.infer<typeof PrecedentSchema>;
