import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type InputIssue, type InvalidInputError, isEmailGuardError } from '../errors.js';
import { NOT_AN_ADDRESS } from '../incident/address-schema.js';
import type { BreachAssessment } from '../incident/assess-breach.js';
import type { EmailNotice, PhoneScript } from '../incident/build-customer-notice.js';
import { countryTimeZone } from '../incident/data/country-time-zones.js';
import { describeInputIssues } from '../incident/describe-input-issues.js';
import { MESSAGE_NAMES_NO_RECIPIENT } from '../incident/impossible-facts.js';
import type { IncidentReport } from '../incident/incident-report.js';
import {
  citation,
  noticeLacksMeasures,
  passedDeadlines,
  reportDateTime,
} from '../incident/report-conclusions.js';
import { HeaderEndScanner } from '../pipeline/find-header-end.js';
import { checkTimeZone } from './check-time-zone.js';
import { cliTexts } from './cli-texts.js';
import { escapeControls, inOneLine } from './escape-controls.js';
import { CliFailure, exitCodes, unreadableFailure, usageFailure } from './exit-codes.js';
import { headerFields } from './header-fields.js';
import type { CommandContext } from './program-context.js';
import { readFacts } from './read-facts.js';
import { readMboxHeaders } from './read-sent-mail.js';
import { checkWritable, writeAtomically } from './write-atomically.js';

/** The options of `email-guard incident` (incident-command.ts). */
export interface IncidentFlags {
  /** What went wrong: an e-mail (`--message`) or a text message (`--text`). */
  readonly channel: 'email' | 'sms';
  readonly message?: string;
  /** The text of a text message (SMS), with `--channel sms`. */
  readonly text?: string;
  readonly intended: string;
  readonly actual: string;
  readonly facts: string;
  readonly format: 'text' | 'markdown' | 'html';
  readonly out: string;
  readonly json?: boolean;
  /** Replace a report already in `out`. */
  readonly overwrite?: boolean;
  readonly locale: 'sv' | 'en';
  /** The IANA zone the report is written in (`--time-zone`); by default the organisation's country's. */
  readonly timeZone?: string;
}

const extensions = { text: 'txt', markdown: 'md', html: 'html' } as const;

/**
 * `email-guard incident` (incident-command.ts): the breach report, the customer notice (.eml) and
 * the phone script for a confirmation that reached the wrong person, from the sent message and a
 * file of facts.
 */
export async function runIncident(flags: IncidentFlags, context: CommandContext): Promise<void> {
  // The message as sent is the .eml for an e-mail and the text for a text message: one, never both.
  const [needed, other] =
    flags.channel === 'sms' ? (['text', 'message'] as const) : (['message', 'text'] as const);
  if (flags[needed] === undefined)
    throw usageFailure(cliTexts[flags.locale].incident.needs(`--${needed}`, flags.channel));
  if (flags[other] !== undefined)
    throw usageFailure(cliTexts[flags.locale].incident.notWith(`--${other}`, flags.channel));
  checkTimeZone(flags.timeZone, flags.locale);
  // Checked before any work: a file in the way would end in a stack trace after the report was made.
  const existing = await stat(flags.out).catch(() => undefined);
  if (existing && !existing.isDirectory())
    throw unreadableFailure(`${flags.out}: ${cliTexts[flags.locale].outNotFolder}`);
  if (existing && !flags.overwrite) await refuseEarlierReport(flags.out, flags.locale);
  await checkWritable(join(flags.out, 'report'), flags.out);
  const facts = await readFacts(flags.facts, flags.locale);
  const { renderIncidentReport } = await import('../incident/index.js');
  const result =
    flags.channel === 'sms'
      ? await smsReport(flags, flags.text ?? '', facts)
      : await emailReport(flags, flags.message ?? '', facts);
  // The zone the library judged the report in: the one given, else the organisation's country's.
  const timeZone = flags.timeZone ?? countryTimeZone(result.report.provider.country);
  const report = join(flags.out, `report.${extensions[flags.format]}`);
  await writeAtomically(
    report,
    renderIncidentReport(result.report, { locale: flags.locale, format: flags.format, timeZone }),
  );
  // Without the customer's e-mail address a text message's notice is the phone script alone.
  const notice = result.notices.email === undefined ? undefined : join(flags.out, 'notice.eml');
  if (notice !== undefined && result.notices.email !== undefined)
    await writeAtomically(notice, result.notices.email.raw);
  await writeAtomically(join(flags.out, 'phone-script.txt'), `${result.notices.phoneScript.text}\n`);
  // The report says it under Measures; the person running the command is told where they look, as a
  // warning that leaves the exit code alone (the files were written).
  if (noticeLacksMeasures(result.report, flags.locale))
    context.warn(cliTexts[flags.locale].incident.noMeasures(flags.facts));
  // A deadline that had passed when the report was written makes the notification late, to be sent
  // with the reasons for the delay (GDPR Art. 33(1); Regulation 611/2013 Art. 2(2)): the report says
  // it under the authority, and the person filing is told here too.
  const passed = passedDeadlines(result.report);
  const phrasing = { locale: flags.locale, timeZone } as const;
  for (const late of passed)
    context.warn(
      cliTexts[flags.locale].incident.deadlinePassed(
        late.finding.authority?.abbreviation ?? late.finding.authority?.name ?? late.finding.regime,
        citation(phrasing, late.article, { capitalise: false }),
        reportDateTime(phrasing, late.due),
        flags.facts,
        late.reasonsGiven,
      ),
    );
  if (flags.json) {
    context.out(
      `${JSON.stringify({ assessment: result.assessment, notes: result.inventory.notes, files: [report, ...(notice === undefined ? [] : [notice]), join(flags.out, 'phone-script.txt')] }, null, 2)}\n`,
    );
    return;
  }
  const text = cliTexts[flags.locale].incident;
  // The deadline as the report writes it (its time zone, words and citations), not a UTC ISO string.
  const lines = [
    // What the inventory could not read (an attachment, a body) is said where the user looks first.
    ...result.inventory.notes,
    ...result.assessment.deadlines.map(
      (deadline) =>
        `${citation(phrasing, deadline.article)}: ${deadline.within}${
          deadline.due
            ? ` (${text.by} ${reportDateTime(phrasing, deadline.due)}${
                passed.some((late) => late.article === deadline.article) ? `: ${text.passed}` : ''
              })`
            : ''
        }`,
    ),
    // A path comes from the command line: a line break in it must not start a line of its own.
    `${text.report}: ${inOneLine(report)}`,
    ...(notice === undefined ? [] : [`${text.notice}: ${inOneLine(notice)}`]),
    `${text.phoneScript}: ${inOneLine(join(flags.out, 'phone-script.txt'))}`,
    // The notice and script of a message nobody has read say only that its content is being established.
    ...(result.report.data.contentUnknown === true ? [`(${text.namesNoData})`] : []),
  ];
  context.out(`${lines.join('\n')}\n`);
}

