import type { ChildProcess } from 'node:child_process';
import { type CliEnd, startBuiltCli } from './built-cli.js';
import type { PipelineFixture } from './pipeline.js';

/**
 * Runs the built command with `args` in a child process; once the fixture's SMTP server has its
 * message whole (its answer to DATA held back), runs `meanwhile` with the child, then lets the
 * server answer. Resolves once the child ended, with what it printed.
 */
export async function releaseHeldAtServer(
  fixture: PipelineFixture,
  args: readonly string[],
  meanwhile: (child: ChildProcess) => Promise<void>,
): Promise<CliEnd> {
  const { child, ended } = await startBuiltCli(args, { cwd: fixture.dir });
  let during: Promise<void> | undefined;
  fixture.sink.onMessage = () => {
    during = meanwhile(child);
    return during.catch(() => undefined);
  };
  try {
    const result = await ended;
    await during;
    return result;
  } finally {
    fixture.sink.onMessage = undefined;
  }
}
