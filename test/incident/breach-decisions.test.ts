import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breachDecisionsFolder, readBreachDecisions } from '../../eval/read-breach-decisions.js';
import { renderBreachDecisionsModule } from '../../scripts/render-breach-decisions.js';
import type { BreachDecisionFile } from '../../src/incident/breach-decision.js';
import { assessBreach, BreachFactsSchema } from '../../src/incident/index.js';

// The corpus of published decisions (eval/breach-decisions/, one file per decision; BREACH_DECISIONS
// reads another folder) and the fixtures written for these tests. Every file is checked, and every
// decision stated in the authority's own words gets a test of its own, named after it, so a decision
// added later is tested without writing a test.
const corpusFolder = process.env.BREACH_DECISIONS ?? breachDecisionsFolder;
const fixturesFolder = fileURLToPath(new URL('./fixtures/breach-decisions/', import.meta.url));
const corpus = readBreachDecisions(corpusFolder);
const fixtures = readBreachDecisions(fixturesFolder);
const decisions = (files: typeof corpus) =>
  files.flatMap((file) => (file.decision === undefined ? [] : [file.decision]));

describe.each([
  ['corpus', corpus],
  ['fixtures', fixtures],
])('every %s file of published decisions is well formed', (_name, files) => {
  it('has a unique id in each file', () => {
    const ids = decisions(files).map((decision) => decision.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(files.map((file) => [file.file, file] as const))('%s', (_file, file) => {
    expect(file.problems).toEqual([]);
    const decision = file.decision as BreachDecisionFile;
    expect(`${decision.id}.json`).toBe(file.file);
    expect(decision.reference.trim()).not.toBe('');
    expect(BreachFactsSchema.safeParse(decision.facts).success).toBe(true);
  });
});

function expectReproduced(decision: BreachDecisionFile) {
  const assessment = assessBreach(decision.facts, { profile: decision.profile ?? 'default' });
  const stated = Object.fromEntries(
    Object.entries(decision.conclusions).filter(([, value]) => value !== null),
  );
  const got = Object.fromEntries(
    Object.keys(stated).map((key) => [key, assessment[key as keyof typeof decision.conclusions]]),
  );
  expect(got).toEqual(stated);
}

const highConfidence = decisions(corpus).filter((decision) => decision.confidence === 'authority-words');
describe('assessBreach reproduces every decision stated in the authority’s own words', () => {
  it.each(
    highConfidence.map(
      (decision) =>
        [
          `${decision.id}: ${decision.authority}, ${decision.date}${decision.profile === 'strict' ? ' (strict reading)' : ''}`,
          decision,
        ] as const,
    ),
  )('%s', (_name, decision) => expectReproduced(decision));

  it('has a test for each decision of the corpus in the authority’s own words', () => {
    const files = corpus.filter((file) => file.decision?.confidence === 'authority-words').length;
    expect(highConfidence.length).toBe(files);
  });
});

describe('assessBreach reproduces the fixture decisions of the three errors issue 10 names', () => {
  it.each(decisions(fixtures).map((decision) => [decision.id, decision] as const))('%s', (_id, decision) =>
    expectReproduced(decision),
  );
});

describe('the built-in table of decisions', () => {
  it('is up to date with eval/breach-decisions (run npx tsx scripts/generate-breach-decisions.ts)', () => {
    const files = readBreachDecisions(breachDecisionsFolder);
    expect(files.flatMap((file) => file.problems)).toEqual([]);
    const expected = renderBreachDecisionsModule(decisions(files));
    const actual = readFileSync(
      fileURLToPath(new URL('../../src/incident/data/breach-decisions.ts', import.meta.url)),
      'utf8',
    );
    expect(actual).toBe(expected);
  });

  it('never holds a fixture', () => {
    expect(
      decisions(readBreachDecisions(breachDecisionsFolder)).map((decision) => decision.authority),
    ).not.toContain('FIXTURE');
  });
});

describe('the corpus maps what its texts say', () => {
  it('records the DPC case study’s password sent to the same wrong address as an exposed key, not as no encryption', () => {
    const entry = decisions(readBreachDecisions(breachDecisionsFolder)).find(
      (decision) => decision.id === 'dpc-case-study-misdirected-email-password',
    );
    expect(entry?.summary).toMatch(/encrypted/);
    expect(entry?.summary).toMatch(/password/);
    expect(entry?.facts).toMatchObject({ encrypted: true, keyExposed: true });
    if (entry === undefined) return;
    const assessment = assessBreach(entry.facts);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('key-exposed');
    expect(assessment.risk).toBe('high');
  });
});
