/**
 * The exit codes of the `email-guard` command (documented in docs/cli.md): scripts branch on them.
 */
export const exitCodes = {
  /** Nothing found, or the address may be sent to. */
  ok: 0,
  /** Findings, or a verdict of confirm or block, or a release that was refused. */
  findings: 1,
  /** The command line is wrong: an unknown option, a missing argument, an argument that is not valid. */
  usage: 2,
  /** An input file cannot be read at all (missing, not a file of its kind, no id column). */
  unreadable: 3,
  /** A held message could not be sent: the SMTP server was unreachable or did not take it (it stays held). */
  notSent: 4,
} as const;

/** A failure the command reports in one line and ends with its exit code. */
export class CliFailure extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliFailure';
    this.exitCode = exitCode;
  }
}

/** The command line is wrong (exit code 2). */
export function usageFailure(message: string): CliFailure {
  return new CliFailure(message, exitCodes.usage);
}

/** An input cannot be read (exit code 3). */
export function unreadableFailure(message: string): CliFailure {
  return new CliFailure(message, exitCodes.unreadable);
}
