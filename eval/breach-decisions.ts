/**
 * The breach assessment judged against published decisions: `assessBreach` over every decision of
 * the corpus (eval/breach-decisions/*.json), the agreement per conclusion and per authority, and each
 * disagreement with its reason. Part of `npm run eval`; set BREACH_DECISIONS to read another folder.
 */
import {
  type AssessmentProfile,
  assessBreach,
  type BreachAssessment,
} from '../src/incident/assess-breach.js';
import type { BreachDecisionFile } from '../src/incident/breach-decision.js';
import { breachDecisionsFolder, readBreachDecisions } from './read-breach-decisions.js';

/** The share of stated conclusions the assessment must reproduce. */
export const breachDecisionGoal = 0.9;

const CONCLUSIONS = ['notifyAuthority', 'notifyDataSubjects', 'risk'] as const;
type Conclusion = (typeof CONCLUSIONS)[number];

/** One conclusion of a decision that the assessment does not reproduce. */
export interface Disagreement {
  readonly decision: BreachDecisionFile;
  readonly conclusion: Conclusion;
  readonly expected: boolean | string;
  readonly got: boolean | string;
  /** The corpus file's `reason`, or the assessment's own steps. */
  readonly reason: string;
}

interface Tally {
  agreed: number;
  total: number;
}

/** The agreement of the assessment with the decisions, under one profile. */
export interface BreachDecisionEvaluation {
  readonly decisions: number;
  readonly overall: Tally;
  readonly byConclusion: Readonly<Record<Conclusion, Tally>>;
  readonly byAuthority: ReadonlyMap<string, Tally>;
  /** The conclusions stated in the authority's own words, and how many are reproduced. */
  readonly authorityWords: Tally;
  /** The same, each decision assessed under the reading it names (`profile`, default otherwise). */
  readonly authorityWordsAsNamed: Tally;
  readonly disagreements: readonly Disagreement[];
}

/** Compares `assessBreach(decision.facts)` with each decision's stated conclusions. */
export function evaluateBreachDecisions(
  decisions: readonly BreachDecisionFile[],
  profile: AssessmentProfile = 'default',
): BreachDecisionEvaluation {
  const empty = (): Tally => ({ agreed: 0, total: 0 });
  const overall = empty();
  const authorityWords = empty();
  const authorityWordsAsNamed = empty();
  const byConclusion = { notifyAuthority: empty(), notifyDataSubjects: empty(), risk: empty() };
  const byAuthority = new Map<string, Tally>();
  const disagreements: Disagreement[] = [];
  for (const decision of decisions) {
    const assessment = assessBreach(decision.facts, { profile });
    const other = assessBreach(decision.facts, { profile: profile === 'strict' ? 'default' : 'strict' });
    const authority = byAuthority.get(decision.authority) ?? empty();
    byAuthority.set(decision.authority, authority);
    const named = decision.profile === undefined || decision.profile === profile ? assessment : other;
    for (const conclusion of CONCLUSIONS) {
      const expected = decision.conclusions[conclusion];
      if (expected === null) continue;
      if (decision.confidence === 'authority-words') {
        authorityWordsAsNamed.total++;
        if (named[conclusion] === expected) authorityWordsAsNamed.agreed++;
      }
      const got = assessment[conclusion];
      const agreed = got === expected;
      for (const tally of [
        overall,
        byConclusion[conclusion],
        authority,
        ...(decision.confidence === 'authority-words' ? [authorityWords] : []),
      ]) {
        tally.total++;
        if (agreed) tally.agreed++;
      }
      if (!agreed)
        disagreements.push({
          decision,
          conclusion,
          expected,
          got,
          reason: `${decision.reason ?? modelSteps(assessment)}${other[conclusion] === expected ? ` (the ${profile === 'strict' ? 'default' : 'strict'} reading reproduces it)` : ''}`,
        });
    }
  }
  return {
    decisions: decisions.length,
    overall,
    byConclusion,
    byAuthority,
    authorityWords,
    authorityWordsAsNamed,
    disagreements,
  };
}

/** The steps that decided the assessment, shortly: the score and every rule that moved the level. */
function modelSteps(assessment: BreachAssessment): string {
  const moved = assessment.reasons
    .filter((reason) => !['profile', 'enisa-score'].includes(reason.code))
    .map((reason) => reason.code);
  return `the model: ENISA ${assessment.enisa.score} (${assessment.enisa.band}); ${moved.join(', ')}`;
}

const share = (tally: Tally) =>
  tally.total === 0 ? '    -' : `${((tally.agreed / tally.total) * 100).toFixed(1)}%`;
const line = (label: string, tally: Tally, width: number) =>
  `${label.padEnd(width)}  ${String(tally.agreed).padStart(4)} / ${String(tally.total).padEnd(4)} ${share(tally).padStart(6)}`;

/**
 * Prints the evaluation of the corpus in `folder` under the default reading (and the agreement under
 * the strict one beside it). Returns false when the goal is missed or a corpus file is broken.
 */
export function printBreachDecisionEvaluation(
  folder: string = process.env.BREACH_DECISIONS ?? breachDecisionsFolder,
): boolean {
  const files = readBreachDecisions(folder);
  const broken = files.filter((file) => file.problems.length > 0);
  const decisions = files.flatMap((file) =>
    file.decision && file.problems.length === 0 ? [file.decision] : [],
  );
  console.log(`\nBreach assessment against published decisions: ${decisions.length} decisions (${folder})\n`);
  for (const file of broken) console.log(`  BROKEN ${file.file}: ${file.problems.join('; ')}`);
  if (decisions.length === 0) {
    console.log('  No decisions in the corpus yet.');
    return broken.length === 0;
  }
  const result = evaluateBreachDecisions(decisions);
  const strict = evaluateBreachDecisions(decisions, 'strict');
  const width = Math.max(24, ...[...result.byAuthority.keys()].map((key) => key.length + 2));
  console.log(`${'conclusion'.padEnd(width)}  agreed / stated  share   (strict)`);
  for (const conclusion of CONCLUSIONS)
    console.log(
      `${line(conclusion, result.byConclusion[conclusion], width)}  (${share(strict.byConclusion[conclusion])})`,
    );
  console.log(`${line('all', result.overall, width)}  (${share(strict.overall)})`);
  console.log(
    `${line("authority's own words", result.authorityWords, width)}  (${share(strict.authorityWords)})`,
  );
  console.log(line('  under the reading named', result.authorityWordsAsNamed, width));
  console.log(`\n${'authority'.padEnd(width)}  agreed / stated  share   (strict)`);
  for (const [authority, tally] of [...result.byAuthority].sort(([a], [b]) => a.localeCompare(b))) {
    const other = strict.byAuthority.get(authority) ?? { agreed: 0, total: 0 };
    console.log(`${line(authority, tally, width)}  (${share(other)})`);
  }
  const met = result.overall.agreed >= breachDecisionGoal * result.overall.total;
  console.log(
    `\nAgreement ${share(result.overall)}, goal ${(breachDecisionGoal * 100).toFixed(0)}%${met ? '' : '  MISSED'}`,
  );
  if (result.disagreements.length > 0) console.log('\nDisagreements (default reading):');
  for (const item of result.disagreements)
    console.log(
      `  ${item.decision.id} (${item.decision.authority}, ${item.decision.confidence}): ${item.conclusion} ${String(item.expected)}, assessed ${String(item.got)}\n    ${item.reason}`,
    );
  return met && broken.length === 0;
}
