import { stat } from 'node:fs/promises';
import { extractAddress } from '../address/extract-address.js';
import { INVALID_REASONS } from '../address/invalid-reason-texts.js';
import { parseAddress } from '../address/parse-address.js';
import {
  HeldMessageClaimedError,
  isEmailGuardError,
  MessageHeldError,
  SmtpUtf8NotAnnouncedError,
} from '../errors.js';
import { createGuard } from '../guard/create-guard.js';
import { type FindingFacts, messageFor } from '../guard/messages.js';
import type { Finding, Verdict } from '../guard/verdict.js';
import { createFileHoldStore, type FileHoldStore } from '../nodemailer/create-file-hold-store.js';
import { createJsonLinesAuditLog } from '../nodemailer/create-json-lines-audit-log.js';
import { discardAndRecord } from '../nodemailer/discard-and-record.js';
import { findReleasesInDoubt } from '../nodemailer/find-releases-in-doubt.js';
import { heldAge as age } from '../nodemailer/held-age.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';
import { nodemailerGuard } from '../nodemailer/nodemailer-guard.js';
import { checkTimeZone } from './check-time-zone.js';
import { type CliLocale, type CliTexts, cliTexts } from './cli-texts.js';
import { codeAfterWords, codeWithName, codeWithNameInList } from './code-with-name.js';
import { escapeControls } from './escape-controls.js';
import { CliFailure, exitCodes, unreadableFailure, usageFailure } from './exit-codes.js';
import { formatSentDate } from './format-sent-date.js';
import { KEY_VARIABLE } from './holds-command.js';
import { parseColumns } from './parse-columns.js';
import type { CommandContext } from './program-context.js';
import { readCustomers } from './read-customers.js';

/** The options every `holds` subcommand takes. */
export interface StoreFlags {
  readonly store: string;
  readonly json?: boolean;
  readonly locale: 'sv' | 'en';
  /** The JSON-lines audit log releases are written to (default `<store>.audit.jsonl`). */
  readonly auditLog?: string;
  /** The IANA zone `list` and `show` write dates in under `sv` (`--time-zone`; default Europe/Stockholm). */
  readonly timeZone?: string;
}

export interface ReleaseFlags extends StoreFlags {
  readonly by: string;
  readonly reason: string;
  readonly to?: string[];
  readonly confirmNew?: boolean;
  readonly sendDespiteBlock?: boolean;
  readonly customers: string;
  /** `--columns id=Kundnr,email=E-post` (parse-columns.ts). */
  readonly columns?: string;
  readonly smtp: string;
  readonly force?: boolean;
}

export interface DiscardFlags extends StoreFlags {
  readonly yes?: boolean;
  readonly by: string;
  readonly reason: string;
}

async function openStore(flags: StoreFlags): Promise<FileHoldStore> {
  const info = await stat(flags.store).catch(() => undefined);
  if (!info?.isDirectory())
    throw unreadableFailure(`${flags.store}: ${cliTexts[flags.locale].holds.noStore}`);
  const key = process.env[KEY_VARIABLE];
  return createFileHoldStore(flags.store, key ? { key } : {});
}

/** The audit log file of a store: `--audit-log`, else beside the store's folder. */
function auditLogFile(flags: StoreFlags): string {
  return flags.auditLog ?? `${flags.store.replace(/[/\\]+$/, '')}.audit.jsonl`;
}

/**
 * The holds whose release was started and never ended, by the audit log; a log that cannot be read
 * is said on standard error (`warn`, for list and show), and then no release is shown in doubt. A
 * release says nothing of it: it cannot log its start there either, and so sends nothing.
 */
async function releasesInDoubt(
  flags: StoreFlags,
  context: CommandContext,
  warn = true,
): Promise<Set<string>> {
  const file = auditLogFile(flags);
  try {
    return await findReleasesInDoubt(file);
  } catch (error) {
    if (warn)
      context.warn(
        `${file}: ${cliTexts[flags.locale].cannotBeRead(String((error as NodeJS.ErrnoException).code ?? error))}`,
      );
    return new Set();
  }
}

/**
 * The answer when another release or discard of the message holds it (the store says when it
 * began): a refusal (1), as the message is there and this command did nothing; undefined for any
 * other error.
 */
