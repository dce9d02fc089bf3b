import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { releaseArgs } from '../support/hold-message.js';
import { holdWithFields } from '../support/hold-with-fields.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// `holds release --to` with a blind copy held: each corrected recipient stays in its field, and an
// address held as Bcc typed into --to is refused, so the archive's address never shows to the customer.
const fixture = usePipelineFixture();
const GOOD = 'anna.svensson1985@gmail.com';
const ARCHIVE = 'arkiv@butiken-arkiv.se';

beforeAll(async () => {
  await builtCli();
}, 120_000);

const holdWithBlindCopy = () => holdWithFields(fixture, { to: 'anna.svensson1985@gmial.com', bcc: ARCHIVE });

describe('holds release with a blind copy held', () => {
  it('refuses the blind copy in --to, and sends it with --bcc in the envelope only', async () => {
    const id = await holdWithBlindCopy();
    const file = writeCustomerExport(fixture.dir, customers);
    const shown = await runBuiltCli(
      releaseArgs(fixture, id, file, ['--to', GOOD, ARCHIVE, '--confirm-new']),
      {
        cwd: fixture.dir,
      },
    );
    expect(shown.status).toBe(2);
    expect(shown.stderr).toContain(
      `${ARCHIVE} was held as a blind copy (Bcc): in To every recipient would see it; give it with --bcc, where it stays in the envelope only`,
    );
    expect(shown.stderr).not.toContain('`bcc`');
    expect(fixture.sink.received).toEqual([]);
    const released = await runCliInProcess(
      releaseArgs(fixture, id, file, ['--to', GOOD, '--bcc', ARCHIVE, '--confirm-new']),
    );
    expect(released.stderr).toBe('');
    expect(released.status).toBe(0);
    const [message] = fixture.sink.received;
    expect([...(message?.to ?? [])].sort()).toEqual([GOOD, ARCHIVE].sort());
    const parsed = await simpleParser(message?.raw ?? Buffer.alloc(0));
    expect(parsed.headers.get('to')).toMatchObject({ value: [{ address: GOOD }] });
    expect(message?.raw.toString('latin1')).not.toContain(ARCHIVE);
  });
});
