import { lazyChunk } from './lazy-chunk.js';

/**
 * The check's zod schemas (zod is about 25 KB gzipped, more than the rest of the check), fetched as
 * their own chunk of the browser build the first time input or options do not fit the hand-written
 * tests (`fitsCheckRecipientInput`, `fitsCheckOptions`): only they can name the field at fault, and
 * a form that passes well-formed input never downloads them.
 */
const schemas = lazyChunk('the input schemas', () => import('./check-input.js'));
type Library = ReturnType<typeof schemas.get>;

// The browser build resolves the check's import of parse-check-input.ts to this module (see
// scripts/browser-build.ts): the same functions, answered by the schemas once they have loaded.
export const parseCheckInput: Library['parseCheckInput'] = (value) => schemas.get().parseCheckInput(value);
export const parseCheckOptions: Library['parseCheckOptions'] = (options) =>
  schemas.get().parseCheckOptions(options);
