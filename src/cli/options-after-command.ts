import type { Command } from 'commander';

/** The options every command takes that may also be given before it: `--locale sv|en` and `--json`. */
const PROGRAM_WIDE = new Set(['--locale', '--json']);

/**
 * `argv` with the `--locale` and `--json` given before the command (`email-guard --locale sv holds
 * list`) moved to just after it (`holds list --locale sv`), where the command declares them:
 * commander reads an option only on the command that declares it, and the program declares
 * neither, so before the command they were unknown or ended the parse at the program's help. Where
 * no command follows, `argv` is answered as given.
 */
export function optionsAfterCommand(argv: readonly string[], program: Command): string[] {
  const moved: string[] = [];
  let index = 0;
  for (; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const name = arg.split('=', 1)[0] ?? '';
    if (!PROGRAM_WIDE.has(name)) break;
    moved.push(arg);
    // `--locale sv`: the value is the next word (`--locale=sv` carries its own).
    if (name === '--locale' && !arg.includes('=') && index + 1 < argv.length) moved.push(argv[++index] ?? '');
  }
  if (moved.length === 0) return [...argv];
  let command = program;
  let end = index;
  for (; end < argv.length; end++) {
    const word = argv[end];
    const sub = command.commands.find((each) => each.name() === word || each.aliases().includes(word ?? ''));
    if (!sub) break;
    command = sub;
  }
  if (command === program) return [...argv];
  return [...argv.slice(index, end), ...moved, ...argv.slice(end)];
}
