import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/address/parse-address.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';

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
