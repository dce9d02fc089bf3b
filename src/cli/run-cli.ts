import { Command, CommanderError } from 'commander';
import { isEmailGuardError } from '../errors.js';
import { auditCommand } from './audit-command.js';
import { checkCommand } from './check-command.js';
import { customersCommand } from './customers-command.js';
import { CliFailure, exitCodes } from './exit-codes.js';
import { holdsCommand } from './holds-command.js';
import { incidentCommand } from './incident-command.js';
import { type CommandContext, processContext } from './program-context.js';
import { serveCommand } from './serve-command.js';

/**
 * The `email-guard` program with every command: their options and help only. Each command imports
 * its work when it runs (`check.ts`, `audit.ts`, ...), so `--help` and each command load only what
 * they need.
 */
export function createProgram(context: CommandContext): Command {
  const program = new Command('email-guard')
    .description(
      'Find the bad addresses in a customer base and in sent mail, review held messages, file an incident.',
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 nothing found (or send), 1 findings (or confirm, block), 2 usage error, 3 unreadable input.
Each command has its own --help with an example.`,
    )
    .showHelpAfterError('(add --help for usage)');
  program.addCommand(checkCommand(context));
  program.addCommand(customersCommand(context));
  program.addCommand(holdsCommand(context));
  program.addCommand(auditCommand(context));
  program.addCommand(incidentCommand(context));
  program.addCommand(serveCommand(context));
  // Every command exits through runCli, with the documented codes, instead of commander's own.
  const override = (command: Command) => {
    command.exitOverride();
    for (const sub of command.commands) override(sub);
  };
  override(program);
  return program;
}

/** Runs the command line; resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  context: CommandContext = processContext(),
): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const withCode: CommandContext = {
    ...context,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = createProgram(withCode);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end the program normally; anything else commander refused is a usage error
      // (commander has printed it already).
      if (error.exitCode === 0) return exitCodes.ok;
      return exitCodes.usage;
    }
    if (error instanceof CliFailure) {
      context.warn(`email-guard: ${error.message}`);
      return error.exitCode;
    }
    if (isEmailGuardError(error)) {
      context.warn(`email-guard: ${error.message}`);
      return error.code === 'INVALID_INPUT' ? exitCodes.usage : exitCodes.unreadable;
    }
    context.warn(`email-guard: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 70;
  }
}
