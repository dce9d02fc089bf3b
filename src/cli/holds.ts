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
import { createGuard, type VerifiedAddressSource } from '../guard/create-guard.js';
import { type FindingFacts, messageFor } from '../guard/messages.js';
import type { Finding, Verdict } from '../guard/verdict.js';
import type { AuditEntry, AuditLog, AuditOutcome } from '../nodemailer/audit-log.js';
import { discardAndRecord } from '../nodemailer/discard-and-record.js';
import { heldAge as age } from '../nodemailer/held-age.js';
import { heldForLookupOnly } from '../nodemailer/held-for-lookup-only.js';
import type { HeldMessage, HoldStoreProblem } from '../nodemailer/hold-store.js';
import { nodemailerGuard } from '../nodemailer/nodemailer-guard.js';
import { probablyWrong } from '../nodemailer/probably-wrong.js';
import {
  type ReleaseNeed,
  type ReleaseNeedsOptions,
  releaseNeedError,
  releaseNeedOf,
  releaseNeeds,
} from '../nodemailer/release-needs.js';
import { CORRECT_PROBABLY_WRONG } from '../nodemailer/release-next-steps.js';
import { isConfirmedForOtherCustomer, stoppedWhenHeld } from '../nodemailer/stopped-when-held.js';
import { correctedRecipients } from '../pipeline/corrected-recipients.js';
import { namedOnce } from '../pipeline/named-once.js';
import type { ReleaseSession } from '../postgres/find-release-sessions.js';
import { VERIFIER_RELEASES_AS } from '../verification/create-verifier.js';
import { checkTimeZone } from './check-time-zone.js';
import { type CliLocale, type CliTexts, cliTexts } from './cli-texts.js';
import { codeAfterWords, codeWithName, codeWithNameInList } from './code-with-name.js';
import { countCustomersOnce } from './count-customers-once.js';
import { describeStoreRefusal } from './describe-store-refusal.js';
import { escapeControls, inOneLine } from './escape-controls.js';
import { CliFailure, exitCodes, unreadableFailure, usageFailure } from './exit-codes.js';
import { formatSentDate } from './format-sent-date.js';
import { envelopeJson, envelopeLine, hasNoEnvelope } from './held-envelope.js';
import { type HoldStoreFlags, type OpenedHoldStore, openHoldStore } from './open-hold-store.js';
import { keyDoesNotOpen } from './open-keyed-file-hold-store.js';
import { openVerifiedAddresses, verifiedAddressesIn } from './open-verified-addresses.js';
import { parseColumns } from './parse-columns.js';
import type { CommandContext } from './program-context.js';
import { readCustomers } from './read-customers.js';
import { releaseNeedFailure } from './release-need-failure.js';

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
  /** `--cc`: corrected copy recipients, written in a Cc field of their own. */
  readonly cc?: string[];
  /** `--bcc`: corrected blind copies, in the envelope only. */
  readonly bcc?: string[];
  readonly confirmNew?: boolean;
  readonly sendDespiteBlock?: boolean;
  /** The CRM export, with `--store`; with `--database` its directory is used. */
  readonly customers?: string;
  /** `--columns id=Kundnr,email=E-post` (parse-columns.ts). */
  readonly columns?: string;
  /** Check against an export of fewer customers than the holding check knew (releaseNeeds, `enough-customers`). */
  readonly fewerCustomers?: boolean;
  /** `--verifications DIR`: the verifier's folder store; with `--database` the schema's is the default. */
  readonly verifications?: string;
  readonly smtp: string;
  readonly force?: boolean;
}

