import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_INCIDENT_FACTS, SEED_MESSAGE, seedIncidentArgs } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });

// A report is filed about the day the breach happened (GDPR Art. 33(3)(a), Regulation 611/2013
// Annex I: the date and time of the incident); the day it was drafted is its "Written" line.
describe('email-guard incident titles the report with the day the breach happened', () => {
  // The date is labelled as the breach's: after "report" alone it reads as the day the report was written.
  for (const [locale, format, file, firstLine] of [
    ['en', 'markdown', 'report.md', '# Personal data breach – report on the breach of 23 February 2018'],
    ['sv', 'text', 'report.txt', 'INTEGRITETSINCIDENT – RAPPORT OM INCIDENTEN DEN 23 FEBRUARI 2018'],
  ] as const)
    it(`titles the incident report with the day it happened when it was found a day later (${locale})`, async () => {
      const folder = join(dir.path, `incident-${locale}`);
      mkdirSync(folder, { recursive: true });
      copyFileSync(SEED_MESSAGE, join(folder, 'sent.eml'));
      writeFileSync(
        join(folder, 'facts.json'),
        JSON.stringify({ ...SEED_INCIDENT_FACTS, detectedAt: '2018-02-24T09:10:00+01:00' }),
      );
      const run = await runCliInProcess(seedIncidentArgs(folder, ['--locale', locale, '--format', format]));
      expect(run.status, run.stderr).toBe(0);
      const report = readFileSync(join(folder, 'incident', file), 'utf8');
      expect(report.split('\n')[0]).toBe(firstLine);
    });
});
