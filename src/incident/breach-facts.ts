import { z } from 'zod';
import { DataCategorySchema } from './data/data-categories.js';
import { DateInputSchema } from './date-input.js';
import { NeedsReviewItemSchema } from './review-item.js';

/** The legal regimes a breach is assessed under. */
export const RegimeSchema = z.enum(['gdpr', 'eprivacy']);
/**
 * `gdpr`: GDPR Art. 33 and 34. `eprivacy`: Directive 2002/58/EC Art. 4(3) with Regulation (EU)
 * 611/2013, for providers of publicly available electronic communications services.
 */
export type Regime = z.infer<typeof RegimeSchema>;

/** Who received the data that should not have (the circumstance regulators weigh most). */
export const RecipientSchema = z.enum([
  'internal',
  'trusted',
  'other-organisation',
  'unknown-individual',
  'public',
]);
/**
 * `internal`: someone inside the organisation; `trusted`: a known party the organisation can hold to
 * account (a partner, a processor, a professional); `other-organisation`: another company or
 * organisation the organisation has no ongoing relationship with and that is bound by no secrecy
 * towards the people concerned (a company's shared mailbox, a supplier's); `unknown-individual`: a
 * private person outside the organisation; `public`: published, or sent to so many that it is as
 * good as published.
 */
export type Recipient = z.infer<typeof RecipientSchema>;

/** How much the exposed data reveals about the person (the ENISA 2013 section 3.1 adjustments). */
export const InsightSchema = z.enum(['minimal', 'limited', 'substantial']);

/** Levenshtein distance of two short keys (the incident layer does not reach into the matcher). */
function keyDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1)
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * The fact a misspelt key most likely meant: the same letters in another case, one or two letters
 * off, or the beginning of one field's name.
 */
