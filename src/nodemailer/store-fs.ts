import { constants } from 'node:fs';
import { link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';

/** An open file: the steps a durable write takes. */
export interface StoreFileHandle {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file system steps the file hold store takes, one call per step, so a test can stop the store
 * at any step (as a crash would) and check what is left. Not exported from the package.
 */
export interface StoreFs {
  mkdir(path: string): Promise<void>;
  /** `wx`: create, failing when the file exists (O_CREAT | O_EXCL), which is also how locks are taken. */
  create(path: string): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  /** A second name for a file; fails (EEXIST) when `to` exists, where rename would replace it. */
  link(existing: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  /**
   * Reads a regular file whole. Anything else named like an entry is refused, never opened
   * blocking or followed: a FIFO (`ENOTREG`; opening one to read waits for a writer), a directory
   * (`EISDIR`, `ENOTREG`), a symbolic link (`ELOOP`), which could point a release at any file.
   */
  readFile(path: string): Promise<Buffer>;
  /** fsync of a directory, so the renames and unlinks in it survive a power loss. */
  syncDir(path: string): Promise<void>;
  /** When a file was last written: for a lock, when it was taken (it is never written after). */
  modifiedAt(path: string): Promise<Date>;
}

/** The real file system. */
export const nodeStoreFs: StoreFs = {
  async mkdir(path) {
    await mkdir(path, { recursive: true });
  },
  async create(path) {
    const handle = await open(path, 'wx');
    return {
      async write(data) {
        await handle.writeFile(data);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename,
  link,
  unlink,
  readdir: (path) => readdir(path),
  async readFile(path) {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; no effect on a file.
    const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!(await handle.stat()).isFile()) {
        throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG', path });
      }
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  },
  modifiedAt: async (path) => (await stat(path)).mtime,
  async syncDir(path) {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
