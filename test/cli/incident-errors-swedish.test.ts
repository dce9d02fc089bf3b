import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_INCIDENT_FACTS, SEED_MESSAGE, seedIncidentArgs } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

async function refused(facts: Record<string, unknown>) {
  copyFileSync(SEED_MESSAGE, join(dir.path, 'sent.eml'));
  writeFileSync(join(dir.path, 'facts.json'), JSON.stringify({ ...SEED_INCIDENT_FACTS, ...facts }));
  return runCliInProcess(seedIncidentArgs(dir.path, ['--locale', 'sv', '--overwrite']));
}

// Under --locale sv every refusal of the facts file is in Swedish and names the field.
describe('email-guard incident --locale sv refuses bad facts in Swedish', () => {
  it('says a blank reference in Swedish', async () => {
    const run = await refused({ reference: '  ' });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      'reference: får inte vara tom: ange organisationens egen referens för incidenten',
    );
    expect(run.stderr).not.toMatch(/Invalid input|not blank|mönstret/);
  });

  it('says a list given as a text in Swedish', async () => {
    const run = await refused({ dataCategories: 'name' });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('dataCategories: ska vara en lista, men är en text');
    expect(run.stderr).not.toMatch(/expected|received|Invalid input/);
  });
});
