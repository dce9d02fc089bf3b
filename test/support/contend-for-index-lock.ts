// A child process for the index lock's contention test: opens the folder verification store given as
// its first argument and takes its index lock as many times as the second says ('hold' keeps the first
// lock until the process is killed). Inside the lock it creates the file `holder` with O_EXCL (POSIX
// open(2)), so a second holder at the same moment finds it and prints `overlap`; it prints `held` for
// each time it held the lock, then `done`.
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';

const [directory = '', times = '1'] = process.argv.slice(2);
const store = createFileVerificationStore(directory, { lockWaitMs: 30_000 });
const holder = join(directory, 'holder');
const pause = (ms: number) => new Promise((resolvePause) => setTimeout(resolvePause, ms));

async function hold(): Promise<void> {
  if (times === 'hold') {
    process.stdout.write('held\n');
    return new Promise(() => undefined);
  }
  const file = await open(holder, 'wx').catch((error: unknown) => {
    process.stdout.write(`overlap ${String(error)}\n`);
    return undefined;
  });
  await file?.close();
  process.stdout.write('held\n');
  // Long enough that another process looking for the lock meanwhile finds it held.
  await pause(2 + Math.floor(Math.random() * 5));
  if (file) await unlink(holder);
}

await store.id?.();
process.stdout.write('ready\n');
for (let time = 0; time < (times === 'hold' ? 1 : Number(times)); time++) await store.withIndexLock?.(hold);
process.stdout.write('done\n');
