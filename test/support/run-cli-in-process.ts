import { type CommandContext, problemLines } from '../../src/cli/program-context.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliRun } from './built-cli.js';

/**
 * Runs the command in this process, its standard output and error kept: what `runBuiltCli` answers,
 * without starting a process and building the bundle. The built command itself is run by the tests
 * that check it starts and exits as installed (test/cli/start-up.test.ts and one test per command).
 */
export async function runCliInProcess(
  args: readonly string[],
  options: {
    interactive?: boolean;
    /** The answer at the terminal, or what answers the question asked (it may act meanwhile). */
    confirm?: boolean | ((question: string) => boolean | Promise<boolean>);
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    out: (text) => {
      stdout += text;
    },
    warn: (line) => {
      stderr += `${line}\n`;
    },
    setExitCode: () => undefined,
    progress: () => ({ start() {}, update() {}, stop() {} }),
    interactive: options.interactive ?? false,
    confirm: async (question) =>
      typeof options.confirm === 'function' ? options.confirm(question) : (options.confirm ?? false),
    reportProblems(file, problems, locale) {
      for (const line of problemLines(file, problems, locale)) stderr += `${line}\n`;
    },
  };
  const status = await runCli(args, context);
  return { status, stdout, stderr };
}
