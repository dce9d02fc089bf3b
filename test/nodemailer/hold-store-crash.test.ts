import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

/** Runs the holding child until it has committed `atLeast` entries, then kills it (SIGKILL: no clean-up runs). */
function holdThenKill(folder: string, atLeast: number, delayMs: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, '../support/hold-until-killed.ts'), folder],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const committed: string[] = [];
  let buffered = '';
  return new Promise((resolvePromise, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      committed.push(...lines);
      if (committed.length >= atLeast && !child.killed) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', () => resolvePromise(committed));
  });
}

describe('the file hold store killed mid-write', () => {
  it('keeps every entry it confirmed, whole, and lists nothing half-written', async () => {
    const folder = join(dir.path, 'held');
    const confirmed: string[] = [];
    for (const delayMs of [0, 3, 7]) {
      confirmed.push(...(await holdThenKill(folder, 3 + confirmed.length, delayMs)));
      const store = createFileHoldStore(folder);
      const listed = await store.list();
      const listedIds = new Set(listed.map((entry) => entry.id));
      for (const id of confirmed) expect(listedIds.has(id)).toBe(true);
      for (const entry of listed) {
        const whole = await store.get(entry.id);
        expect(whole?.raw.byteLength).toBe(entry.size);
        expect(whole?.raw.toString('latin1', 0, 40)).toContain(
          `Subject: ${/^<(\d+)@/.exec(entry.messageId ?? '')?.[1]}\r\n`,
        );
      }
    }
    expect(confirmed.length).toBeGreaterThanOrEqual(9);
  });
});
