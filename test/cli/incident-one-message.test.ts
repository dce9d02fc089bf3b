import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { orderConfirmation, writeDraftFacts } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, trial: `incident --message` on an mbox took its first message without a word, and three
// audits into three folders each gave their first draft the reference AUDIT-0001.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

/** The order confirmation for Anna Ek (K-1), with LF line ends as an mbox keeps them. */
const message = (name: string, to: string) => orderConfirmation(name, to, 'K-1').replaceAll('\r\n', '\n');

describe('incident --message', () => {
  it('refuses an mbox holding several messages, naming the count and how to give one', async () => {
    const mbox = join(dir.path, 'skickat.mbox');
    writeFileSync(
      mbox,
      ['a', 'b', 'c']
        .map(
          (name) => `From order@butiken.se Mon Nov 30 10:00:00 2026\n${message(name, 'anna.ek@gmial.com')}`,
        )
        .join('\n'),
    );
    const facts = join(dir.path, 'facts.json');
    writeFileSync(
      facts,
      JSON.stringify({
        customer: { id: 'K-1', name: 'Anna Ek' },
        organisation: {
          name: 'Butiken AB',
          regimes: ['gdpr'],
          contact: { name: 'Karin Berg', email: 'dpo@butiken.se' },
        },
        reference: 'INC-1',
        detectedAt: '2026-11-30T12:00:00+01:00',
      }),
    );
    const args = [
      'incident',
      '--message',
      mbox,
      '--intended',
      'anna.ek@gmail.com',
      '--actual',
      'anna.ek@gmial.com',
    ];
    const run = await runBuiltCli([...args, '--facts', facts, '--out', join(dir.path, 'incident')], {
      cwd: dir.path,
    });
    expect(run.status).toBe(3);
    expect(run.stderr.trim()).toBe(
      `email-guard: ${mbox}: an mbox file holding 3 messages, and --message takes the one that went wrong; save that one as an .eml file of its own (from the mail program, or from its "From " line, which email-guard audit names as ${mbox}:LINE, up to the next), and give that`,
    );
  });
});

describe('audit --incidents', () => {
  it('gives the drafts of two runs different references', async () => {
    const customers = join(dir.path, 'kunder.csv');
    writeFileSync(customers, 'Kundnr;Namn;E-post\nK-1;Anna Ek;anna.ek@gmail.com\n');
    const sent = join(dir.path, 'sent');
    mkdirSync(sent, { recursive: true });
    writeFileSync(join(sent, 'a.eml'), message('a', 'anna.ke@gmail.com'));
    const facts = writeDraftFacts(dir.path, 'draft-facts.json');
    const references: string[] = [];
    for (const folder of ['utkast', 'ud2']) {
      const drafts = join(dir.path, folder);
      const run = await runBuiltCli(
        ['audit', sent, '--customers', customers, '--incidents', drafts, '--facts', facts],
        { cwd: dir.path },
      );
      expect(run.status).toBe(1);
      const notice = readFileSync(join(drafts, '0001-notice.eml'), 'utf8');
      references.push(/^X-Incident-Reference: (.+)$/m.exec(notice)?.[1]?.trim() ?? '');
    }
    for (const reference of references) expect(reference).toMatch(/^AUDIT-\d{8}T\d{9}Z-0001$/);
    expect(references[0]).not.toBe(references[1]);
  });
});
