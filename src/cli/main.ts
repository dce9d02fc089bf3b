#!/usr/bin/env node
import { printWarningsPlainly } from './print-warnings-plainly.js';
import { localeIn, runCli } from './run-cli.js';

// A reader that stops early (`| head`) closes the pipe: the rest of the output has nowhere to go,
// which is no failure of the command. End quietly, as a pipeline expects (POSIX SIGPIPE), not with
// an uncaught EPIPE and a stack trace; other write errors are still thrown.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

printWarningsPlainly(localeIn(process.argv.slice(2)), (line) => process.stderr.write(line));

process.exitCode = await runCli(process.argv.slice(2));