function underWay(error: unknown, flags: StoreFlags, command: 'release' | 'discard'): CliFailure | undefined {
  if (!(error instanceof HeldMessageClaimedError)) return undefined;
  const began =
    error.claimedAt === undefined ? undefined : formatSentDate(error.claimedAt, flags.locale, flags.timeZone);
  return new CliFailure(
    cliTexts[flags.locale].holds.underWay(error.holdId, began, command),
    exitCodes.findings,
  );
}

/**
 * The held message, or "not found" (exit code 3, as docs/cli.md's table has it for input that is not
 * there): an id of a form the store never gives out is not in it either.
 */
async function findHeld(store: FileHoldStore, flags: StoreFlags, id: string) {
  const held = await store.get(id).catch((error: unknown) => {
    if (isEmailGuardError(error, 'INVALID_INPUT')) return undefined;
    throw error;
  });
  if (!held) throw unreadableFailure(`${flags.store}: ${cliTexts[flags.locale].holds.noMessage(id)}`);
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
  const suggestion = verdict.suggestion ? ` -> ${verdict.suggestion}` : '';
  const field = cliTexts[locale].holds.fields[recipient.field] ?? recipient.field;
  // The codes behind a verdict other than send: "confirm" alone does not say that the address is
  // another customer's, which is what the person releasing it has to weigh.
  const codes = holdingCodes(verdict, locale);
  const why = verdict.action !== 'send' && codes.length > 0 ? ` (${codes.join(', ')})` : '';
  return `${field}: ${recipient.address} ${recipientState(verdict.action, locale)}${suggestion}${why}`;
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
  const store = await openStore(flags);
  const held = await store.list();
  const inDoubt = await releasesInDoubt(flags, context);
  for (const problem of await store.listProblems())
    context.warn(storeProblemLine(problem, text.problems?.[problem.code]));
  if (flags.json) {
    context.out(
      `${JSON.stringify(
        held.map((entry) => ({
          ...entry,
          age: age(entry.heldAt),
          ...(inDoubt.has(entry.id) ? { releaseInDoubt: true } : {}),
        })),
        null,
        2,
      )}\n`,
    );
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
        `${text.customer} ${entry.customerId ?? '-'}`,
        entry.recipients.map((recipient) => recipientLine(recipient, flags.locale)).join('; '),
      ]
        .filter(Boolean)
        .join('  '),
    );
    context.out(`${lines.join('\n')}\n`);
  }
  context.setExitCode(held.length > 0 ? exitCodes.findings : exitCodes.ok);
}

/** `holds show ID`: one held message, every recipient with its findings. */
export async function showHeld(id: string, flags: StoreFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  checkTimeZone(flags.timeZone, flags.locale);
  const store = await openStore(flags);
  const { raw, ...held } = await findHeld(store, flags, id);
  const inDoubt = (await releasesInDoubt(flags, context)).has(id);
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
    `${label('customer')}${held.customerId ?? '-'}`,
    `${label('message')}${held.messageId ?? '-'}, ${held.size} ${text.bytes}`,
    `${label('subject')}${subject ?? '-'}`,
    `${label('date')}${date === undefined ? '-' : formatSentDate(date, flags.locale, flags.timeZone)}`,
    `${label('envelope')}${held.envelope.from ?? '-'} -> ${held.envelope.to.join(', ')}`,
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
        `  ${recipientState(finding.action, flags.locale).padEnd(stateWidth)} ${codeWithName(finding.code, flags.locale)}: ${findingMessage(finding, flags.locale)}`,
      );
  }
  context.out(`${lines.join('\n')}\n`);
}

