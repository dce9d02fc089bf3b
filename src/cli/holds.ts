import { stat } from 'node:fs/promises';
import { isEmailGuardError, MessageHeldError } from '../errors.js';
import { createGuard } from '../guard/create-guard.js';
import { type FindingFacts, messageFor } from '../guard/messages.js';
import type { Finding, Verdict } from '../guard/verdict.js';
import { createFileHoldStore, type FileHoldStore } from '../nodemailer/create-file-hold-store.js';
import { createJsonLinesAuditLog } from '../nodemailer/create-json-lines-audit-log.js';
import { heldAge as age } from '../nodemailer/held-age.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';
import { nodemailerGuard } from '../nodemailer/nodemailer-guard.js';
import { cliTexts } from './cli-texts.js';
import { CliFailure, exitCodes, unreadableFailure, usageFailure } from './exit-codes.js';
import { KEY_VARIABLE } from './holds-command.js';
import type { CommandContext } from './program-context.js';
import { readCustomers } from './read-customers.js';

/** The options every `holds` subcommand takes. */
export interface StoreFlags {
  readonly store: string;
  readonly json?: boolean;
  readonly locale: 'sv' | 'en';
}

export interface ReleaseFlags extends StoreFlags {
  readonly by: string;
  readonly reason: string;
  readonly to?: string[];
  readonly confirmNew?: boolean;
  readonly sendDespiteBlock?: boolean;
  readonly customers: string;
  readonly smtp: string;
  readonly auditLog?: string;
}

export interface DiscardFlags extends StoreFlags {
  readonly yes?: boolean;
}

// The words of the review page (src/serve/data/page-texts.ts): a held message is "stoppat",
// released is "släppt", discarded is "kastat".
const texts = {
  en: {
    actions: { send: 'send', confirm: 'confirm', block: 'block' },
    fields: { to: 'to', cc: 'cc', bcc: 'bcc' } as Record<string, string>,
    none: 'no held messages',
    releasingFlag: 'RELEASING',
    customer: 'customer',
    labels: {
      id: 'id',
      held: 'held',
      customer: 'customer',
      message: 'message',
      subject: 'subject',
      date: 'date',
      envelope: 'envelope',
      lookup: 'lookup',
    },
    heldFor: (heldAt: string, held: string, action: string, releasing: boolean) =>
      `${heldAt} (${held} ago), ${action}${releasing ? ', being released' : ''}`,
    bytes: 'bytes',
    noStore: 'no hold store folder there',
    noMessage: (id: string) => `no held message ${id}`,
    needsTo: (id: string, blocked: string) =>
      `${id} was held because a recipient is blocked (${blocked}): give the corrected recipients with --to`,
    staysHeld: (id: string) => `${id} stays held`,
    released: (id: string, to: string) => `released ${id} to ${to}`,
    noCustomer: (customer: string, file: string) =>
      `the customer ${customer} is not in ${file}: release it with the export that holds the customer`,
    notSent: (server: string, why: string) => `the SMTP server ${server} did not take the message (${why})`,
    noOneToConfirm: (id: string) => `discard ${id}: no one can confirm here; add --yes`,
    question: (id: string, action: string, to: string) =>
      `Discard ${id} (${action}, to ${to}) without sending it?`,
    kept: (id: string) => `kept ${id}`,
    discarded: (id: string) => `discarded ${id}`,
  },
  sv: {
    actions: { send: 'skicka', confirm: 'bekräfta', block: 'stoppa' },
    fields: { to: 'till', cc: 'kopia', bcc: 'dold kopia' } as Record<string, string>,
    none: 'inga stoppade meddelanden',
    releasingFlag: 'SLÄPPS NU',
    customer: 'kund',
    labels: {
      id: 'id',
      held: 'stoppat',
      customer: 'kund',
      message: 'meddelande',
      subject: 'ämne',
      date: 'datum',
      envelope: 'kuvert',
      lookup: 'uppslag',
    },
    heldFor: (heldAt: string, held: string, action: string, releasing: boolean) =>
      `${heldAt} (för ${held} sedan), ${action}${releasing ? ', släpps nu' : ''}`,
    bytes: 'byte',
    noStore: 'ingen mapp med stoppade meddelanden där',
    noMessage: (id: string) => `inget stoppat meddelande ${id}`,
    needsTo: (id: string, blocked: string) =>
      `${id} stoppades för att en mottagare inte klarar kontrollen (${blocked}): ange de rättade mottagarna med --to`,
    staysHeld: (id: string) => `${id} ligger kvar`,
    released: (id: string, to: string) => `${id} släpptes till ${to}`,
    noCustomer: (customer: string, file: string) =>
      `kunden ${customer} finns inte i ${file}: släpp det med den export som har kunden`,
    notSent: (server: string, why: string) => `SMTP-servern ${server} tog inte emot meddelandet (${why})`,
    noOneToConfirm: (id: string) => `kasta ${id}: ingen kan bekräfta här; lägg till --yes`,
    question: (id: string, action: string, to: string) =>
      `Kasta ${id} (${action}, till ${to}) utan att skicka det?`,
    kept: (id: string) => `${id} ligger kvar`,
    discarded: (id: string) => `${id} kastades`,
  },
} as const;

