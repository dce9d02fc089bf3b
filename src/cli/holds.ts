import { extractAddress } from '../address/extract-address.js';
import { INVALID_REASONS } from '../address/invalid-reason-texts.js';
import { parseAddress } from '../address/parse-address.js';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import {
  HeldMessageClaimedError,
  isEmailGuardError,
  MessageHeldError,
  SmtpUtf8NotAnnouncedError,
} from '../errors.js';
import { createGuard } from '../guard/create-guard.js';
import { type FindingFacts, messageFor } from '../guard/messages.js';
import type { Finding, Verdict } from '../guard/verdict.js';
import { discardAndRecord } from '../nodemailer/discard-and-record.js';
import { heldAge as age } from '../nodemailer/held-age.js';
import type { HeldMessage, HoldStoreProblem } from '../nodemailer/hold-store.js';
import { nodemailerGuard } from '../nodemailer/nodemailer-guard.js';
import { probablyWrong } from '../nodemailer/probably-wrong.js';
import { comparableAddress, stoppedWhenHeld } from '../nodemailer/stopped-when-held.js';
import { checkTimeZone } from './check-time-zone.js';
import { type CliLocale, type CliTexts, cliTexts } from './cli-texts.js';
import { codeAfterWords, codeWithName, codeWithNameInList } from './code-with-name.js';
import { escapeControls, inOneLine } from './escape-controls.js';
import { CliFailure, exitCodes, unreadableFailure, usageFailure } from './exit-codes.js';
import { formatSentDate } from './format-sent-date.js';
import { type HoldStoreFlags, type OpenedHoldStore, openHoldStore } from './open-hold-store.js';
import { parseColumns } from './parse-columns.js';
import type { CommandContext } from './program-context.js';
import { readCustomers } from './read-customers.js';
import { refuseFewerCustomers } from './refuse-fewer-customers.js';
import { refuseWithoutCustomer } from './refuse-without-customer.js';

/** The options every `holds` subcommand takes: the store (`--store` or `--database`), and how to print. */
export interface StoreFlags extends HoldStoreFlags {
  readonly json?: boolean;
  /** The IANA zone `list` and `show` write dates in under `sv` (`--time-zone`; default Europe/Stockholm). */
  readonly timeZone?: string;
}

export interface ReleaseFlags extends StoreFlags {
  readonly by: string;
  readonly reason: string;
  readonly to?: string[];
  readonly confirmNew?: boolean;
  readonly sendDespiteBlock?: boolean;
  /** The CRM export, with `--store`; with `--database` its directory is used. */
  readonly customers?: string;
  /** `--columns id=Kundnr,email=E-post` (parse-columns.ts). */
  readonly columns?: string;
  /** Check against an export of fewer customers than the holding check knew (refuse-fewer-customers.ts). */
  readonly fewerCustomers?: boolean;
  readonly smtp: string;
  readonly force?: boolean;
}

export interface DiscardFlags extends StoreFlags {
  readonly yes?: boolean;
  readonly by: string;
  readonly reason: string;
  /** Discard an entry left releasing by a process that stopped mid-send. */
  readonly force?: boolean;
}

