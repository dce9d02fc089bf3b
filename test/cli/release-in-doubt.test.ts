import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from '../serve/support.js';
import { builtCli, type CliRun, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { discardArgs, holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { releaseHeldAtServer } from '../support/release-held-at-server.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { startServer } from '../support/started-server.js';

const fixture = usePipelineFixture();
const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const IN_DOUBT = "release in doubt: check the mail server's log before releasing again";

beforeAll(async () => {
  await builtCli();
}, 120_000);

const store = () => join(fixture.dir, 'held');
const auditFile = () => `${store()}.audit.jsonl`;
const outcomes = (id: string) =>
  readFileSync(auditFile(), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.holdId === id);

/**
 * Runs the built command in a child process and kills it with SIGKILL once the server has the
 * message whole; the server answers the DATA command only after the process has ended, so the
 * command never hears that its message was taken.
 */
async function releaseKilledAfterDelivery(args: string[]): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [await builtCli(), ...args], {
    cwd: fixture.dir,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const ended = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  fixture.sink.onMessage = () => {
    child.kill('SIGKILL');
    return ended;
  };
  try {
    return await ended;
  } finally {
    fixture.sink.onMessage = undefined;
  }
}

describe('email-guard holds release: the intent is logged before the send', () => {
  it('writes release-started before the send and released after the server took it', async () => {
    const id = await holdMessage(fixture, TYPO);
    const released = await runCliInProcess(
      releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), ['--to', GOOD]),
    );
    expect(released.status).toBe(0);
    const entries = outcomes(id);
    expect(entries.map((entry) => entry.outcome)).toEqual(['release-started', 'released']);
    expect(entries[0]).toMatchObject({
      holdId: id,
      release: { by: 'lena@butiken.se', reason: 'ok' },
      recipients: [{ address: GOOD }],
    });
  });

  it('refuses the send when the audit log cannot be written: nothing reaches the server, the message stays held', async () => {
    const id = await holdMessage(fixture, TYPO);
    // A folder where the log file should be: no write can succeed there, for root either.
    const unwritable = join(fixture.dir, 'audit-folder');
    mkdirSync(unwritable);
    for (const locale of ['en', 'sv'] as const) {
      const refused = await runCliInProcess(
        releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), [
          '--to',
          GOOD,
          '--audit-log',
          unwritable,
          '--locale',
          locale,
        ]),
      );
      expect(refused.status).toBe(3);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain(unwritable);
      expect(refused.stderr).toContain(locale === 'sv' ? `${id} ligger kvar` : `${id} stays held`);
      expect(fixture.sink.received).toHaveLength(0);
    }
    const list = await runCliInProcess(['holds', 'list', '--store', store()]);
    expect(list.stdout).toContain(id);
    expect(list.stdout).not.toContain('in doubt');
  });

  it('shows a release killed between the send and its released line as in doubt, and sends it again only with --force', async () => {
    const id = await holdMessage(fixture, TYPO);
    const file = writeCustomerExport(fixture.dir, customers);
    const signal = await releaseKilledAfterDelivery(releaseArgs(fixture, id, file, ['--to', GOOD]));
    expect(signal).toBe('SIGKILL');
    expect(fixture.sink.received).toHaveLength(1);
    expect(outcomes(id).map((entry) => entry.outcome)).toEqual(['release-started']);

    const list = await runCliInProcess(['holds', 'list', '--store', store()]);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain(IN_DOUBT);
    const json = JSON.parse((await runCliInProcess(['holds', 'list', '--store', store(), '--json'])).stdout);
    expect(json[0]).toMatchObject({ id, releaseInDoubt: true });
    const show = await runCliInProcess(['holds', 'show', id, '--store', store()]);
    expect(show.stdout).toContain(IN_DOUBT);
    const sv = await runCliInProcess(['holds', 'show', id, '--store', store(), '--locale', 'sv']);
    expect(sv.stdout).toContain('osäkert om det släpptes');

    const again = await runCliInProcess(releaseArgs(fixture, id, file, ['--to', GOOD]));
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(fixture.sink.received).toHaveLength(1);

    const forced = await runCliInProcess(releaseArgs(fixture, id, file, ['--to', GOOD, '--force']));
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(fixture.sink.received).toHaveLength(2);
    expect(outcomes(id).map((entry) => entry.outcome)).toEqual([
      'release-started',
      'release-started',
      'released',
    ]);
  });
});