export function meantFact(key: string, fields: readonly string[]): string | undefined {
  const folded = key.toLowerCase().replace(/[\s_\-.]+/g, '');
  if (folded.length > 40) return undefined;
  let best: { field: string; distance: number } | undefined;
  for (const field of fields) {
    const distance = keyDistance(folded, field.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { field, distance };
  }
  if (best) return best.field;
  // A shortened key (`vulnerable` for `vulnerableDataSubjects`): the one field it begins, where a
  // word of five letters or more begins only one.
  const begun = folded.length < 5 ? [] : fields.filter((field) => field.toLowerCase().startsWith(folded));
  return begun.length === 1 ? begun[0] : undefined;
}

/**
 * The message for keys an input has that its schema does not: a misspelt circumstance
 * (`recipientConfirmedDeletio`) would otherwise be dropped and change the outcome unseen. The known
 * fields are read from the schema that refused the keys, so a schema extended from these (a
 * function's input) names its own fields.
 */
function unknownKeysMessage(
  issue: {
    readonly keys: readonly PropertyKey[];
    readonly inst?: unknown;
    readonly path?: readonly PropertyKey[] | undefined;
  },
  noun: string,
): string {
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  const fields = Object.keys(shape ?? BREACH_FACTS_SHAPE);
  const keys = issue.keys;
  // A key inside a nested object is named by its whole path (`judgment.notifyDataSubject`): a bare
  // `notifyDataSubject` leaves the reader to find which of several objects holds it.
  const within = (issue.path ?? []).map(String);
  const at = (key: string) => [...within, key].join('.');
  const described = keys.map((key) => {
    const name = String(key);
    const meant = meantFact(name, fields);
    return `"${at(name)}"${meant ? ` (did you mean "${at(meant)}"?)` : ''}`;
  });
  return `unknown ${noun}${keys.length === 1 ? '' : 's'} ${described.join(', ')}; the ${noun}s are ${fields.join(', ')}`;
}

/**
 * What the `credentials` among the data are: a `password`, a one-time `login-code` (a code sent by
 * text message or e-mail that logs in once and expires, NIST SP 800-63B §5.1.3), or a `link` that logs
 * in or sets a new password. A login code calls for making it invalid, not for a new password.
 */
export const CredentialKindSchema = z.enum(['password', 'login-code', 'link']);
export type CredentialKind = z.infer<typeof CredentialKindSchema>;

/** The credentials are one-time login codes and nothing else (see {@link CredentialKindSchema}). */
export function onlyLoginCodes(kinds: readonly CredentialKind[] | undefined): boolean {
  return kinds !== undefined && kinds.length > 0 && kinds.every((kind) => kind === 'login-code');
}

/** The fields of {@link BreachFactsSchema}. */
const BREACH_FACTS_SHAPE = {
  /** The regimes the organisation falls under: `['gdpr']`, or `['eprivacy', 'gdpr']` for telecoms. */
  regimes: z.array(RegimeSchema).min(1, 'name at least one regime'),
  /** The kinds of personal data the breach exposed, each once. */
  dataCategories: z
    .array(DataCategorySchema)
    .min(1, 'name at least one data category')
    // A category given twice would be listed twice in the report ("name, … and name"): the second
    // is refused rather than dropped without a word.
    .superRefine((categories, context) => {
      categories.forEach((category, index) => {
        const first = categories.indexOf(category);
        if (first !== index)
          context.addIssue({
            code: 'custom',
            path: [index],
            message: `"${category}" is already given as dataCategories.${first}: give each category once`,
          });
      });
    }),
  /** How many people the data is about. */
  dataSubjects: z.number().int().positive(),
  /** Who received it. */
  recipient: RecipientSchema,
  /**
   * What the `credentials` among `dataCategories` are (see {@link CredentialKindSchema}); only with
   * `credentials` among them.
   */
  credentialKinds: z.array(CredentialKindSchema).min(1, 'name at least one kind of credential').optional(),
  /**
   * The credentials could no longer be used when they reached the wrong person (a one-time code that
   * had expired), or were made invalid before anyone could use them: they then open no account, and
   * no longer make the risk high (EDPB Guidelines 01/2021, Case No. 07; GDPR Art. 34(3)(b)). Only
   * with `credentials` among `dataCategories`.
   */
  credentialsExpired: z.boolean().optional(),
  /**
   * How the data was exposed, where it was not one message to one wrong address: `cc`, the
   * recipients' addresses were shown to each other (a message sent in To or CC instead of BCC, EDPB
   * Guidelines 01/2021 section 7; the DPC's case study on a group e-mail in CC), so the published
   * decisions on CC instead of BCC are the closest precedents.
   */
  exposure: z.enum(['cc']).optional(),
  /**
   * How the data went astray: by `email`, by `post` (a letter or parcel, or a letter to a digital
   * mailbox such as Kivra or e-Boks) or by `sms`. The published decisions on the same channel are the
   * closer precedents: a letter in a stranger's letterbox is another breach than an e-mail in an
   * inbox (EDPB Guidelines 01/2021 treat them as separate cases, Nos. 13 and 16 against 14 and 15).
   */
  channel: z.enum(['email', 'post', 'sms']).optional(),
  /** The recipient is bound by professional secrecy or a confidentiality agreement. */
  recipientBoundBySecrecy: z.boolean().optional(),
  /** The recipient confirmed in writing that the data was deleted and not used or passed on. */
  recipientConfirmedDeletion: z.boolean().optional(),
  /** The data was recalled or returned before anyone could use it. */
  dataRecovered: z.boolean().optional(),
  /** The data was encrypted with a state-of-the-art algorithm and the key was not exposed. */
  encrypted: z.boolean().optional(),
  /**
   * The data was encrypted, but the key or password reached the recipient too (in the same message
   * or another one), or someone else not entitled to it: the encryption no longer protects it
   * (WP250 rev.01 section IV.A; GDPR Art. 34(3)(a) spares only data that stays unintelligible).
   */
  keyExposed: z.boolean().optional(),
  /**
   * The letter or e-mail came back unopened, or was never delivered (returned sealed, bounced):
   * nobody outside the organisation saw the data (GDPR Art. 4(12): no disclosure, no access).
   */
  returnedUnopened: z.boolean().optional(),
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
   * inventory could not tell apart from health or other special-category data (GDPR Art. 9), an
   * attachment nobody could read. The library's own items are data, worded in the language the report
   * is rendered in; a caller's own are words, kept as written.
   */
  needsReview: z.array(NeedsReviewItemSchema).optional(),
  /** When the breach happened. */
  occurredAt: DateInputSchema.optional(),
  /** When the organisation became aware of it (the start of every deadline). */
  detectedAt: DateInputSchema.optional(),
  /** When the first notification to the authority was made, if it was (Regulation 611/2013 Art. 2(3)). */
  initialNotificationAt: DateInputSchema.optional(),
  /**
   * Why the authority is notified after the deadline: GDPR Art. 33(1) has a late notification
   * "accompanied by reasons for the delay", as Regulation 611/2013 Art. 2(2) does for a provider.
   */
  delayReasons: z.string().trim().min(1).optional(),
  /**
   * ISO 3166-1 alpha-2 code of the organisation's country: the GDPR applies from 25 May 2018 in the
   * EU and from 20 July 2018 in Norway, Iceland and Liechtenstein.
   */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166-1 code such as SE')
    .optional(),
};

/**
 * The facts of a breach as {@link assessBreach} reads them. A key it does not know is refused, with
 * the fact it probably meant, rather than dropped.
 *
 * @example
 * ```ts
 * BreachFactsSchema.safeParse({ regimes: ['gdpr'], dataCategories: ['name'], dataSubjects: 1, recipient: 'trusted' }).success; // true
 * ```
 */
export const BreachFactsSchema = z.strictObject(BREACH_FACTS_SHAPE, {
  error: (issue) =>
    issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue, 'breach fact') : undefined,
});

