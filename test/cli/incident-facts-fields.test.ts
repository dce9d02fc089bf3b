import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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

// The customer was told by e-mail an hour after the breach was found; the message went out at 13:36.
const told = {
  ...SEED_INCIDENT_FACTS,
  measures: [{ id: 'inform-customer', status: 'done' }],
  subscriberNotice: { notifiedAt: '2018-02-23T14:45:00+01:00', means: ['email'] },
  protectionApplied: 'The message was sent over TLS; nothing in it was encrypted.',
};

describe('email-guard incident: the optional facts of the report in facts.json', () => {
  it.each(['en', 'sv'] as const)(
    'accepts subscriberNotice and protectionApplied and writes them into the report (%s)',
    async (locale) => {
      copyFileSync(SEED_MESSAGE, join(dir.path, 'sent.eml'));
      writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(told));
      const run = await runBuiltCli(seedIncidentArgs(dir.path, ['--locale', locale]), { cwd: dir.path });
      expect(besidesPassedDeadlines(run.stderr)).toBe('');
      expect(run.status).toBe(0);
      const report = readFileSync(join(dir.path, 'incident', 'report.txt'), 'utf8');
      expect(report).toContain('The message was sent over TLS; nothing in it was encrypted.');
    },
  );

  it.each(['en', 'sv'] as const)(
    'points only at fields it accepts when a done notice is not recorded (%s)',
    async (locale) => {
      copyFileSync(SEED_MESSAGE, join(dir.path, 'sent.eml'));
      const { subscriberNotice: _notice, protectionApplied: _protection, ...untold } = told;
      writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(untold));
      const refused = await runBuiltCli(seedIncidentArgs(dir.path, ['--locale', locale]), { cwd: dir.path });
      expect(refused.status).toBe(3);
      expect(refused.stderr).toContain('subscriberNotice.notifiedAt');
      // Doing what the message says is then accepted.
      writeFileSync(
        join(dir.path, 'facts.json'),
        JSON.stringify({ ...untold, subscriberNotice: { notifiedAt: '2018-02-23T14:45:00+01:00' } }),
      );
      const accepted = await runBuiltCli(seedIncidentArgs(dir.path, ['--locale', locale, '--overwrite']), {
        cwd: dir.path,
      });
      expect(besidesPassedDeadlines(accepted.stderr)).toBe('');
      expect(accepted.status).toBe(0);
    },
  );
});