export interface DiscardFlags extends StoreFlags {
  readonly yes?: boolean;
  readonly by: string;
  readonly reason: string;
  /** Discard an entry left releasing by a process that stopped mid-send. */
  readonly force?: boolean;
  /** Set aside an entry that cannot be read, into the store's `damaged` folder. */
  readonly damaged?: boolean;
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
 * How the release of a hold stands: `under-way` while the process that claimed it still runs,
 * `in-doubt` when its start is logged with no end and no live process holds it, `not-sent` when a
 * stopped process held it before its send began, `sent` when the log records the server took it
 * (the entry was not removed), `releasing` when none of that can be told (a database's claim, a
 * process on another host).
 */
type ReleaseStatus = 'under-way' | 'in-doubt' | 'not-sent' | 'sent' | 'releasing';

interface ReleaseStanding {
  readonly status: ReleaseStatus;
  /** The `release-started` line of a release not ended: when, who, to whom, the Message-ID. */
  readonly started?: AuditEntry;
  /** The PostgreSQL session that holds the release lock of an entry under way (`--database`). */
  readonly session?: ReleaseSession;
}

/**
 * `running`: whether the claim's holder still runs (a folder lock's process on this host, or a
 * PostgreSQL session holding the release lock); undefined where that cannot be told.
 */
function releaseStatus(
  entry: HeldMessage,
  inDoubt: boolean,
  running: boolean | undefined,
): ReleaseStatus | undefined {
  // A live claim is a release sending now: its start is logged with no end yet, as a stopped
  // one's is, and telling the second terminal "in doubt" would send the operator to --force.
  if (entry.state === 'releasing' && running === true) return 'under-way';
  if (inDoubt) return 'in-doubt';
  if (entry.state !== 'releasing') return undefined;
  if (entry.releaseProgress === 'sent') return 'sent';
  if (entry.releaseProgress === 'not-started' && running === false) return 'not-sent';
  return 'releasing';
}

/**
 * The sessions holding the release lock of the `releasing` entries, with `--database`: undefined
 * for a folder (its lock names its process), and where they cannot be read (said on standard
 * error with `warn`): a release under way is then not told from one in doubt.
 */
async function releaseSessions(
  opened: OpenedHoldStore,
  flags: StoreFlags,
  context: CommandContext,
  entries: readonly HeldMessage[],
  warn: boolean,
): Promise<ReadonlyMap<string, ReleaseSession> | undefined> {
  const releasing = entries.filter((entry) => entry.state === 'releasing').map((entry) => entry.id);
  if (!opened.releaseSessions || releasing.length === 0) return undefined;
  try {
    return await opened.releaseSessions(releasing);
  } catch (error) {
    if (warn) context.warn(`${opened.name}: ${cliTexts[flags.locale].cannotBeRead(whyFailed(error))}`);
    return undefined;
  }
}

/** How the release of each of `entries` that is releasing or in doubt stands. */
async function releaseStandings(
  opened: OpenedHoldStore,
  flags: StoreFlags,
  context: CommandContext,
  entries: readonly HeldMessage[],
  warn = true,
): Promise<Map<string, ReleaseStanding>> {
  const inDoubt = await releasesInDoubt(opened, flags, context, warn);
  const concerned = entries.filter((entry) => entry.state === 'releasing' || inDoubt.has(entry.id));
  const standings = new Map<string, ReleaseStanding>();
  if (concerned.length === 0) return standings;
  // Read after the ids in doubt, from the same log: a log that could not be read was said then.
  const starts = await opened
    .releaseStarts(concerned.map((entry) => entry.id))
    .catch(() => new Map<string, AuditEntry>());
  const sessions = await releaseSessions(opened, flags, context, concerned, warn);
  for (const entry of concerned) {
    const session = sessions?.get(entry.id);
    const running =
      entry.releasingBy?.running ??
      (sessions && entry.state === 'releasing' ? session !== undefined : undefined);
    const status = releaseStatus(entry, inDoubt.has(entry.id), running);
    const started = starts.get(entry.id);
    if (status)
      standings.set(entry.id, { status, ...(started ? { started } : {}), ...(session ? { session } : {}) });
  }
  return standings;
}

/**
 * Who releases an entry under way: the person the audit log names, and the process holding it (a
 * folder lock's) or the PostgreSQL session holding its release lock.
 */
function releaser(entry: HeldMessage, standing: ReleaseStanding, locale: CliLocale): string {
  const text = cliTexts[locale].holds;
  const by = standing.started?.release?.by;
  const { releasingBy } = entry;
  const { session } = standing;
  const process = releasingBy
    ? text.process(releasingBy.pid, inOneLine(releasingBy.host))
    : session
      ? text.session(session.pid, session.client === undefined ? undefined : inOneLine(session.client))
      : undefined;
  if (by === undefined) return process ?? '';
  return process ? `${inOneLine(by)} (${process})` : inOneLine(by);
}

/** A release's standing in one phrase, for list's row and show's line. */
function standingLine(entry: HeldMessage, standing: ReleaseStanding, flags: StoreFlags): string {
  const text = cliTexts[flags.locale].holds;
  switch (standing.status) {
    case 'under-way':
      return text.releaseUnderWay(
        releaser(entry, standing, flags.locale),
        entry.releasingSince === undefined
          ? undefined
          : formatSentDate(entry.releasingSince, flags.locale, flags.timeZone),
      );
    case 'in-doubt':
      return text.inDoubt;
    case 'not-sent':
      return text.releaseNotSent;
    case 'sent':
      return text.releaseSent;
    default:
      return text.releasingFlag;
  }
}

/**
 * Where a release in doubt went, from its `release-started` line: the recipients it was sent to
 * (the corrected ones, not those it was held with), when, by whom and its Message-ID, which is
 * what the mail server's log is searched for; empty without the line.
 */
function startedLine(held: HeldMessage, started: AuditEntry | undefined, flags: StoreFlags): string {
  if (!started) return '';
  return cliTexts[flags.locale].holds.releaseStarted(
    inOneLine(startedTo(started).join(', ') || '-'),
    formatSentDate(started.at, flags.locale, flags.timeZone),
    inOneLine(started.release?.by ?? '-'),
    started.messageId === undefined && held.messageId === undefined
      ? undefined
      : inOneLine(started.messageId ?? held.messageId ?? ''),
  );
}

/**
 * Where a started release was sent: the envelope it went with (the corrected recipients), else the
 * recipients its line names.
 */
function startedTo(started: AuditEntry): readonly string[] {
  return started.envelope?.to ?? started.recipients.map((recipient) => recipient.address);
}

/** A release's standing as `--json` gives it, beside the entry's own `state` and `releaseProgress`. */
function standingJson(standing: ReleaseStanding | undefined) {
  if (!standing) return {};
  const { status, started, session } = standing;
  return {
    ...(status === 'in-doubt' ? { releaseInDoubt: true } : {}),
    releaseStatus: status,
    ...(session ? { releaseSession: session } : {}),
    ...(started
      ? {
          releaseStarted: {
            at: started.at,
            ...(started.release?.by === undefined ? {} : { by: started.release.by }),
            to: startedTo(started),
            ...(started.messageId === undefined ? {} : { messageId: started.messageId }),
          },
        }
      : {}),
  };
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

/** A claim on a held message by another release or discard: the store's refusal, or its live lock. */
interface Claim {
  readonly holdId: string;
  /** ISO 8601 time the claim began, where the store says. */
  readonly claimedAt?: string | undefined;
  /** Who holds it: the person the audit log names and the process (releaser), where known. */
  readonly by?: string;
}

/**
 * The answer when another release or discard of the message holds it (the store says when it
 * began): a refusal (1), as the message is there and this command did nothing.
 */
function underWay(
  claim: Claim,
  flags: StoreFlags & { readonly force?: boolean },
  command: 'release' | 'discard',
): CliFailure {
  const text = cliTexts[flags.locale].holds;
  const began =
    claim.claimedAt === undefined ? undefined : formatSentDate(claim.claimedAt, flags.locale, flags.timeZone);
  // With --force the store refused because the process that holds the message is still running
  // (its lock's process on this host, or its PostgreSQL session): --force again would not help.
  return new CliFailure(
    flags.force
      ? text.forceRefused(claim.holdId, began, command)
      : text.underWay(claim.holdId, began, command, claim.by),
    exitCodes.findings,
  );
}

/**
 * The held message, or "not found" (exit code 3, as docs/cli.md's table has it for input that is not
 * there): an id of a form the store never gives out is not in it either.
 */
async function findHeld(
  opened: OpenedHoldStore,
  flags: StoreFlags,
  id: string,
  command?: 'release' | 'discard',
) {
  const held = await opened.store.get(id).catch((error: unknown) => {
    if (isEmailGuardError(error, 'INVALID_INPUT')) return undefined;
    throw error;
  });
  if (!held) {
    if (command) await refuseEnded(opened, flags, id, command);
    throw unreadableFailure(`${opened.name}: ${cliTexts[flags.locale].holds.noMessage(id)}`);
  }
  return held;
}

/**
 * A release or discard of a message another one already released or discarded (from `serve`, the
 * command line or the library), as the audit log records it: a refusal (1) that says so, who ended
 * it and when, as a release still under way is, rather than "no held message", which reads like a
 * wrong id.
 */
async function refuseEnded(
  opened: OpenedHoldStore,
  flags: StoreFlags,
  id: string,
  command: 'release' | 'discard',
): Promise<void> {
  const line = (await opened.lastReleaseLines([id]).catch(() => undefined))?.get(id);
  const how =
    line?.outcome === 'released' || line?.outcome === 'released-despite-block'
      ? 'released'
      : line?.outcome === 'discarded'
        ? 'discarded'
        : undefined;
  if (!line || !how) return;
  const by = line.release?.by ?? line.discard?.by;
  throw new CliFailure(
    cliTexts[flags.locale].holds.alreadyEnded(
      id,
      how,
      command,
      formatSentDate(line.at, flags.locale, flags.timeZone),
      by === undefined ? undefined : inOneLine(by),
    ),
    exitCodes.findings,
  );
}

/**
 * A release or discard that found the message, and then found it gone: another one ended it in
 * between. A refusal (1) naming who ended it and when where the audit log says, and never "no
 * held message" (3): the id was right, and this command did nothing.
 */
async function refuseEndedMeanwhile(
  opened: OpenedHoldStore,
  flags: StoreFlags,
  id: string,
  command: 'release' | 'discard',
): Promise<never> {
  await refuseEnded(opened, flags, id, command);
  throw new CliFailure(cliTexts[flags.locale].holds.endedMeanwhile(id, command), exitCodes.findings);
}

/** Whether the message found before is gone from the store now; a store that cannot say is not gone. */
async function goneSince(opened: OpenedHoldStore, id: string): Promise<boolean> {
  return (await opened.store.get(id).catch(() => null)) === undefined;
}

/** A held message's verdict as its state ("stoppat"), in the words of `locale`. */
function messageState(action: Verdict['action'], locale: CliLocale): string {
  return cliTexts[locale].holds.messageStates[action] ?? action;
}

/**
 * A held message's state with why, where its verdicts do not show it: a message held as `block`
 * whose recipients are all `confirm` was confirmed for another customer's address, which no person
 * confirming for this customer can answer (nodemailerGuard holds it as `block`).
 */
function heldState(held: HeldMessage, locale: CliLocale): string {
  const state = messageState(held.action, locale);
  return isConfirmedForOtherCustomer(held) ? `${state} (${cliTexts[locale].holds.confirmedForOther})` : state;
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
  const { held, standings, problems } = await withHoldStore(flags, async (opened) => {
    const held = await opened.store.list();
    const standings = await releaseStandings(opened, flags, context, held);
    const problems = await opened.problems();
    for (const problem of problems) context.warn(storeProblemLine(problem, text.problems?.[problem.code]));
    const unopened = keyDoesNotOpen(problems, flags.locale);
    if (unopened) context.warn(unopened);
    return { held, standings, problems };
  });
  if (flags.json) {
    context.out(
      `${JSON.stringify(
        [
          ...held.map((entry) => ({
            ...entry,
            ...envelopeJson(entry),
            age: age(entry.heldAt),
            ...standingJson(standings.get(entry.id)),
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
    const lines = held.map((entry) => {
      const standing = standings.get(entry.id);
      return [
        entry.id,
        formatSentDate(entry.heldAt, flags.locale, flags.timeZone),
        age(entry.heldAt).padStart(7),
        heldState(entry, flags.locale).padEnd(width),
        standing ? standingLine(entry, standing, flags) : '',
        entry.awaitingCode ? text.waitingForCode : '',
        // Sent as it is, a message without an envelope goes to no one (docs/nodemailer.md): the
        // recipients that follow are its header's, as show says.
        hasNoEnvelope(entry) ? text.noEnvelopeInList : '',
        `${text.customer} ${inOneLine(entry.customerId ?? '-')}`,
        entry.recipients.map((recipient) => recipientLine(recipient, flags.locale)).join('; '),
      ]
        .filter(Boolean)
        .join('  ');
    });
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

/** The outcomes of a release that ended without sending the message, which stays held. */
const NOT_SENT: ReadonlySet<AuditEntry['outcome']> = new Set(['release-failed', 'release-refused']);

/**
 * What becomes of a message waiting for its customer's code, as far as the audit log shows: it goes
 * out by itself once the code is read back only while no release of it has ended unsent. The
 * verifier's own release follows a code read back, so once that failed nothing sends it by itself;
 * after one by hand, whether the code was read back before is not in the log's last line.
 */
function awaitingCodeLine(
  awaitingCode: readonly string[],
  lastRelease: AuditEntry | undefined,
  flags: StoreFlags,
): string {
  const text = cliTexts[flags.locale].holds;
  const addresses = inOneLine(awaitingCode.join(', '));
  if (!lastRelease || !NOT_SENT.has(lastRelease.outcome)) return text.releaseSkipsCode(addresses);
  const at = formatSentDate(lastRelease.at, flags.locale, flags.timeZone);
  const by = lastRelease.release?.by ?? '-';
  return by === VERIFIER_RELEASES_AS
    ? text.codeReadBackNotSent(addresses, at)
    : text.handReleaseNotSent(addresses, inOneLine(by), at);
}

/** `holds show ID`: one held message, every recipient with its findings. */
export async function showHeld(id: string, flags: StoreFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  checkTimeZone(flags.timeZone, flags.locale);
  const { raw, held, standing, lastRelease } = await withHoldStore(flags, async (opened) => {
    const { raw, ...held } = await findHeld(opened, flags, id);
    return {
      raw,
      held,
      standing: (await releaseStandings(opened, flags, context, [held])).get(id),
      // Whether a release was tried decides what a message waiting for a code may be said to do.
      lastRelease: held.awaitingCode
        ? (await opened.lastReleaseLines([id]).catch(() => new Map<string, AuditEntry>())).get(id)
        : undefined,
    };
  });
  const { subject, date } = await subjectAndDate(raw).catch(() => ({
    subject: undefined,
    date: undefined,
  }));
  if (flags.json) {
    context.out(
      `${JSON.stringify({ ...held, ...envelopeJson(held), age: age(held.heldAt), subject, date, ...standingJson(standing) }, null, 2)}\n`,
    );
    return;
  }
  const width = Math.max(...Object.values(text.labels).map((label) => label.length)) + 3;
  const label = (key: keyof typeof text.labels) => `${text.labels[key]}:`.padEnd(width);
  const lines = [
    `${label('id')}${held.id}`,
    `${label('held')}${text.heldFor(formatSentDate(held.heldAt, flags.locale, flags.timeZone), age(held.heldAt), heldState(held, flags.locale), held.state === 'releasing')}`,
    ...(standing ? [standingLine(held, standing, flags)] : []),
    ...(held.awaitingCode ? [awaitingCodeLine(held.awaitingCode, lastRelease, flags)] : []),
    ...(standing?.status === 'in-doubt' ? [startedLine(held, standing.started, flags)].filter(Boolean) : []),
    `${label('customer')}${inOneLine(held.customerId ?? '-')}`,
    `${label('message')}${inOneLine(held.messageId ?? '-')}, ${held.size} ${text.bytes}`,
    `${label('subject')}${inOneLine(subject ?? '-')}`,
    `${label('date')}${date === undefined ? '-' : formatSentDate(date, flags.locale, flags.timeZone)}`,
    `${label('envelope')}${envelopeLine(held, flags.locale)}`,
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

/**
 * Why no correction is offered for a recipient, where the check withheld it: corrected, the
 * address is another customer's, or whose it is could not be looked up (the `domain-typo` finding's
 * `correctionWithheld` says which, and its message asks for the address spelled again). Said after
 * a refusal, so nobody guesses the correction and types the other customer's address; empty
 * otherwise.
 */
function withheldCorrections(recipients: HeldMessage['recipients'], locale: CliLocale): string {
  const said = recipients.flatMap(({ verdict }) =>
    verdict.findings
      .filter((finding) => finding.code === 'domain-typo' && finding.correctionWithheld !== undefined)
      .map((finding) => inOneLine(findingMessage(finding, locale))),
  );
  return said.length > 0 ? `; ${[...new Set(said)].join(' ')}` : '';
}

/** `holds release ID`: sends it, corrected, through the guard again. */
export async function releaseHeld(id: string, flags: ReleaseFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  if (flags.database !== undefined && flags.customers !== undefined)
    throw usageFailure(text.customersOrDatabase);
  if (flags.database === undefined && flags.customers === undefined && flags.store !== undefined)
    throw usageFailure(text.customersNeeded);
  await withHoldStore(flags, (opened) => releaseFrom(opened, id, flags, context));
}

/**
 * The customers a release checks the recipients against: the database's directory, or the export.
 * Whether it has the message's customer is the rule's to say (releaseNeeds, `customer-in-directory`).
 */
async function releaseDirectory(
  opened: OpenedHoldStore,
  flags: ReleaseFlags,
  context: CommandContext,
): Promise<Directory | AsyncDirectory> {
  if (opened.directory) return opened.directory;
  const file = flags.customers ?? '';
  const customers = await readCustomers(
    file,
    context.progress(flags.locale),
    flags.locale,
    parseColumns(flags.columns, flags.locale),
  );
  context.reportProblems(file, customers.problems, flags.locale);
  return customers.directory;
}

/**
 * The addresses verified by code a release checks the recipients against too: `--verifications DIR`,
 * else the database's own. Whether the release may go with them (the store the hold read, or any
 * at all) is the rule's to say (releaseNeeds, `verification-store`, `verified-addresses`).
 */
async function releaseVerifiedAddresses(
  opened: OpenedHoldStore,
  flags: ReleaseFlags,
): Promise<{ verifiedAddresses?: VerifiedAddressSource }> {
  const verifiedAddresses =
    flags.verifications !== undefined
      ? await openVerifiedAddresses(flags.verifications, flags.locale)
      : opened.verifications && verifiedAddressesIn(opened.verifications);
  return verifiedAddresses ? { verifiedAddresses } : {};
}

/**
 * A release the store refused as invalid, in the command's words: an address held as a blind copy
 * given in `--to` or `--cc` (issue `blind-copy-shown`, path `options.to.1`) is named with the
 * option that keeps it blind, `--bcc`; the store's own words name its `bcc` field.
 */
function invalidRelease(id: string, error: Error, flags: ReleaseFlags): string {
  const text = cliTexts[flags.locale].holds;
  const issues =
    (error as { issues?: readonly { path: readonly PropertyKey[]; code?: string }[] }).issues ?? [];
  const shown = issues.flatMap(({ path, code }) => {
    const [, field, index] = path;
    if (code !== 'blind-copy-shown' || (field !== 'to' && field !== 'cc') || typeof index !== 'number')
      return [];
    // The store was given each mailbox once (namedOnce): its index counts in that list.
    const address = namedOnce(flags)[field]?.[index];
    return address === undefined
      ? []
      : [text.blindCopyShown(inOneLine(address), field === 'to' ? 'To' : 'Cc')];
  });
  return shown.length > 0 ? `${text.staysHeld(id)}: ${shown.join('; ')}` : error.message;
}

/** What the release lacks, by the library's rules (releaseNeeds), for the flags given. */
function askedOfRelease(flags: ReleaseFlags): ReleaseNeedsOptions {
  return {
    ...(correctedRecipients(flags).length ? { to: correctedRecipients(flags) } : {}),
    ...(flags.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
    ...(flags.fewerCustomers ? { fewerCustomers: true } : {}),
  };
}

/**
 * The command's answer to the first reason the library's rule gives for refusing the release. The
 * refusal is a release attempt like any other, so it is logged first (`release-refused`, who, why and
 * why not), with the code the release itself would refuse with: the rule's own error where it has
 * one, else `RECIPIENT_BLOCKED`, as the guard refuses a release whose recipients stay stopped.
 */
async function refuseFirstNeed(
  needs: readonly ReleaseNeed[],
  opened: OpenedHoldStore,
  held: HeldMessage,
  flags: ReleaseFlags,
  source: { readonly file: string } | { readonly database: string },
): Promise<void> {
  const [need] = needs;
  if (!need) return;
  const failure = needFailure(need, held, flags, source);
  await recordRefusal(opened, held, flags, {
    recipients: held.recipients.map(({ field, header, address, verdict }) => ({
      field,
      ...(header === undefined ? {} : { header }),
      address,
      action: verdict.action,
      codes: verdict.findings.map(({ code }) => code),
    })),
    refusal: {
      code: releaseNeedError(need, held.id, flags.locale)?.code ?? 'RECIPIENT_BLOCKED',
      message: failure.message,
    },
  });
  throw failure;
}

function needFailure(
  need: ReleaseNeed,
  held: HeldMessage,
  flags: ReleaseFlags,
  source: { readonly file: string } | { readonly database: string },
): CliFailure {
  return releaseNeedFailure(need, held, {
    locale: flags.locale,
    ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }),
    source,
    recipientLine: (recipient) => recipientLine(recipient, flags.locale),
    stoppedList: (recipients) => stoppedList(recipients, flags.locale),
    withheldCorrections: (recipients) => withheldCorrections(recipients, flags.locale),
  });
}

async function releaseFrom(
  opened: OpenedHoldStore,
  id: string,
  flags: ReleaseFlags,
  context: CommandContext,
): Promise<void> {
  const interrupts = watchInterrupts(id, opened.auditLog(), flags.locale, context);
  try {
    await releaseWatched(opened, id, flags, context, interrupts);
  } finally {
    interrupts.stop();
  }
}

async function releaseWatched(
  opened: OpenedHoldStore,
  id: string,
  flags: ReleaseFlags,
  context: CommandContext,
  interrupts: ReleaseInterrupts,
): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  const store = opened.store;
  const held = await findHeld(opened, flags, id, 'release');
  await refuseUnreadableRecipients(opened, held, flags);
  const standing = (await releaseStandings(opened, flags, context, [held], false)).get(id);
  // Another process is sending it now: it is neither in doubt nor for --force to take over.
  if (standing?.status === 'under-way')
    throw underWay(
      { holdId: id, claimedAt: held.releasingSince, by: releaser(held, standing, flags.locale) },
      flags,
      'release',
    );
  // Started and never ended: the message may be with the recipient already (docs/cli.md).
  if (!flags.force && standing?.status === 'in-doubt')
    throw usageFailure(text.needsForce(id, startedLine(held, standing.started, flags)));
  const source = flags.customers === undefined ? { database: opened.name } : { file: flags.customers };
  // Every reason the release would be refused, by the library's rule (releaseNeeds): what the held
  // message alone decides is asked before the customers are read, the rest with the release's guard,
  // whose directory counts its customers once for the rule and the release both.
  await refuseFirstNeed(await releaseNeeds(held, askedOfRelease(flags)), opened, held, flags, source);
  const directory = countCustomersOnce(await releaseDirectory(opened, flags, context));
  const verifiedAddresses = await releaseVerifiedAddresses(opened, flags);
  const guard = createGuard({ directory, locale: flags.locale, ...verifiedAddresses });
  await refuseFirstNeed(
    await releaseNeeds(held, { ...askedOfRelease(flags), guard }),
    opened,
    held,
    flags,
    source,
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
      guard,
      holdStore: store,
      // Committed (a file's flushed to the disk) before the send: the start of a release must survive a power cut too.
      auditLog: interrupts.auditLog,
    }),
  );
  try {
    interrupts.sending = true;
    const result = await store.release(id, transporter, {
      by: flags.by,
      reason: flags.reason,
      // Each field as given: To stays To, Cc stays Cc, a blind copy stays in the envelope only;
      // each mailbox once, in the first field naming it, as serve sends it.
      ...namedOnce(flags),
      ...(flags.confirmNew ? { confirmNew: true } : {}),
      ...(flags.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
      ...(flags.force ? { force: true } : {}),
      ...(flags.fewerCustomers ? { fewerCustomers: true } : {}),
    });
    if (flags.json)
      context.out(
        `${JSON.stringify({ id: result.id, messageId: result.messageId, envelope: result.envelope }, null, 2)}\n`,
      );
    else context.out(`${text.released(id, inOneLine(result.envelope.to.join(', ')))}\n`);
  } catch (error) {
    // Stopped by Ctrl-C before its start was logged: the guard sent nothing and the store let it go.
    const signalled = interrupts.interrupted;
    if (signalled !== undefined) throw new CliFailure(text.interruptedNotSent(id), signalled);
    if (
      isEmailGuardError(error, 'RECIPIENT_BLOCKED') ||
      isEmailGuardError(error, 'RECIPIENT_NEEDS_CONFIRMATION')
    )
      throw new CliFailure(
        `${text.staysHeld(id)}: ${text.refusal && error instanceof MessageHeldError ? refused(error, flags.locale, text.refusal) : inOneLine(inCommandWords(withoutRefusal(error.message)))}${stoppedOnceFound(held, flags, error)}`,
        exitCodes.findings,
      );
    // Refused by the release on the rule asked above (a store or directory that changed meanwhile).
    const need = releaseNeedOf(error);
    if (need) throw needFailure(need, held, flags, source);
    if (error instanceof SmtpUtf8NotAnnouncedError)
      throw usageFailure(
        `${text.staysHeld(id)}: ${text.noSmtpUtf8(serverName(flags.smtp), error.addresses.join(', '))}`,
      );
    if (isEmailGuardError(error, 'INVALID_INPUT')) throw usageFailure(invalidRelease(id, error, flags));
    // The start of the release could not be logged, so it was not sent (fail closed): 3, the log is
    // output that cannot be written, as an unreadable input is.
    if (isEmailGuardError(error, 'AUDIT_LOG_FAILED'))
      throw new CliFailure(
        text.auditLogUnwritable(id, opened.auditLogName, whyFailed(error)),
        exitCodes.unreadable,
      );
    if (error instanceof HeldMessageClaimedError) throw underWay(error, flags, 'release');
    // Found above, gone now: another release or discard ended it in between.
    if (isEmailGuardError(error) && (await goneSince(opened, id)))
      await refuseEndedMeanwhile(opened, flags, id, 'release');
    if (isEmailGuardError(error))
      throw new CliFailure(describeStoreRefusal(id, error, flags.locale), exitCodes.unreadable);
    // The transport's failure (server unreachable, mail refused): not unreadable input (3).
    throw new CliFailure(
      `${text.staysHeld(id)}: ${text.notSent(serverName(flags.smtp), inOneLine((error as Error).message))}`,
      exitCodes.notSent,
    );
  } finally {
    transporter.close();
  }
}

/** What a shell reports for a process stopped by each signal: 128 + its number. */
const SIGNAL_EXIT_CODES = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;

/** A release watched for Ctrl-C (SIGINT) and SIGTERM ({@link watchInterrupts}). */
interface ReleaseInterrupts {
  /** The audit log the release writes to, through the watch. */
  readonly auditLog: AuditLog;
  /** Set once the store's release is called: from then a signal stops it at its start line. */
  sending: boolean;
  /** The exit code of the signal that came before the release's start was logged. */
  readonly interrupted: number | undefined;
  stop(): void;
}

/**
 * Watches a release for Ctrl-C (SIGINT) and SIGTERM, and says in one line what state it leaves the
 * hold in, exiting as a shell reports the signal (130, 143). Before the send began, nothing was
 * sent: a signal before the release is called ends the command at once; one during it refuses the
 * release's `release-started` line, so the guard sends nothing (it sends only once that line is
 * written) and the store lets the hold go, still held. Once that line is written the message may
 * be on its way: the process ends there, its start with no end in the log, so `holds show` calls
 * it in doubt and nothing makes it look released. A second signal ends the command at once.
 */
function watchInterrupts(
  id: string,
  log: AuditLog,
  locale: CliLocale,
  context: CommandContext,
): ReleaseInterrupts {
  const text = cliTexts[locale].holds;
  let last: AuditOutcome | undefined;
  const watch: ReleaseInterrupts & { interrupted: number | undefined } = {
    sending: false,
    interrupted: undefined,
    auditLog: {
      async record(entry: AuditEntry) {
        if (watch.interrupted !== undefined && entry.outcome === 'release-started')
          throw new Error('the release was interrupted before its send began');
        await log.record(entry);
        last = entry.outcome;
      },
      ...(log.lastReleaseOutcomes ? { lastReleaseOutcomes: log.lastReleaseOutcomes.bind(log) } : {}),
    },
    stop: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
  const handlers = SIGNAL_EXIT_CODES.map(([signal, code]) => {
    const handler = () => {
      const exit = (line: string) => {
        context.warn(`email-guard: ${line}`);
        process.exit(code);
      };
      if (last === 'release-started') exit(text.interruptedInDoubt(id));
      else if (last === 'released' || last === 'released-despite-block') exit(text.interruptedSent(id));
      else if (!watch.sending || watch.interrupted !== undefined) exit(text.interruptedNotSent(id));
      else watch.interrupted = code;
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return watch;
}

/**
 * For a message held only because its customer could not be looked up, released as held: the check
 * against the customer found now blocked a recipient, which no --confirm-new answers. Says so,
 * naming the customer, and asks for the corrected recipients (--to); empty otherwise.
 */
function stoppedOnceFound(held: HeldMessage, flags: ReleaseFlags, error: unknown): string {
  if (
    !isEmailGuardError(error, 'RECIPIENT_BLOCKED') ||
    correctedRecipients(flags).length ||
    held.customerId === undefined
  )
    return '';
  if (!heldForLookupOnly(held)) return '';
  return `; ${cliTexts[flags.locale].holds.stoppedOnceFound(inOneLine(held.customerId))}`;
}

/** Each recipient stopped, quoted, with its state and the codes that held it: `"x@y" confirm (…)`. */
function stoppedList(recipients: HeldMessage['recipients'], locale: CliLocale): string {
  return recipients
    .map(
      (recipient) =>
        `${quoted(recipient.address, locale)} ${recipientState(recipient.verdict.action, locale)} (${holdingCodes(recipient.verdict, locale).join('; ')})`,
    )
    .join(', ');
}

/** A recipient or a value given, quoted as the language quotes (”…” in Swedish), its controls shown escaped. */
function quoted(value: string, locale: CliLocale): string {
  return escapeControls(cliTexts[locale].holds.quoted(value));
}

/**
 * Refuses a `--to` (`--cc`, `--bcc`) that is not one plain address, by its place on the command line
 * and as typed: the store would refuse it too, naming its own field (`options.to.1`) in English. The
 * refusal is a release attempt like any other, so the audit log says who tried, why and why it was
 * refused (`release-refused`, the value as an `invalid-address` recipient) before the command ends;
 * a line that cannot be written refuses as an unwritable log does. One address whose local part
 * shows another (`"erik.lind@telia.com"@evil.com`) is one address: it goes on to the check at
 * release, which blocks it with its finding, where the mail would go, and logs that refusal.
 */
async function refuseUnreadableRecipients(
  opened: OpenedHoldStore,
  held: HeldMessage,
  flags: ReleaseFlags,
): Promise<void> {
  const given = (['to', 'cc', 'bcc'] as const).flatMap((field) =>
    correctedRecipients({ [field]: flags[field] }).map((address) => ({ field, address })),
  );
  for (const [index, { address }] of given.entries()) {
    const parsed = parseAddress(address);
    if (parsed.ok || parsed.reason === 'address-in-local-part') continue;
    const failure = usageFailure(
      cliTexts[flags.locale].holds.notOneAddress(
        index + 1,
        quoted(address, flags.locale),
        INVALID_REASONS[flags.locale][parsed.reason],
        extractAddress(address),
      ),
    );
    const { field } = given[index] as Given;
    await recordRefusal(opened, held, flags, {
      recipients: [{ field, address, action: 'block', codes: ['invalid-address'] }],
      refusal: { code: 'INVALID_INPUT', message: failure.message },
    });
    throw failure;
  }
}

type Given = { readonly field: 'to' | 'cc' | 'bcc'; readonly address: string };

/** The `release-refused` line of a release the command refused before the store was asked. */
async function recordRefusal(
  opened: OpenedHoldStore,
  held: HeldMessage,
  flags: ReleaseFlags,
  {
    recipients,
    refusal,
  }: {
    readonly recipients: AuditEntry['recipients'];
    readonly refusal: { readonly code: string; readonly message: string };
  },
): Promise<void> {
  try {
    await opened.auditLog().record({
      at: new Date().toISOString(),
      ...(held.messageId === undefined ? {} : { messageId: held.messageId }),
      ...(held.customerId === undefined ? {} : { customerId: held.customerId }),
      mode: 'enforce',
      outcome: 'release-refused',
      action: 'block',
      recipients,
      holdId: held.id,
      release: {
        by: flags.by,
        reason: flags.reason,
        ...(flags.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
        ...(flags.confirmNew ? { confirmNew: true } : {}),
        refusal,
      },
    });
  } catch (error) {
    throw new CliFailure(
      cliTexts[flags.locale].holds.auditLogUnwritable(held.id, opened.auditLogName, whyFailed(error)),
      exitCodes.unreadable,
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

/** The library's way out of a refused release, said with this command's flags instead of its options. */
function inCommandWords(message: string): string {
  return message.replace(
    CORRECT_PROBABLY_WRONG,
    'Correct the recipient with --to (confirming it as new, --confirm-new, does not answer this) and release the message again, or discard it.',
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
    ? `${refusal.blocked(stopped)}${withheldCorrections(held, locale)}`
    : refusal.otherCustomer(stopped);
}

/** `holds discard ID`: removes it unsent (sets it aside, `--damaged`), after asking on a terminal. */
export async function discardHeld(id: string, flags: DiscardFlags, context: CommandContext): Promise<void> {
  await withHoldStore(flags, (opened) =>
    flags.damaged ? discardDamaged({ opened, id, flags, context }) : discardFrom(opened, id, flags, context),
  );
}

/**
 * Whether a discard goes ahead: `--yes`, or a yes at the terminal; answered no, it says the
 * message is kept and exits 1, as a refused release does (docs/cli.md, exit codes): a script sees it.
 */
async function confirmedOrYes(
  id: string,
  question: string,
  flags: DiscardFlags,
  context: CommandContext,
): Promise<boolean> {
  if (flags.yes) return true;
  const text = cliTexts[flags.locale].holds;
  if (!context.interactive) throw usageFailure(text.noOneToConfirm(id));
  if (await context.confirm(question)) return true;
  context.out(`${text.kept(id)}\n`);
  context.setExitCode(exitCodes.findings);
  return false;
}

async function discardFrom(
  opened: OpenedHoldStore,
  id: string,
  flags: DiscardFlags,
  context: CommandContext,
): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  const held = await findHeld(opened, flags, id, 'discard');
  const standing = (await releaseStandings(opened, flags, context, [held], false)).get(id);
  // A release left in doubt by a stopped process is not one under way: the operator is told where it
  // went and the message-id to look for, and discards it with --force once the mail server's log is read.
  if (!flags.force && standing?.status === 'in-doubt')
    throw usageFailure(text.discardInDoubt(id, startedLine(held, standing.started, flags)));
  // The hold as list and show call it now: a block confirmed for another customer's address says
  // so, which no one confirming for this customer can answer, and is what is being thrown away.
  const question = text.question(id, heldState(held, flags.locale), inOneLine(held.envelope.to.join(', ')));
  if (!(await confirmedOrYes(id, question, flags, context))) return;
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
    if (error instanceof HeldMessageClaimedError) throw underWay(error, flags, 'discard');
    if (isEmailGuardError(error) && (await goneSince(opened, id)))
      await refuseEndedMeanwhile(opened, flags, id, 'discard');
    if (isEmailGuardError(error))
      throw new CliFailure(describeStoreRefusal(id, error, flags.locale), exitCodes.unreadable);
    throw error;
  }
  // Found above, gone now: another release or discard ended it in between.
  if (!removed) await refuseEndedMeanwhile(opened, flags, id, 'discard');
  context.out(`${text.discarded(id)}\n`);
}

/**
 * `holds discard ID --damaged`: an entry `list` cannot read is set aside whole in the store's
 * `damaged` folder, not deleted: it may be a held message, and what it held is kept for whoever
 * looks into it. Asked first on a terminal, and logged before it is moved (fail closed), as a discard.
 */
async function discardDamaged({
  opened,
  id,
  flags,
  context,
}: {
  readonly opened: OpenedHoldStore;
  readonly id: string;
  readonly flags: DiscardFlags;
  readonly context: CommandContext;
}): Promise<void> {
  const text = cliTexts[flags.locale].holds;
  if (!opened.setAside) throw usageFailure(text.damagedNeedsFolder);
  const problem = (await opened.problems()).find((entry) => entry.id === id);
  if (!problem) {
    // Set aside or discarded before this found it: said as a discard of a message already
    // discarded is, from the audit log, rather than "no held message".
    await findHeld(opened, flags, id, 'discard');
    throw usageFailure(text.notDamaged(id));
  }
  if (!(await confirmedOrYes(id, text.questionDamaged(id, problem.code), flags, context))) return;
  const log = opened.auditLog();
  let moved: string[];
  try {
    // Logged once the entry is locked and before it moves (fail closed), as a discard is.
    moved = await opened.setAside(id, () =>
      log
        .record({
          at: new Date().toISOString(),
          mode: 'enforce',
          outcome: 'discarded',
          // What the entry held cannot be read, its verdict with it: it is counted as held (block).
          action: 'block',
          recipients: [],
          holdId: id,
          discard: { by: flags.by, reason: flags.reason, where: 'command-line', damaged: problem.code },
        })
        .catch((error: unknown) => {
          throw new CliFailure(
            text.discardUnlogged(id, opened.auditLogName, whyFailed(error)),
            exitCodes.unreadable,
          );
        }),
    );
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    if (error instanceof HeldMessageClaimedError) throw underWay(error, flags, 'discard');
    if (isEmailGuardError(error) && (await goneSince(opened, id)))
      await refuseEndedMeanwhile(opened, flags, id, 'discard');
    if (isEmailGuardError(error))
      throw new CliFailure(describeStoreRefusal(id, error, flags.locale), exitCodes.unreadable);
    throw error;
  }
  // Found damaged above, gone now: another discard set it aside (or removed it) in between.
  if (moved.length === 0) await refuseEndedMeanwhile(opened, flags, id, 'discard');
  context.out(`${text.setAside(id, moved.map(inOneLine).join(', '))}\n`);
}
