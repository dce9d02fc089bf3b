import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as browserEntry from '../src/browser/index.js';
import * as incidentEntry from '../src/incident/index.js';
import * as core from '../src/index.js';
import * as mimeEntry from '../src/mime/index.js';
import * as nodemailerEntry from '../src/nodemailer/index.js';
import * as postgresEntry from '../src/postgres/index.js';
import { useTempDir } from './support/use-temp-dir.js';

// What a user installs: the package packed from a fresh clone (the files git knows, no dist/), as
// `npm publish` would pack it, then installed into a folder of its own and loaded from ESM, CommonJS
// and TypeScript. Dependencies are linked from this checkout's node_modules (only those the packed
// package.json declares), so the test needs no registry and no npm cache.

const root = resolve(__dirname, '..');
const entryPoints: Record<string, Record<string, unknown>> = {
  'email-guard': core,
  'email-guard/browser': browserEntry,
  'email-guard/incident': incidentEntry,
  'email-guard/mime': mimeEntry,
  'email-guard/nodemailer': nodemailerEntry,
  'email-guard/postgres': postgresEntry,
};
const minutes = 60_000;

const tempDir = useTempDir({ scope: 'file', prefix: 'email-guard-pack-' });
let temp = '';
let consumer = '';
let packed: string[] = [];
let installed: {
  exports: Record<string, unknown>;
  bin?: Record<string, string>;
  dependencies?: object;
  peerDependencies?: object;
} = {
  exports: {},
};

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    // `npm pack` builds every entry point, the browser build and the order form's script with their
    // types, then runs publint and attw: minutes on a busy two-core machine.
    timeout: 8 * minutes,
    shell: process.platform === 'win32',
  });
  if (result.error) throw result.error;
  return result;
}

function succeed(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(realpathSync(target), path, process.platform === 'win32' ? 'junction' : 'dir');
}

