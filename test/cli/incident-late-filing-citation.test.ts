import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_INCIDENT_FACTS, SEED_MESSAGE, seedIncidentArgs } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// A provider that is also controller: IMY's filing (GDPR Art. 33(1)) is recorded, PTS's (Regulation
// 611/2013 Art. 2(2), 24 hours) is not, and its deadline has passed; the warning asks for the reasons
// for the delay under PTS's own rule, not the GDPR's.
async function run(locale: 'sv' | 'en', detectedHoursAgo: number) {
  copyFileSync(SEED_MESSAGE, join(dir.path, 'sent.eml'));
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000).toISOString();
  const facts = {
    ...SEED_INCIDENT_FACTS,
    occurredAt: hoursAgo(detectedHoursAgo + 1),
    detectedAt: hoursAgo(detectedHoursAgo),
    notifications: [{ authority: 'IMY', at: hoursAgo(detectedHoursAgo - 6.5) }],
  };
  writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(facts));
  return runCliInProcess(seedIncidentArgs(dir.path, ['--locale', locale, '--overwrite']));
}

describe('email-guard incident warns of a late filing under the authority’s own rule', () => {
  for (const [locale, cites, never] of [
    // The GDPR's article, not any "33" (the warning's time of day may hold one, 11:33).
    [
      'sv',
      'anmäla till PTS (förordning (EU) nr 611/2013 art. 2.2)',
      /dataskyddsförordningen|art(ikel|\.) 33/i,
    ],
    ['en', 'notifying PTS (Regulation 611/2013 Art. 2(2))', /GDPR|Art(icle|\.) 33/i],
  ] as const)
    it(`cites Regulation 611/2013 for PTS once IMY is notified (${locale})`, async () => {
      const late = await run(locale, 27.5);
      expect(late.status, late.stderr).toBe(0);
      expect(late.stderr).toContain(cites);
      const warning = late.stderr.split('\n').find((line) => line.includes(cites)) ?? '';
      expect(warning).not.toMatch(never);
    });
});
