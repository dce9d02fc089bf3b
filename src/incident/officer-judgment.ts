import { z } from 'zod';
import { type BreachAssessment, RegimeSchema, RiskLevelSchema } from './assess-breach.js';
import { factsObject } from './breach-facts.js';
import type { AuthorityFinding } from './find-authority.js';

const Timestamp = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with Z or an offset' });

/**
 * The judgment of the person responsible (the data protection officer, or whoever signs for the
 * controller) where it differs from the computed assessment: the risk level, whether the authority
 * is notified, whether the people concerned are told. Who decided and why are required: the
 * controller must be able to show how it reached its conclusion (GDPR Art. 5(2) and 33(5)).
 *
 * @example
 * ```ts
 * OfficerJudgmentSchema.parse({ by: 'Karin Berg, dataskyddsombud', reason: 'The stranger confirmed deletion.', notifyDataSubjects: false });
 * ```
 */
export const OfficerJudgmentSchema = withADecision(judgmentFields());

/** The fields of a judgment, without the check that it sets something (to extend for input). */
export function judgmentFields() {
  return factsObject({
    // Missing or blank, each says what it is for (GDPR Art. 5(2): the controller shows who concluded
    // and why), not only that a string was expected.
    /** Who judged: a name and role. */
    by: z.string('say who judged').trim().min(1, 'say who judged'),
    /** Why, in words the authority can read. */
    reason: z.string('say why').trim().min(1, 'say why'),
    /** When the judgment was made. */
    at: Timestamp.optional(),
    risk: RiskLevelSchema.optional(),
    notifyAuthority: z.boolean().optional(),
    notifyDataSubjects: z.boolean().optional(),
  });
}

/** A judgment must set something: the risk or a notification decision. */
export function withADecision<
  Schema extends z.ZodType<{ risk?: unknown; notifyAuthority?: unknown; notifyDataSubjects?: unknown }>,
>(schema: Schema) {
  return schema.refine(
    (judgment) =>
      judgment.risk !== undefined ||
      judgment.notifyAuthority !== undefined ||
      judgment.notifyDataSubjects !== undefined,
    'name the risk or a notification decision the judgment sets',
  );
}
/** The officer's judgment (see {@link OfficerJudgmentSchema}). */
export type OfficerJudgment = z.infer<typeof OfficerJudgmentSchema>;

/**
 * The conclusion that holds: the computed assessment where no one judged otherwise, the officer's
 * judgment where they did. The customer notices and the report's conclusions read this.
 *
 * @example
 * ```ts
 * report.decision?.notifyDataSubjects; // false when the officer decided the customer need not be told
 * ```
 */
export const DecisionSchema = z.object({
  risk: RiskLevelSchema,
  notifyAuthority: z.boolean(),
  notifyDataSubjects: z.boolean(),
  /** The regimes whose authority is notified (see the report's `authorities`). */
  notifyAuthorityUnder: z.array(RegimeSchema),
  /** Which parts the officer's judgment set. */
  judged: z.array(z.enum(['risk', 'notifyAuthority', 'notifyDataSubjects'])),
  /** Where the judgment went against a duty the law sets whatever the risk, and the duty was kept. */
  warnings: z.array(z.object({ code: z.string(), source: z.string() })),
  /**
   * `true` while the conclusions are open: nothing personal could be read in the message and none
   * was given (`data.contentUnknown`), and no responsible person has judged. `risk` and each `false`
   * above are then what the rules give from no data, not conclusions reached: a reader takes them
   * as not yet decided (GDPR Art. 33(4): the information may come in phases). A notification the
   * rules require whatever the data (Regulation 611/2013 Art. 2(1)) stays `true`. Absent otherwise.
   */
  provisional: z.literal(true).optional(),
  /**
   * `true` when the conclusion above is stated but provisional: items of the facts' `needsReview`
   * (order lines no term classified, an attachment nobody could read) were not classified, the
   * assessment rests on them (`assessment.needsReview`) and no responsible person has judged, so the
   * breach can be finally assessed only once a person has reviewed them (GDPR Art. 9(1), 33(5)). The
   * report says the same under its conclusion ("This conclusion is provisional" / "Slutsatsen är
   * preliminär"). Absent otherwise, and absent while `provisional` is `true` (no conclusion is stated).
   */
  provisionalUntilReviewed: z.literal(true).optional(),
});
/** The final decision (see {@link DecisionSchema}). */
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * Combines the computed assessment, the assessment redone at the officer's risk level (when they
 * judged the risk) and their notification decisions into the decision that holds.
 */
export function decide(input: {
  readonly computed: BreachAssessment;
  /** The assessment redone with the officer's risk level, when they judged it. */
  readonly rejudged?: BreachAssessment;
  readonly judgment?: OfficerJudgment;
  readonly authorities: readonly AuthorityFinding[];
  /** The conclusions are open (see `Decision.provisional`). */
  readonly provisional?: boolean;
}): Decision {
  const { computed, judgment, authorities } = input;
  const base = input.rejudged ?? computed;
  const judged: Decision['judged'] = [];
  if (judgment?.risk !== undefined && judgment.risk !== computed.risk) judged.push('risk');
  // Regulation 611/2013 Art. 2(1): a provider notifies every personal data breach to the national
  // authority, whatever the risk. A judgment that the breach is not notified can lower the GDPR
  // side only (GDPR Art. 33(1) has the risk exception); the e-privacy notification stands.
  const eprivacyDuty = authorities.filter(
    (finding) => finding.regime === 'eprivacy' && finding.law.notificationDuty,
  );
  const kept = judgment?.notifyAuthority === false && eprivacyDuty.length > 0;
  const notifyAuthority = kept || (judgment?.notifyAuthority ?? base.notifyAuthority);

  const byLaw = (regime: 'gdpr' | 'eprivacy') =>
    base.deadlines.some(
      (deadline) =>
        deadline.to === 'authority' && (regime === 'gdpr') === /^(UK )?GDPR/.test(deadline.article),
    );
  const notifyAuthorityUnder = kept
    ? eprivacyDuty.map((finding) => finding.regime)
    : notifyAuthority
      ? authorities
          .filter((finding) =>
            judgment?.notifyAuthority === true ? finding.law.notificationDuty : byLaw(finding.regime),
          )
          .map((finding) => finding.regime)
      : [];
  const computedGdpr = computed.deadlines.some(
    (deadline) => deadline.to === 'authority' && /^(UK )?GDPR/.test(deadline.article),
  );
  // Judged: where the conclusion differs from the computed one because of the judgment (with the
  // e-privacy notification kept, where the GDPR notification the rules gave is left out).
  if (notifyAuthority !== computed.notifyAuthority || (kept && computedGdpr)) judged.push('notifyAuthority');
  const notifyDataSubjects = judgment?.notifyDataSubjects ?? base.notifyDataSubjects;
  if (notifyDataSubjects !== computed.notifyDataSubjects) judged.push('notifyDataSubjects');
  const warnings: Decision['warnings'] = kept
    ? [{ code: 'eprivacy-always-notified', source: 'Regulation 611/2013 Art. 2(1)' }]
    : [];
  return {
    risk: base.risk,
    notifyAuthority,
    notifyDataSubjects,
    notifyAuthorityUnder,
    judged,
    warnings,
    ...(input.provisional === true ? { provisional: true as const } : {}),
    ...(computed.needsReview === true && judged.length === 0 && input.provisional !== true
      ? { provisionalUntilReviewed: true as const }
      : {}),
  };
}
