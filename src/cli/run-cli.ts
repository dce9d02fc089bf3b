import { type Argument, Command, CommanderError, Help, type Option } from 'commander';
import { isEmailGuardError } from '../errors.js';
import { auditCommand } from './audit-command.js';
import { checkCommand } from './check-command.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { customersCommand } from './customers-command.js';
import { escapeControls, inOneLine } from './escape-controls.js';
import { CliFailure, exitCodes } from './exit-codes.js';
import { holdsCommand } from './holds-command.js';
import { incidentCommand } from './incident-command.js';
import { optionsAfterCommand } from './options-after-command.js';
import { type CommandContext, problemLines, processContext } from './program-context.js';
import { serveCommand } from './serve-command.js';
import { swedishHelp } from './swedish-help.js';
import { WriteFailure } from './write-failure.js';

/**
 * The `email-guard` program with every command: their options and help only. Each command imports
 * its work when it runs (`check.ts`, `audit.ts`, ...), so `--help` and each command load only what
 * they need.
 */
export function createProgram(context: CommandContext, locale: CliLocale = 'en'): Command {
  const usage = cliTexts[locale].usage;
  const program = new Command('email-guard')
    .description(
      'Find the bad addresses in a customer base and in sent mail, review held messages, file an incident.',
    )
    .addHelpText('after', cliTexts[locale].commandHelp.program)
    .showHelpAfterError(usage.helpAfterError);
  program.addCommand(checkCommand(context, locale));
  program.addCommand(customersCommand(context, locale));
  program.addCommand(holdsCommand(context, locale));
  program.addCommand(auditCommand(context, locale));
  program.addCommand(incidentCommand(context, locale));
  program.addCommand(serveCommand(context, locale));
  // Every command exits through runCli, with the documented codes, instead of commander's own, and
  // writes its usage errors where the command's other lines go, in the language asked for.
  const override = (command: Command) => {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => context.out(text),
      // Help written to stderr (a command given without its subcommand) is lines of its own.
      writeErr: (text) => {
        for (const line of text.replace(/\n$/, '').split('\n')) context.warn(line);
      },
      // An error quotes the command line (`unknown option '--x'`): one line, whatever it holds.
      outputError: (text, write) => write(`${inOneLine(text.replace(/\n$/, ''))}\n`),
    });
    if (locale !== 'en') {
      localiseUsageErrors(command, usage, cliTexts[locale].help.argumentNames);
      localiseHelp(command, cliTexts[locale].help);
    }
    if (command.commands.length === 0) unknownOptionsFirst(command);
    // A usage error ends with how the command that refused it is used, not the program's.
    if (command.parent) command.showHelpAfterError(usageHint(command, locale));
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
    ...printable(context),
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const locale = localeIn(argv);
  // Commander keeps the last of a repeated option: a second --out would silently win over the first.
  const options = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  if (options.filter((arg) => arg === '--out' || arg.startsWith('--out=')).length > 1) {
    withCode.warn(`email-guard: ${cliTexts[locale].usage.outTwice}`);
    return exitCodes.usage;
  }
  const program = createProgram(withCode, locale);
  try {
    await program.parseAsync(optionsAfterCommand(argv, program), { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end the program normally; anything else commander refused is a usage error
      // (commander has printed it already).
      if (error.exitCode === 0) return exitCodes.ok;
      return exitCodes.usage;
    }
    if (error instanceof CliFailure) {
      withCode.warn(`email-guard: ${error.message}`);
      return error.exitCode;
    }
    // A report or draft that cannot be written: one line naming it and why, never a stack trace.
    if (error instanceof WriteFailure) {
      withCode.warn(`email-guard: ${cliTexts[locale].cannotWrite(error.path, error.code)}`);
      return exitCodes.unreadable;
    }
    if (isEmailGuardError(error)) {
      withCode.warn(`email-guard: ${error.message}`);
      return error.code === 'INVALID_INPUT' ? exitCodes.usage : exitCodes.unreadable;
    }
    // A failure of the program itself: its message on one line, then where it happened, a frame a line.
    const message = error instanceof Error ? error.message : String(error);
    withCode.warn(`email-guard: ${message}`);
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    for (const frame of stack.split('\n').filter((line) => /^\s+at /.test(line))) withCode.warn(frame);
    return 70;
  }
}

