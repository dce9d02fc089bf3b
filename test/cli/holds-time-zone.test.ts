import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// Issue 13: `holds` wrote its dates in Stockholm time whatever the reader's zone, and `holds show`
// under sv read "stoppat: <date> (för 0 min sedan), stoppat", the label the same word as the state.
const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';
const store = () => join(fixture.dir, 'held');

describe('email-guard holds --time-zone', () => {
  it('writes the held time of list and show in the zone given, and in Stockholm time by default', async () => {
    const id = await holdMessage(fixture, TYPO);
    const sv = ['--store', store(), '--locale', 'sv'];
    const london = / kl\. \d\d\.\d\d (GMT|BST)\b/;
    const stockholm = / kl\. \d\d\.\d\d (CET|CEST)\b/;
    for (const command of [['list'], ['show', id]]) {
      const inLondon = await runCliInProcess(['holds', ...command, ...sv, '--time-zone', 'Europe/London']);
      expect(inLondon.stderr).toBe('');
      expect(inLondon.stdout).toMatch(london);
      expect(inLondon.stdout).not.toMatch(stockholm);
      const byDefault = await runCliInProcess(['holds', ...command, ...sv]);
      expect(byDefault.stdout).toMatch(stockholm);
    }
  });

  it('refuses a zone the runtime does not know, naming the option, in each language', async () => {
    await holdMessage(fixture, TYPO);
    for (const locale of ['en', 'sv']) {
      const refused = await runCliInProcess([
        'holds',
        'list',
        '--store',
        store(),
        '--locale',
        locale,
        '--time-zone',
        'Europe/Lund',
      ]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('--time-zone');
      expect(refused.stderr).toContain('Europe/Lund');
      expect(refused.stdout).toBe('');
    }
  });

  it('documents --time-zone in the help of list and show', async () => {
    for (const command of ['list', 'show']) {
      const help = await runCliInProcess(['holds', command, '--help']);
      expect(help.stdout).toContain('--time-zone <zone>');
    }
  });
});

describe('email-guard holds show: the label of the held time', () => {
  it('is not the word of the state it is shown beside, in either language', async () => {
    const id = await holdMessage(fixture, TYPO);
    const sv = await runCliInProcess(['holds', 'show', id, '--store', store(), '--locale', 'sv']);
    expect(sv.stdout).toMatch(/^stoppades: +\S+ kl\. [\d.]+ \S+ \(för 0 min sedan\), stoppat$/m);
    const en = await runCliInProcess(['holds', 'show', id, '--store', store()]);
    expect(en.stdout).toMatch(/^held at: +\S+ \(0 min ago\), block$/m);
  });
});
