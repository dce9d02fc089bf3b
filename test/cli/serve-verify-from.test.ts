import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { TOKEN } from '../serve/support.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { type StartedServer, startServer } from '../support/started-server.js';
import { newCustomer, receivedFor, verificationFor } from '../support/verification.js';
import { verificationCustomers } from '../support/verifying-transport.js';

// `email-guard serve --verify-from`: an order system in any language proves a new address with a
// code the service sends through its SMTP server, and the order held for it goes out.
const fixture = usePipelineFixture();
const ADDRESS = 'karin.berg@outlook.com';
let server: StartedServer | undefined;
afterEach(async () => {
  if (server) expect(await server.stop()).toBe(0);
  server = undefined;
});

const post = (url: string, body: object) =>
  fetch(`${server?.url}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('serve --verify-from', () => {
  it('sends a code to the address, and releases the order held for it once the code is confirmed', async () => {
    const directory = createDirectory(Object.values(verificationCustomers));
    const holdId = await holdMessage(fixture, ADDRESS, { customerId: newCustomer.id, directory });
    const verifications = join(fixture.dir, 'verification');
    await mkdir(verifications);
    // The folder a verifier made: its key is there.
    await createFileVerificationStore(verifications).key();
    server = await startServer(
      [
        '--customers',
        writeCustomerExport(fixture.dir, verificationCustomers),
        '--holds',
        join(fixture.dir, 'held'),
        '--smtp',
        `smtp://127.0.0.1:${fixture.sink.port}`,
        '--verifications',
        verifications,
        '--verify-from',
        'Butiken AB <order@butiken.se>',
      ],
      { EMAIL_GUARD_TOKEN: TOKEN },
    );
    const customerAddress = { customerId: newCustomer.id, address: ADDRESS };
    const started = await post('/v1/verifications', customerAddress);
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({ address: ADDRESS, sent: true });
    const { code, text } = await verificationFor(fixture.sink.received, ADDRESS);
    expect(text).toContain('Butiken AB');

    const confirmed = await post('/v1/verifications/confirm', { ...customerAddress, code });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ ok: true, released: [holdId], held: [] });
    const order = receivedFor(fixture.sink.received, ADDRESS)[1];
    expect((await simpleParser(order?.raw ?? '')).subject).toBe('Orderbekräftelse <4711>');
    expect(server.stdout()).not.toContain(code);
  }, 60_000);

  it('refuses --verify-from without --smtp or a verification store', async () => {
    for (const args of [
      ['--verify-from', 'order@butiken.se', '--verifications', fixture.dir],
      ['--verify-from', 'order@butiken.se', '--smtp', 'smtp://127.0.0.1:25', '--holds', fixture.dir],
    ]) {
      const run = await runCliInProcess(['serve', '--port', '0', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('--verify-from sends codes through --smtp');
    }
  });
});