/** The fields of {@link BreachCircumstancesSchema}. */
const CIRCUMSTANCES_SHAPE = {
  exposure: BREACH_FACTS_SHAPE.exposure,
  recipientBoundBySecrecy: BREACH_FACTS_SHAPE.recipientBoundBySecrecy,
  recipientConfirmedDeletion: BREACH_FACTS_SHAPE.recipientConfirmedDeletion,
  dataRecovered: BREACH_FACTS_SHAPE.dataRecovered,
  returnedUnopened: BREACH_FACTS_SHAPE.returnedUnopened,
  encrypted: BREACH_FACTS_SHAPE.encrypted,
  keyExposed: BREACH_FACTS_SHAPE.keyExposed,
  credentialsExpired: BREACH_FACTS_SHAPE.credentialsExpired,
  maliciousIntent: BREACH_FACTS_SHAPE.maliciousIntent,
  vulnerableDataSubjects: BREACH_FACTS_SHAPE.vulnerableDataSubjects,
  safetyRisk: BREACH_FACTS_SHAPE.safetyRisk,
  individualContactDisproportionate: BREACH_FACTS_SHAPE.individualContactDisproportionate,
  insight: BREACH_FACTS_SHAPE.insight,
  needsReview: BREACH_FACTS_SHAPE.needsReview,
  delayReasons: BREACH_FACTS_SHAPE.delayReasons,
};

/**
 * The optional circumstances that raise or lower the risk (who holds the data, what was done). A key it does not
 * know is refused, with the circumstance it probably meant.
 *
 * @example
 * ```ts
 * BreachCircumstancesSchema.parse({ recipientConfirmedDeletion: true }); // { recipientConfirmedDeletion: true }
 * ```
 */
export const BreachCircumstancesSchema = z.strictObject(CIRCUMSTANCES_SHAPE, {
  // A misspelt circumstance is refused like a misspelt fact, never dropped unseen.
  error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue, 'field') : undefined),
});

/**
 * An object of facts nested in another (a judgment, a measure, a call): like the top level, a key it
 * does not know is refused with the field it probably meant and its whole path, never dropped, since
 * a misspelt `identityCheked` or `notifyDataSubject` would otherwise change the report unseen.
 *
 * @example
 * ```ts
 * factsObject({ at: z.string() }).safeParse({ at: '2026-12-01', by: 'Sara' }).success; // false
 * ```
 */
export function factsObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue, 'field') : undefined),
  });
}

/** The circumstances among a larger object: exactly the keys {@link BreachCircumstancesSchema} knows, defined. */
export function pickCircumstances(value: Readonly<Record<string, unknown>>): BreachCircumstances {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(BreachCircumstancesSchema.shape))
    if (value[key] !== undefined) picked[key] = value[key];
  return BreachCircumstancesSchema.parse(picked);
}

/** The circumstances of a breach (see {@link BreachCircumstancesSchema}). */
export type BreachCircumstances = z.output<typeof BreachCircumstancesSchema>;

/** The facts of a breach as the caller passes them (see {@link BreachFactsSchema}). */
export type BreachFacts = z.input<typeof BreachFactsSchema>;

/** The GDPR's three levels of risk to the rights and freedoms of natural persons (Art. 33(1), 34(1)). */
export const RiskLevelSchema = z.enum(['unlikely', 'risk', 'high']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;
