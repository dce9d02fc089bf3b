import { randomBytes } from 'node:crypto';
import { close, fsync, openSync, rmSync, writeFile } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { WriteFailure } from './write-failure.js';

const closeDescriptor = promisify(close);
const syncDescriptor = promisify(fsync);
const writeDescriptor = promisify(writeFile);

/** The temporary files being written, removed if the command is stopped (Ctrl-C) meanwhile. */
const pending = new Set<string>();
let listening = false;

/**
 * On SIGINT or SIGTERM, removes the temporary files being written and exits as a shell reports a
 * process stopped by the signal (128 + its number: 130, 143). Without it Node exits at once and a
 * hidden `.name.tmp` stays behind, which a rerun then counts in a folder `ls` shows empty.
 */
function removeOnSignal(): void {
  if (listening) return;
  listening = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => {
      for (const path of pending) rmSync(path, { force: true });
      process.exit(code);
    });
}

/**
 * Creates `temporary` (refusing one that exists) and files it for removal on a signal, both on the
 * main thread: an asynchronous open runs on libuv's thread pool, so a signal handled meanwhile
 * found no file to remove, and the file appeared a moment later, just before the process exited.
 */
function createTemporary(temporary: string): number {
  removeOnSignal();
  const descriptor = openSync(temporary, 'wx');
  pending.add(temporary);
  return descriptor;
}

/** The temporary file `path` is written into first, hidden beside it. */
function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Checks a file can be written at `path` (its folder made if missing) by writing and removing an
 * empty temporary file beside it, before a long run: permissions alone do not tell (root ignores
 * them; a read-only or immutable file system refuses root too). Throws `WriteFailure` naming
 * `target`, the file or folder the user asked for. Answers the first folder it made, if any, for
 * the command to say (a mistyped path would otherwise leave folders nobody asked for unsaid).
 */
export async function checkWritable(path: string, target: string = path): Promise<string | undefined> {
  const temporary = temporaryBeside(path);
  try {
    const created = await mkdir(dirname(path), { recursive: true });
    const descriptor = createTemporary(temporary);
    await closeDescriptor(descriptor);
    await rm(temporary, { force: true });
    return created;
  } catch (error) {
    throw new WriteFailure(target, error);
  } finally {
    pending.delete(temporary);
  }
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then renamed
 * over the target (a rename within one folder is atomic on POSIX file systems), so a reader never
 * sees half a report and a failed run leaves the earlier one in place.
 */
export async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeThroughTemporary(path, content);
  } catch (error) {
    throw new WriteFailure(path, error);
  }
}

async function writeThroughTemporary(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryBeside(path);
  const descriptor = createTemporary(temporary);
  try {
    await writeDescriptor(descriptor, content);
    await syncDescriptor(descriptor);
  } catch (error) {
    await closeDescriptor(descriptor);
    await rm(temporary, { force: true });
    pending.delete(temporary);
    throw error;
  }
  await closeDescriptor(descriptor);
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    pending.delete(temporary);
  }
}
