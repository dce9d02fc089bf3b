import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { misdirectedEmailMeasureIds } from '../../src/incident/index.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import {
  besidesPassedDeadlines,
  SEED_INCIDENT_FACTS,
  SEED_MESSAGE,
  seedIncidentArgs,
} from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

/** The seed case with a login link in the message (a notice the law requires) and the measures given. */
function writeInputs(measures: readonly object[]) {
  copyFileSync(SEED_MESSAGE, join(dir.path, 'sent.eml'));
  writeFileSync(
    join(dir.path, 'facts.json'),
    JSON.stringify({ ...SEED_INCIDENT_FACTS, dataCategories: ['credentials'], measures }),
  );
}

describe('email-guard incident warns when a notice the law requires has no measures', () => {
  it.each([
    [
      'sv',
      'varning: underrättelsen till kunden krävs enligt lag men inga vidtagna eller föreslagna åtgärder har registrerats (dataskyddsförordningen artikel 34.2); ange measures i',
    ],
    [
      'en',
      'warning: the law requires a notice to the customer, but no measures taken or proposed are recorded (GDPR Art. 34(2)); give measures in',
    ],
  ] as const)(
    'prints one warning line on stderr and still writes the report (%s)',
    async (locale, warning) => {
      // Every usual measure declined: nothing taken or proposed is left to tell the customer.
      writeInputs(misdirectedEmailMeasureIds.map((id) => ({ id, status: 'rejected' })));
      const run = await runBuiltCli(seedIncidentArgs(dir.path, ['--locale', locale, '--overwrite']), {
        cwd: dir.path,
      });
      expect(run.status).toBe(0);
      const lines = besidesPassedDeadlines(run.stderr)
        .split('\n')
        .filter((line) => line !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(warning);
      expect(lines[0]).toContain('facts.json');
    },
  );

  it('prints no warning when the measures given leave the usual proposals beside them', async () => {
    writeInputs([]);
    const run = await runBuiltCli(seedIncidentArgs(dir.path, ['--overwrite']), { cwd: dir.path });
    expect(run.status).toBe(0);
    expect(besidesPassedDeadlines(run.stderr)).toBe('');
  });

  it('prints no warning when a measure is recorded', async () => {
    writeInputs([{ id: 'recall-and-delete', status: 'done' }]);
    const run = await runBuiltCli(seedIncidentArgs(dir.path, ['--overwrite']), { cwd: dir.path });
    expect(run.status).toBe(0);
    expect(besidesPassedDeadlines(run.stderr)).toBe('');
  });
});
