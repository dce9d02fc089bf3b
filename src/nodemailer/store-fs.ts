import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';

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
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Buffer>;
  /** fsync of a directory, so the renames and unlinks in it survive a power loss. */
  syncDir(path: string): Promise<void>;
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
  unlink,
  readdir: (path) => readdir(path),
  readFile: (path) => readFile(path),
  async syncDir(path) {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
