import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from '../incident/seed-case.js';
import { SEED_INCIDENT_FACTS, SEED_MESSAGE, seedIncidentArgs } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// The reference is the organisation's own (its register's): the authority's form and the customer
// notice quote it, so one that is blank is refused rather than printed empty, and none is made up.
describe('a blank incident reference', () => {
  it.each(['', '   ', '\t'])('is refused naming the reference field (%j)', (reference) => {
    const refused = (() => {
      try {
        createIncidentReport({ ...seedCase, reference }, { now: '2018-02-23T15:10:00+01:00' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).field).toBe('input.reference');
    expect((refused as InvalidInputError).message).toContain('not blank');
  });

  it('is refused by email-guard incident, naming the facts file and the field, and writes nothing', async () => {
    copyFileSync(SEED_MESSAGE, join(dir.path, 'sent.eml'));
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify({ ...SEED_INCIDENT_FACTS, reference: '  ' }));
    const run = await runCliInProcess(seedIncidentArgs(dir.path));
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('facts.json');
    expect(run.stderr).toContain('reference');
    expect(existsSync(join(dir.path, 'incident', 'report.txt'))).toBe(false);
  });
});
