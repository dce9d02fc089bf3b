import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'tsdown';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserBuild } from '../scripts/browser-build.js';
import type * as BrowserEntry from '../src/browser/index.js';
import { InvalidInputError } from '../src/errors.js';
import type { CheckOptions } from '../src/guard/check-options.js';
import { checkPhone } from '../src/guard/check-phone.js';
import { checkRecipient } from '../src/guard/check-recipient.js';
import type { CheckRecipientInput } from '../src/guard/recipient-checker.js';

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

// `email-guard/browser` as a page loads it (scripts/browser-build.ts): ESM, zod and libphonenumber-js
// bundled in.
const entryDir = resolve(root, '.tmp/browser-entry');
let entryFiles: string[] = [];

beforeAll(async () => {
  await build({
    ...browserBuild(entryDir, { inlineDependencies: true }),
    format: ['esm'],
    clean: true,
    config: false,
    logLevel: 'silent',
  });
  entryFiles = readdirSync(entryDir).filter((file) => file.endsWith('.js'));
}, 120_000);

/** The files a page downloads before its first check: the entry and the chunks it imports statically. */
function firstLoad(): string[] {
  const files: string[] = [];
  const pending = ['index.js'];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const source = readFileSync(resolve(entryDir, file), 'utf8');
    for (const match of source.matchAll(
      /(?:^|[;}\n])\s*(?:import|export)[^'"()]*?from\s*["']\.\/([^"']+)["']/g,
    ))
      pending.push(match[1] as string);
  }
  return files;
}

const gzippedKilobytes = (files: string[]): number =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(resolve(entryDir, file))).length, 0) / 1024;

describe('email-guard/browser', () => {
  it('leaves the phone numbering data out of what a page loads first', () => {
    const first = firstLoad();
    const phoneChunk = entryFiles.find((file) => file.startsWith('phone-numbers'));
    expect(phoneChunk).toBeDefined();
    expect(first).not.toContain(phoneChunk);
  });

  it('leaves zod out of what a page loads first', () => {
    const schemaChunk = entryFiles.find((file) => file.startsWith('check-input'));
    expect(schemaChunk).toBeDefined();
    expect(firstLoad()).not.toContain(schemaChunk);
    // zod's own message for an unknown key; the hand-written tests never produce it.
    for (const file of firstLoad())
      expect(readFileSync(resolve(entryDir, file), 'utf8')).not.toContain('unrecognized_keys');
  });

  it('leaves the phone check out of what a page loads first, in a chunk of its own', () => {
    const phoneCheckChunk = entryFiles.find((file) => file.startsWith('phone-check'));
    expect(phoneCheckChunk).toBeDefined();
    expect(firstLoad()).not.toContain(phoneCheckChunk);
  });

  it("gives the core's phone verdict, fetching the phone check and its data on first use", async () => {
    const entry = (await import(pathToFileURL(resolve(entryDir, 'index.js')).href)) as typeof BrowserEntry;
    const customer = { id: 'C-1', phones: ['070-123 45 67'] };
    for (const entered of ['070-123 45', '070-123 4567', '070-123 45 76', '073-555 12 34', 'ring mig'])
      expect(await entry.checkPhone({ entered, customer }, { locale: 'sv' }), entered).toEqual(
        checkPhone({ entered, customer }, { locale: 'sv' }),
      );
    await expect(entry.checkPhone({ entered: 42, customer } as never)).rejects.toThrow(/entered/);
  });

  it('keeps what a page loads first for checkRecipient under 50 KB gzipped', () => {
    // Measured: 47.1 KB (46.4 KB before the phone check became a chunk of its own and shared the
    // finding messages with it; the whole core weighed 190 KB). The phone check, the phone data and
    // the schemas with zod are fetched on demand.
    const first = gzippedKilobytes(firstLoad());
    const phones = gzippedKilobytes(entryFiles.filter((file) => !firstLoad().includes(file)));
    console.info(
      `email-guard/browser: ${first.toFixed(1)} KB gzipped first, ${phones.toFixed(1)} KB on demand`,
    );
    expect(first).toBeLessThan(50);
  });

  it('gives the core verdict, fetching the phone data when a customer has a phone number', async () => {
    const entry = (await import(pathToFileURL(resolve(entryDir, 'index.js')).href)) as typeof BrowserEntry;
    const customer = {
      id: 'C-1',
      emails: ['anna.svensson1985@gmail.com'],
      phones: ['070-123 45 67'],
      birthDate: '1985-04-12',
    };
    const verdict = await entry.checkRecipient(
      { entered: 'anna.svensson185@gmail.com', customer },
      { locale: 'sv' },
    );
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('anna.svensson1985@gmail.com');
    expect(verdict.readBack?.suggestion).toContain('nio');
    const phoneInAddress = await entry.checkRecipient({
      entered: 'anna0701234568@gmail.com',
      customer: { ...customer, emails: ['anna0701234567@gmail.com'] },
    });
    expect(phoneInAddress.findings.map((finding) => finding.code)).toContain('near-miss');
  });

  it('rejects a region without numbering data with the error naming the field', async () => {
    const entry = (await import(pathToFileURL(resolve(entryDir, 'index.js')).href)) as typeof BrowserEntry;
    const checking = entry.checkRecipient({
      entered: 'a@example.se',
      customer: { id: 'C-1', country: 'XX' },
    });
    await expect(checking).rejects.toThrow(/customer\.country: "XX" is not an ISO 3166-1 region/);
    await expect(checking).rejects.toSatisfy((error: unknown) =>
      entry.isEmailGuardError(error, 'INVALID_INPUT'),
    );
  });

  it('rejects input and options that break the schema with the error the core gives, naming the field', async () => {
    const entry = (await import(pathToFileURL(resolve(entryDir, 'index.js')).href)) as typeof BrowserEntry;
    const cases: [unknown, unknown][] = [
      [{ entered: 'a@example.se', customer: { id: 'C-1', email: ['a@example.se'] } }, undefined],
      [{ entered: 42, customer: { id: 'C-1' } }, undefined],
      [{ entered: 'a@example.se', customer: { id: '' }, directory: {} }, undefined],
      [{ entered: 'a@example.se', customer: { id: 'C-1' } }, { locale: 'se' }],
      [{ entered: 'a@example.se', customer: { id: 'C-1' } }, { policy: { 'near-miss': 'Block' } }],
    ];
    for (const [input, options] of cases) {
      const core = errorOf(() => checkRecipient(input as CheckRecipientInput, options as CheckOptions));
      const page = await entry.checkRecipient(input as CheckRecipientInput, options as CheckOptions).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(entry.isEmailGuardError(page, 'INVALID_INPUT')).toBe(true);
      expect((page as InvalidInputError).message).toBe(core.message);
      expect((page as InvalidInputError).issues).toEqual(core.issues);
    }
  });
});

function errorOf(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
  }
  throw new Error('expected an InvalidInputError');
}