/** The options both channels' reports take from the command line. */
function libraryOptions(flags: IncidentFlags): { locale: 'sv' | 'en'; timeZone?: string } {
  return { locale: flags.locale, ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }) };
}

/** The files a report leaves in its folder. */
const reportFiles = /^(report\.(txt|md|html)|notice\.eml|phone-script\.txt)$/;

/**
 * Refuses (usage, exit code 2) a folder that already holds a report, as `audit --incidents` does:
 * a second run would replace the first incident's report and notice without a word.
 */
async function refuseEarlierReport(folder: string, locale: 'sv' | 'en'): Promise<void> {
  const found = (await readdir(folder)).filter((name) => reportFiles.test(name)).sort();
  if (found.length === 0) return;
  throw usageFailure(cliTexts[locale].earlierReport(folder, found.join(', ')));
}

/**
 * `unconfirmed: true` when the facts say nothing of who received the message (no `recipient`,
 * `recipientConfirmedDeletion`, `returnedUnopened` or `unconfirmed`): the message and the two
 * addresses show where it was sent, not that the address is someone's or that anyone read it, so
 * the report says only what is known (docs/incident.md, `unconfirmed`).
 */
function deliveryUnknown(facts: Record<string, unknown>): { unconfirmed: true } | Record<string, never> {
  const known = ['recipient', 'recipientConfirmedDeletion', 'returnedUnopened', 'unconfirmed'];
  return known.some((field) => facts[field] !== undefined) ? {} : { unconfirmed: true };
}

/**
 * Refuses (unreadable input, 3) a message whose Date field is not a date when the facts do not say
 * when it was sent: the time would otherwise come from the parser's fallback, and the refusal that
 * follows would name detectedAt, sending the reader to the facts file instead of the message.
 */
function refuseUndated(message: Buffer, file: string, flags: IncidentFlags): void {
  const scanner = new HeaderEndScanner();
  const end = scanner.push(message);
  const date = headerFields(message.subarray(0, end < 0 ? message.length : end), DATE_FIELD)
    .get('date')
    ?.at(0);
  if (date === undefined) return; // reportMisdirected names a missing one (its occurredAt).
  // RFC 5322 §3.3 dates, and the obsolete forms §4.3 allows, are what Date.parse reads.
  if (!Number.isNaN(Date.parse(date))) return;
  throw unreadableFailure(
    `${file}: ${cliTexts[flags.locale].incident.badDate(escapeControls(date), flags.facts)}`,
  );
}

const DATE_FIELD: ReadonlySet<string> = new Set(['date']);

/**
 * Refuses (unreadable input, 3) an mbox file (its first line a `From ` line, RFC 4155) that holds
 * more than one message: the report would be made of the first one, whichever went wrong. The
 * messages are counted as `audit` reads an mbox.
 */
async function refuseSeveralMessages(message: Buffer, file: string, locale: 'sv' | 'en'): Promise<void> {
  if (!message.subarray(0, 5).equals(Buffer.from('From '))) return;
  let count = 0;
  for await (const _ of readMboxHeaders(file, undefined, locale)) count++;
  if (count > 1) throw unreadableFailure(cliTexts[locale].incident.severalMessages(file, count));
}

