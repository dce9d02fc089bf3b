import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { createPostgresAuditLog, verifyAuditLog } from '../../src/postgres/create-postgres-audit-log.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { withReleaseLock } from '../../src/postgres/with-release-lock.js';
import { createServer } from '../../src/serve/create-server.js';
import { releaseStarted } from '../support/hold-message.js';
import { customers } from '../support/pipeline.js';
import { type StartedServer, startServer } from '../support/started-server.js';
import { usePostgres } from '../support/use-postgres.js';
import { GOOD, logIn, TOKEN, TYPO } from './support.js';

const database = usePostgres();
let server: StartedServer | undefined;

beforeAll(async () => {
  await migrate(database.pool);
  await createPostgresDirectory({ pool: database.pool }).upsert(Object.values(customers));
  // The URL names the database only: host and user come from PGHOST and PGUSER, as libpq reads them.
  // An SMTP server that is never reached: releases are not sent here, only logged and refused.
  server = await startServer(['--database', `postgres:///${database.name}`, '--smtp', 'smtp://127.0.0.1:9'], {
    EMAIL_GUARD_TOKEN: TOKEN,
  });
}, 60_000);

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
});

const check = async (body: object) => {
  const response = await fetch(`${server?.url}/v1/check`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { action: string; suggestion?: string; findings: { code: string }[] };
};

describe('email-guard serve --database URL', () => {
  it("finds the customer in PostgreSQL and another customer's address among its records", async () => {
    expect(await check({ entered: TYPO, customerId: 'C-1001' })).toMatchObject({
      action: 'block',
      suggestion: GOOD,
    });
    const other = await check({ entered: 'erik.lind@telia.com', customerId: 'C-1001' });
    expect(other.action).not.toBe('send');
    expect(other.findings.map((finding) => finding.code)).toContain('belongs-to-other-customer');
    const unknown = await check({ entered: GOOD, customerId: 'C-9999' });
    expect(unknown.findings.map((finding) => finding.code)).toContain('lookup-failed');
  });

  it("lists the messages held in the database's own tables", async () => {
    const response = await fetch(`${server?.url}/v1/holds`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ held: [] });
  });
});

describe('the review page over the PostgreSQL hold store', () => {
  it('names each held message by its subject without reading a message', async () => {
    const store = createPostgresHoldStore({ pool: database.pool });
    const held = await store.hold({
      raw: Buffer.from(`From: order@butiken.se\r\nTo: ${TYPO}\r\nSubject: Order 4711\r\n\r\nTack.\r\n`),
      envelope: { from: 'order@butiken.se', to: [TYPO] },
      subject: 'Order 4711',
      action: 'block',
      recipients: [],
    });
    // The same store, counting the reads of a whole message.
    let reads = 0;
    const counted: HoldStore = {
      ...store,
      get: (id) => {
        reads++;
        return store.get(id);
      },
    };
    const app = createServer({ holdStore: counted, token: TOKEN });
    try {
      const { holds } = await logIn(app);
      expect(holds.statusCode).toBe(200);
      expect(holds.body).toContain('Order 4711');
      expect(reads).toBe(0);
    } finally {
      await app.close();
      await store.discard(held.id);
    }
  });
});

