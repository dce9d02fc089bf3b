/**
 * Reads the corpus of published breach decisions: one JSON file per decision in
 * eval/breach-decisions/ (the format is described in eval/breach-decisions/README.md). Used by
 * `npm run eval`, by scripts/generate-breach-decisions.ts and by the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BreachDecisionFile, BreachDecisionFileSchema } from '../src/incident/breach-decision.js';

/** The corpus folder of this repository. */
export const breachDecisionsFolder = fileURLToPath(new URL('./breach-decisions/', import.meta.url));

/** One corpus file: its name, and the decision or the problems that stop it being read. */
export interface CorpusFile {
  readonly file: string;
  readonly decision?: BreachDecisionFile;
  readonly problems: readonly string[];
}

/** Every `*.json` file of `folder`, in file-name order, each checked against the corpus format. */
export function readBreachDecisions(folder: string = breachDecisionsFolder): CorpusFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => readOne(join(folder, file)));
}

function readOne(path: string): CorpusFile {
  const file = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { file, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const parsed = BreachDecisionFileSchema.safeParse(json);
  if (!parsed.success)
    return {
      file,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`),
    };
  const problems: string[] = [];
  if (`${parsed.data.id}.json` !== file) problems.push(`id "${parsed.data.id}" differs from the file name`);
  return { file, decision: parsed.data, problems };
}