/** Runs `work` on the store the flags name, and closes it after (a database's pool, so the command ends). */
async function withHoldStore<T>(
  flags: StoreFlags,
  work: (opened: OpenedHoldStore) => Promise<T>,
): Promise<T> {
  const opened = await openHoldStore(flags);
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/**
 * The holds whose release was started and never ended, by the audit log; a log that cannot be read
 * is said on standard error (`warn`, for list and show), and then no release is shown in doubt. A
 * release says nothing of it: it cannot log its start there either, and so sends nothing.
 */
async function releasesInDoubt(
  opened: OpenedHoldStore,
  flags: StoreFlags,
  context: CommandContext,
  warn = true,
): Promise<Set<string>> {
  try {
    return await opened.releasesInDoubt();
  } catch (error) {
    if (warn)
      context.warn(`${opened.auditLogName}: ${cliTexts[flags.locale].cannotBeRead(whyFailed(error))}`);
    return new Set();
  }
}

/**
 * Why a store or log failed, in a few words: a file's system code (ENOENT), else the deepest cause
 * email-guard explained (a PostgreSQL log's "could not be reached"), else its message.
 */
function whyFailed(error: unknown): string {
  let reason: unknown = error;
  while (isEmailGuardError(reason) && isEmailGuardError((reason as { cause?: unknown }).cause))
    reason = (reason as { cause?: unknown }).cause;
  if (isEmailGuardError(reason)) {
    const cause = (reason as { cause?: NodeJS.ErrnoException }).cause;
    // A system code (EROFS) says it; a SQLSTATE (five characters, digits among them: 42P01,
    // PostgreSQL manual Appendix A) does not, and the store's message explains it instead.
    return typeof cause?.code === 'string' && !/^(?=.*\d)[0-9A-Z]{5}$/.test(cause.code)
      ? cause.code
      : reason.message;
  }
  return String((reason as NodeJS.ErrnoException | undefined)?.code ?? (reason as Error)?.message ?? reason);
}

/**
 * The answer when another release or discard of the message holds it (the store says when it
 * began): a refusal (1), as the message is there and this command did nothing; undefined for any
 * other error.
 */
function underWay(
  error: unknown,
  flags: StoreFlags & { readonly force?: boolean },
  command: 'release' | 'discard',
): CliFailure | undefined {
  if (!(error instanceof HeldMessageClaimedError)) return undefined;
  const began =
    error.claimedAt === undefined ? undefined : formatSentDate(error.claimedAt, flags.locale, flags.timeZone);
  // With --force the store refused because the process that holds the message is still running
  // (its lock's process on this host, or its PostgreSQL session): --force again would not help.
  const line = flags.force
    ? cliTexts[flags.locale].holds.forceRefused
    : cliTexts[flags.locale].holds.underWay;
  return new CliFailure(line(error.holdId, began, command), exitCodes.findings);
}

/**
 * The held message, or "not found" (exit code 3, as docs/cli.md's table has it for input that is not
 * there): an id of a form the store never gives out is not in it either.
 */
async function findHeld(opened: OpenedHoldStore, flags: StoreFlags, id: string) {
  const held = await opened.store.get(id).catch((error: unknown) => {
    if (isEmailGuardError(error, 'INVALID_INPUT')) return undefined;
    throw error;
  });
  if (!held) throw unreadableFailure(`${opened.name}: ${cliTexts[flags.locale].holds.noMessage(id)}`);
  return held;
}

/** A held message's verdict as its state ("stoppat"), in the words of `locale`. */
function messageState(action: Verdict['action'], locale: CliLocale): string {
  return cliTexts[locale].holds.messageStates[action] ?? action;
}

/** A recipient's verdict, or a finding's action on it, as the recipient's state ("stoppad"). */
function recipientState(action: Verdict['action'], locale: CliLocale): string {
  return cliTexts[locale].holds.recipientStates[action] ?? action;
}

/**
 * The codes of the findings that held a recipient (all but those that would send), each with its
 * name, for a list in parentheses.
 */
function holdingCodes(verdict: Verdict, locale: CliLocale): string[] {
  return verdict.findings
    .filter((finding) => finding.action !== 'send')
    .map(({ code }) => codeWithNameInList(code, locale));
}

function recipientLine(recipient: HeldMessage['recipients'][number], locale: 'sv' | 'en'): string {
  const { verdict } = recipient;
  const suggestion = verdict.suggestion ? ` -> ${inOneLine(verdict.suggestion)}` : '';
  const field = cliTexts[locale].holds.fields[recipient.field] ?? recipient.field;
  // The codes behind a verdict other than send: "confirm" alone does not say that the address is
  // another customer's, which is what the person releasing it has to weigh.
  const codes = holdingCodes(verdict, locale);
  const why = verdict.action !== 'send' && codes.length > 0 ? ` (${codes.join(', ')})` : '';
  return `${field}: ${inOneLine(recipient.address)} ${recipientState(verdict.action, locale)}${suggestion}${why}`;
}

/**
 * A finding's message in the chosen language: it was written in the language of the check that held
 * the message, and its facts are stored with it (`messageFor` writes it again from them).
 */
function findingMessage(finding: Finding, locale: 'sv' | 'en'): string {
  const { message: written, ...facts } = finding;
  try {
    return messageFor(facts as FindingFacts, locale);
  } catch {
    return written;
  }
}

/** The Subject and Date of a raw message (encoded words decoded), for showing which message it is. */
async function subjectAndDate(raw: Buffer): Promise<{ subject?: string; date?: string }> {
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  return {
    ...(parsed.subject !== undefined ? { subject: parsed.subject } : {}),
    ...(parsed.date !== undefined ? { date: parsed.date.toISOString() } : {}),
  };
}

/**
 * An entry of the store that cannot be listed: in the words of the language where it has them, the
 * code after them; in English the code, then the store's own message.
 */
function storeProblemLine(
  problem: { file: string; code: string; message: string },
  words: string | undefined,
): string {
  return words === undefined
    ? `${problem.file}: ${problem.code}: ${problem.message}`
    : `${problem.file}: ${codeAfterWords(problem.code, words)}`;
}

/** `holds list`: every held message, oldest first. */
export async function listHeld(flags: StoreFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  checkTimeZone(flags.timeZone, flags.locale);
  const { held, inDoubt, problems } = await withHoldStore(flags, async (opened) => {
    const held = await opened.store.list();
    const inDoubt = await releasesInDoubt(opened, flags, context);
    const problems = await opened.problems();
    for (const problem of problems) context.warn(storeProblemLine(problem, text.problems?.[problem.code]));
    return { held, inDoubt, problems };
  });
  if (flags.json) {
    context.out(
      `${JSON.stringify(
        [
          ...held.map((entry) => ({
            ...entry,
            age: age(entry.heldAt),
            ...(inDoubt.has(entry.id) ? { releaseInDoubt: true } : {}),
          })),
          ...problems.map(({ id, file, code, message }) => ({ id, file, error: { code, message } })),
        ],
        null,
        2,
      )}\n`,
    );
  } else if (problems.length > 0 && held.length === 0) {
    context.out(`${unreadableLine(problems, flags.locale)}\n`);
  } else if (held.length === 0) {
    context.out(`${text.none}\n`);
  } else {
    const width = Math.max(...Object.values(text.messageStates).map((word) => word.length));
    const lines = held.map((entry) =>
      [
        entry.id,
        formatSentDate(entry.heldAt, flags.locale, flags.timeZone),
        age(entry.heldAt).padStart(7),
        messageState(entry.action, flags.locale).padEnd(width),
        inDoubt.has(entry.id) ? text.inDoubt : entry.state === 'releasing' ? text.releasingFlag : '',
        `${text.customer} ${inOneLine(entry.customerId ?? '-')}`,
        entry.recipients.map((recipient) => recipientLine(recipient, flags.locale)).join('; '),
      ]
        .filter(Boolean)
        .join('  '),
    );
    if (problems.length > 0) lines.push(unreadableLine(problems, flags.locale));
    context.out(`${lines.join('\n')}\n`);
  }
  // An entry that cannot be read may be a held message no one sees: 3, as for input that cannot
  // be read, so a monitoring job that reads the exit code does not take it for an empty store.
  context.setExitCode(
    problems.length > 0 ? exitCodes.unreadable : held.length > 0 ? exitCodes.findings : exitCodes.ok,
  );
}

/** The entries `list` cannot read, counted and named with their codes, for standard output. */
function unreadableLine(problems: readonly HoldStoreProblem[], locale: CliLocale): string {
  return cliTexts[locale].holds.unreadableEntries(
    problems.length,
    problems.map(({ id, code }) => `${inOneLine(id)} (${code})`).join(', '),
  );
}

/** `holds show ID`: one held message, every recipient with its findings. */
export async function showHeld(id: string, flags: StoreFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  checkTimeZone(flags.timeZone, flags.locale);
  const { raw, held, inDoubt } = await withHoldStore(flags, async (opened) => {
    const { raw, ...held } = await findHeld(opened, flags, id);
    return { raw, held, inDoubt: (await releasesInDoubt(opened, flags, context)).has(id) };
  });
  const { subject, date } = await subjectAndDate(raw).catch(() => ({
    subject: undefined,
    date: undefined,
  }));
  if (flags.json) {
    context.out(
      `${JSON.stringify({ ...held, age: age(held.heldAt), subject, date, ...(inDoubt ? { releaseInDoubt: true } : {}) }, null, 2)}\n`,
    );
    return;
  }
  const width = Math.max(...Object.values(text.labels).map((label) => label.length)) + 3;
  const label = (key: keyof typeof text.labels) => `${text.labels[key]}:`.padEnd(width);
  const lines = [
    `${label('id')}${held.id}`,
    `${label('held')}${text.heldFor(formatSentDate(held.heldAt, flags.locale, flags.timeZone), age(held.heldAt), messageState(held.action, flags.locale), held.state === 'releasing')}`,
    ...(inDoubt ? [text.inDoubt] : []),
    `${label('customer')}${inOneLine(held.customerId ?? '-')}`,
    `${label('message')}${inOneLine(held.messageId ?? '-')}, ${held.size} ${text.bytes}`,
    `${label('subject')}${inOneLine(subject ?? '-')}`,
    `${label('date')}${date === undefined ? '-' : formatSentDate(date, flags.locale, flags.timeZone)}`,
    `${label('envelope')}${inOneLine(held.envelope.from ?? '-')} -> ${inOneLine(held.envelope.to.join(', '))}`,
  ];
  if (held.customerLookup) {
    const { reason } = held.customerLookup;
    const words = text.lookupReasons?.[reason];
    lines.push(`${label('lookup')}${codeAfterWords(reason, words)}`);
  }
  const stateWidth = Math.max(...Object.values(text.recipientStates).map((word) => word.length));
  for (const recipient of held.recipients) {
    lines.push('', recipientLine(recipient, flags.locale));
    for (const finding of recipient.verdict.findings)
      lines.push(
        `  ${recipientState(finding.action, flags.locale).padEnd(stateWidth)} ${codeWithName(finding.code, flags.locale)}: ${inOneLine(findingMessage(finding, flags.locale))}`,
      );
  }
  context.out(`${lines.join('\n')}\n`);
}

/** `holds release ID`: sends it, corrected, through the guard again. */
export async function releaseHeld(id: string, flags: ReleaseFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  refuseUnreadableRecipients(flags.to ?? [], flags.locale);
  if (flags.database !== undefined && flags.customers !== undefined)
    throw usageFailure(text.customersOrDatabase);
  if (flags.database === undefined && flags.customers === undefined && flags.store !== undefined)
    throw usageFailure(text.customersNeeded);
  await withHoldStore(flags, (opened) => releaseFrom(opened, id, flags, context));
}

/** The customers a release checks the recipients against: the database's directory, or the export. */
async function releaseDirectory(
  opened: OpenedHoldStore,
  held: HeldMessage,
  flags: ReleaseFlags,
  context: CommandContext,
): Promise<Directory | AsyncDirectory> {
  const text = cliTexts[flags.locale].holds;
  if (opened.directory) {
    if (held.customerId !== undefined && (await opened.directory.get(held.customerId)) === undefined)
      throw new CliFailure(
        `${text.staysHeld(held.id)}: ${text.noCustomerInDatabase(held.customerId, opened.name)}`,
        exitCodes.findings,
      );
    return opened.directory;
  }
  const file = flags.customers ?? '';
  const customers = await readCustomers(
    file,
    context.progress(flags.locale),
    flags.locale,
    parseColumns(flags.columns, flags.locale),
  );
  context.reportProblems(file, customers.problems, flags.locale);
  refuseFewerCustomers(held, customers.directory.size, file, flags);
  // Checked against an export without the customer, every recipient is a failed lookup: say so,
  // rather than ask for a corrected address that could not pass either.
  if (held.customerId !== undefined && !customers.directory.has(held.customerId))
    throw new CliFailure(
      `${text.staysHeld(held.id)}: ${text.noCustomer(held.customerId, file)}`,
      exitCodes.findings,
    );
  return customers.directory;
}

async function releaseFrom(
  opened: OpenedHoldStore,
  id: string,
  flags: ReleaseFlags,
  context: CommandContext,
): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  const store = opened.store;
  const held = await findHeld(opened, flags, id);
  // Started and never ended: the message may be with the recipient already (docs/cli.md).
  if (!flags.force && (await releasesInDoubt(opened, flags, context, false)).has(id))
    throw usageFailure(text.needsForce(id));
  refuseWithoutCustomer(held, flags);
  if (held.action === 'block' && !flags.to?.length)
    throw usageFailure(
      text.needsTo(
        id,
        held.recipients
          .filter((recipient) => recipient.verdict.action === 'block')
          .map((recipient) => recipientLine(recipient, flags.locale))
          .join('; '),
      ),
    );
  const stands = heldStops(held, flags.to);
  if (stands.length > 0 && !flags.sendDespiteBlock)
    throw new CliFailure(
      `${text.staysHeld(id)}: ${text.heldFindingStands(stoppedList(stands, flags.locale))}`,
      exitCodes.findings,
    );
  const directory = await releaseDirectory(opened, held, flags, context);
  const { default: nodemailer } = await import('nodemailer');
  let transporter: ReturnType<typeof nodemailer.createTransport>;
  try {
    transporter = nodemailer.createTransport(flags.smtp);
  } catch (error) {
    throw usageFailure(cliTexts[flags.locale].smtp.notUsable((error as Error).message));
  }
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ directory, locale: flags.locale }),
      holdStore: store,
      // Committed (a file's flushed to the disk) before the send: the start of a release must survive a power cut too.
      auditLog: opened.auditLog(),
    }),
  );
  try {
    const result = await store.release(id, transporter, {
      by: flags.by,
      reason: flags.reason,
      ...(flags.to?.length ? { to: flags.to } : {}),
      ...(flags.confirmNew ? { confirmNew: true } : {}),
      ...(flags.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
      ...(flags.force ? { force: true } : {}),
    });
    if (flags.json)
      context.out(
        `${JSON.stringify({ id: result.id, messageId: result.messageId, envelope: result.envelope }, null, 2)}\n`,
      );
    else context.out(`${text.released(id, inOneLine(result.envelope.to.join(', ')))}\n`);
  } catch (error) {
    if (
      isEmailGuardError(error, 'RECIPIENT_BLOCKED') ||
      isEmailGuardError(error, 'RECIPIENT_NEEDS_CONFIRMATION')
    )
      throw new CliFailure(
        `${text.staysHeld(id)}: ${text.refusal && error instanceof MessageHeldError ? refused(error, flags.locale, text.refusal) : inOneLine(withoutRefusal(error.message))}`,
        exitCodes.findings,
      );
    if (error instanceof SmtpUtf8NotAnnouncedError)
      throw usageFailure(
        `${text.staysHeld(id)}: ${text.noSmtpUtf8(serverName(flags.smtp), error.addresses.join(', '))}`,
      );
    if (isEmailGuardError(error, 'INVALID_INPUT')) throw usageFailure(error.message);
    // The start of the release could not be logged, so it was not sent (fail closed): 3, the log is
    // output that cannot be written, as an unreadable input is.
    if (isEmailGuardError(error, 'AUDIT_LOG_FAILED'))
      throw new CliFailure(
        text.auditLogUnwritable(id, opened.auditLogName, whyFailed(error)),
        exitCodes.unreadable,
      );
    const busy = underWay(error, flags, 'release');
    if (busy) throw busy;
    // The store's own refusals (already released or discarded): not there (3).
    if (isEmailGuardError(error))
      throw new CliFailure(`${text.staysHeld(id)}: ${inOneLine(error.message)}`, exitCodes.unreadable);
    // The transport's failure (server unreachable, mail refused): not unreadable input (3).
    throw new CliFailure(
      `${text.staysHeld(id)}: ${text.notSent(serverName(flags.smtp), inOneLine((error as Error).message))}`,
      exitCodes.notSent,
    );
  } finally {
    transporter.close();
  }
}