describe('email-guard holds discard: a release in doubt', () => {
  it('says the release is in doubt, where it went and the message-id, and discards only with --force', async () => {
    const id = await holdMessage(fixture, TYPO);
    const file = writeCustomerExport(fixture.dir, customers);
    expect(await releaseKilledAfterDelivery(releaseArgs(fixture, id, file, ['--to', GOOD]))).toBe('SIGKILL');
    const messageId = fixture.sink.received[0]?.raw.toString('utf8').match(/^Message-ID: (.+)\r$/im)?.[1];
    expect(messageId).toBeDefined();
    const discard = ['holds', ...discardArgs(id, store(), ['--yes'])];

    const refused = await runCliInProcess(discard);
    expect(refused.stderr).toContain(`${id} is kept: release in doubt`);
    expect(refused.stderr).toContain(`a release to ${GOOD} was started at `);
    expect(refused.stderr).toContain(`message-id ${messageId}`);
    expect(refused.stderr).toContain('discard it with --force');
    expect(refused.stderr).not.toContain('under way');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.status).toBe(2);
    const sv = await runCliInProcess([...discard, '--locale', 'sv']);
    expect(sv.stderr).toContain('osäkert om det släpptes');
    expect(sv.status).toBe(2);
    // The help names this exit code too, not only a usage error (docs/cli.md says the same).
    const help = await runCliInProcess(['holds', 'discard', '--help']);
    expect(help.stdout).toContain('A release or discard in doubt (started, never ended) exits with 2');
    expect(outcomes(id).map((entry) => entry.outcome)).toEqual(['release-started']);

    const forced = await runCliInProcess([...discard, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toContain(id);
    expect(forced.status).toBe(0);
    expect(outcomes(id).map((entry) => entry.outcome)).toEqual(['release-started', 'discarded']);
  });
});

describe('email-guard holds release and discard after another one ended', () => {
  it('says the message was already released or discarded, not that there is no such message', async () => {
    const id = await holdMessage(fixture, TYPO);
    const file = writeCustomerExport(fixture.dir, customers);
    expect((await runCliInProcess(releaseArgs(fixture, id, file, ['--to', GOOD]))).status).toBe(0);
    const late = await runCliInProcess(releaseArgs(fixture, id, file, ['--to', GOOD]));
    expect(late.stderr).toMatch(
      new RegExp(
        `${id} was already released by lena@butiken\\.se at \\d{4}-\\d\\d-\\d\\dT[^;]+; this release did nothing\n$`,
      ),
    );
    expect(late.stderr).not.toContain('no held message');
    expect(late.status).toBe(1);
    const discard = await runCliInProcess(['holds', ...discardArgs(id, store(), ['--yes'])]);
    expect(discard.stderr).toContain(`${id} was already released by lena@butiken.se at `);
    expect(discard.stderr).toContain('; this discard did nothing');
    expect(discard.status).toBe(1);
    expect(fixture.sink.received).toHaveLength(1);

    const discarded = await holdMessage(fixture, TYPO);
    expect((await runCliInProcess(['holds', ...discardArgs(discarded, store(), ['--yes'])])).status).toBe(0);
    const after = await runCliInProcess(releaseArgs(fixture, discarded, file, ['--to', GOOD]));
    expect(after.stderr).toContain(`${discarded} was already discarded by lena@butiken.se at `);
    const sv = await runCliInProcess(releaseArgs(fixture, discarded, file, ['--to', GOOD, '--locale', 'sv']));
    expect(sv.stderr).toMatch(
      new RegExp(
        `${discarded} har redan kastats av lena@butiken\\.se \\d{4}-\\d\\d-\\d\\d kl\\. [^;]+; det här släppet gjorde ingenting`,
      ),
    );
    expect(after.status).toBe(1);
    expect(fixture.sink.received).toHaveLength(1);
  });
});

describe('email-guard serve: a release in doubt', () => {
  it("is refused by the built command's API until it is forced, read from the folder's audit log", async () => {
    const id = await holdMessage(fixture, TYPO);
    // What a release killed mid-send leaves: its start logged, no end (find-releases-in-doubt.ts).
    appendFileSync(
      auditFile(),
      `${JSON.stringify({ at: new Date().toISOString(), mode: 'enforce', outcome: 'release-started', action: 'block', recipients: [], holdId: id })}\n`,
    );
    const server = await startServer(
      [
        '--customers',
        writeCustomerExport(fixture.dir, customers),
        '--holds',
        store(),
        '--smtp',
        `smtp://127.0.0.1:${fixture.sink.port}`,
      ],
      { EMAIL_GUARD_TOKEN: TOKEN },
      { built: await builtCli() },
    );
    try {
      const release = (force: boolean) =>
        fetch(`${server.url}/v1/holds/${id}/release`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ to: [GOOD], by: 'lena@butiken.se', reason: 'read back', force }),
        });
      const refused = await release(false);
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ type: expect.stringContaining('release-in-doubt') });
      expect(fixture.sink.received).toHaveLength(0);
      const forced = await release(true);
      expect(forced.status).toBe(200);
      expect(fixture.sink.received.map((sent) => sent.to)).toEqual([[GOOD]]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);
});

