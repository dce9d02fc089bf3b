import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { TOKEN } from '../serve/support.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { startServer } from '../support/started-server.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, trial: EMAIL_GUARD_HOLD_KEY=short gave "Invalid input at options.key: a key of at least
// 32 bytes is required", in English under --locale sv, naming an option the user never wrote.
const dir = useTempDir({ scope: 'file' });
const fixture = usePipelineFixture();

beforeAll(async () => {
  await builtCli();
  mkdirSync(join(dir.path, 'held'));
}, 120_000);

function withKey(key: string, args: readonly string[]) {
  return runBuiltCli(args, { cwd: dir.path, env: { EMAIL_GUARD_HOLD_KEY: key } });
}

describe('a hold store key in EMAIL_GUARD_HOLD_KEY that is too short', () => {
  it('is named by its variable, with its length, in Swedish under --locale sv: exit 2', async () => {
    const run = await withKey('kort', ['--locale', 'sv', 'holds', 'list', '--store', join(dir.path, 'held')]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toBe(
      'email-guard: EMAIL_GUARD_HOLD_KEY är 4 byte lång, och nyckeln till mappen med stoppade meddelanden har minst 32: ange den nyckel mappen förseglades med (till en ny mapp: openssl rand -hex 32)\n',
    );
    expect(run.stdout).toBe('');
  });

  it('is named by its variable in English, and counts bytes, not characters', async () => {
    const run = await withKey('ö'.repeat(15), ['holds', 'list', '--store', join(dir.path, 'held')]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toBe(
      "email-guard: EMAIL_GUARD_HOLD_KEY is 30 bytes long, and the hold store's key has at least 32: give the key the store was sealed with (a new store's: openssl rand -hex 32)\n",
    );
    expect(run.stderr).not.toContain('options.key');
  });

  it('is named the same way by serve --holds', async () => {
    const run = await withKey('kort', [
      'serve',
      '--holds',
      join(dir.path, 'held'),
      '--locale',
      'sv',
      '--port',
      '0',
    ]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain('EMAIL_GUARD_HOLD_KEY är 4 byte lång');
  });
});

describe('a hold store key in EMAIL_GUARD_HOLD_KEY that does not open the entries', () => {
  const SEALED_WITH = 'a'.repeat(32);
  const list = (env: NodeJS.ProcessEnv, ...more: string[]) =>
    runBuiltCli(['holds', 'list', '--store', join(fixture.dir, 'held'), ...more], { cwd: fixture.dir, env });

  it('names the variable: another key, in English and Swedish, and no key for a store sealed with one', async () => {
    const holdStore = createFileHoldStore(join(fixture.dir, 'held'), { key: SEALED_WITH });
    const id = await holdMessage({ ...fixture, holdStore }, 'anna.svensson185@gmail.com');
    const wrong = await list({ EMAIL_GUARD_HOLD_KEY: 'b'.repeat(32) });
    expect(wrong.status).toBe(3);
    expect(wrong.stdout).toContain(id);
    expect(wrong.stderr).toContain(
      'EMAIL_GUARD_HOLD_KEY does not open 1 entry of the store: sealed with another key, with none, or changed since; give the key the store was sealed with\n',
    );
    const swedish = await list({ EMAIL_GUARD_HOLD_KEY: 'b'.repeat(32) }, '--locale', 'sv');
    expect(swedish.stderr).toContain('EMAIL_GUARD_HOLD_KEY öppnar inte 1 post i lagret');
    const none = await list({ EMAIL_GUARD_HOLD_KEY: '' });
    expect(none.stderr).toContain(
      '1 entry of the store is sealed with a key: set EMAIL_GUARD_HOLD_KEY to the key the store was sealed with\n',
    );
    const right = await list({ EMAIL_GUARD_HOLD_KEY: SEALED_WITH });
    expect(right.stderr).toBe('');
    expect(right.status).toBe(1);
  });
});

describe('one entry the key in EMAIL_GUARD_HOLD_KEY does not open', () => {
  const SEALED_WITH = 'a'.repeat(32);
  const NOT_OPENED =
    'EMAIL_GUARD_HOLD_KEY does not open 1 entry of the store: sealed with another key, with none, or changed since; give the key the store was sealed with';
  const holdSealed = () =>
    holdMessage(
      { ...fixture, holdStore: createFileHoldStore(join(fixture.dir, 'held'), { key: SEALED_WITH }) },
      'anna.svensson185@gmail.com',
    );

  it('is named by holds show as list names it, in English and Swedish: exit 3', async () => {
    const id = await holdSealed();
    const show = (...more: string[]) =>
      runBuiltCli(['holds', 'show', id, '--store', join(fixture.dir, 'held'), ...more], {
        cwd: fixture.dir,
        env: { EMAIL_GUARD_HOLD_KEY: 'b'.repeat(32) },
      });
    const english = await show();
    expect(english.status).toBe(3);
    expect(english.stderr).toContain(NOT_OPENED);
    expect(english.stderr.trim().split('\n')).toHaveLength(1);
    const swedish = await show('--locale', 'sv');
    expect(swedish.stderr).toContain('EMAIL_GUARD_HOLD_KEY öppnar inte 1 post i lagret');
    const none = await runBuiltCli(['holds', 'show', id, '--store', join(fixture.dir, 'held')], {
      cwd: fixture.dir,
      env: { EMAIL_GUARD_HOLD_KEY: '' },
    });
    expect(none.stderr).toContain(
      '1 entry of the store is sealed with a key: set EMAIL_GUARD_HOLD_KEY to the key the store was sealed with',
    );
  });

  it('is named by serve --holds when the message is asked for', async () => {
    const id = await holdSealed();
    const server = await startServer(
      ['--holds', join(fixture.dir, 'held')],
      { EMAIL_GUARD_TOKEN: TOKEN, EMAIL_GUARD_HOLD_KEY: 'b'.repeat(32) },
      { built: await builtCli() },
    );
    try {
      const response = await fetch(`${server.url}/v1/holds/${id}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(503);
      expect((await response.json()).detail).toContain(NOT_OPENED);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);
});
