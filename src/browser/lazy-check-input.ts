/**
 * Thrown while the schemas are not loaded yet; `checkRecipient` of the browser entry catches it,
 * loads them and checks again. It never reaches a caller.
 */
export class SchemasNotLoaded extends Error {
  constructor() {
    super('the input schemas are not loaded yet');
    this.name = 'SchemasNotLoaded';
  }
}

type Library = typeof import('./check-input.js');

let library: Library | undefined;
let loading: Promise<void> | undefined;

/**
 * Fetches the check's zod schemas (zod is about 25 KB gzipped, more than the rest of the check)
 * as their own chunk of the browser build, the first time input or options do not fit the
 * hand-written tests (`fitsCheckRecipientInput`, `fitsCheckOptions`): only they can name the
 * field at fault, and a form that passes well-formed input never downloads them.
 */
export function loadSchemas(): Promise<void> {
  loading ??= import('./check-input.js').then(
    (loaded) => {
      library = loaded;
    },
    (error: unknown) => {
      // A failed download (the network was away) is tried again at the next check.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function loaded(): Library {
  if (!library) throw new SchemasNotLoaded();
  return library;
}

// The browser build resolves the check's import of parse-check-input.ts to this module (see
// scripts/browser-build.ts): the same functions, answered by the schemas once they have loaded.
export const parseCheckInput: Library['parseCheckInput'] = (value) => loaded().parseCheckInput(value);
export const parseCheckOptions: Library['parseCheckOptions'] = (options) =>
  loaded().parseCheckOptions(options);
