import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { type Hit, writeDraftFacts } from '../support/cli-inputs.js';
import { crmExport } from '../support/crm-export.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { type SentMail, sentMail, writeEmlFolder, writeMaildir, writeMbox } from '../support/sent-mail.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });
const base = crmExport(400, 21);
const clean = base.customers.filter((customer) => base.clean.includes(customer.id));
let mail: SentMail;

beforeAll(async () => {
  await builtCli();
  mail = await sentMail(clean, 240);
  // The known addresses: the clean customers of a generated export.
  writeFileSync(
    join(dir.path, 'customers.csv'),
    ['id;name;email', ...clean.map((customer) => `${customer.id};${customer.name};${customer.email}`)].join(
      '\n',
    ),
  );
}, 120_000);

/** `audit PATH --customers customers.csv` and `more`. */
const auditOf = (path: string, ...more: string[]) => [
  'audit',
  path,
  '--customers',
  join(dir.path, 'customers.csv'),
  ...more,
];

const auditArgs = (path: string, more: readonly string[]) => auditOf(path, '--json', ...more);

/**
 * The audit, run in this process: each start of the built command costs seconds on a loaded
 * machine. The first test runs the built command, as installed.
 */
function audit(path: string, ...more: string[]) {
  return runCliInProcess(auditArgs(path, more));
}

function expectAllPlantedFound(hits: Hit[]) {
  expect(mail.planted.length).toBeGreaterThanOrEqual(8);
  for (const planted of mail.planted) {
    const hit = hits.find((candidate) => candidate.messageId === planted.messageId);
    expect(hit, planted.messageId).toMatchObject({ recipient: planted.recipient, finding: planted.finding });
    if (planted.customerId) expect(hit?.customerId).toBe(planted.customerId);
  }
  // Nothing else: every other message went to its customer's own address.
  expect(hits).toHaveLength(mail.planted.length);
}

