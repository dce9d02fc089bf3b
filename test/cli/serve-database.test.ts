import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { migrate } from '../../src/postgres/migrate.js';
import { TOKEN } from '../serve/support.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { type StartedServer, startServer } from '../support/started-server.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
let server: StartedServer | undefined;

/**
 * The cluster's socket, with a password pg does not need there, which must never be printed, and
 * an application name that tells this server's connections from the test's own.
 */
const url = () =>
  `postgresql://${process.env.PGUSER ?? 'postgres'}:secret@/${database.name}?host=${encodeURIComponent(process.env.PGHOST ?? '')}&application_name=serve_under_test`;

/** A phone check on the server at `base`. */
const checkPhone = (base: string) =>
  fetch(`${base}/v1/check-phone`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ entered: '073-987 65 43', customerId: 'C-1' }),
  });

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1)
    await new Promise((done) => setTimeout(done, 50));
}

beforeAll(async () => {
  // The customers live in a schema of the application's choosing, not the default one.
  await migrate(database.pool, { schema: 'shop_a' });
  await createPostgresDirectory({ pool: database.pool, schema: 'shop_a' }).upsert([
    { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'], phones: ['070-123 45 67'] },
    { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'], phones: ['073-987 65 43'] },
  ]);
  const url = `postgresql://${process.env.PGUSER ?? 'postgres'}@/${database.name}?host=${encodeURIComponent(process.env.PGHOST ?? '')}`;
  server = await startServer(['--database', url, '--schema', 'shop_a'], { EMAIL_GUARD_TOKEN: TOKEN });
}, 60_000);

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
});

describe('email-guard serve --database --schema', () => {
  it("reads the named schema, and finds a number on another customer's record", async () => {
    const response = await fetch(`${server?.url}/v1/check-phone`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ entered: '073-987 65 43', customerId: 'C-1' }),
    });
    expect(response.status).toBe(200);
    const verdict = await response.json();
    expect(verdict.findings.map((finding: { code: string }) => finding.code)).toEqual([
      'belongs-to-other-customer',
      'unverified-phone',
    ]);
  });

  it('refuses to start on a schema that was never migrated, saying to run migrate', async () => {
    const warnings: string[] = [];
    const url = `postgresql://${process.env.PGUSER ?? 'postgres'}@/${database.name}?host=${encodeURIComponent(process.env.PGHOST ?? '')}`;
    const code = await runCli(['serve', '--database', url, '--schema', 'never_migrated', '--port', '0'], {
      out: () => undefined,
      warn: (text: string) => {
        warnings.push(text);
      },
      setExitCode: () => undefined,
      progress: () => ({ start() {}, update() {}, stop() {} }),
      interactive: false,
      confirm: async () => false,
      reportProblems: () => undefined,
    });
    expect(code).toBe(3);
    expect(warnings.join('\n')).toMatch(/--database \S+: .*never_migrated.*run migrate/);
  });

  it('keeps serving when the server ends its idle connections', async () => {
    const built = await startServer(
      ['--database', url(), '--schema', 'shop_a'],
      { EMAIL_GUARD_TOKEN: TOKEN },
      {
        built: await builtCli(),
      },
    );
    try {
      expect((await checkPhone(built.url)).status).toBe(200);
      // As an administrator or idle_session_timeout would: every idle connection of the server's pool.
      const ended = await database.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND state = 'idle' AND backend_type = 'client backend'
            AND application_name = 'serve_under_test'`,
        [database.name],
      );
      expect(ended.rowCount).toBeGreaterThan(0);
      // The pool hears of it only once the socket closes.
      await waitFor(() => /--database \S+: /.test(built.stderr()));
      const response = await checkPhone(built.url);
      expect(response.status).toBe(200);
      expect(built.child.exitCode).toBeNull();
      expect(built.stderr()).toMatch(/--database \S+: an idle connection was ended \(.*57P01.*\)/);
      expect(built.stderr()).not.toMatch(/secret/);
    } finally {
      expect(await built.stop()).toBe(0);
    }
  }, 120_000);

  it('answers a hold route 503 naming the cause when the database can no longer be reached', async () => {
    // The cluster's socket passed through a socket of the test's own, which it then closes and
    // removes: a server gone after the start, its socket path one no server listens on.
    const socketName = readdirSync(process.env.PGHOST ?? '').find((name) => /^\.s\.PGSQL\.\d+$/.test(name));
    if (socketName === undefined) throw new Error('the cluster has no socket');
    const folder = mkdtempSync(join(tmpdir(), 'gone-'));
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const upstream = connect(join(process.env.PGHOST ?? '', socketName));
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((listening) => relay.listen(join(folder, socketName), listening));
    const port = socketName.split('.').pop();
    const relayed = `postgresql://${process.env.PGUSER ?? 'postgres'}@/${database.name}?host=${encodeURIComponent(folder)}&port=${port}`;
    const started = await startServer(['--database', relayed, '--schema', 'shop_a'], {
      EMAIL_GUARD_TOKEN: TOKEN,
    });
    const holds = () => fetch(`${started.url}/v1/holds`, { headers: { authorization: `Bearer ${TOKEN}` } });
    try {
      expect((await holds()).status).toBe(200);
      await new Promise((closed) => {
        relay.close(closed);
        for (const socket of sockets) socket.destroy();
      });
      rmSync(join(folder, socketName), { force: true });
      const response = await holds();
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = await response.json();
      expect(body.type).toMatch(/#hold-store-unavailable$/);
      expect(body.detail).toMatch(
        /^the held messages could not be read from PostgreSQL: the database could not be reached \(ENOENT\)/,
      );
      expect(started.child.exitCode).toBeNull();
    } finally {
      expect(await started.stop()).toBe(0);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('says in one line which server could not be reached, and why, never its password', async () => {
    const run = await runBuiltCli(
      ['serve', '--port', '0', '--database', 'postgresql://guard:secret@localhost:1/shop'],
      {
        cwd: process.cwd(),
        env: { EMAIL_GUARD_TOKEN: TOKEN },
      },
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(
      /^email-guard: --database localhost:1\/shop: cannot connect \(.*ECONNREFUSED.*\)\n$/,
    );
    expect(run.stderr).not.toContain('secret');
  }, 120_000);

  it('names --schema in --help', async () => {
    let help = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      help += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      await runCli(['serve', '--help'], {
        out: (text: string) => {
          help += text;
        },
        warn: () => undefined,
        setExitCode: () => undefined,
        progress: () => ({ start() {}, update() {}, stop() {} }),
        interactive: false,
        confirm: async () => false,
        reportProblems: () => undefined,
      });
    } finally {
      process.stdout.write = write;
    }
    expect(help).toContain('--schema <name>');
  });
});