/**
 * The context every command writes through: whatever it prints passes here, so nothing taken from
 * input reaches a terminal raw (escape-controls.ts), and each line of standard error is one line
 * (file, line, reason), a line break from input in it shown as `\x0a` rather than starting a line
 * that would read as another message of the command's own.
 */
function printable(context: CommandContext): CommandContext {
  const warn = (line: string) => context.warn(inOneLine(line));
  return {
    ...context,
    out: (text) => context.out(escapeControls(text)),
    warn,
    confirm: (question) => context.confirm(inOneLine(question)),
    reportProblems: (file, problems, locale) => {
      for (const line of problemLines(file, problems, locale)) warn(line);
    },
  };
}

/**
 * The `--locale` the command line asks for, read before commander parses it: a usage error is
 * reported before any option is parsed, and must already be in that language.
 */
export function localeIn(argv: readonly string[]): CliLocale {
  let locale: CliLocale = 'en';
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') break;
    const value =
      arg === '--locale' ? argv[index + 1] : arg.startsWith('--locale=') ? arg.slice(9) : undefined;
    if (value === 'sv' || value === 'en') locale = value;
  }
  return locale;
}

/**
 * Gives `command`'s help its headings and the help option's description in another language:
 * commander 14 passes each heading ('Usage:', 'Options:', ...) through `Help.styleTitle`
 * (lib/help.js), and the help option and command take their description as an argument.
 */
