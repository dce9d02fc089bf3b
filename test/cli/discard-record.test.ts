import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { discardArgs, holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// Issue 13, trial: a discard left no record of who removed the message, or why.
const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';

beforeAll(async () => {
  await builtCli();
}, 120_000);

const store = () => join(fixture.dir, 'held');
const run = (args: readonly string[]) => runCliInProcess(['holds', ...args]);
/** The built command in a process of its own: another process than the test's, which holds the lock below. */
const runBuilt = (args: readonly string[]) => runBuiltCli(['holds', ...args], { cwd: fixture.dir });

describe('email-guard holds discard: who and why, in the audit log', () => {
  for (const locale of ['en', 'sv'] as const) {
    it(`refuses a discard without --by and --reason, and keeps the message (${locale})`, async () => {
      const id = await holdMessage(fixture, TYPO);
      const refused = await run(['discard', id, '--store', store(), '--yes', '--locale', locale]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('--by');
      expect((await run(['show', id, '--store', store()])).status).toBe(0);
    });

    it(`logs discarded with who and why before the message goes (${locale})`, async () => {
      const id = await holdMessage(fixture, TYPO);
      const done = await run([...discardArgs(id, store(), ['--yes']), '--locale', locale]);
      expect(done.stderr).toBe('');
      expect(done.status).toBe(0);
      const entries = readFileSync(`${store()}.audit.jsonl`, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(entries).toEqual([
        expect.objectContaining({
          outcome: 'discarded',
          holdId: id,
          discard: { by: 'lena@butiken.se', reason: 'dubblett', where: 'command-line' },
          recipients: [expect.objectContaining({ address: TYPO })],
        }),
      ]);
    });

    it(`discards nothing when the audit log cannot be written (${locale})`, async () => {
      const id = await holdMessage(fixture, TYPO);
      const unwritable = join(fixture.dir, 'audit-folder');
      if (!existsSync(unwritable)) mkdirSync(unwritable);
      const refused = await run([
        ...discardArgs(id, store(), ['--yes']),
        '--audit-log',
        unwritable,
        '--locale',
        locale,
      ]);
      expect(refused.status).toBe(3);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain(unwritable);
      expect(refused.stderr).toContain(locale === 'sv' ? `${id} ligger kvar` : `${id} stays held`);
      expect((await run(['show', id, '--store', store()])).status).toBe(0);
    });
  }
});

// Issue 13: `holds discard` with `--yes` after `--reason` was seen to hang where the audit log
// cannot be written, while `--yes` first returned at once; the order of options must not matter.
const unwritableAuditLog = () => {
  const folder = join(fixture.dir, 'audit-folder');
  if (!existsSync(folder)) mkdirSync(folder);
  return folder;
};
const who = ['--by', 'lena@butiken.se', '--reason', 'dubblett'];

const orders: Record<string, (auditLog: string) => string[]> = {
  '--yes first': (auditLog) => ['--yes', ...who, '--audit-log', auditLog],
  '--yes after --reason': (auditLog) => [...who, '--yes', '--audit-log', auditLog],
  '--yes last': (auditLog) => ['--audit-log', auditLog, ...who, '--yes'],
};

/** `holds discard ID --store DIR` with `options` in their order. */
const discard = (id: string, options: readonly string[]) => [
  'holds',
  'discard',
  id,
  '--store',
  store(),
  ...options,
];

describe('email-guard holds discard, whatever the order of its options', () => {
  for (const [order, options] of Object.entries(orders)) {
    it(`refuses without asking, keeping the message, when the audit log cannot be written (${order})`, async () => {
      const id = await holdMessage(fixture, TYPO);
      // At a terminal whose answer would be "no": a question asked would keep the message with 0.
      const refused = await runCliInProcess(discard(id, options(unwritableAuditLog())), {
        interactive: true,
        confirm: false,
      });
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`${id} stays held, not discarded`);
      expect(refused.status).toBe(3);
      expect((await runCliInProcess(['holds', 'show', id, '--store', store()])).status).toBe(0);
    });
  }

  it('keeps the message and exits with 1 when the answer at the terminal is no', async () => {
    const id = await holdMessage(fixture, TYPO);
    const declined = await runCliInProcess(discard(id, who), {
      interactive: true,
      confirm: false,
    });
    expect(declined.stdout).toBe(`kept ${id}\n`);
    expect(declined.status).toBe(1);
    expect((await runCliInProcess(['holds', 'show', id, '--store', store()])).status).toBe(0);
  });

  it('answers at once as the built command with --yes after --reason, standard input piped', async () => {
    const id = await holdMessage(fixture, TYPO);
    const options = orders['--yes after --reason']?.(unwritableAuditLog()) ?? [];
    const refused = await runBuiltCli(discard(id, options), { cwd: fixture.dir });
    expect(refused.stderr).toContain(`${id} stays held, not discarded`);
    expect(refused.status).toBe(3);
  }, 60_000);
});

/** The lock a release takes on a held message (create-file-hold-store.ts), as owned by process `pid` here. */
function lockedBy(id: string, pid: number): void {
  writeFileSync(
    join(store(), `${id}.lock`),
    JSON.stringify({ pid, host: hostname(), since: new Date().toISOString() }),
  );
}

/** The id of a process that has ended. */
function endedProcess(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) throw new Error('no process was started');
  return pid;
}

describe('email-guard holds discard --force: a message a stopped release left locked', () => {
  it('discards it only with --force, and logs the force', async () => {
    const id = await holdMessage(fixture, TYPO);
    lockedBy(id, endedProcess());
    const plain = await run(discardArgs(id, store(), ['--yes']));
    expect(plain.status).toBe(1);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toContain('discard it with --force only if that process has stopped');
    const forced = await run(discardArgs(id, store(), ['--yes', '--force']));
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe(`discarded ${id}\n`);
    const [line] = readFileSync(`${store()}.audit.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(line).toMatchObject({
      outcome: 'discarded',
      holdId: id,
      discard: { force: true, where: 'command-line' },
    });
  });

  it('refuses --force in one line while the process that holds the message runs', async () => {
    const id = await holdMessage(fixture, TYPO);
    // This test's own process: running, on this host.
    lockedBy(id, process.pid);
    const refused = await runBuilt(discardArgs(id, store(), ['--yes', '--force']));
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(
      `${id}: a release or discard of this message is still running in a live process`,
    );
    expect(refused.stderr).toContain('so this discard did nothing');
    expect((await run(['show', id, '--store', store()])).status).toBe(0);
  });
});
