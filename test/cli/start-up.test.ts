import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

const root = resolve(__dirname, '../..');
const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

/** The packages of node_modules the built command imports for `args` (test/support/record-imports.mjs). */
async function packagesLoaded(args: readonly string[]): Promise<string[]> {
  const log = join(dir.path, `imports-${args.join('-').replace(/[^\w-]/g, '_')}.txt`);
  const run = await runBuiltCli(args, {
    cwd: dir.path,
    env: {
      NODE_OPTIONS: `--import ${join(root, 'test/support/record-imports.mjs')}`,
      EMAIL_GUARD_IMPORTS_LOG: log,
    },
  });
  expect(run.stderr, args.join(' ')).toBe('');
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  // The recording works: the command's own chunk is in it.
  expect(urls.some((url) => url.endsWith('/cli.js'))).toBe(true);
  return [
    ...new Set(
      urls.flatMap((url) => {
        const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
        return name ? [name] : [];
      }),
    ),
  ].sort();
}

describe('the email-guard command at start', () => {
  it('loads only the argument parser for the help of each command', async () => {
    for (const args of [
      ['--help'],
      ['check', '--help'],
      ['customers', 'check', '--help'],
      ['audit', '--help'],
      ['holds', 'list', '--help'],
      ['incident', '--help'],
    ])
      expect(await packagesLoaded(args), args.join(' ')).toEqual(['commander']);
  });

  it('loads the recipient check for check, and neither the mail libraries nor the progress bar', async () => {
    const loaded = await packagesLoaded(['check', 'anna@example.se', '--json']);
    expect(loaded).toContain('libphonenumber-js');
    for (const name of ['mailparser', 'nodemailer', 'cli-progress', 'iconv-lite', 'fastify'])
      expect(loaded, name).not.toContain(name);
  });
});
