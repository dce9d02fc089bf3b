/**
 * The browser build of the core (`email-guard/browser`) and the order form's script, as
 * tsdown.config.ts builds them and as the tests bundle them:
 *   npx tsdown   (the whole package)
 * Built for the browser (no Node built-ins), and the core's imports of libphonenumber-js
 * resolve to src/browser/lazy-phone-numbers.ts, which loads them (src/browser/phone-numbers.ts) as
 * a chunk of their own the first time a phone number is read; its import of the input schemas
 * (src/guard/parse-check-input.ts) resolves to src/browser/lazy-check-input.ts, which loads them
 * and zod (src/browser/check-input.ts) the first time input does not fit the hand-written tests.
 */
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'tsdown';

const lazyPhoneNumbers = fileURLToPath(new URL('../src/browser/lazy-phone-numbers.ts', import.meta.url));
const phoneNumbers = fileURLToPath(new URL('../src/browser/phone-numbers.ts', import.meta.url));
const lazyCheckInput = fileURLToPath(new URL('../src/browser/lazy-check-input.ts', import.meta.url));
const checkInput = fileURLToPath(new URL('../src/browser/check-input.ts', import.meta.url));

/**
 * The tsdown options of the browser build, writing to `outDir` (`dist/browser` in the package).
 * The package leaves zod, libphonenumber-js and fast-levenshtein to the page's own bundler, which
 * shares them with the page; `inlineDependencies` bundles them in, as a page that loads the
 * script as it is (the order form) needs, and as its weight is measured.
 */
export function browserBuild(
  outDir: string,
  options: { dts?: boolean; inlineDependencies?: boolean } = {},
): UserConfig {
  return {
    entry: { index: fileURLToPath(new URL('../src/browser/index.ts', import.meta.url)) },
    format: ['esm', 'cjs'],
    dts: options.dts ?? false,
    clean: false,
    fixedExtension: false,
    outDir,
    platform: 'browser',
    deps: options.inlineDependencies ? { alwaysBundle: [/.*/] } : { neverBundle: [/^node:/] },
    target: 'es2022',
    minify: true,
    // CommonJS has one file per entry: its phone chunk would share helpers through the entry's
    // exports. Pages load the ESM build; a CommonJS user gets the library in the one file.
    outputOptions: (output, format) => (format === 'cjs' ? { ...output, codeSplitting: false } : output),
    plugins: [
      {
        name: 'email-guard:lazy-phone-numbers',
        resolveId: {
          // Before tsdown's own resolution, which leaves a dependency to the page's bundler.
          order: 'pre',
          handler(source, importer) {
            if (source !== 'libphonenumber-js' || !importer || importer === phoneNumbers) return null;
            if (importer.endsWith('.d.ts')) return null;
            return lazyPhoneNumbers;
          },
        },
      },
      {
        name: 'email-guard:lazy-check-input',
        resolveId: {
          order: 'pre',
          handler(source, importer) {
            // The check's one way to zod (src/guard/parse-check-input.ts), loaded on demand.
            if (!source.endsWith('/parse-check-input.js') || !importer || importer === checkInput)
              return null;
            if (importer.endsWith('.d.ts')) return null;
            return lazyCheckInput;
          },
        },
      },
    ],
  };
}

/**
 * The order form's script (`GET /demo/order-form.js`, `dist/order-form/` in the package): ESM with
 * everything bundled in, as the page loads it.
 */
export function orderFormBuild(outDir: string): UserConfig {
  return {
    ...browserBuild(outDir, { inlineDependencies: true }),
    entry: {
      'order-form': fileURLToPath(new URL('../src/serve/order-form/order-form-script.ts', import.meta.url)),
    },
    format: ['esm'],
  };
}
