import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/address/parse-address.js';
import { SmtpUtf8NotAnnouncedError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

// Issue 13, trial: a release to an address with å and ö, typed on a UTF-8 command line.
const fixture = usePipelineFixture();
const ASA = 'åsa.öberg@telia.se';

beforeAll(async () => {
  await builtCli();
}, 120_000);

const audit = () =>
  readFileSync(join(fixture.dir, 'held.audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { outcome: string; recipients?: { address: string }[] });

describe('email-guard holds release to an address with å, ä or ö', () => {
  for (const locale of ['en', 'sv'] as const) {
    it(`sends to the customer's own å/ö address, in UTF-8 in the To field (${locale})`, async () => {
      const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
      const customers = writeCustomerExport(fixture.dir, [
        { id: 'C-1001', name: 'Åsa Öberg', emails: [ASA] },
      ]);
      const released = await runBuiltCli(
        releaseArgs(fixture, id, customers, ['--to', ASA, '--locale', locale]),
        { cwd: fixture.dir },
      );
      expect(released.stderr).toBe('');
      expect(released.status).toBe(0);
      expect(released.stderr + released.stdout).not.toContain('\uFFFD');
      const [sent] = fixture.sink.received;
      expect(sent?.to).toEqual([ASA]);
      // RFC 6532 §3.2: a header may carry UTF-8 when the server takes SMTPUTF8; never Latin-1 bytes.
      const header = sent?.raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
      expect(header).toMatch(/^To: åsa\.öberg@telia\.se$/m);
      expect(sent?.raw.includes(Buffer.from('To: \xe5sa', 'latin1'))).toBe(false);
      const logged = audit()
        .flatMap((entry) => entry.recipients ?? [])
        .map((recipient) => recipient.address);
      expect(logged).toContain(ASA);
      expect(logged.join()).not.toContain('\uFFFD');
    });
  }

  it('blocks an address holding U+FFFD, the mark of text that could not be decoded, as invalid', async () => {
    const decodedWrongly = '\uFFFDsa.\uFFFDberg@telia.se';
    expect(parseAddress(decodedWrongly)).toMatchObject({ ok: false, reason: 'malformed-text' });
    const verdict = await createGuard().check({
      entered: decodedWrongly,
      customer: { id: 'K-11', name: 'Åsa Öberg', emails: [ASA] },
    });
    expect(verdict.action).toBe('block');
    expect(verdict.findings.map((finding) => finding.code)).toContain('invalid-address');
  });
});

describe('a release to an address with å, ä or ö through a server without SMTPUTF8', () => {
  // RFC 6531 §3.4: a local part outside ASCII is named in MAIL FROM or RCPT TO only with SMTPUTF8.
  let withoutSmtpUtf8: SmtpSink;
  beforeAll(async () => {
    withoutSmtpUtf8 = await startSmtpSink({ hideSMTPUTF8: true });
  });
  afterAll(async () => {
    await withoutSmtpUtf8.close();
  });
  const asa = { id: 'C-1001', name: 'Åsa Öberg', emails: [ASA] };

  it('is refused by holds release before anything is logged or sent; the message stays held', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const customers = writeCustomerExport(fixture.dir, [asa]);
    const smtp = { smtp: `smtp://127.0.0.1:${withoutSmtpUtf8.port}` };
    const said = {
      en: `${id} stays held: not sent: the SMTP server smtp://127.0.0.1:${withoutSmtpUtf8.port} does not announce SMTPUTF8 (RFC 6531), which ${ASA} needs`,
      sv: `${id} ligger kvar: inte skickat: SMTP-servern smtp://127.0.0.1:${withoutSmtpUtf8.port} anger inte SMTPUTF8 (RFC 6531), som ${ASA} behöver`,
    };
    for (const locale of ['en', 'sv'] as const) {
      const refused = await runCliInProcess(
        releaseArgs(fixture, id, customers, ['--to', ASA, '--locale', locale], smtp),
      );
      expect(refused.stderr).toContain(said[locale]);
      expect(refused.status).toBe(2);
    }
    expect(withoutSmtpUtf8.received).toHaveLength(0);
    const log = join(fixture.dir, 'held.audit.jsonl');
    expect(readFileSync(log, { encoding: 'utf8', flag: 'a+' })).not.toContain(id);
    const shown = await runCliInProcess(['holds', 'show', id, '--store', join(fixture.dir, 'held')]);
    expect(shown.status).toBe(0);
  });

  it("is refused by the hold store's release, and sent through a server that announces it", async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const guarded = (port: number) => {
      const transporter = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
      transporter.use(
        'compile',
        nodemailerGuard({
          guard: createGuard(),
          resolveCustomer: () => asa,
          holdStore: fixture.holdStore,
          auditLog: fixture.audit,
        }),
      );
      return transporter;
    };
    const who = { to: ASA, by: 'lena@butiken.se', reason: 'read back' };
    const refused = await fixture.holdStore
      .release(id, guarded(withoutSmtpUtf8.port), who)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SmtpUtf8NotAnnouncedError);
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'message.envelope.to.0',
      issues: [expect.objectContaining({ code: 'smtputf8-not-announced' })],
      addresses: [ASA],
    });
    expect(withoutSmtpUtf8.received).toHaveLength(0);
    expect(await fixture.holdStore.get(id)).toMatchObject({ id, state: 'held' });
    await fixture.holdStore.release(id, guarded(fixture.sink.port), who);
    expect(fixture.sink.received.map((sent) => sent.to)).toEqual([[ASA]]);
  });
});