/**
 * The held recipients a release would still send to (the held ones, or those `--to` names again)
 * that the check which held the message blocked or found to be another customer's address. The
 * check at release runs against the customers given then, and an export that is out of date or
 * filtered lacks the other customer: what it does not know cannot clear what was known. So these
 * go out only with --send-despite-block; --confirm-new answers `unverified-address` alone, and a
 * `confirm` for anything else is answered by the release itself (docs/cli.md, holds release).
 */
function heldStops(held: HeldMessage, to: readonly string[] | undefined): HeldMessage['recipients'] {
  const going = new Set(
    (to?.length ? to : held.recipients.map((recipient) => recipient.address)).map(comparableAddress),
  );
  return stoppedWhenHeld(held.recipients).filter(({ address }) => going.has(comparableAddress(address)));
}

/** Each recipient stopped, quoted, with its state and the codes that held it: `"x@y" confirm (…)`. */
function stoppedList(recipients: HeldMessage['recipients'], locale: CliLocale): string {
  return recipients
    .map(
      (recipient) =>
        `${escapeControls(JSON.stringify(recipient.address))} ${recipientState(recipient.verdict.action, locale)} (${holdingCodes(recipient.verdict, locale).join('; ')})`,
    )
    .join(', ');
}

/**
 * Refuses a `--to` that is not one plain address, by its place on the command line and as typed:
 * the store would refuse it too, naming its own field (`options.to.1`) in English.
 */
