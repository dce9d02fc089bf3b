import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { build } from 'tsdown';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const outDir = resolve(root, '.tmp/browser');
let bundle = '';

// The order form runs the core in a browser. Bundle it the way a front-end build would (platform
// 'browser', everything inlined) and run it where only web globals exist: no process, require,
// Buffer or node: modules.
beforeAll(async () => {
  await build({
    entry: { core: resolve(root, 'src/index.ts') },
    format: ['iife'],
    platform: 'browser',
    globalName: 'emailGuard',
    outDir,
    dts: false,
    clean: true,
    config: false,
    noExternal: [/.*/],
    logLevel: 'silent',
  });
  bundle = readFileSync(resolve(outDir, 'core.iife.js'), 'utf8');
}, 120_000);

describe('the core in a browser', () => {
  it('bundles without a Node built-in', () => {
    expect(bundle).not.toMatch(/require\(["']node:|from ["']node:/);
  });

  it('checks an address with only web globals present', () => {
    const page = vm.createContext({
      URL,
      TextEncoder,
      TextDecoder,
      AbortController,
      setTimeout,
      clearTimeout,
      console,
    });
    vm.runInContext(bundle, page);
    const verdict = vm.runInContext(
      `emailGuard.checkRecipient({
        entered: 'anna.svensson185@gmail.com',
        customer: { id: 'C-1', emails: ['anna.svensson1985@gmail.com'], phones: ['070-123 45 67'], birthDate: '1985-04-12' },
      }, { locale: 'sv' })`,
      page,
    );
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('anna.svensson1985@gmail.com');
    expect(vm.runInContext('typeof process + typeof require + typeof Buffer', page)).toBe(
      'undefinedundefinedundefined',
    );
  });
});