beforeAll(() => {
  temp = tempDir.path;

  // A fresh clone: tracked and new files, nothing ignored (so no dist/ and no .tmp/).
  const clone = join(temp, 'clone');
  const files = succeed('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root)
    .split('\0')
    .filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(root, file), join(clone, file));
  }
  link(join(root, 'node_modules'), join(clone, 'node_modules'));

  // The build's output shares npm's standard output, so the tarball is found by its folder.
  const destination = join(temp, 'tarball');
  mkdirSync(destination);
  succeed('npm', ['pack', '--pack-destination', destination], clone);
  const tarballs = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack wrote ${tarballs.join(', ') || 'no tarball'}`);
  const tarball = join(destination, tarballs[0] as string);
  packed = succeed('tar', ['-tzf', tarball], temp)
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));

  consumer = join(temp, 'consumer');
  mkdirSync(join(consumer, 'node_modules'), { recursive: true });
  succeed('tar', ['-xzf', tarball, '-C', join(consumer, 'node_modules')], temp);
  renameSync(join(consumer, 'node_modules', 'package'), join(consumer, 'node_modules', 'email-guard'));
  installed = JSON.parse(readFileSync(join(consumer, 'node_modules', 'email-guard', 'package.json'), 'utf8'));
  for (const name of Object.keys({ ...installed.dependencies, ...installed.peerDependencies })) {
    link(join(root, 'node_modules', name), join(consumer, 'node_modules', name));
  }
  // What a TypeScript user of the Node entry points has installed beside the package.
  link(join(root, 'node_modules', '@types', 'node'), join(consumer, 'node_modules', '@types', 'node'));
  writeConsumer(consumer);
}, 10 * minutes);

describe('the packed package', () => {
  it('contains the built files of every entry point, the licence and the README, and no sources', () => {
    const paths = packed;
    for (const name of ['index', 'incident', 'nodemailer', 'mime', 'postgres']) {
      for (const extension of ['.js', '.cjs', '.d.ts', '.d.cts'])
        expect(paths).toContain(`dist/${name}${extension}`);
    }
    for (const extension of ['.js', '.cjs', '.d.ts', '.d.cts'])
      expect(paths).toContain(`dist/browser/index${extension}`);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/cli.js']));
    expect(paths.filter((path) => /^(src|test|scripts)\//.test(path))).toEqual([]);
  });

  it('names every entry point in its exports map', () => {
    expect(Object.keys(installed.exports).sort()).toEqual(
      ['.', './browser', './incident', './mime', './nodemailer', './postgres', './package.json'].sort(),
    );
  });

  it('installs the email-guard command, which runs', () => {
    expect(installed.bin).toEqual({ 'email-guard': './dist/cli.js' });
    const bin = join(consumer, 'node_modules', 'email-guard', 'dist', 'cli.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const customer = JSON.stringify({ id: 'C-1', emails: ['anna.svensson1985@gmail.com'] });
    const result = run(
      process.execPath,
      [bin, 'check', 'anna.svensson185@gmail.com', '--customer', customer],
      consumer,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('suggestion: anna.svensson1985@gmail.com');
  });

  it.each(['esm.mjs', 'cjs.cjs'])(
    'loads every entry point with its whole API from %s',
    (script) => {
      const result = run(process.execPath, [script], consumer);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const loaded = JSON.parse(result.stdout) as Record<string, string[]>;
      expect(Object.keys(loaded).sort()).toEqual(Object.keys(entryPoints).sort());
      for (const [name, module] of Object.entries(entryPoints)) {
        expect(loaded[name], name).toEqual(Object.keys(module).sort());
      }
    },
    minutes,
  );

  it.each(['node16', 'nodenext', 'bundler'])(
    'type-checks a TypeScript consumer with moduleResolution %s',
    (resolution) => {
      const tsc = join(root, 'node_modules', 'typescript', 'lib', 'tsc.js');
      const result = run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], consumer);
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
    2 * minutes,
  );

  it('recognises an error thrown by the CommonJS build with the ESM build', async () => {
    const dist = join(consumer, 'node_modules', 'email-guard', 'dist');
    const commonJs = createRequire(join(consumer, 'index.cjs'))(join(dist, 'index.cjs')) as typeof core;
    const esm = (await import(pathToFileURL(join(dist, 'index.js')).href)) as typeof core;
    expect(commonJs.EmailGuardError).not.toBe(esm.EmailGuardError);
    let thrown: unknown;
    try {
      commonJs.checkRecipient({ entered: 'anna@example.se', customer: { id: '' } });
    } catch (error) {
      thrown = error;
    }
    // Two copies, two classes: instanceof cannot tell, the brand can.
    expect(thrown instanceof esm.EmailGuardError).toBe(false);
    expect(esm.isEmailGuardError(thrown)).toBe(true);
    expect(esm.isEmailGuardError(thrown, 'INVALID_INPUT')).toBe(true);
    expect(commonJs.isEmailGuardError(new esm.RecipientBlockedError('held', { recipients: [] }))).toBe(true);
    expect(esm.isEmailGuardError(new Error('not ours'))).toBe(false);
  });
});

/** The consumer's scripts: each loads every entry point and prints the names it exports. */
function writeConsumer(folder: string): void {
  const names = Object.keys(entryPoints);
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  writeFileSync(
    join(folder, 'esm.mjs'),
    [
      ...names.map((name, index) => `import * as entry${index} from '${name}';`),
      `const loaded = { ${names.map((name, index) => `'${name}': Object.keys(entry${index}).sort()`).join(', ')} };`,
      `const verdict = entry0.checkRecipient({ entered: 'anna@exampel.se', customer: { id: 'C-1', emails: ['anna@example.se'] } });`,
      `if (verdict.action !== 'block') throw new Error('unexpected verdict ' + verdict.action);`,
      // The browser build fetches its phone numbering chunk here, from the installed package.
      `const inPage = await entry1.checkRecipient({ entered: 'anna@exampel.se', customer: { id: 'C-1', emails: ['anna@example.se'], phones: ['070-123 45 67'] } });`,
      `if (inPage.action !== 'block') throw new Error('unexpected verdict in a page ' + inPage.action);`,
      'console.log(JSON.stringify(loaded));',
    ].join('\n'),
  );
  writeFileSync(
    join(folder, 'cjs.cjs'),
    [
      `const loaded = {};`,
      ...names.map((name) => `loaded['${name}'] = Object.keys(require('${name}')).sort();`),
      `const verdict = require('email-guard').checkRecipient({ entered: 'anna@exampel.se', customer: { id: 'C-1', emails: ['anna@example.se'] } });`,
      `if (verdict.action !== 'block') throw new Error('unexpected verdict ' + verdict.action);`,
      'console.log(JSON.stringify(loaded));',
    ].join('\n'),
  );
  // One consumer source, compiled as ESM (.mts), as CommonJS (.cts) and for a bundler (.ts).
  const consumerSource = `import { checkRecipient, isEmailGuardError, type Verdict } from 'email-guard';
import { checkRecipient as checkInPage } from 'email-guard/browser';
import { reportMisdirected } from 'email-guard/incident';
import { type CheckMessageOptions, checkMessage, type MessageCheck } from 'email-guard/mime';
import { createFileHoldStore, nodemailerGuard, type HoldStore } from 'email-guard/nodemailer';

const verdict: Verdict = checkRecipient({ entered: 'anna@exampel.se', customer: { id: 'C-1', emails: ['anna@example.se'] } });
export const action: 'send' | 'confirm' | 'block' = verdict.action;
export const inPage: Promise<Verdict> = checkInPage({ entered: 'anna@exampel.se', customer: { id: 'C-1' } });
// @ts-expect-error: the types are the package's own, so a wrong input does not compile.
checkRecipient({ entered: 42 });
export const store: HoldStore = createFileHoldStore('./held-mail');
export const plugin = nodemailerGuard;
export const check: (raw: string, options: CheckMessageOptions) => Promise<MessageCheck> = checkMessage;
export const report = reportMisdirected;
export const recognised = (error: unknown): boolean => isEmailGuardError(error, 'INVALID_INPUT');
`;
  writeFileSync(join(folder, 'consumer.mts'), consumerSource);
  writeFileSync(join(folder, 'consumer.cts'), consumerSource);
  writeFileSync(join(folder, 'consumer.ts'), consumerSource);
  const compilerOptions = {
    target: 'es2022',
    strict: true,
    noEmit: true,
    // Checking every declaration file (zod's, @types/node) takes ten times longer; attw has checked
    // the package's own, and the @ts-expect-error above fails if its types were missing.
    skipLibCheck: true,
    types: ['node'],
  };
  for (const [resolution, module, files] of [
    ['node16', 'node16', ['consumer.mts', 'consumer.cts']],
    ['nodenext', 'nodenext', ['consumer.mts', 'consumer.cts']],
    ['bundler', 'esnext', ['consumer.ts']],
  ] as const) {
    writeFileSync(
      join(folder, `tsconfig.${resolution}.json`),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, module, moduleResolution: resolution },
        files,
      }),
    );
  }
}
