import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport, writeDraftFacts } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// Issue 13, trials: the wording of a refused release, and the lines an operator reads under
// --locale sv, run in this process; --out given twice on the built command, in the fixture's folder.
const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';

beforeAll(async () => {
  await builtCli();
}, 120_000);

const run = (args: readonly string[]) => runCliInProcess(args);
const releaseInSwedish = (id: string, to: string) =>
  run(releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), ['--to', to, '--locale', 'sv']));

describe('email-guard holds release: a refusal said once, in the reader’s words', () => {
  it('says "stays held" once when the corrected recipient is blocked (en)', async () => {
    const id = await holdMessage(fixture, TYPO);
    const refused = await run(
      releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), [
        '--to',
        'anna.svensson1985@gmial.com',
      ]),
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${id} stays held: `);
    expect(refused.stderr.match(/stays held/g)).toHaveLength(1);
  });

  it('names the state of a stopped recipient as a state, "stoppad", not a verb (sv)', async () => {
    const id = await holdMessage(fixture, TYPO);
    const refused = await releaseInSwedish(id, 'anna.svensson1985@gmial.com');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/”anna\.svensson1985@gmial\.com” stoppad \(/);
    expect(refused.stderr).not.toMatch(/ stoppa \(| bekräfta \(/);
  });
});

describe('email-guard: --out given twice', () => {
  for (const locale of ['en', 'sv'] as const)
    for (const command of [
      ['customers', 'check', 'customers.ndjson'],
      ['audit', 'sent', '--customers', 'customers.ndjson'],
      ['incident'],
    ])
      it(`refuses ${command[0]} with two --out, exit 2, and writes neither (${locale})`, async () => {
        writeCustomerExport(fixture.dir, customers);
        const refused = await runBuiltCli(
          [...command, '--out', 'a.json', '--out', 'b.json', '--locale', locale],
          {
            cwd: fixture.dir,
          },
        );
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('--out');
        expect(refused.stderr).toContain(locale === 'sv' ? 'mer än en gång' : 'more than once');
        expect(existsSync(join(fixture.dir, 'a.json')) || existsSync(join(fixture.dir, 'b.json'))).toBe(
          false,
        );
      });
});

describe('the command under --locale sv, as an operator reads it', () => {
  it('says that a sent message has no Date field, naming the file, and that no draft is written for it', async () => {
    const sent = join(fixture.dir, 'sent');
    mkdirSync(sent);
    const file = join(sent, 'utan-datum.eml');
    writeFileSync(
      file,
      'From: order@butiken.se\r\nTo: anna.svensson195@gmail.com\r\nX-Customer-Id: C-1001\r\nSubject: Order 8\r\nMessage-ID: <a@butiken.se>\r\n\r\nHej\r\n',
    );
    const facts = writeDraftFacts(fixture.dir, 'facts.json', { detectedAt: '2026-12-02T02:00:00Z' });
    const said: Record<string, string> = {};
    for (const locale of ['sv', 'en']) {
      const audit = await run([
        'audit',
        sent,
        '--customers',
        writeCustomerExport(fixture.dir, customers),
        '--incidents',
        join(fixture.dir, `drafts-${locale}`),
        '--facts',
        facts,
        '--locale',
        locale,
      ]);
      expect(audit.status, audit.stderr).toBe(1);
      expect(audit.stderr).not.toContain('occurredAt:');
      expect(audit.stderr).not.toContain('input.occurredAt');
      said[locale] = audit.stderr;
    }
    expect(said.sv).toContain(
      `${file}: inget utkast till incidentrapport: meddelandet saknar datumraden (Date), så när det skickades är inte känt`,
    );
    expect(said.sv).toContain('ange occurredAt i faktafilen för att skriva utkastet');
    expect(said.sv).not.toContain('ett objekt');
    expect(said.en).toContain(
      `${file}: no incident draft: the message has no Date field (RFC 5322 §3.6.1), so when it was sent is not known`,
    );
  });

  it('names a --to recipient that is not one address by its place and value, in Swedish and in English', async () => {
    const id = await holdMessage(fixture, TYPO);
    const file = writeCustomerExport(fixture.dir, customers);
    const named = await run(
      releaseArgs(fixture, id, file, ['--to', 'Anna <anna.svensson1985@gmail.com>', '--locale', 'sv']),
    );
    expect(named.status).toBe(2);
    expect(named.stderr).toContain(
      '--to: mottagare 1 (”Anna <anna.svensson1985@gmail.com>”) är inte en ensam adress: bara själva adressen tas emot, utan namn eller vinkelparenteser; ange anna.svensson1985@gmail.com',
    );
    const two = ['--to', 'anna.svensson1985@gmail.com', '--to', 'inte en adress', '--locale', 'sv'];
    const second = await run(releaseArgs(fixture, id, file, two));
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('--to: mottagare 2 (”inte en adress”) är inte en ensam adress');
    const english = await run(releaseArgs(fixture, id, file, ['--to', 'Anna <anna.svensson1985@gmail.com>']));
    expect(english.status).toBe(2);
    expect(english.stderr).toContain(
      '--to: recipient 1 ("Anna <anna.svensson1985@gmail.com>") is not one address',
    );
    for (const refused of [named, second, english]) {
      expect(refused.stderr).not.toContain('options.to');
      expect(refused.stderr).not.toContain('Invalid input');
    }
    expect(fixture.sink.received).toHaveLength(0);
  });

  it('shows a held message and recipient as stopped, not as the verb, with Swedish words beside each code', async () => {
    const id = await holdMessage(fixture, TYPO);
    const store = join(fixture.dir, 'held');
    const list = await run(['holds', 'list', '--store', store, '--locale', 'sv']);
    expect(list.status).toBe(1);
    expect(list.stdout).toMatch(/ stoppat +kund C-1001 /);
    expect(list.stdout).toContain(
      `till: ${TYPO} stoppad -> anna.svensson1985@gmail.com (skrivfel – near-miss, okänd adress – unverified-address)`,
    );
    const show = await run(['holds', 'show', id, '--store', store, '--locale', 'sv']);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/^stoppades: +\S+ kl\. [\d.]+ \S+ \(för 0 min sedan\), stoppat$/m);
    expect(show.stdout).toMatch(/^ {2}stoppad +skrivfel \(near-miss\): Ser ut som ett skrivfel/m);
    expect(show.stdout).toMatch(/^ {2}obekräftad +okänd adress \(unverified-address\): Adressen är inte/m);
    for (const text of [list.stdout, show.stdout]) {
      expect(text).not.toMatch(/(?<![\w-])(stoppa|bekräfta)(?![\wäöå-])/);
    }
    // Scripts keep reading the codes and actions from the JSON.
    const json = await run(['holds', 'list', '--store', store, '--locale', 'sv', '--json']);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ id, action: 'block' });
  });

  it('words a refused release and the --to it asks for with the Swedish words beside each code', async () => {
    const id = await holdMessage(fixture, TYPO);
    const file = writeCustomerExport(fixture.dir, customers);
    const uncorrected = await run(releaseArgs(fixture, id, file, ['--locale', 'sv']));
    expect(uncorrected.status).toBe(2);
    expect(uncorrected.stderr).toContain(
      `(till: ${TYPO} stoppad -> anna.svensson1985@gmail.com (skrivfel – near-miss, okänd adress – unverified-address))`,
    );
    const stillWrong = await run(
      releaseArgs(fixture, id, file, ['--to', 'anna.svensson19855@gmail.com', '--locale', 'sv']),
    );
    expect(stillWrong.status).toBe(1);
    expect(stillWrong.stderr).toContain(
      'mottagaren ”anna.svensson19855@gmail.com” stoppad (skrivfel – near-miss; okänd adress – unverified-address)',
    );
  });

  it('says in Swedish why the customer of a held message was not found, the code after the words', async () => {
    const held = await holdMessage(fixture, TYPO, { customerId: 'C-9999' });
    const show = await run(['holds', 'show', held, '--store', join(fixture.dir, 'held'), '--locale', 'sv']);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/^uppslag: +kunden finns inte i kundregistret \(not-found\)$/m);
    const english = await run(['holds', 'show', held, '--store', join(fixture.dir, 'held')]);
    expect(english.stdout).toMatch(/^lookup: +not-found$/m);
  });

  it('says in Swedish why an entry of the hold store cannot be listed, the code after the words', async () => {
    await holdMessage(fixture, TYPO);
    const store = join(fixture.dir, 'held');
    const broken = '20260101T000000000Z-00000000-0000-4000-8000-000000000000';
    writeFileSync(join(store, `${broken}.json`), '{inte json');
    writeFileSync(join(store, `20260101T000000001Z-00000000-0000-4000-8000-000000000001.eml`), 'From: a\r\n');
    const list = await run(['holds', 'list', '--store', store, '--locale', 'sv']);
    // Entries that cannot be read: 3, as for input that cannot be read, beside the held one.
    expect(list.status).toBe(3);
    expect(list.stderr).toContain(
      `${broken}.json: uppgifterna om det stoppade meddelandet går inte att läsa (trasiga eller från en annan mapp) (malformed)`,
    );
    expect(list.stderr).toContain(
      '-000000000001.eml: meddelandet höll på att stoppas när processen avbröts och listades aldrig (uncommitted)',
    );
    expect(list.stderr).not.toMatch(/held message|metadata|was being held/);
    const english = await run(['holds', 'list', '--store', store]);
    expect(english.stderr).toContain(
      `${broken}.json: malformed: held message ${broken} has metadata that is not JSON`,
    );
  });
});

// Trial 13: two releases of one message at once; the loser holds the store's lock file.
describe('email-guard holds release and discard: another one under way', () => {
  const store = () => join(fixture.dir, 'held');
  it('says in the command’s language that another release is under way and nothing was done, exit 1', async () => {
    const id = await holdMessage(fixture, TYPO);
    const lock = join(store(), `${id}.lock`);
    writeFileSync(lock, '');
    const refused = await releaseInSwedish(id, 'anna.svensson1985@gmail.com');
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^email-guard: ${id}: ett annat släpp eller en annan kassering av meddelandet pågår \\(sedan [^)]+\\); det här släppet gjorde ingenting\\. Se senare hur det gick med ”holds show ${id}”; släpp det med --force bara om den processen har stoppats\\.`,
      ),
    );
    expect(refused.stderr).not.toMatch(/ligger kvar|force: true|held message/);
    expect(fixture.sink.received).toHaveLength(0);
    const discard = await run([
      'holds',
      'discard',
      id,
      '--store',
      store(),
      '--by',
      'lena',
      '--reason',
      'x',
      '--yes',
    ]);
    expect(discard.status).toBe(1);
    expect(discard.stderr).toContain(
      `${id}: another release or discard of this message is under way (since `,
    );
    expect(discard.stderr).toContain('this discard did nothing');
    expect(existsSync(join(store(), `${id}.json`))).toBe(true);
  });

  it('writes the in-doubt flag of holds list with one colon (sv)', async () => {
    const id = await holdMessage(fixture, TYPO);
    appendFileSync(
      `${store()}.audit.jsonl`,
      `${JSON.stringify({ at: new Date().toISOString(), mode: 'enforce', outcome: 'release-started', action: 'block', recipients: [], holdId: id })}\n`,
    );
    const list = await run(['holds', 'list', '--store', store(), '--locale', 'sv']);
    const line = list.stdout.split('\n').find((text) => text.includes(id)) ?? '';
    expect(line).toContain('innan det släpps igen  kund C-1001');
  });
});