function localiseHelp(command: Command, help: (typeof cliTexts)[CliLocale]['help']): void {
  const titles: Readonly<Record<string, string>> = help.titles;
  const words = (text: string) => swedishHelp[text] ?? text;
  // commander writes "[options]" and "[command]" into the usage line and into each line of the
  // command list (lib/help.js commandUsage, subcommandTerm).
  const placeholders = (text: string) =>
    names(
      text.replace(/\[options\]|\[command\]/g, (part) =>
        part === '[options]' ? help.optionsPlaceholder : help.commandPlaceholder,
      ),
    );
  // The names of arguments and option values (`<address>`), in the usage line and the terms.
  const names = (text: string) =>
    text.replace(/<[a-z-]+(\.\.\.)?>/g, (name) => help.argumentNames[name] ?? name);
  command.configureHelp({
    styleTitle: (title) => titles[title] ?? title,
    commandUsage: (cmd) => placeholders(Help.prototype.commandUsage.call(cmd.createHelp(), cmd)),
    subcommandTerm: (cmd) => placeholders(Help.prototype.subcommandTerm.call(cmd.createHelp(), cmd)),
    optionTerm: (option) => names(Help.prototype.optionTerm.call(command.createHelp(), option)),
    argumentTerm: (argument) => {
      const term = Help.prototype.argumentTerm.call(command.createHelp(), argument);
      return help.argumentNames[`<${term}>`]?.slice(1, -1) ?? term;
    },
    commandDescription: (cmd) => words(cmd.description()),
    subcommandDescription: (cmd) => words(cmd.summary() || cmd.description()),
    argumentDescription: (argument) => words(argument.description),
    // commander adds "(choices: …, default: …)" in English (lib/help.js optionDescription).
    optionDescription: (option) =>
      Help.prototype.optionDescription
        .call(
          command.createHelp(),
          Object.assign(Object.create(option), { description: words(option.description) }),
        )
        .replace(/\((choices|default): /g, (_, word) => `(${word === 'choices' ? 'värden' : 'förval'}: `)
        .replace(/, default: /g, ', förval: '),
  });
  command.helpOption('-h, --help', help.helpOption);
  if (command.commands.length > 0) command.helpCommand(`help ${help.commandPlaceholder}`, help.helpCommand);
}

/**
 * The line after a command's usage error: its usage line (`email-guard audit [options] <sent-mail>`,
 * in the words of its --help) and where more is said.
 */
function usageHint(command: Command, locale: CliLocale): string {
  const path: string[] = [];
  for (let each: Command | null = command; each; each = each.parent) path.unshift(each.name());
  const { argumentNames, optionsPlaceholder, commandPlaceholder } = cliTexts[locale].help;
  const usage = command
    .usage()
    .replace(/\[options\]|\[command\]/g, (part) =>
      part === '[options]' ? optionsPlaceholder : commandPlaceholder,
    )
    .replace(/<[a-z-]+(\.\.\.)?>/g, (name) => argumentNames[name] ?? name);
  return cliTexts[locale].usageHint(`${path.join(' ')} ${usage}`);
}

/** What a leaf command's `parseOptions` left unknown, kept for `unknownOptionsFirst`. */
interface UnknownOptionsFirst {
  parseOptions(args: string[]): { operands: string[]; unknown: string[] };
  _checkForMissingMandatoryOptions(): void;
  unknownOption(flag: string): void;
}

/**
 * Makes `command` name an unknown option before a required one it lacks: commander 14 checks the
 * required options first (lib/command.js `_parseCommand`), so `audit sent/ --customer x.csv` said
 * that `--customers` must be given, and a typo was reported as a missing value. The check is the
 * one commander makes after it (`unknownOption(parsed.unknown[0])`), moved ahead.
 */
function unknownOptionsFirst(command: Command): void {
  const methods = command as unknown as UnknownOptionsFirst;
  const parseOptions = methods.parseOptions.bind(command);
  const checkMandatory = methods._checkForMissingMandatoryOptions.bind(command);
  let unknown: string[] = [];
  methods.parseOptions = (args) => {
    const parsed = parseOptions(args);
    unknown = parsed.unknown;
    return parsed;
  };
  methods._checkForMissingMandatoryOptions = () => {
    const first = unknown[0];
    if (first !== undefined) methods.unknownOption(first);
    checkMandatory();
  };
}

/** The command methods that word commander's usage errors (commander 14 lib/command.js). */
interface UsageErrorMethods {
  unknownOption(flag: string): void;
  unknownCommand(): void;
  missingArgument(name: string): void;
  optionMissingArgument(option: Option): void;
  missingMandatoryOptionValue(option: Option): void;
  _excessArguments(received: readonly string[]): void;
  _callParseArg(target: Option | Argument, value: string, previous: unknown, message: string): unknown;
}

/**
 * Gives `command` its usage errors in another language: commander words them in English inside
 * these methods, each of which ends in `command.error(message, { code })` (its documented way out),
 * so each is given again with the same code and the message from the catalogue.
 */
function localiseUsageErrors(
  command: Command,
  usage: (typeof cliTexts)[CliLocale]['usage'],
  argumentNames: Readonly<Record<string, string>>,
): void {
  const fail = (message: string, code: string) =>
    command.error(`${usage.prefix}: ${message}`, { code: `commander.${code}` });
  // The value names in the same words as the help's (`--store <mapp>`, the argument `adress`).
  const flags = (text: string) => text.replace(/<[a-z-]+(\.\.\.)?>/g, (name) => argumentNames[name] ?? name);
  const argument = (name: string) => argumentNames[`<${name}>`]?.slice(1, -1) ?? name;
  const methods: UsageErrorMethods = {
    unknownOption: (flag) => fail(usage.unknownOption(flag, ''), 'unknownOption'),
    unknownCommand: () => fail(usage.unknownCommand(command.args[0] ?? '', ''), 'unknownCommand'),
    missingArgument: (name) => fail(usage.missingArgument(argument(name)), 'missingArgument'),
    optionMissingArgument: (option) =>
      fail(usage.optionMissingArgument(flags(option.flags)), 'optionMissingArgument'),
    missingMandatoryOptionValue: (option) =>
      fail(usage.missingMandatoryOption(flags(option.flags)), 'missingMandatoryOptionValue'),
    _excessArguments: (received) =>
      fail(
        usage.excessArguments(
          command.registeredArguments.length,
          received.length,
          command.parent ? command.name() : '',
        ),
        'excessArguments',
      ),
    // An option or argument value outside its choices (`incident --format pdf`): commander words it
    // in English in Option.parseArg and adds its own English prefix in _callParseArg.
    _callParseArg: (target, value, previous, message) => {
      try {
        return target.parseArg?.(value, previous);
      } catch (error) {
        if (!(error instanceof CommanderError) || error.code !== 'commander.invalidArgument') throw error;
        const choices = target.argChoices;
        const name = 'flags' in target ? flags(target.flags) : `<${argument(target.name())}>`;
        return choices && !choices.includes(value)
          ? fail(usage.invalidChoice(value, name, choices.join(', ')), 'invalidArgument')
          : fail(`${message} ${error.message}`, 'invalidArgument');
      }
    },
  };
  Object.assign(command, methods);
}
