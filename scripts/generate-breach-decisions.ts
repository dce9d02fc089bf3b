/**
 * Writes src/incident/data/breach-decisions.ts from the corpus, eval/breach-decisions/*.json. Run
 * after adding or changing a decision:
 *   npx tsx scripts/generate-breach-decisions.ts
 * test/incident/breach-decisions.test.ts fails while the generated file and the folder disagree.
 */
import { writeFileSync } from 'node:fs';
import { readBreachDecisions } from '../eval/read-breach-decisions.js';
import type { BreachDecisionFile } from '../src/incident/breach-decision.js';
import { renderBreachDecisionsModule } from './render-breach-decisions.js';

const files = readBreachDecisions();
const broken = files.filter((file) => file.problems.length > 0);
if (broken.length > 0) {
  for (const file of broken) console.error(`${file.file}: ${file.problems.join('; ')}`);
  process.exitCode = 1;
} else {
  const decisions = files.map((file) => file.decision as BreachDecisionFile);
  writeFileSync(
    new URL('../src/incident/data/breach-decisions.ts', import.meta.url),
    renderBreachDecisionsModule(decisions),
  );
  console.log(`wrote ${decisions.length} decisions`);
}
