import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'tsdown';
import { isRunning, pidIn } from '../../scripts/start-postgres-cluster.js';
import { BUILT_CLI_FOLDER } from './built-cli-folder.js';

const root = resolve(__dirname, '../..');
let built: Promise<string> | undefined;

/** The command's bundle, built into `outDir` as the package build does (tsdown.config.ts, its cli entry). */
async function buildInto(outDir: string): Promise<string> {
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
}

// The bundle goes into a folder of its own inside the run's folder (the build empties its folder
// first); beside it, the builder's pid, then a mark once the bundle is whole or the build's error.
const BUNDLE = 'bundle';
const BUILT = 'built';
const FAILED = 'build-failed';
const BUILDER = 'builder-pid';
// A build takes seconds; minutes on a busy two-core machine.
const WAIT_FOR_BUILD_MS = 10 * 60_000;

/**
 * The command built once for the whole test run, inside `folder`: the process that creates the folder
 * builds into it (mkdir either creates a folder or fails, so exactly one process does), the
 * others wait for its mark that the bundle is whole, and fail with its error when the build failed
 * or its process ended before it finished.
 */
export async function builtOnceInto(folder: string): Promise<string> {
  mkdirSync(dirname(folder), { recursive: true });
  let claimed = true;
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    claimed = false;
  }
  if (claimed) {
    writeFileSync(join(folder, BUILDER), String(process.pid));
    try {
      const path = await buildInto(join(folder, BUNDLE));
      writeFileSync(join(folder, BUILT), '');
      return path;
    } catch (error) {
      writeFileSync(
        join(folder, FAILED),
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      throw error;
    }
  }
  const deadline = Date.now() + WAIT_FOR_BUILD_MS;
  for (;;) {
    if (existsSync(join(folder, BUILT))) return join(folder, BUNDLE, 'cli.js');
    if (existsSync(join(folder, FAILED)))
      throw new Error(`the build of the command failed:\n${readFileSync(join(folder, FAILED), 'utf8')}`);
    const builder = pidIn(join(folder, BUILDER));
    // Read again after the check of the process: the mark may have been written just before it ended.
    if (builder !== undefined && !isRunning(builder) && !existsSync(join(folder, BUILT)))
      throw new Error(
        `the test process that built the command (pid ${builder}) ended before the build was done`,
      );
    if (Date.now() > deadline)
      throw new Error(`no built command in ${folder} after ${WAIT_FOR_BUILD_MS / 60_000} minutes`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
}

/**
 * Builds the `email-guard` command, as the package build does (tsdown, the cli entry of
 * tsdown.config.ts, without declaration files), inside the checkout, where its dependencies resolve
 * from node_modules as they do in an installed package: once for the whole test run, into the
 * folder built-cli-folder.ts names, or once per test process (`.tmp/cli-<pid>`) outside a run of
 * the whole configuration.
 */
export function builtCli(): Promise<string> {
  const shared = process.env[BUILT_CLI_FOLDER];
  built ??= shared ? builtOnceInto(shared) : buildInto(join(root, '.tmp', `cli-${process.pid}`));
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