/** `holds release ID`: sends it, corrected, through the guard again. */
export async function releaseHeld(id: string, flags: ReleaseFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  refuseUnreadableRecipients(flags.to ?? [], flags.locale);
  const store = await openStore(flags);
  const held = await findHeld(store, flags, id);
  // Started and never ended: the message may be with the recipient already (docs/cli.md).
  if (!flags.force && (await releasesInDoubt(flags, context, false)).has(id))
    throw usageFailure(text.needsForce(id));
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
  const customers = await readCustomers(
    flags.customers,
    context.progress(flags.locale),
    flags.locale,
    parseColumns(flags.columns, flags.locale),
  );
  context.reportProblems(flags.customers, customers.problems, flags.locale);
  // Checked against an export without the customer, every recipient is a failed lookup: say so,
  // rather than ask for a corrected address that could not pass either.
  if (held.customerId !== undefined && !customers.directory.has(held.customerId))
    throw new CliFailure(
      `${text.staysHeld(id)}: ${text.noCustomer(held.customerId, flags.customers)}`,
      exitCodes.findings,
    );
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
      guard: createGuard({ directory: customers.directory, locale: flags.locale }),
      holdStore: store,
      // Flushed to the disk before the send: the start of a release must survive a power cut too.
      auditLog: createJsonLinesAuditLog(auditLogFile(flags), { sync: true }),
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
    else context.out(`${text.released(id, result.envelope.to.join(', '))}\n`);
  } catch (error) {
    if (
      isEmailGuardError(error, 'RECIPIENT_BLOCKED') ||
      isEmailGuardError(error, 'RECIPIENT_NEEDS_CONFIRMATION')
    )
      throw new CliFailure(
        `${text.staysHeld(id)}: ${text.refusal && error instanceof MessageHeldError ? refused(error, flags.locale, text.refusal) : withoutRefusal(error.message)}`,
        exitCodes.findings,
      );
    if (error instanceof SmtpUtf8NotAnnouncedError)
      throw usageFailure(
        `${text.staysHeld(id)}: ${text.noSmtpUtf8(serverName(flags.smtp), error.addresses.join(', '))}`,
      );
    if (isEmailGuardError(error, 'INVALID_INPUT')) throw usageFailure(error.message);
    // The start of the release could not be logged, so it was not sent (fail closed): 3, the log is
    // output that cannot be written, as an unreadable input is.
    if (isEmailGuardError(error, 'AUDIT_LOG_FAILED')) {
      const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
      throw new CliFailure(
        text.auditLogUnwritable(
          id,
          auditLogFile(flags),
          String(cause?.code ?? cause?.message ?? error.message),
        ),
        exitCodes.unreadable,
      );
    }
    const busy = underWay(error, flags, 'release');
    if (busy) throw busy;
    // The store's own refusals (already released or discarded): not there (3).
    if (isEmailGuardError(error))
      throw new CliFailure(`${text.staysHeld(id)}: ${error.message}`, exitCodes.unreadable);
    // The transport's failure (server unreachable, mail refused): not unreadable input (3).
    throw new CliFailure(
      `${text.staysHeld(id)}: ${text.notSent(serverName(flags.smtp), (error as Error).message)}`,
      exitCodes.notSent,
    );
  } finally {
    transporter.close();
  }
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
  const stopped = held
    .map(
      (recipient) =>
        `${JSON.stringify(recipient.address)} ${recipientState(recipient.verdict.action, locale)} (${holdingCodes(recipient.verdict, locale).join('; ')})`,
    )
    .join(', ');
  if (error.code === 'RECIPIENT_NEEDS_CONFIRMATION') return refusal.needsConfirmation(stopped);
  // Refused for a verdict of block, or (judged confirm) for being another customer's address.
  return held.some((recipient) => recipient.verdict.action === 'block')
    ? refusal.blocked(stopped)
    : refusal.otherCustomer(stopped);
}

/** `holds discard ID`: removes it unsent, after asking on a terminal. */
export async function discardHeld(id: string, flags: DiscardFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  const store = await openStore(flags);
  const held = await findHeld(store, flags, id);
  if (!flags.yes) {
    if (!context.interactive) throw usageFailure(text.noOneToConfirm(id));
    const sure = await context.confirm(
      text.question(id, messageState(held.action, flags.locale), held.envelope.to.join(', ')),
    );
    if (!sure) {
      context.out(`${text.kept(id)}\n`);
      return;
    }
  }
  let removed: HeldMessage | undefined;
  try {
    // Logged before the message goes (fail closed): a discard no one can account for is not made.
    removed = await discardAndRecord(
      store,
      createJsonLinesAuditLog(auditLogFile(flags), { sync: true }),
      id,
      { by: flags.by, reason: flags.reason, where: 'command-line' },
    );
  } catch (error) {
    if (isEmailGuardError(error, 'AUDIT_LOG_FAILED')) {
      const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
      throw new CliFailure(
        text.discardUnlogged(id, auditLogFile(flags), String(cause?.code ?? cause?.message ?? error.message)),
        exitCodes.unreadable,
      );
    }
    const busy = underWay(error, flags, 'discard');
    if (busy) throw busy;
    if (isEmailGuardError(error))
      throw new CliFailure(`${text.staysHeld(id)}: ${error.message}`, exitCodes.unreadable);
    throw error;
  }
  if (!removed) throw unreadableFailure(`${flags.store}: ${text.noMessage(id)}`);
  context.out(`${text.discarded(id)}\n`);
}