/** What either channel's report gives the command to write and print. */
interface IncidentResult {
  readonly assessment: BreachAssessment;
  readonly inventory: { readonly notes: readonly string[] };
  readonly report: IncidentReport;
  readonly notices: { readonly email?: EmailNotice; readonly phoneScript: PhoneScript };
}

/** `reportMisdirected` on the .eml in `file`, its refusals as the command's failures. */
async function emailReport(
  flags: IncidentFlags,
  file: string,
  facts: Record<string, unknown>,
): Promise<IncidentResult> {
  let message: Buffer;
  try {
    message = await readFile(file);
  } catch (error) {
    throw unreadableFailure(
      `${file}: ${cliTexts[flags.locale].cannotBeRead(String((error as NodeJS.ErrnoException).code ?? error))}`,
    );
  }
  await refuseSeveralMessages(message, file, flags.locale);
  if (!('occurredAt' in (facts as object))) refuseUndated(message, file, flags);
  const { reportMisdirected } = await import('../incident/index.js');
  let result: Awaited<ReturnType<typeof reportMisdirected>>;
  try {
    result = await reportMisdirected(
      {
        ...facts,
        ...deliveryUnknown(facts),
        message,
        intended: flags.intended,
        actual: flags.actual,
      } as unknown as Parameters<typeof reportMisdirected>[0],
      libraryOptions(flags),
    );
  } catch (error) {
    if (isEmailGuardError(error, 'INVALID_INPUT')) {
      // A message that names no recipient is the message's fault, not a fact's: named as the file,
      // in the library's words (in the --locale asked for), which name every field read.
      const noRecipient = (error as InvalidInputError).issues.find(
        (issue) => issue.code === MESSAGE_NAMES_NO_RECIPIENT,
      );
      if (noRecipient !== undefined) throw unreadableFailure(`${file}: ${noRecipient.message}`);
      const field = ((error as { field?: string }).field ?? '').replace(/^input\./, '');
      // Without `occurredAt` in the facts, the time comes from the message's Date field.
      const fromMessage = field === 'occurredAt' && !('occurredAt' in (facts as object));
      if (fromMessage)
        throw unreadableFailure(`${file}: ${cliTexts[flags.locale].incident.noDate(flags.facts)}`);
      const source = field === 'intended' || field === 'actual' ? `--${field}` : flags.facts;
      // An argument that is not an address is a wrong command line (2); an address that contradicts
      // the message (not among its recipients, the intended mailbox itself) is a wrong fact (3), as
      // a wrong fact in the facts file is (docs/cli.md: "a missing or wrong fact names the field").
      const notAnAddress = (error as { issues?: readonly InputIssue[] }).issues?.every(
        (issue) => issue.code === NOT_AN_ADDRESS,
      );
      const { ReportMisdirectedInputSchema } = await import('../incident/index.js');
      const described = describeInputIssues(error as InvalidInputError, {
        locale: flags.locale,
        input: { ...facts, intended: flags.intended, actual: flags.actual },
        fields: Object.keys(ReportMisdirectedInputSchema.shape),
        schema: ReportMisdirectedInputSchema,
      });
      throw new CliFailure(
        `${source}: ${described}`,
        source !== flags.facts && notAnAddress === true ? exitCodes.usage : exitCodes.unreadable,
      );
    }
    if (isEmailGuardError(error)) throw unreadableFailure(`${file}: ${error.message}`);
    throw error;
  }
  return result;
}

/** `reportMisdirectedSms` on the text in `file`, its refusals as the command's failures. */
async function smsReport(
  flags: IncidentFlags,
  file: string,
  facts: Record<string, unknown>,
): Promise<IncidentResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableFailure(
      `${file}: ${cliTexts[flags.locale].cannotBeRead(String((error as NodeJS.ErrnoException).code ?? error))}`,
    );
  }
  const { reportMisdirectedSms, ReportMisdirectedSmsInputSchema } = await import('../incident/index.js');
  try {
    return await reportMisdirectedSms(
      { ...facts, text, intended: flags.intended, actual: flags.actual } as unknown as Parameters<
        typeof reportMisdirectedSms
      >[0],
      libraryOptions(flags),
    );
  } catch (error) {
    if (isEmailGuardError(error, 'INVALID_INPUT')) {
      const field = ((error as { field?: string }).field ?? '').replace(/^input\./, '');
      const source =
        field === 'intended' || field === 'actual' ? `--${field}` : field === 'text' ? file : flags.facts;
      const described = describeInputIssues(error as InvalidInputError, {
        locale: flags.locale,
        input: { ...facts, intended: flags.intended, actual: flags.actual },
        fields: Object.keys(ReportMisdirectedSmsInputSchema.shape),
        schema: ReportMisdirectedSmsInputSchema,
      });
      // A number that is not one is a wrong command line (2), as an address that is not one is.
      throw new CliFailure(
        `${source}: ${described}`,
        source.startsWith('--') ? exitCodes.usage : exitCodes.unreadable,
      );
    }
    throw error;
  }
}
