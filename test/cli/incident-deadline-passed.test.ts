import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_INCIDENT_FACTS, SEED_MESSAGE, seedIncidentArgs } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// The seed case was detected on 23 February 2018: Regulation 611/2013 Art. 2(2) gave the provider 24
// hours, so a report written today is late, and GDPR Art. 33(1) (as Art. 2(2)) asks for the reasons.
async function run(facts: Record<string, unknown>, locale: 'sv' | 'en' = 'en') {
  copyFileSync(SEED_MESSAGE, join(dir.path, 'sent.eml'));
  writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(facts));
  return runCliInProcess(seedIncidentArgs(dir.path, ['--locale', locale, '--overwrite']));
}

describe('email-guard incident after a notification deadline', () => {
  it('says on stderr that the deadline has passed and asks for the reasons for the delay', async () => {
    const late = await run(SEED_INCIDENT_FACTS);
    expect(late.status, late.stderr).toBe(0);
    expect(late.stderr).toContain(
      'warning: the deadline for notifying PTS (Regulation 611/2013 Art. 2(2)) passed on 24 February 2018, 13:45 CET: the notification is late',
    );
    expect(late.stderr).toContain('give "delayReasons" in');
    expect(late.stdout).toContain('(by 24 February 2018, 13:45 CET: passed)');
    const report = readFileSync(join(dir.path, 'incident', 'report.txt'), 'utf8');
    expect(report).toContain('The deadline has passed: the notification is late');
  });

  it('says it in Swedish, and asks for no reasons already recorded', async () => {
    const late = await run({ ...SEED_INCIDENT_FACTS, delayReasons: 'Upptäckt först vid revision.' }, 'sv');
    expect(late.status, late.stderr).toBe(0);
    expect(late.stderr).toContain('varning: tidsfristen för att anmäla till PTS');
    expect(late.stderr).toContain('anmälan är försenad');
    expect(late.stderr).not.toContain('delayReasons');
    expect(late.stdout).toContain(': har passerat)');
    const report = readFileSync(join(dir.path, 'incident', 'report.txt'), 'utf8');
    expect(report).toContain('Skäl till förseningen: Upptäckt först vid revision.');
  });

  it('says nothing of a delay once the authority is notified, or before the deadline', async () => {
    const filed = await run({ ...SEED_INCIDENT_FACTS, initialNotificationAt: '2018-02-23T16:00:00+01:00' });
    expect(filed.status, filed.stderr).toBe(0);
    expect(filed.stderr).not.toContain('deadline');
    const detected = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const sent = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
    const fresh = await run({ ...SEED_INCIDENT_FACTS, detectedAt: detected, occurredAt: sent });
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stderr).not.toContain('deadline');
    expect(fresh.stdout).not.toContain('passed');
  });
});
