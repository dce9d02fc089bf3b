import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { besidesPassedDeadlines } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

// A text message with a login code sent to a wrong number (the trial's Danish shop, by SMS).
const facts = {
  customer: { id: '55012', name: 'Mette Hansen', emails: ['mette.hansen77@gmail.com'] },
  organisation: {
    name: 'Butik ApS',
    country: 'DK',
    customerServicePhone: '+45 70 20 30 40',
    regimes: ['gdpr'],
    contact: { name: 'Lars Jensen', email: 'dpo@butik.dk', phone: '+45 70 20 30 41' },
  },
  reference: 'BUT-2024-07',
  occurredAt: '2024-05-20T09:00:00+02:00',
  detectedAt: '2024-05-20T11:00:00+02:00',
};

function sms(more: readonly string[] = [], given: Record<string, unknown> = facts): string[] {
  writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(given));
  writeFileSync(
    join(dir.path, 'message.txt'),
    'Hej Mette Hansen! Din kode til Mine sider er 481516. Kundenr. 55012.\n',
  );
  return [
    'incident',
    '--channel',
    'sms',
    '--intended',
    '+45 20 12 34 56',
    '--actual',
    '+45 20 12 34 65',
    '--text',
    join(dir.path, 'message.txt'),
    '--facts',
    join(dir.path, 'facts.json'),
    '--out',
    join(dir.path, 'incident'),
    '--overwrite',
    ...more,
  ];
}

describe('email-guard incident --channel sms', () => {
  it.each([
    ['en', 'A text message (SMS) meant for +4520123456 was sent to +4520123465.'],
    ['sv', 'Ett sms som skulle till +4520123456 skickades till +4520123465.'],
  ] as const)(
    'writes the report and the e-mail notice from the text, without an .eml (%s)',
    async (locale, said) => {
      const run = await runBuiltCli(sms(['--locale', locale]), { cwd: dir.path });
      expect(besidesPassedDeadlines(run.stderr)).toBe('');
      expect(run.status).toBe(0);
      const out = join(dir.path, 'incident');
      expect(readdirSync(out).sort()).toEqual(['notice.eml', 'phone-script.txt', 'report.txt']);
      expect(readFileSync(join(out, 'report.txt'), 'utf8')).toContain(said);
      const notice = await simpleParser(readFileSync(join(out, 'notice.eml')));
      expect(notice.to && 'text' in notice.to ? notice.to.text : '').toContain('mette.hansen77@gmail.com');
    },
  );

  it.each(['en', 'sv'] as const)(
    'writes only the phone script as the notice when the customer has no e-mail address (%s)',
    async (locale) => {
      const run = await runBuiltCli(
        sms(['--locale', locale], { ...facts, customer: { id: '55012', name: 'Mette Hansen' } }),
        { cwd: dir.path },
      );
      expect(besidesPassedDeadlines(run.stderr)).toBe('');
      expect(run.status).toBe(0);
      expect(readdirSync(join(dir.path, 'incident')).sort()).toEqual(['phone-script.txt', 'report.txt']);
      expect(run.stdout).not.toContain('notice.eml');
    },
  );

  it.each(['en', 'sv'] as const)(
    'refuses a number that is not one, naming the option (%s)',
    async (locale) => {
      const args = sms(['--locale', locale]);
      args[args.indexOf('--actual') + 1] = '+45 20 12';
      const run = await runBuiltCli(args, { cwd: dir.path });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--actual');
    },
  );

  it('asks for --text with --channel sms, and for --message without it', async () => {
    const args = sms();
    args.splice(args.indexOf('--text'), 2);
    const noText = await runBuiltCli(args, { cwd: dir.path });
    expect(noText.status).toBe(2);
    expect(noText.stderr).toContain('--text');
    const noMessage = await runBuiltCli(
      [
        'incident',
        '--intended',
        'a@example.com',
        '--actual',
        'b@example.com',
        '--facts',
        join(dir.path, 'facts.json'),
        '--out',
        join(dir.path, 'x'),
      ],
      { cwd: dir.path },
    );
    expect(noMessage.status).toBe(2);
    expect(noMessage.stderr).toContain('--message');
  });
});
