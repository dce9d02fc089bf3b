import { fileURLToPath } from 'node:url';
import { readBreachDecisions } from '../../eval/read-breach-decisions.js';
import type { BreachDecision } from '../../src/incident/breach-decision.js';

/**
 * The three fixture decisions in test/incident/fixtures/breach-decisions/ (written from the errors
 * issue 10 names, not published decisions), for tests that must not change as the corpus grows.
 */
export const fixtureDecisions: BreachDecision[] = readBreachDecisions(
  fileURLToPath(new URL('./fixtures/breach-decisions/', import.meta.url)),
).flatMap((file) => (file.decision ? [file.decision] : []));