function refuseUnreadableRecipients(to: readonly string[], locale: CliLocale): void {
  for (const [index, given] of to.entries()) {
    const parsed = parseAddress(given);
    if (parsed.ok) continue;
    throw usageFailure(
      cliTexts[locale].holds.notOneAddress(
        index + 1,
        escapeControls(JSON.stringify(given)),
        INVALID_REASONS[locale][parsed.reason],
        extractAddress(given),
      ),
    );
  }
}

/**
 * The library's refusal without its opening ("Release of ID refused, the message stays held: ", or
 * the pipeline's "Not sent, the message stays held: "):
 * the line already begins "ID stays held", and says it once.
 */
function withoutRefusal(message: string): string {
  return message.replace(
    /^(?:Release of \S+ refused, the message stays held|Not sent, the message stays held): /,
    '',
  );
}

/** The SMTP URL as it can be printed: without its password. */
function serverName(smtp: string): string {
  try {
    const url = new URL(smtp);
    url.password = '';
    url.username = '';
    url.search = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '--smtp';
  }
}

/**
 * Why a release was refused, in the catalogue's words (`refusal`), where the library's error, in
 * English, would be: the same recipients and finding codes.
 */
function refused(
  error: MessageHeldError<HeldMessage['recipients'][number]>,
  locale: CliLocale,
  refusal: NonNullable<CliTexts['holds']['refusal']>,
): string {
  const held = error.recipients.filter((recipient) => recipient.verdict.action !== 'send');
  const stopped = stoppedList(held, locale);
  if (error.code === 'RECIPIENT_NEEDS_CONFIRMATION') return refusal.needsConfirmation(stopped);
  const doubted = held.flatMap(({ verdict }) => (verdict.action === 'confirm' ? probablyWrong(verdict) : []));
  // A correction probably not the customer's, and neither blocked nor another customer's address.
  if (doubted.length > 0 && stoppedWhenHeld(held).length === 0)
    return refusal.probablyWrong(
      stopped,
      doubted.map((finding) => findingMessage(finding, locale)).join('; '),
    );
  // Refused for a verdict of block, or (judged confirm) for being another customer's address.
  return held.some((recipient) => recipient.verdict.action === 'block')
    ? refusal.blocked(stopped)
    : refusal.otherCustomer(stopped);
}

