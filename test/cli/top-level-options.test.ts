import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// Issue 13: `email-guard --locale sv audit --help` printed the program's help, and
// `email-guard --locale sv holds list --store DIR` answered "okänt alternativ '--locale'".
const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';

describe('email-guard --locale and --json before the command', () => {
  it("gives the command's help in the language asked for", async () => {
    const before = await runCliInProcess(['--locale', 'sv', 'audit', '--help']);
    const after = await runCliInProcess(['audit', '--help', '--locale', 'sv']);
    expect(before.status).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(before.stdout).toContain('Användning: email-guard audit');
  });

  it('applies them to a subcommand, as if given after it', async () => {
    const id = await holdMessage(fixture, TYPO);
    const store = join(fixture.dir, 'held');
    const list = await runCliInProcess(['--locale=sv', 'holds', 'list', '--store', store]);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(1);
    expect(list.stdout).toMatch(/ stoppat +kund C-1001 /);
    const json = await runCliInProcess(['--json', '--locale', 'sv', 'holds', 'show', id, '--store', store]);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ id, action: 'block' });
  });

  it('refuses a locale outside its choices, in English, naming it', async () => {
    const refused = await runCliInProcess(['--locale', 'de', 'check', 'anna@example.com']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("'de'");
    expect(refused.stderr).toContain('--locale');
  });
});
