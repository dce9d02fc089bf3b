import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { createJsonLinesAuditLog } from '../../src/nodemailer/create-json-lines-audit-log.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { smtpTransport, usePipelineFixture } from '../support/pipeline.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, fixtureDirectory, GOOD, holdOrder, TOKEN, TYPO } from './support.js';

// Issue 13: an audit log that cannot be written refuses a release or a discard; the answer says so.
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A server whose audit log is a folder: no line can be written there, for root either. */
function serverWithUnwritableLog(): FastifyInstance {
  const folder = join(fixture.dir, 'audit-folder');
  mkdirSync(folder, { recursive: true });
  const auditLog = createJsonLinesAuditLog(folder);
  const directory = fixtureDirectory();
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({ guard: createGuard({ directory }), holdStore: fixture.holdStore, auditLog }),
  );
  return createCheckedServer({
    directory,
    holdStore: fixture.holdStore,
    transporter,
    auditLog,
    token: TOKEN,
  });
}

describe('an audit log that cannot be written, on the service', () => {
  it('answers a release with a problem of its own, 503 audit-log-failed, and sends nothing', async () => {
    app = serverWithUnwritableLog();
    const id = await holdOrder(fixture, TYPO);
    const response = await app.inject({
      method: 'POST',
      url: `/v1/holds/${id}/release`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: { to: [GOOD], by: 'lena@butiken.se', reason: 'read back' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ type: expect.stringMatching(/#audit-log-failed$/), status: 503 });
    expect(fixture.sink.received).toHaveLength(0);
    expect(await fixture.holdStore.get(id)).toBeDefined();
  });

  it('answers a discard with 503 audit-log-failed, and keeps the message', async () => {
    app = serverWithUnwritableLog();
    const id = await holdOrder(fixture, TYPO);
    const response = await app.inject({ method: 'POST', url: `/v1/holds/${id}/discard`, headers: auth });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ type: expect.stringMatching(/#audit-log-failed$/), status: 503 });
    expect(await fixture.holdStore.get(id)).toBeDefined();
  });
});