/** A release of `id` to the corrected address, as the built command runs it with `more` after. */
const releaseTo = (id: string, more: readonly string[] = []) =>
  releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), ['--to', GOOD, ...more]);

describe('email-guard holds: a release under way in another terminal', () => {
  it('is reported as under way, by whom and since when, not as in doubt; a second release sends nothing and exits 1', async () => {
    const id = await holdMessage(fixture, TYPO);
    let second: CliRun | undefined;
    let show: CliRun | undefined;
    let listed: Record<string, unknown>[] = [];
    let sv: CliRun | undefined;
    const first = await releaseHeldAtServer(fixture, releaseTo(id), async () => {
      second = await runBuiltCli(releaseTo(id), { cwd: fixture.dir });
      show = await runBuiltCli(['holds', 'show', id, '--store', store()], { cwd: fixture.dir });
      listed = JSON.parse((await runCliInProcess(['holds', 'list', '--store', store(), '--json'])).stdout);
      sv = await runCliInProcess(['holds', 'list', '--store', store(), '--locale', 'sv']);
    });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(fixture.sink.received).toHaveLength(1);

    expect(second?.status).toBe(1);
    expect(second?.stderr).toMatch(
      new RegExp(
        `${id}: another release or discard of this message is under way by lena@butiken\\.se \\(process \\d+ on .+\\) \\(since `,
      ),
    );
    expect(second?.stderr).not.toContain('in doubt');
    expect(second?.stderr.trim().split('\n')).toHaveLength(1);
    expect(show?.stdout).toMatch(
      /release under way by lena@butiken\.se \(process \d+ on .+\) since .+: wait for it to end/,
    );
    expect(show?.stdout).not.toContain(IN_DOUBT);
    expect(listed[0]).toMatchObject({
      id,
      state: 'releasing',
      releaseProgress: 'started',
      releaseStatus: 'under-way',
      releasingBy: { running: true },
    });
    expect(listed[0]).not.toHaveProperty('releaseInDoubt');
    expect(sv?.stdout).toContain('släpps just nu av lena@butiken.se');
    expect(sv?.stdout).not.toContain('osäkert');
    expect(outcomes(id).map((entry) => entry.outcome)).toEqual(['release-started', 'released']);
  }, 60_000);
});

describe('email-guard holds show: a release in doubt', () => {
  it('says where the release went, when, by whom and the message-id to look for, in both languages and as JSON', async () => {
    const id = await holdMessage(fixture, TYPO);
    const killed = await releaseHeldAtServer(fixture, releaseTo(id), async (child) => {
      child.kill('SIGKILL');
    });
    expect(killed.signal).toBe('SIGKILL');
    const messageId = fixture.sink.received[0]?.raw.toString('utf8').match(/^Message-ID: (.+)\r$/im)?.[1];
    expect(messageId).toBeDefined();

    const show = await runBuiltCli(['holds', 'show', id, '--store', store()], { cwd: fixture.dir });
    expect(show.stdout).toContain(IN_DOUBT);
    expect(show.stdout).toMatch(
      new RegExp(
        `a release to ${GOOD.replace(/\./g, '\\.')} was started at \\d{4}-.+ by lena@butiken\\.se; whether it was sent is not known: check the mail server's log for message-id ${messageId} before releasing again`,
      ),
    );
    const sv = await runCliInProcess(['holds', 'show', id, '--store', store(), '--locale', 'sv']);
    expect(sv.stdout).toContain(`ett släpp till ${GOOD} påbörjades`);
    expect(sv.stdout).toContain(`efter message-id ${messageId}`);
    const json = JSON.parse(
      (await runCliInProcess(['holds', 'show', id, '--store', store(), '--json'])).stdout,
    );
    expect(json).toMatchObject({
      releaseInDoubt: true,
      releaseStatus: 'in-doubt',
      releaseProgress: 'started',
      releaseStarted: { by: 'lena@butiken.se', to: [GOOD], messageId },
    });
    // The refusal to release it again names it too.
    const again = await runCliInProcess(releaseTo(id));
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`a release to ${GOOD} was started at`);
    expect(fixture.sink.received).toHaveLength(1);
  }, 60_000);
});

