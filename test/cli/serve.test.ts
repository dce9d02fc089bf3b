import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD, TOKEN, TYPO } from '../serve/support.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { customers, temporaryDirectory } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { type StartedServer, startServer } from '../support/started-server.js';

const root = resolve(__dirname, '../..');
let folder: { path: string; cleanup: () => Promise<void> };
let server: StartedServer;

beforeAll(async () => {
  folder = await temporaryDirectory();
  const file = writeCustomerExport(folder.path, customers);
  mkdirSync(join(folder.path, 'held'));
  server = await startServer(['--customers', file, '--holds', join(folder.path, 'held')], {
    EMAIL_GUARD_TOKEN: TOKEN,
  });
}, 60_000);

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
  await folder?.cleanup();
});

describe('email-guard serve', () => {
  it('listens on 127.0.0.1 and answers a real request with the token', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const refused = await fetch(`${server.url}/v1/holds`);
    expect(refused.status).toBe(401);
    const response = await fetch(`${server.url}/v1/check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ entered: TYPO, customerId: 'C-1001' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ action: 'block', suggestion: GOOD });
    // The log (standard output) is JSON lines with the path, never the address.
    expect(server.stdout()).toContain('"path":"/v1/check"');
    expect(server.stdout()).not.toContain('svensson');
  });

  it('is called by examples/http-client.sh with curl', () => {
    const result = spawnSync('sh', [resolve(root, 'examples/http-client.sh')], {
      env: { ...process.env, EMAIL_GUARD_URL: server.url, EMAIL_GUARD_TOKEN: TOKEN },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [health, verdict, problem, holds] = result.stdout.trim().split('\n');
    expect(JSON.parse(health ?? '')).toEqual({ status: 'ok' });
    expect(JSON.parse(verdict ?? '')).toMatchObject({ action: 'block', suggestion: GOOD });
    expect(JSON.parse(problem ?? '')).toMatchObject({ status: 400, field: 'body.customer.emails' });
    expect(JSON.parse(holds ?? '')).toEqual({ held: [] });
  });

  it("is called by the README's Java snippet", () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const java = /```java\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(java).toContain('class CheckAddress');
    const dir = join(folder.path, 'java');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'CheckAddress.java'), java ?? '');
    // Java 11+ runs a single source file directly (JEP 330).
    const result = spawnSync('java', ['CheckAddress.java'], {
      cwd: dir,
      env: { ...process.env, EMAIL_GUARD_URL: server.url, EMAIL_GUARD_TOKEN: TOKEN },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^200 \{"action":"block"/);
    expect(result.stdout).toContain(`"suggestion":"${GOOD}"`);
  }, 60_000);

  it('counts the limits per caller a proxy named with --trust-proxy names in X-Forwarded-For', async () => {
    const proxied = await startServer(
      ['--customers', writeCustomerExport(folder.path, customers), '--trust-proxy', '10.0.0.1,127.0.0.1'],
      { EMAIL_GUARD_TOKEN: TOKEN },
    );
    try {
      const send = (token: string, forwardedFor: string) =>
        fetch(`${proxied.url}/v1/check`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'x-forwarded-for': forwardedFor,
          },
          body: JSON.stringify({ entered: TYPO, customerId: 'C-1001' }),
        });
      for (let attempt = 0; attempt < 10; attempt++)
        expect((await send(`guess-${attempt}`, '198.51.100.7')).status).toBe(401);
      expect((await send(TOKEN, '198.51.100.7')).status).toBe(429);
      expect((await send(TOKEN, '198.51.100.8')).status).toBe(200);
    } finally {
      expect(await proxied.stop()).toBe(0);
    }
  }, 60_000);

  it('refuses to listen on a non-loopback address without a token', async () => {
    const saved = process.env.EMAIL_GUARD_TOKEN;
    delete process.env.EMAIL_GUARD_TOKEN;
    try {
      const run = await runCliInProcess(['serve', '--host', '0.0.0.0', '--port', '0']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without a token: set EMAIL_GUARD_TOKEN/);
    } finally {
      if (saved !== undefined) process.env.EMAIL_GUARD_TOKEN = saved;
    }
  });

  it('refuses a token shorter than 32 characters on a non-loopback address, with the command to make one', async () => {
    const saved = process.env.EMAIL_GUARD_TOKEN;
    process.env.EMAIL_GUARD_TOKEN = 'short';
    try {
      const run = await runCliInProcess(['serve', '--host', '0.0.0.0', '--port', '0']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        /refusing to listen on 0\.0\.0\.0 with a token of 5 characters: EMAIL_GUARD_TOKEN needs at least 32/,
      );
      expect(run.stderr).toContain('openssl rand -hex 32');
    } finally {
      if (saved === undefined) delete process.env.EMAIL_GUARD_TOKEN;
      else process.env.EMAIL_GUARD_TOKEN = saved;
    }
  });

  it('refuses a token of one character or a pattern repeated on a non-loopback address, saying why', async () => {
    const saved = process.env.EMAIL_GUARD_TOKEN;
    try {
      for (const [token, why] of [
        ['a'.repeat(40), /one character/],
        ['abcd1234'.repeat(5), /pattern repeated/],
        [`${'1'.repeat(10)}2345678901234567890123456789`, /one character|only digits/],
        ['19850412712345670701234567894512', /only digits/],
      ] as const) {
        process.env.EMAIL_GUARD_TOKEN = token;
        const run = await runCliInProcess(['serve', '--host', '0.0.0.0', '--port', '0']);
        expect(run.status, token).toBe(2);
        expect(run.stderr, token).toMatch(
          /refusing to listen on 0\.0\.0\.0 with a weak token: EMAIL_GUARD_TOKEN /,
        );
        expect(run.stderr, token).toMatch(why);
        expect(run.stderr, token).toContain('openssl rand -hex 32');
        expect(run.stderr, token).not.toContain(token);
      }
    } finally {
      if (saved === undefined) delete process.env.EMAIL_GUARD_TOKEN;
      else process.env.EMAIL_GUARD_TOKEN = saved;
    }
  });

  it('has --help with an example', async () => {
    // The help goes where the command's other output goes (the context), the example after it too.
    const help = (await runCliInProcess(['serve', '--help'])).stdout;
    expect(help).toContain('--customers <file>');
    expect(help).toContain('--host <host>');
    expect(help).toContain('$ EMAIL_GUARD_TOKEN=');
  });
});

