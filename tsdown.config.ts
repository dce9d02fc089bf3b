import { defineConfig } from 'tsdown';
import { browserBuild, orderFormBuild } from './scripts/browser-build.js';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      incident: 'src/incident/index.ts',
      nodemailer: 'src/nodemailer/index.ts',
      mime: 'src/mime/index.ts',
      postgres: 'src/postgres/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // .js/.cjs and .d.ts/.d.cts beside each other, as the package.json exports map names them.
    fixedExtension: false,
    platform: 'neutral',
    // Node built-ins load only through the Node-only entry points (nodemailer, mime, postgres), never the core.
    deps: { neverBundle: [/^node:/] },
    target: 'node20',
  },
  {
    // The `email-guard` command (package.json `bin`): ESM only, run by Node, no types to publish.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    fixedExtension: false,
    platform: 'node',
    deps: { neverBundle: [/^node:/] },
    target: 'node20',
  },
  // `email-guard/browser`: the check for a page, phone numbering data in a chunk loaded on first use.
  browserBuild('dist/browser', { dts: true }),
  // The order form's script, served by `email-guard serve` at /demo/order-form.js (dist/cli.js finds it beside itself).
  orderFormBuild('dist/order-form'),
]);