describe('email-guard holds release: interrupted', () => {
  it.each([
    {
      signal: 'SIGINT' as const,
      status: 130,
      locale: 'en',
      line: 'interrupted while the message was being sent: whether it was sent is not known (release in doubt); see "holds show ID" and check the mail server\'s log before releasing it again',
    },
    { signal: 'SIGTERM' as const, status: 143, locale: 'sv', line: 'avbrutet medan meddelandet skickades' },
  ])(
    'says in one line on $signal during the send ($locale) that the release is in doubt, exits $status, and the hold is not shown released',
    async ({ signal, status, locale, line }) => {
      const id = await holdMessage(fixture, TYPO);
      const interrupted = await releaseHeldAtServer(
        fixture,
        releaseTo(id, ['--locale', locale]),
        async (child) => {
          child.kill(signal);
          await new Promise((resolve) => child.once('exit', resolve));
        },
      );
      expect(interrupted.status).toBe(status);
      expect(interrupted.stdout).toBe('');
      expect(interrupted.stderr).toContain(`email-guard: ${id}: ${line.replace('ID', id)}`);
      expect(interrupted.stderr.trim().split('\n')).toHaveLength(1);
      expect(outcomes(id).map((entry) => entry.outcome)).toEqual(['release-started']);
      const list = await runCliInProcess(['holds', 'list', '--store', store()]);
      expect(list.stdout).toContain(id);
      expect(list.stdout).toContain(IN_DOUBT);
    },
    60_000,
  );
});

describe('email-guard holds list: a release whose process stopped before its send', () => {
  it('says it was not sent, from the lock of a stopped process and the audit log, in both languages and as JSON', async () => {
    const id = await holdMessage(fixture, TYPO);
    // A release that takes the lock and is killed as it is about to log its start (release-from-folder.ts).
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, '../support/release-from-folder.ts'),
        store(),
        id,
        String(fixture.sink.port),
        auditFile(),
        'stop-before-send',
      ],
      { stdio: 'ignore' },
    );
    await new Promise((resolve) => child.on('exit', resolve));
    expect(fixture.sink.received).toHaveLength(0);

    const list = await runBuiltCli(['holds', 'list', '--store', store()], { cwd: fixture.dir });
    expect(list.stdout).toContain(
      'release stopped before the message was sent: not sent; release it again with --force',
    );
    expect(list.stdout).not.toContain('in doubt');
    const sv = await runCliInProcess(['holds', 'show', id, '--store', store(), '--locale', 'sv']);
    expect(sv.stdout).toContain('släppet stoppades innan meddelandet skickades');
    const json = JSON.parse((await runCliInProcess(['holds', 'list', '--store', store(), '--json'])).stdout);
    expect(json[0]).toMatchObject({
      id,
      state: 'releasing',
      releaseProgress: 'not-started',
      releaseStatus: 'not-sent',
      releasingBy: { running: false },
    });
  }, 60_000);

  it('does not mark a release still sending (its lock names a live process here) as in doubt', async () => {
    const id = await holdMessage(fixture, TYPO);
    appendFileSync(
      auditFile(),
      `${JSON.stringify({ at: new Date().toISOString(), mode: 'enforce', outcome: 'release-started', action: 'block', recipients: [], holdId: id })}\n`,
    );
    // What a release sending now holds: the entry's lock, naming its process (this one, alive).
    const lock = join(store(), `${id}.lock`);
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    );
    const server = await startServer(
      ['--customers', writeCustomerExport(fixture.dir, customers), '--holds', store()],
      { EMAIL_GUARD_TOKEN: TOKEN },
      { built: await builtCli() },
    );
    try {
      const listed = async () => {
        const response = await fetch(`${server.url}/v1/holds`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        const { held } = (await response.json()) as { held: { id: string; releaseInDoubt?: boolean }[] };
        return held.find((entry) => entry.id === id);
      };
      expect(await listed()).toMatchObject({ state: 'releasing' });
      expect((await listed())?.releaseInDoubt).toBeUndefined();
      // The release's process stopped and its lock is gone, with no end logged: in doubt now.
      rmSync(lock);
      expect(await listed()).toMatchObject({ releaseInDoubt: true });
    } finally {
      rmSync(lock, { force: true });
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);
});
