import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** A folder a test writes into, removed when the test (or the file) is done. */
export interface TempDir {
  /** The folder's absolute path; read it inside a test or a hook, once the folder exists. */
  readonly path: string;
}

export interface UseTempDirOptions {
  /**
   * `'test'`: a fresh folder for each test, removed after it; `'file'`: one folder for every test
   * of the file, removed after the last.
   * @default 'test'
   */
  readonly scope?: 'test' | 'file';
  /** @default 'email-guard-' */
  readonly prefix?: string;
}

/**
 * Registers the hooks that make a folder under the system's temporary folder before each test (or
 * once for the file) and remove it, whatever it holds, afterwards: tests leave nothing behind.
 *
 * @example
 * ```ts
 * const dir = useTempDir();
 * it('keeps a held message', async () => {
 *   const store = createFileHoldStore(join(dir.path, 'held'));
 * });
 * ```
 */
export function useTempDir(options: UseTempDirOptions = {}): TempDir {
  let path: string | undefined;
  const create = async () => {
    path = await mkdtemp(join(tmpdir(), options.prefix ?? 'email-guard-'));
  };
  const remove = async () => {
    if (path !== undefined) await rm(path, { recursive: true, force: true });
    path = undefined;
  };
  if (options.scope === 'file') {
    beforeAll(create);
    afterAll(remove);
  } else {
    beforeEach(create);
    afterEach(remove);
  }
  return {
    get path() {
      if (path === undefined) throw new Error('useTempDir: the folder exists only inside a test or a hook');
      return path;
    },
  };
}