describe('serve --database: the audit log is the database one', () => {
  const authorized = { authorization: `Bearer ${TOKEN}` };
  const hold = (subject: string) =>
    createPostgresHoldStore({ pool: database.pool }).hold({
      raw: Buffer.from(`From: order@butiken.se\r\nTo: ${TYPO}\r\nSubject: ${subject}\r\n\r\nTack.\r\n`),
      envelope: { from: 'order@butiken.se', to: [TYPO] },
      subject,
      action: 'block',
      recipients: [],
    });

  it('records a discard through the API in audit_log, one chain with the library, and no file', async () => {
    const held = await hold('Order 4720');
    const response = await fetch(`${server?.url}/v1/holds/${held.id}/discard`, {
      method: 'POST',
      headers: authorized,
    });
    expect(response.status).toBe(200);
    const { rows } = await database.pool.query<{ entry: string }>(
      'SELECT entry FROM email_guard.audit_log ORDER BY seq',
    );
    const lines = rows.map((row) => JSON.parse(row.entry) as AuditEntry);
    expect(lines.find((line) => line.holdId === held.id)).toMatchObject({
      outcome: 'discarded',
      discard: { where: 'api' },
    });
    expect(await verifyAuditLog(database.pool)).toMatchObject({ ok: true });
    // Not in the folder the server was started in (the project's root, started-server.ts).
    expect(existsSync(resolve(__dirname, '../../held-mail.audit.jsonl'))).toBe(false);
  });

  it('reads a release in doubt from the database log, in the list and in GET /v1/holds/:id', async () => {
    const held = await hold('Order 4721');
    // Another instance started a release and stopped before its end was logged.
    await createPostgresAuditLog({ pool: database.pool }).record(releaseStarted(held.id));
    const one = await fetch(`${server?.url}/v1/holds/${held.id}`, { headers: authorized });
    expect(one.status).toBe(200);
    // Where it went, from the schema's audit_log: who started it, as `holds show --database` names it.
    const startedBy = { by: 'lena@butiken.se' };
    expect(await one.json()).toMatchObject({ id: held.id, releaseInDoubt: true, releaseStarted: startedBy });
    const list = (await (await fetch(`${server?.url}/v1/holds`, { headers: authorized })).json()) as {
      held: { id: string; releaseInDoubt?: true }[];
    };
    expect(list.held.find((entry) => entry.id === held.id)).toMatchObject({
      releaseInDoubt: true,
      releaseStarted: startedBy,
    });
    // A release without force is refused as in doubt (409), and nothing is sent.
    const release = await fetch(`${server?.url}/v1/holds/${held.id}/release`, {
      method: 'POST',
      headers: { ...authorized, 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'ops', reason: 'again' }),
    });
    expect(release.status).toBe(409);
    await createPostgresHoldStore({ pool: database.pool }).discard(held.id, { by: 'ops', reason: 'done' });
    const after = await fetch(`${server?.url}/v1/holds`, { headers: authorized });
    expect(((await after.json()) as { held: { id: string }[] }).held.map((entry) => entry.id)).not.toContain(
      held.id,
    );
  });

  it('shows a release whose session still holds its lock as under way, not in doubt, as holds list does', async () => {
    const held = await hold('Order 4722');
    // A release under way on another instance: claimed, its start logged, its end not yet, and
    // its session holding the message's release lock.
    await createPostgresAuditLog({ pool: database.pool }).record(releaseStarted(held.id));
    await database.pool.query(
      `UPDATE email_guard.held_message SET state = 'releasing', releasing_since = now() WHERE id = $1`,
      [held.id],
    );
    const shown = async () => {
      const one = (await (
        await fetch(`${server?.url}/v1/holds/${held.id}`, { headers: authorized })
      ).json()) as {
        state: string;
        releaseInDoubt?: true;
      };
      const list = (await (await fetch(`${server?.url}/v1/holds`, { headers: authorized })).json()) as {
        held: { id: string; releaseInDoubt?: true }[];
      };
      const listed = list.held.find((entry) => entry.id === held.id);
      return { state: one.state, one: one.releaseInDoubt ?? false, listed: listed?.releaseInDoubt ?? false };
    };
    const release = await withReleaseLock(
      database.pool,
      { schema: '"email_guard"', holdId: held.id },
      async () => {
        expect(await shown()).toEqual({ state: 'releasing', one: false, listed: false });
        const response = await fetch(`${server?.url}/v1/holds/${held.id}/release`, {
          method: 'POST',
          headers: { ...authorized, 'content-type': 'application/json' },
          body: JSON.stringify({ to: [GOOD], by: 'ops', reason: 'again' }),
        });
        return { status: response.status, body: (await response.json()) as { type: string } };
      },
      async () => expect.fail('the release lock was held before the test took it'),
      (error) => {
        throw error;
      },
    );
    // Refused as claimed by the release under way, not as in doubt (which asks for force).
    expect(release.status).toBe(409);
    expect(release.body.type).not.toMatch(/release-in-doubt/);
    // The session let go of the lock with no end logged: the release stopped, and is in doubt.
    expect(await shown()).toEqual({ state: 'releasing', one: true, listed: true });
    await createPostgresHoldStore({ pool: database.pool }).discard(held.id, {
      by: 'ops',
      reason: 'done',
      force: true,
    });
  });
});
