import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportDateTime } from '../../src/incident/report-conclusions.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import {
  besidesPassedDeadlines,
  SEED_INCIDENT_FACTS,
  SEED_MESSAGE,
  seedIncidentArgs,
} from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();
const sent = SEED_MESSAGE;
const facts = SEED_INCIDENT_FACTS;

beforeAll(async () => {
  await builtCli();
}, 120_000);

function args(more: string[] = []) {
  return seedIncidentArgs(dir.path, more);
}

describe('email-guard incident', () => {
  it('writes the report, the customer notice and the phone script from files', async () => {
    copyFileSync(sent, join(dir.path, 'sent.eml'));
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(facts));
    const run = await runBuiltCli(args(['--locale', 'sv', '--format', 'html']), { cwd: dir.path });
    expect(besidesPassedDeadlines(run.stderr)).toBe('');
    expect(run.status).toBe(0);
    // Every line in Swedish: the articles as Swedish texts cite them, the files by what they are.
    expect(run.stdout).toContain('Förordning (EU) nr 611/2013 art. 2.2: inom 24 timmar');
    expect(run.stdout).not.toContain('Regulation');
    expect(run.stdout).toContain(`rapport: ${join(dir.path, 'incident', 'report.html')}\n`);
    expect(run.stdout).toContain(`kundmeddelande: ${join(dir.path, 'incident', 'notice.eml')}\n`);
    expect(run.stdout).toContain(`telefonmanus: ${join(dir.path, 'incident', 'phone-script.txt')}\n`);
    // Deadlines as the report writes them: in its time zone and words, not as UTC ISO strings.
    expect(run.stdout).toContain(
      `senast ${reportDateTime({ locale: 'sv', timeZone: 'Europe/Stockholm' }, '2018-02-24T12:45:00.000Z')}`,
    );
    expect(run.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const out = join(dir.path, 'incident');
    expect(readdirSync(out).sort()).toEqual(['notice.eml', 'phone-script.txt', 'report.html']);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('NK-INC-2018-0223');
    const notice = await simpleParser(readFileSync(join(out, 'notice.eml')));
    expect(notice.to && 'text' in notice.to ? notice.to.text : '').toContain('anna.svensson1985@gmail.com');
    expect(readFileSync(join(out, 'phone-script.txt'), 'utf8')).toContain('Anna');
  });

  it('names the missing fact, and the file that cannot be read', async () => {
    copyFileSync(sent, join(dir.path, 'sent.eml'));
    const { reference: _reference, ...withoutReference } = facts;
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(withoutReference));
    const missing = await runBuiltCli(args(), { cwd: dir.path });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('facts.json: Invalid input at input.reference');
    writeFileSync(join(dir.path, 'facts.json'), '{ not json');
    expect((await runBuiltCli(args(), { cwd: dir.path })).status).toBe(3);
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(facts));
    const badFormat = await runBuiltCli(args(['--format', 'pdf']), { cwd: dir.path });
    expect(badFormat.status).toBe(2);
    const noMessage = await runBuiltCli(args(['--message', join(dir.path, 'none.eml')]), { cwd: dir.path });
    expect(noMessage.status).toBe(3);
    expect(noMessage.stderr).toContain('none.eml: does not exist');
  });

  it('answers 3 in one line for an --out that is a file, and names a message without a date', async () => {
    copyFileSync(sent, join(dir.path, 'sent.eml'));
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(facts));
    writeFileSync(join(dir.path, 'crm.csv'), 'id;name\n');
    const onFile = await runBuiltCli(
      args().map((arg) => (arg === join(dir.path, 'incident') ? join(dir.path, 'crm.csv') : arg)),
      { cwd: dir.path },
    );
    expect(onFile.status).toBe(3);
    expect(onFile.stderr.trim().split('\n')).toEqual([expect.stringContaining(join(dir.path, 'crm.csv'))]);
    expect(onFile.stderr).not.toContain('EEXIST');
    expect(readFileSync(join(dir.path, 'crm.csv'), 'utf8')).toBe('id;name\n');
    // Trial 13's garbage.eml: no Date field, so the time it was sent comes from nowhere.
    const garbage = resolve(__dirname, '../fixtures/incident/garbage.eml');
    const noDate = await runBuiltCli(args(['--message', garbage]), { cwd: dir.path });
    expect(noDate.status).toBe(3);
    // The message is blamed, not the facts file: a file with no header fields is no message at all.
    expect(noDate.stderr).toContain(
      `email-guard: ${garbage}: The file is not an e-mail message: it has no header fields`,
    );
  });

  it('answers 3 naming --actual for an address the message was not sent to, or the intended one', async () => {
    copyFileSync(sent, join(dir.path, 'sent.eml'));
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(facts));
    const replace = (flag: string, value: string) => {
      const list = args();
      list[list.indexOf(flag) + 1] = value;
      return list;
    };
    const stranger = await runBuiltCli(replace('--actual', 'karin@example.se'), { cwd: dir.path });
    expect(stranger.status).toBe(3);
    expect(stranger.stderr).toContain('--actual: ');
    expect(stranger.stderr).toContain("not among the message's own recipients");
    const same = await runBuiltCli(replace('--intended', 'anna.svensson185@gmail.com'), { cwd: dir.path });
    expect(same.status).toBe(3);
    expect(same.stderr).toContain('--actual: ');
    expect(same.stderr).toContain('the same mailbox as the intended address');
  });
});

describe('email-guard incident --time-zone', () => {
  const due = '2018-02-24T12:45:00.000Z';

  it('writes the deadlines in the organisation’s country’s time zone when none is given', async () => {
    copyFileSync(sent, join(dir.path, 'sent.eml'));
    const british = { ...facts, organisation: { ...facts.organisation, country: 'GB' } };
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(british));
    const run = await runBuiltCli(args(), { cwd: dir.path });
    expect(besidesPassedDeadlines(run.stderr)).toBe('');
    expect(run.stdout).toContain(`by ${reportDateTime({ locale: 'en', timeZone: 'Europe/London' }, due)}`);
  });

  it('writes the deadlines and the report in the zone given', async () => {
    copyFileSync(sent, join(dir.path, 'sent.eml'));
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(facts));
    const run = await runBuiltCli(args(['--time-zone', 'Europe/London']), { cwd: dir.path });
    expect(besidesPassedDeadlines(run.stderr)).toBe('');
    const london = reportDateTime({ locale: 'en', timeZone: 'Europe/London' }, due);
    expect(london).toContain('GMT');
    expect(run.stdout).toContain(`by ${london}`);
    expect(readFileSync(join(dir.path, 'incident', 'report.txt'), 'utf8')).toContain('GMT');
  });

  it('answers 2 naming --time-zone for a zone that is not one, and writes nothing', async () => {
    copyFileSync(sent, join(dir.path, 'sent.eml'));
    writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(facts));
    const run = await runBuiltCli(args(['--time-zone', 'Mars/Base']), { cwd: dir.path });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--time-zone: "Mars/Base" is not an IANA time zone');
    expect(run.stdout).toBe('');
    expect(readdirSync(dir.path)).not.toContain('incident');
  });
});
