import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** `email-guard serve` started from the source in a child process, and the URL it listens on. */
export interface StartedServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it wrote to standard output (its log) so far. */
  readonly stdout: () => string;
  /** Everything it wrote to standard error (its startup lines) so far. */
  readonly stderr: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `email-guard serve ARGS` with `env`, from the source, or the built command at `built`
 * (test/support/built-cli.ts); resolves once it says where it listens.
 */
export function startServer(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  options: { readonly built?: string } = {},
): Promise<StartedServer> {
  const command = options.built ? [options.built] : ['--import', 'tsx', resolve(root, 'src/cli/main.ts')];
  const child = spawn(process.execPath, [...command, 'serve', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  return new Promise((resolveStart, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      // The line in English or Swedish (`--locale sv`).
      const match = /(?:listening on|lyssnar på) (http:\/\/\S+)/.exec(stderr);
      if (match?.[1])
        resolveStart({
          url: match[1],
          child,
          stdout: () => stdout,
          stderr: () => stderr,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
    });
    void exited.then((code) => reject(new Error(`email-guard serve exited with ${code}: ${stderr}`)));
  });
}