/** `holds discard ID`: removes it unsent, after asking on a terminal. */
export async function discardHeld(id: string, flags: DiscardFlags, context: CommandContext): Promise<void> {
  await withHoldStore(flags, (opened) => discardFrom(opened, id, flags, context));
}

async function discardFrom(
  opened: OpenedHoldStore,
  id: string,
  flags: DiscardFlags,
  context: CommandContext,
): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  const held = await findHeld(opened, flags, id);
  if (!flags.yes) {
    if (!context.interactive) throw usageFailure(text.noOneToConfirm(id));
    const sure = await context.confirm(
      text.question(id, messageState(held.action, flags.locale), inOneLine(held.envelope.to.join(', '))),
    );
    if (!sure) {
      // Nothing was done, as for a refused release (docs/cli.md, exit codes): a script sees it.
      context.out(`${text.kept(id)}\n`);
      context.setExitCode(exitCodes.findings);
      return;
    }
  }
  let removed: HeldMessage | undefined;
  try {
    // Logged before the message goes (fail closed): a discard no one can account for is not made.
    removed = await discardAndRecord(opened.store, opened.auditLog(), id, {
      by: flags.by,
      reason: flags.reason,
      where: 'command-line',
      ...(flags.force ? { force: true } : {}),
    });
  } catch (error) {
    if (isEmailGuardError(error, 'AUDIT_LOG_FAILED'))
      throw new CliFailure(
        text.discardUnlogged(id, opened.auditLogName, whyFailed(error)),
        exitCodes.unreadable,
      );
    const busy = underWay(error, flags, 'discard');
    if (busy) throw busy;
    if (isEmailGuardError(error))
      throw new CliFailure(`${text.staysHeld(id)}: ${inOneLine(error.message)}`, exitCodes.unreadable);
    throw error;
  }
  if (!removed) throw unreadableFailure(`${opened.name}: ${text.noMessage(id)}`);
  context.out(`${text.discarded(id)}\n`);
}
