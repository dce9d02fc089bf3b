import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { fixtureServer, GOOD, holdOrder, TYPO, withToken } from '../serve/support.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// Two held recipients corrected to one mailbox (a typo and a look-alike both suggesting the known
// address, or the envelope's override of the header's): the release names that mailbox once, in
// the first field it was given in, in RCPT TO and in the delivered header alike.
const fixture = usePipelineFixture();
const SAME = 'anna.svensson1985@GMAIL.com';

async function delivered(): Promise<{ rcptTo: readonly string[]; to: string[]; cc: string[] }> {
  expect(fixture.sink.received).toHaveLength(1);
  const [message] = fixture.sink.received;
  const parsed = await simpleParser(message?.raw ?? Buffer.alloc(0));
  const addresses = (field: 'to' | 'cc') => {
    const value = parsed[field];
    return (Array.isArray(value) ? value : value ? [value] : []).flatMap((list) =>
      list.value.map((entry) => entry.address ?? ''),
    );
  };
  return { rcptTo: message?.to ?? [], to: addresses('to'), cc: addresses('cc') };
}

describe('a corrected release naming one mailbox twice', () => {
  it('holds release sends to it once, in To', async () => {
    const id = await holdOrder(fixture, TYPO);
    const file = writeCustomerExport(fixture.dir, customers);
    const run = await runCliInProcess(
      releaseArgs(fixture, id, file, ['--to', GOOD, '--to', SAME, '--cc', GOOD]),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(await delivered()).toEqual({ rcptTo: [GOOD], to: [GOOD], cc: [] });
  }, 60_000);

  it('POST /v1/holds/:id/release sends to it once, in To', async () => {
    const id = await holdOrder(fixture, TYPO);
    const app = fixtureServer(fixture);
    try {
      const released = await withToken(app, 'POST', `/v1/holds/${id}/release`, {
        to: [GOOD, SAME],
        cc: [GOOD],
        by: 'lena@butiken.se',
        reason: 'read back on the phone',
      });
      expect(released.statusCode, released.body).toBe(200);
      expect(await delivered()).toEqual({ rcptTo: [GOOD], to: [GOOD], cc: [] });
    } finally {
      await app.close();
    }
  }, 60_000);
});