describe('email-guard audit', () => {
  it('finds every misdirected confirmation in a folder of .eml files, as the built command', async () => {
    const folder = join(dir.path, 'sent');
    writeEmlFolder(folder, mail.messages);
    const run = await runBuiltCli(auditArgs(folder, []), { cwd: dir.path });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { kind: string; messages: number; hits: Hit[] };
    expect(result).toMatchObject({ kind: 'eml-folder', messages: mail.messages.length });
    expectAllPlantedFound(result.hits);
    const nearMiss = result.hits.find((hit) => hit.finding === 'near-miss');
    expect(nearMiss?.intended).toMatch(/@/);
  });

  it('finds the same in an mbox file, naming each message by its line', async () => {
    const file = join(dir.path, 'sent.mbox');
    writeMbox(file, mail.messages);
    const run = await audit(file);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { kind: string; messages: number; hits: Hit[] };
    expect(result).toMatchObject({ kind: 'mbox', messages: mail.messages.length });
    expectAllPlantedFound(result.hits);
    const lines = readFileSync(file, 'latin1').split('\n');
    for (const hit of result.hits) {
      const line = Number(hit.where.split(':').pop());
      expect(lines[line - 1]).toMatch(/^From /);
    }
  });

  it('finds the same in an mbox with CR line ends, and drafts from its messages', async () => {
    const file = join(dir.path, 'sent-cr.mbox');
    writeMbox(file, mail.messages);
    // As a mail program on classic Mac OS saves it: a CR alone ends each line.
    writeFileSync(file, readFileSync(file, 'latin1').replace(/\r?\n/g, '\r'), 'latin1');
    const drafts = join(dir.path, 'drafts-cr');
    const run = await audit(
      file,
      '--incidents',
      drafts,
      '--facts',
      writeDraftFacts(dir.path, 'cr-facts.json'),
    );
    // Only the hits no draft can be written for are named (no customer is known for them): no
    // message went unread and no draft failed.
    const unexplained = run.stderr
      .split('\n')
      .filter((line) => line && !line.includes('no customer is known'));
    expect(unexplained).toEqual([]);
    const result = JSON.parse(run.stdout) as { kind: string; messages: number; hits: Hit[] };
    expect(result).toMatchObject({ kind: 'mbox', messages: mail.messages.length });
    expectAllPlantedFound(result.hits);
    const lines = readFileSync(file, 'latin1').split('\r');
    for (const hit of result.hits) expect(lines[Number(hit.where.split(':').pop()) - 1]).toMatch(/^From /);
    // Each draft holds its own message, read again from the file at its offset.
    const reports = readdirSync(drafts).filter((name) => name.endsWith('-report.md'));
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports)
      expect(readFileSync(join(drafts, report), 'utf8')).toMatch(
        /## Nature and content of the personal data/,
      );
  });

  it('finds the same in a Maildir, and only messages since a date with --since', async () => {
    const folder = join(dir.path, 'Maildir');
    writeMaildir(folder, mail.messages);
    const all = JSON.parse((await audit(folder)).stdout) as { kind: string; hits: Hit[] };
    expect(all.kind).toBe('maildir');
    expectAllPlantedFound(all.hits);
    // Message i is dated 2024-01-01 plus i minutes: 120 of 240 are on or after 02:00.
    const later = JSON.parse((await audit(folder, '--since', '2024-01-01T02:00:00Z')).stdout) as {
      skipped: number;
      hits: Hit[];
    };
    expect(later.skipped).toBe(120);
    expect(later.hits.length).toBeLessThan(all.hits.length);
  });

  it('writes an HTML report and a draft incident report and notice per hit', async () => {
    const folder = join(dir.path, 'sent-for-incidents');
    writeEmlFolder(folder, mail.messages.slice(0, 40));
    const facts = writeDraftFacts(dir.path, 'facts.json', { reference: 'BUT-AUDIT' });
    const drafts = join(dir.path, 'drafts');
    const out = join(dir.path, 'audit.html');
    const run = await runCliInProcess(auditOf(folder, '--out', out, '--incidents', drafts, '--facts', facts));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const planted = mail.planted.filter((message) => Number(/order-(\d+)/.exec(message.messageId)?.[1]) < 40);
    expect(run.stderr).toBe('');
    const withIntended = planted.length; // every planted hit here has a likely address and a customer
    expect(run.stdout).toContain(`incident drafts: ${withIntended} in ${drafts}`);
    const files = readdirSync(drafts).sort();
    expect(files.filter((name) => name.endsWith('-report.md'))).toHaveLength(withIntended);
    expect(files.filter((name) => name.endsWith('-notice.eml'))).toHaveLength(withIntended);
    // The reference carries the time the run began, so another run's 0001 is another reference.
    expect(readFileSync(join(drafts, '0001-report.md'), 'utf8')).toMatch(/BUT-AUDIT-\d{8}T\d{9}Z-0001/);
    const html = readFileSync(out, 'utf8');
    expect(html.indexOf('class="summary"')).toBeLessThan(html.indexOf('class="details"'));
    expect(html).toContain('&#60;order-');
  });

  it('counts the hits it wrote no draft for, and why, on the summary line, in English and in Swedish', async () => {
    const folder = join(dir.path, 'sent-not-drafted');
    writeEmlFolder(folder, mail.messages.slice(0, 40));
    const known = clean[0]?.email as string;
    const slipped = known.replace('@', 'x@');
    // At a domain with no top-level domain: a hit, but no likely address to draft a notice for.
    writeFileSync(
      join(folder, 'zz-no-tld.eml'),
      'From: order@butiken.se\r\nTo: kund@butiken.invalidtld\r\nDate: Mon, 01 Jan 2024 10:00:00 +0000\r\nMessage-ID: <no-tld@butiken.se>\r\nSubject: Order\r\n\r\nTack\r\n',
    );
    // A near miss with no Date field: when it was sent is not known, so its draft fails.
    writeFileSync(
      join(folder, 'zz-no-date.eml'),
      `From: order@butiken.se\r\nTo: ${slipped}\r\nMessage-ID: <no-date@butiken.se>\r\nSubject: Order\r\n\r\nTack\r\n`,
    );
    // Bcc to a stranger at a mistyped provider: no customer is known, so whom it was meant for is a
    // guess from the domain (stranger@gmail.com), which no draft may state as a fact.
    writeFileSync(
      join(folder, 'zz-stranger.eml'),
      `From: order@butiken.se\r\nTo: ${known}\r\nBcc: stranger@gmial.com\r\nDate: Mon, 01 Jan 2024 10:00:00 +0000\r\nMessage-ID: <stranger@butiken.se>\r\nSubject: Order\r\n\r\nTack\r\n`,
    );
    const facts = writeDraftFacts(dir.path, 'facts-not-drafted.json');
    const planted = mail.planted.filter((message) => Number(/order-(\d+)/.exec(message.messageId)?.[1]) < 40);
    const strangers = 1 + planted.filter((message) => message.customerId === undefined).length;
    const drafted = planted.length + 1 - strangers;
    for (const [locale, line] of [
      [
        'en',
        `incident drafts: ${drafted} in DRAFTS; ${strangers + 2} not drafted: 1 without a likely address, ${strangers} without a known customer, 1 failed (named above)`,
      ],
      [
        'sv',
        `utkast till incidentrapporter: ${drafted} i DRAFTS; ${strangers + 2} inte skrivna: 1 utan trolig adress, ${strangers} utan känd kund, 1 misslyckades (se ovan)`,
      ],
    ] as const) {
      const drafts = join(dir.path, `drafts-${locale}`);
      const run = await runCliInProcess(
        auditOf(folder, '--incidents', drafts, '--facts', facts, '--locale', locale),
      );
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout.trim().split('\n').at(-1)).toBe(line.replace('DRAFTS', drafts));
      expect(readdirSync(drafts).filter((name) => name.endsWith('-report.md'))).toHaveLength(drafted);
      expect(run.stderr).toContain(`${join(folder, 'zz-stranger.eml')}: `);
      for (const name of readdirSync(drafts))
        expect(readFileSync(join(drafts, name), 'utf8')).not.toContain('stranger@gmail.com');
    }
  });

  it('prints every line in Swedish with --locale sv', async () => {
    const folder = join(dir.path, 'sent-sv');
    writeEmlFolder(folder, mail.messages.slice(0, 40));
    writeFileSync(join(folder, 'zz-no-recipient.eml'), 'From: a@b.se\r\nSubject: x\r\n\r\nhej\r\n');
    const run = await runCliInProcess(auditOf(folder, '--locale', 'sv', '--since', '2023-01-01'));
    expect(run.status).toBe(1);
    const planted = mail.planted.filter((message) => Number(/order-(\d+)/.exec(message.messageId)?.[1]) < 40);
    const [intro, ...rest] = run.stdout.trim().split('\n');
    expect(intro).toBe(
      `${folder} (mapp med .eml-filer): 41 meddelanden lästa, 0 före --since, 1 oläsbart, ${planted.length} träffar.`,
    );
    // The finding's Swedish name first, its code after it for a script that searches for it.
    expect(rest[0]).toMatch(
      /^ +\d+ {2}(skrivfel|felskriven domän|annan kunds adress)[a-zåäö ]* \([a-z-]+\): [a-zåäö]/,
    );
    for (const line of rest.filter((row) => row.startsWith(folder)))
      expect(line).toMatch(/ {2}(skrivfel|felskriven domän|annan kunds adress)[a-zåäö ]* \([a-z-]+\) {2}/);
    expect(run.stdout).not.toMatch(/messages read|unreadable|hits\.|a slip from|One slip from/);
    expect(run.stderr.trim()).toBe(
      `${join(folder, 'zz-no-recipient.eml')}: inga mottagare i To, Cc eller Bcc`,
    );
    const out = join(dir.path, 'audit-sv.html');
    const written = await runCliInProcess(auditOf(folder, '--locale', 'sv', '--out', out));
    expect(written.stdout.trim().split('\n').at(-1)).toBe(`rapport: ${out}`);
  });

  it('names the kind of mail and why a recipient cannot be read in words, as the built command', async () => {
    const file = join(dir.path, 'sent-unreadable.mbox');
    const message = (to: string, id: string) =>
      Buffer.from(
        `From: shop@butiken.se\r\nTo: ${to}\r\nMessage-ID: <${id}@butiken.se>\r\nSubject: Order\r\n\r\nHej\r\n`,
      );
    writeMbox(file, [
      ...mail.messages.slice(0, 3),
      message('anna..svensson@gmail.com', 'dots'),
      message('Anna Svensson', 'no-at'),
    ]);
    for (const [locale, kind, dots, noAt] of [
      [
        'en',
        'mbox',
        'recipient "anna..svensson@gmail.com" cannot be read as an address: a dot stands at the start or end of a part, or two dots stand in a row',
        'recipient "Anna Svensson" cannot be read as an address: the @ sign is missing',
      ],
      [
        'sv',
        'mbox-fil',
        'mottagaren ”anna..svensson@gmail.com” kan inte läsas som en adress: en punkt står först eller sist i en del, eller två punkter står i rad',
        'mottagaren ”Anna Svensson” kan inte läsas som en adress: snabel-a saknas',
      ],
    ] as const) {
      const run = await runBuiltCli(auditOf(file, '--locale', locale), { cwd: dir.path });
      // The first line says the audit is not clean (two messages were not read whole); the count follows.
      expect(run.stdout.split('\n')[0]).toMatch(
        locale === 'en' ? /^Not a clean audit: 2 of 5 / : /^Granskningen är inte ren: 2 av 5 /,
      );
      expect(run.stdout.split('\n')[1]).toMatch(
        new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')} \\(${kind}\\): 5 `),
      );
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(new RegExp(`: ${dots.replace(/[.()]/g, '\\$&')}$`));
      expect(lines[1]).toMatch(new RegExp(`: ${noAt}$`));
    }
  });

  it('refuses an --out that is one of its inputs, before reading or writing anything', async () => {
    const folder = join(dir.path, 'sent-out-over-input');
    writeEmlFolder(folder, mail.messages.slice(0, 5));
    const copy = join(dir.path, 'customers-copy.csv');
    const before = readFileSync(join(dir.path, 'customers.csv'), 'utf8');
    writeFileSync(copy, before);
    for (const out of [copy, join(dir.path, '.', 'customers-copy.csv')]) {
      const run = await runBuiltCli(['audit', folder, '--customers', copy, '--out', out], { cwd: dir.path });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `email-guard: --out ${out} is the input file ${copy}: the report would replace it; give another file name\n`,
      );
      expect(readFileSync(copy, 'utf8')).toBe(before);
    }
  });

  it('refuses a draft folder that already holds drafts, so no reference is given to two incidents', async () => {
    const folder = join(dir.path, 'sent-used-drafts');
    writeEmlFolder(folder, mail.messages.slice(0, 40));
    const facts = writeDraftFacts(dir.path, 'facts-used-drafts.json');
    const drafts = join(dir.path, 'drafts-used');
    const args = auditOf(folder, '--incidents', drafts);
    const first = await runBuiltCli([...args, '--facts', facts], { cwd: dir.path });
    expect(first.status).toBe(1);
    const written = readdirSync(drafts).sort();
    const report = readFileSync(join(drafts, '0001-report.md'), 'utf8');
    const second = await runBuiltCli([...args, '--facts', facts], { cwd: dir.path });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`--incidents ${drafts} already holds ${written.length} files`);
    expect(second.stdout).toBe('');
    expect(readdirSync(drafts).sort()).toEqual(written);
    expect(readFileSync(join(drafts, '0001-report.md'), 'utf8')).toBe(report);
  });

  it('checks the facts before reading any mail, and answers 3 with one line naming the field', async () => {
    const folder = join(dir.path, 'sent-bad-facts');
    writeEmlFolder(folder, mail.messages.slice(0, 40));
    const facts = join(dir.path, 'facts-no-phone.json');
    writeFileSync(
      facts,
      JSON.stringify({
        organisation: { name: 'Butiken AB', contact: { name: 'Karin Berg', email: 'dpo@butiken.se' } },
      }),
    );
    const drafts = join(dir.path, 'drafts-bad-facts');
    const run = await runBuiltCli(auditOf(folder, '--incidents', drafts, '--facts', facts), {
      cwd: dir.path,
    });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^email-guard: ${facts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*organisation\\.contact\\.phone`,
      ),
    );
  });

  it('prints terminal control characters from the mail escaped, never raw', async () => {
    const known = clean[0]?.email as string;
    const slipped = known.replace('@', 'x@');
    writeFileSync(
      join(dir.path, 'sent-controls.eml'),
      `From: order@butiken.se\r\nTo: ${slipped}\r\nDate: Mon, 01 Jan 2024 10:00:00 +0000\r\nMessage-ID: <a\u001b]0;pwned\u0007\u001b[31mRED@x>\r\nSubject: Order\r\n\r\nTack\r\n`,
    );
    const run = await runBuiltCli(auditOf(join(dir.path, 'sent-controls.eml')), { cwd: dir.path });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('<a\\x1b]0;pwned\\x07\\x1b[31mRED@x>');
    for (const control of ['\u001b', '\u0007']) expect(run.stdout + run.stderr).not.toContain(control);
  });

  it('reports broken messages on one line each and reads the rest; refuses what is no mail store', async () => {
    const folder = join(dir.path, 'broken');
    writeEmlFolder(folder, mail.messages.slice(0, 10));
    writeFileSync(join(folder, 'zz-empty.eml'), '');
    writeFileSync(join(folder, 'zz-no-recipient.eml'), 'From: a@b.se\r\nSubject: x\r\n\r\nhej\r\n');
    const run = await audit(folder);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${join(folder, 'zz-empty.eml')}: the file is empty`,
      `${join(folder, 'zz-no-recipient.eml')}: no recipients in To, Cc or Bcc`,
    ]);
    expect(JSON.parse(run.stdout).messages).toBe(12);
    const notMbox = join(dir.path, 'not.mbox');
    writeFileSync(notMbox, 'Subject: hello\n\nbody\n');
    const refused = await audit(notMbox);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain(`${notMbox}:1: not an mbox file`);
    expect((await audit(join(dir.path, 'missing'))).status).toBe(3);
    expect((await audit(folder, '--since', 'yesterday-ish')).status).toBe(2);
  });

  it('writes the dates of its lines in the zone --time-zone names, and answers 2 naming it for one that is not a zone', async () => {
    const folder = join(dir.path, 'sent-tz');
    writeEmlFolder(folder, mail.messages.slice(0, 20));
    const stockholm = await runCliInProcess(auditOf(folder, '--locale', 'sv'));
    const london = await runCliInProcess(auditOf(folder, '--locale', 'sv', '--time-zone', 'Europe/London'));
    expect(stockholm.stdout).toMatch(/kl\. \d{2}\.\d{2} CES?T/);
    expect(london.stdout).toMatch(/kl\. \d{2}\.\d{2} (GMT|BST)/);
    expect(london.stdout).not.toMatch(/kl\. \d{2}\.\d{2} CES?T/);
    const refused = await runCliInProcess(auditOf(folder, '--time-zone', 'Mars/Base'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--time-zone: "Mars/Base" is not an IANA time zone');
  });
});
