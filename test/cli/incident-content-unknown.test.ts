import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_INCIDENT_FACTS, seedIncidentArgs } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// A sent message of which only the header survives: nothing in it says what it held.
const headersOnly =
  'From: order@nordkabel.se\r\nTo: anna.svensson185@gmail.com\r\nSubject: Din order\r\nDate: Fri, 23 Feb 2018 13:36:00 +0100\r\nMessage-ID: <h@nordkabel.se>\r\n\r\n';

describe('email-guard incident on a message nobody has read', () => {
  it.each([
    [
      'sv',
      'övriga uppgifter',
      'håller fortfarande på att ta reda på vilka uppgifter',
      'de nämner inga uppgifter',
    ],
    ['en', 'other data', 'still establishing which details', 'they name no data'],
  ] as const)(
    'writes a notice and a phone script that name no data, and says so (%s)',
    async (locale, unsaid, said, printed) => {
      writeFileSync(join(dir.path, 'sent.eml'), headersOnly);
      writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(SEED_INCIDENT_FACTS));
      const run = await runCliInProcess(seedIncidentArgs(dir.path, ['--locale', locale, '--overwrite']));
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(printed);
      const script = readFileSync(join(dir.path, 'incident', 'phone-script.txt'), 'utf8').replace(
        /\s+/g,
        ' ',
      );
      expect(script).not.toContain(unsaid);
      expect(script).toContain(said);
      const notice = readFileSync(join(dir.path, 'incident', 'notice.eml'), 'latin1');
      expect(notice).not.toMatch(/=C3=B6vriga|other data/);
    },
  );
});
