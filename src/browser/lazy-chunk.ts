/**
 * Thrown by a lazy chunk's functions while the chunk is not loaded yet; `checkRecipient` of the
 * browser entry catches it, calls `load` and checks again. It never reaches a caller.
 */
export class ChunkNotLoaded extends Error {
  constructor(
    what: string,
    readonly load: () => Promise<void>,
  ) {
    super(`${what} is not loaded yet`);
    this.name = 'ChunkNotLoaded';
  }
}

/**
 * A module of the browser build fetched as its own chunk on first need. `importChunk` must be a
 * literal `() => import('./module.js')`, so that the bundler makes the module a chunk of its own.
 * `get` answers the module once loaded and otherwise throws `ChunkNotLoaded` carrying `load`.
 */
export function lazyChunk<Module>(
  what: string,
  importChunk: () => Promise<Module>,
): { readonly get: () => Module } {
  let module: Module | undefined;
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> => {
    loading ??= importChunk().then(
      (loaded) => {
        module = loaded;
      },
      (error: unknown) => {
        // A failed download (the network was away) is tried again at the next check.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    get: () => {
      if (module === undefined) throw new ChunkNotLoaded(what, load);
      return module;
    },
  };
}
