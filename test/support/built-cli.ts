import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'tsdown';

const root = resolve(__dirname, '../..');
let built: Promise<string> | undefined;

/**
 * Builds the `email-guard` command once per test process, as the package build does (tsdown, the
 * cli entry of tsdown.config.ts, without declaration files), into `.tmp/cli-<pid>` inside the
 * checkout, where its dependencies resolve from node_modules as they do in an installed package.
 */
export function builtCli(): Promise<string> {
  built ??= (async () => {
    const outDir = join(root, '.tmp', `cli-${process.pid}`);
    mkdirSync(outDir, { recursive: true });
    await build({
      config: false,
      cwd: root,
      entry: { cli: join(root, 'src/cli/main.ts') },
      format: ['esm'],
      dts: false,
      clean: true,
      fixedExtension: false,
      platform: 'node',
      deps: { neverBundle: [/^node:/] },
      target: 'node20',
      outDir,
      logLevel: 'error',
    });
    const path = join(outDir, 'cli.js');
    if (!existsSync(path)) throw new Error(`the build wrote no ${path}`);
    return path;
  })();
  return built;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** What a run of the built command printed, how it ended, and the signal that stopped it if any. */
export interface CliEnd extends CliRun {
  readonly signal: NodeJS.Signals | null;
}

/**
 * Starts the built command with `args` in `cwd`, standard input from `input` (piped, so not a
 * terminal): the process, and its end with what it printed.
 */
export async function startBuiltCli(
  args: readonly string[],
  options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number },
): Promise<{ child: ChildProcess; ended: Promise<CliEnd> }> {
  const cli = await builtCli();
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const ended = new Promise<CliEnd>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolvePromise({ status, signal, stdout, stderr }));
  });
  child.stdin.end(options.input ?? '');
  return { child, ended };
}

/**
 * Runs the built command with `args` in `cwd`, standard input from `input` (piped, so not a
 * terminal), as the user `uid` (and group `gid`) where given.
 */
export async function runBuiltCli(
  args: readonly string[],
  options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number },
): Promise<CliRun> {
  const { status, stdout, stderr } = await (await startBuiltCli(args, options)).ended;
  return { status, stdout, stderr };
}
