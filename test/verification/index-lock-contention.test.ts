import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/use-temp-dir.js';

// Processes on one machine sharing a folder verification store contend for its index lock
// (`withIndexLock`). Each contender is a real process; the ones stopped here are stopped with SIGKILL,
// as the kernel's OOM killer or `kill -9` stops them: no handler runs, whatever they held stays.
const dir = useTempDir();
const storeDir = () => join(dir.path, 'verification');

interface Contender {
  readonly process: ChildProcessByStdio<null, Readable, null>;
  /** Everything it printed so far, a line each. */
  readonly lines: () => string[];
  /** Resolves once it has printed `line`; rejects if it ends first. */
  readonly printed: (line: string) => Promise<void>;
  /** Resolves with what it printed once it has ended. */
  readonly ended: Promise<string[]>;
}

/** Starts `contend-for-index-lock.ts` on the store; `stopInsideBreak` loads `stop-inside-break.ts` first. */
function contender(times: number | 'hold', options: { stopInsideBreak?: boolean } = {}): Contender {
  const preload = options.stopInsideBreak
    ? ['--import', resolve(__dirname, '../support/stop-inside-break.ts')]
    : [];
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...preload,
      resolve(__dirname, '../support/contend-for-index-lock.ts'),
      storeDir(),
      String(times),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let text = '';
  const lines = () => text.split('\n').filter((line) => line !== '');
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const ended = new Promise<string[]>((resolveEnd) => child.on('exit', () => resolveEnd(lines())));
  const printed = (line: string) =>
    new Promise<void>((resolvePrinted, rejectPrinted) => {
      const look = () => {
        if (lines().includes(line)) resolvePrinted();
      };
      child.stdout.on('data', look);
      child.on('exit', () =>
        rejectPrinted(new Error(`the contender ended before printing ${line}: ${text}`)),
      );
      look();
    });
  return { process: child, lines, printed, ended };
}

async function killed(child: Contender): Promise<void> {
  child.process.kill('SIGKILL');
  await child.ended;
}

describe('the folder verification store’s index lock, contended by processes', () => {
  it('is held by one process at a time, and taken over from an owner and a breaker killed mid-break', async () => {
    const owner = contender('hold');
    await owner.printed('held');
    await killed(owner);
    const breaker = contender(1, { stopInsideBreak: true });
    await breaker.printed('breaking');
    await killed(breaker);
    expect(breaker.lines()).not.toContain('held');
    expect((await readdir(storeDir())).filter((file) => file.endsWith('.break'))).toHaveLength(1);

    const rounds = 15;
    const contenders = [contender(rounds), contender(rounds), contender(rounds)];
    const printed = await Promise.all(contenders.map((each) => each.ended));
    for (const lines of printed) {
      expect(lines.filter((line) => line.startsWith('overlap'))).toEqual([]);
      expect(lines.filter((line) => line === 'held')).toHaveLength(rounds);
      expect(lines.at(-1)).toBe('done');
    }
    // What is left is at most the killed processes' temporary files, removed once stale (a minute).
    expect(
      (await readdir(storeDir())).filter(
        (file) => (file.includes('lock') && !file.endsWith('.index-lock.tmp')) || file === 'holder',
      ),
    ).toEqual([]);
  }, 120_000);
});