describe('the other commands at start', () => {
  it('load neither Fastify nor the serve command, for --help as for work', async () => {
    await builtCli();
    for (const args of [['check', '--help'], ['holds', '--help'], ['--help']]) {
      const log = join(folder.path, `imports-${args.join('')}.txt`);
      const run = await runBuiltCli(args, {
        cwd: folder.path,
        env: {
          NODE_OPTIONS: `--import ${join(root, 'test/support/record-imports.mjs')}`,
          EMAIL_GUARD_IMPORTS_LOG: log,
        },
      });
      expect(run.status, args.join(' ')).toBe(0);
      const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      // The recording works: the command's own chunk is in it.
      expect(loaded.some((url) => url.endsWith('/cli.js'))).toBe(true);
      expect(
        loaded.filter((url) => /fastify|pino|\/run-serve-|\/create-server-|\/create-order-form-/.test(url)),
        args.join(' '),
      ).toEqual([]);
    }
  }, 120_000);
});

describe('email-guard serve at start', () => {
  it('warns of a short token on a loopback address, and listens', async () => {
    const started = await startServer([], { EMAIL_GUARD_TOKEN: 'short' });
    try {
      expect(started.stderr()).toMatch(
        /EMAIL_GUARD_TOKEN has 5 characters.*at least 32.*openssl rand -hex 32/,
      );
    } finally {
      await started.stop();
    }
  }, 60_000);

  it('warns of a token of low variety on a loopback address, and listens', async () => {
    const started = await startServer([], { EMAIL_GUARD_TOKEN: 'abc1'.repeat(10) });
    try {
      expect(started.stderr()).toMatch(
        /EMAIL_GUARD_TOKEN is weak: a short pattern repeated.*openssl rand -hex 32/,
      );
    } finally {
      await started.stop();
    }
  }, 60_000);

  it("reports a CSV row's bad address by row and reason, never the address", async () => {
    const file = join(folder.path, 'bad-row.csv');
    writeFileSync(
      file,
      'id,name,emails\nC-1,Anna Svensson,anna.svensson1985@gmail.com\nC-2,Erik Lind,erik.lind(at)telia.com\n',
    );
    const started = await startServer(['--customers', file], { EMAIL_GUARD_TOKEN: TOKEN });
    try {
      expect(started.stderr()).toMatch(/:3: .*address/);
      expect(started.stderr()).not.toContain('erik.lind');
      expect(started.stderr()).not.toContain('telia');
    } finally {
      await started.stop();
    }
  }, 60_000);
});