async function openStore(flags: StoreFlags): Promise<FileHoldStore> {
  const info = await stat(flags.store).catch(() => undefined);
  if (!info?.isDirectory()) throw unreadableFailure(`${flags.store}: ${texts[flags.locale].noStore}`);
  const key = process.env[KEY_VARIABLE];
  return createFileHoldStore(flags.store, key ? { key } : {});
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
  if (!held) throw unreadableFailure(`${flags.store}: ${texts[flags.locale].noMessage(id)}`);
  return held;
}

function actionWord(action: Verdict['action'], locale: 'sv' | 'en'): string {
  return texts[locale].actions[action] ?? action;
}

function recipientLine(recipient: HeldMessage['recipients'][number], locale: 'sv' | 'en'): string {
  const { verdict } = recipient;
  const suggestion = verdict.suggestion ? ` -> ${verdict.suggestion}` : '';
  const field = texts[locale].fields[recipient.field] ?? recipient.field;
  // The codes behind a verdict other than send: "confirm" alone does not say that the address is
  // another customer's, which is what the person releasing it has to weigh.
  const codes = verdict.findings.filter((finding) => finding.action !== 'send').map(({ code }) => code);
  const why = verdict.action !== 'send' && codes.length > 0 ? ` (${codes.join(', ')})` : '';
  return `${field}: ${recipient.address} ${actionWord(verdict.action, locale)}${suggestion}${why}`;
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

/** `holds list`: every held message, oldest first. */
export async function listHeld(flags: StoreFlags, context: CommandContext): Promise<void> {
  const text = texts[flags.locale];
  const store = await openStore(flags);
  const held = await store.list();
  for (const problem of await store.listProblems())
    context.warn(`${problem.file}: ${problem.code}: ${problem.message}`);
  if (flags.json) {
    context.out(
      `${JSON.stringify(
        held.map((entry) => ({ ...entry, age: age(entry.heldAt) })),
        null,
        2,
      )}\n`,
    );
  } else if (held.length === 0) {
    context.out(`${text.none}\n`);
  } else {
    const width = Math.max(...Object.values(text.actions).map((word) => word.length));
    const lines = held.map((entry) =>
      [
        entry.id,
        entry.heldAt,
        age(entry.heldAt).padStart(7),
        actionWord(entry.action, flags.locale).padEnd(width),
        entry.state === 'releasing' ? text.releasingFlag : '',
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
  const text = texts[flags.locale];
  const store = await openStore(flags);
  const { raw, ...held } = await findHeld(store, flags, id);
  const { subject, date } = await subjectAndDate(raw).catch(() => ({
    subject: undefined,
    date: undefined,
  }));
  if (flags.json) {
    context.out(`${JSON.stringify({ ...held, age: age(held.heldAt), subject, date }, null, 2)}\n`);
    return;
  }
  const width = Math.max(...Object.values(text.labels).map((label) => label.length)) + 3;
  const label = (key: keyof typeof text.labels) => `${text.labels[key]}:`.padEnd(width);
  const lines = [
    `${label('id')}${held.id}`,
    `${label('held')}${text.heldFor(held.heldAt, age(held.heldAt), actionWord(held.action, flags.locale), held.state === 'releasing')}`,
    `${label('customer')}${held.customerId ?? '-'}`,
    `${label('message')}${held.messageId ?? '-'}, ${held.size} ${text.bytes}`,
    `${label('subject')}${subject ?? '-'}`,
    `${label('date')}${date ?? '-'}`,
    `${label('envelope')}${held.envelope.from ?? '-'} -> ${held.envelope.to.join(', ')}`,
  ];
  if (held.customerLookup) lines.push(`${label('lookup')}${held.customerLookup.reason}`);
  for (const recipient of held.recipients) {
    lines.push('', recipientLine(recipient, flags.locale));
    for (const finding of recipient.verdict.findings)
      lines.push(
        `  ${actionWord(finding.action, flags.locale).padEnd(7)} ${finding.code}: ${findingMessage(finding, flags.locale)}`,
      );
  }
  context.out(`${lines.join('\n')}\n`);
}

/** `holds release ID`: sends it, corrected, through the guard again. */
export async function releaseHeld(id: string, flags: ReleaseFlags, context: CommandContext): Promise<void> {
  const text = texts[flags.locale];
  const store = await openStore(flags);
  const held = await findHeld(store, flags, id);
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
  const customers = await readCustomers(flags.customers, context.progress(), flags.locale);
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
      auditLog: createJsonLinesAuditLog(
        flags.auditLog ?? `${flags.store.replace(/[/\\]+$/, '')}.audit.jsonl`,
      ),
    }),
  );
  try {
    const result = await store.release(id, transporter, {
      by: flags.by,
      reason: flags.reason,
      ...(flags.to?.length ? { to: flags.to } : {}),
      ...(flags.confirmNew ? { confirmNew: true } : {}),
      ...(flags.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
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
        `${text.staysHeld(id)}: ${flags.locale === 'sv' && error instanceof MessageHeldError ? refusedInSwedish(error) : withoutRefusal(error.message)}`,
        exitCodes.findings,
      );
    if (isEmailGuardError(error, 'INVALID_INPUT')) throw usageFailure(error.message);
    // The store's own refusals (already released or discarded, being released): not there (3).
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
 * The library's refusal without its opening ("Release of ID refused, the message stays held: "):
 * the line already begins "ID stays held", and says it once.
 */
function withoutRefusal(message: string): string {
  return message.replace(/^Release of \S+ refused, the message stays held: /, '');
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
 * Why a release was refused, in Swedish: the library's error names the same recipients and finding
 * codes in English.
 */
function refusedInSwedish(error: MessageHeldError<HeldMessage['recipients'][number]>): string {
  const held = error.recipients.filter((recipient) => recipient.verdict.action !== 'send');
  const stopped = held
    .map(
      (recipient) =>
        `${JSON.stringify(recipient.address)} ${actionWord(recipient.verdict.action, 'sv')} (${recipient.verdict.findings
          .filter((finding) => finding.action !== 'send')
          .map((finding) => finding.code)
          .join('; ')})`,
    )
    .join(', ');
  return error.code === 'RECIPIENT_NEEDS_CONFIRMATION'
    ? `mottagaren ${stopped} är inte känd för kunden; släpp det med --confirm-new när adressen är bekräftad som kundens`
    : // Refused for a verdict of block, or (judged confirm) for being another customer's address.
      `mottagaren ${stopped} ${
        held.some((recipient) => recipient.verdict.action === 'block')
          ? 'klarar inte kontrollen'
          : 'är en annan kunds adress'
      }; släpp det till en rättad adress (--to) som klarar kontrollen`;
}

/** `holds discard ID`: removes it unsent, after asking on a terminal. */
export async function discardHeld(id: string, flags: DiscardFlags, context: CommandContext): Promise<void> {
  const text = texts[flags.locale];
  const store = await openStore(flags);
  const held = await findHeld(store, flags, id);
  if (!flags.yes) {
    if (!context.interactive) throw usageFailure(text.noOneToConfirm(id));
    const sure = await context.confirm(
      text.question(id, actionWord(held.action, flags.locale), held.envelope.to.join(', ')),
    );
    if (!sure) {
      context.out(`${text.kept(id)}\n`);
      return;
    }
  }
  const removed = await store.discard(id);
  if (!removed) throw unreadableFailure(`${flags.store}: ${text.noMessage(id)}`);
  context.out(`${text.discarded(id)}\n`);
}
