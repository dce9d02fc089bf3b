import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Directory } from '../contacts/create-directory.js';
import { checkRecipient } from '../guard/check-recipient.js';
import type { FindingCode } from '../guard/verdict.js';
import { findDomainTypo } from '../matching/find-domain-typo.js';
import { exitCodes, unreadableFailure, usageFailure } from './exit-codes.js';
import { headerFields } from './header-fields.js';
import { type CommandContext, localeOption } from './program-context.js';
import { readCustomers } from './read-customers.js';
import {
  EXPECTED_SENT_MAIL,
  messageFiles,
  readFileHeader,
  readMboxHeaders,
  readWholeMessage,
  type SentMessageHeader,
  sentMailKind,
} from './read-sent-mail.js';
import { recipientAddresses } from './recipient-addresses.js';
import type { Report } from './render-report.js';
import { writeAtomically } from './write-atomically.js';
import { checkReportDestination, writeReport } from './write-report.js';

/** A sent message whose recipient looks wrong. */
export interface AuditHit {
  readonly where: string;
  readonly messageId?: string;
  readonly date?: string;
  readonly recipient: string;
  /** The customer it was likely meant for. */
  readonly customerId?: string;
  readonly customerName?: string;
  /** The address it likely should have gone to. */
  readonly intended?: string;
  readonly finding:
    | 'near-miss'
    | 'near-miss-other-customer'
    | 'belongs-to-other-customer'
    | 'domain-typo'
    | 'confusable-characters'
    | 'invalid-address';
  readonly reason: string;
  readonly location: SentMessageHeader['location'];
}

const hitCodes: ReadonlySet<FindingCode> = new Set([
  'near-miss',
  'near-miss-other-customer',
  'belongs-to-other-customer',
  'domain-typo',
  'confusable-characters',
  'invalid-address',
]);

/** The header fields a message's recipients are read from. */
const RECIPIENT_FIELDS = ['to', 'cc', 'bcc'] as const;

const descriptions: Record<AuditHit['finding'], { en: string; sv: string }> = {
  'near-miss': { en: "a slip from a customer's known address", sv: 'ett skrivfel av en kunds kända adress' },
  'near-miss-other-customer': {
    en: 'a slip from the address of another customer with the same name',
    sv: 'ett skrivfel av adressen till en annan kund med samma namn',
  },
  'belongs-to-other-customer': { en: "another customer's address", sv: 'en annan kunds adress' },
  'domain-typo': { en: "at a mistyped provider's domain", sv: 'hos en felskriven e-postleverantör' },
  'confusable-characters': {
    en: 'letters from another script that look like ASCII',
    sv: 'bokstäver från ett annat skriftsystem',
  },
  'invalid-address': { en: 'not a usable address', sv: 'ingen användbar adress' },
};

interface AuditFlags {
  readonly customers: string;
  readonly since?: string;
  readonly out?: string;
  readonly incidents?: string;
  readonly facts?: string;
  readonly customerHeader: string;
  readonly json?: boolean;
  readonly locale: 'sv' | 'en';
}

// One options object per locale: checkRecipient builds its checker once per options object.
const checkOptions = {
  sv: { locale: 'sv', revealOtherCustomers: true },
  en: { locale: 'en', revealOtherCustomers: true },
} as const;

/** The hits for one recipient of one message. */
function checkSentRecipient(
  address: string,
  customerId: string | undefined,
  directory: Directory,
  locale: 'sv' | 'en',
): Omit<AuditHit, 'where' | 'location' | 'messageId' | 'date'> | undefined {
  const customer = customerId === undefined ? undefined : directory.get(customerId);
  if (customer) {
    // The message names its customer: the full check, as the guard would have made it.
    const verdict = checkRecipient({ entered: address, customer, directory }, checkOptions[locale]);
    const finding = verdict.findings.find((candidate) => hitCodes.has(candidate.code));
    // The customer's own stored address can itself be at a mistyped provider (`hotmial.se`): the
    // check takes a known address as right, but the mail never reached the customer.
    if (!finding) return domainTypoHit(address, locale, customer);
    return {
      recipient: address,
      customerId: customer.id,
      ...(customer.name ? { customerName: customer.name } : {}),
      // Where it should have gone: the correction, else the customer's own known address.
      ...((verdict.suggestion ?? customer.emails?.[0])
        ? { intended: verdict.suggestion ?? customer.emails?.[0] }
        : {}),
      finding: finding.code as AuditHit['finding'],
      reason: finding.message,
    };
  }
  // No customer named: a known mailbox is fine; one slip from one is a near miss of it.
  const matches = directory.findAddress({ entered: address });
  const exact = matches.find((match) => match.distance === 0);
  if (exact) {
    const owner = directory.get(exact.customerId);
    return domainTypoHit(address, locale, owner ?? { id: exact.customerId });
  }
  const near = matches[0];
  if (near) {
    const others =
      matches.length > 1
        ? locale === 'sv'
          ? ` (och ${matches.length - 1} till)`
          : ` (and ${matches.length - 1} more)`
        : '';
    return {
      recipient: address,
      customerId: near.customerId,
      ...(near.name ? { customerName: near.name } : {}),
      intended: near.address,
      finding: 'near-miss',
      reason:
        locale === 'sv'
          ? `Ett skrivfel av ${near.address}, adressen till kund ${near.customerId}${others}.`
          : `One slip from ${near.address}, the address of customer ${near.customerId}${others}.`,
    };
  }
  return domainTypoHit(address, locale, undefined);
}

/**
 * A recipient at a mistyped domain (`findDomainTypo`, the same table `customers check` uses), named
 * for the customer whose address it is when it is a stored one.
 */
function domainTypoHit(
  address: string,
  locale: 'sv' | 'en',
  customer: { readonly id: string; readonly name?: string | undefined } | undefined,
): Omit<AuditHit, 'where' | 'location' | 'messageId' | 'date'> | undefined {
  const at = address.lastIndexOf('@');
  const typo = at > 0 ? findDomainTypo(address.slice(at + 1).toLowerCase()) : undefined;
  if (!typo) return undefined;
  const intended = typo.suggestedDomain ? `${address.slice(0, at)}@${typo.suggestedDomain}` : undefined;
  return {
    recipient: address,
    ...(customer ? { customerId: customer.id } : {}),
    ...(customer?.name ? { customerName: customer.name } : {}),
    ...(intended ? { intended } : {}),
    finding: 'domain-typo',
    reason: typo.suggestedDomain
      ? locale === 'sv'
        ? `${typo.domain} ser ut som ett skrivfel av ${typo.suggestedDomain}.`
        : `${typo.domain} looks like a typo of ${typo.suggestedDomain}.`
      : locale === 'sv'
        ? `${typo.domain} slutar inte på någon toppdomän.`
        : `${typo.domain} does not end in a top-level domain.`,
  };
}

const labels = {
  en: {
    title: 'Sent mail audit',
    where: 'Where',
    id: 'Message-ID',
    date: 'Date',
    recipient: 'Recipient',
    customer: 'Meant for',
    intended: 'Likely address',
    finding: 'Finding',
    reason: 'Reason',
  },
  sv: {
    title: 'Granskning av skickad e-post',
    where: 'Var',
    id: 'Message-ID',
    date: 'Datum',
    recipient: 'Mottagare',
    customer: 'Avsedd för',
    intended: 'Trolig adress',
    finding: 'Fynd',
    reason: 'Orsak',
  },
} as const;

/**
 * `email-guard audit <sent mail> --customers <export>`: were there other cases like this? Reads the
 * headers of sent mail (a folder of .eml files, an mbox, a Maildir) and lists each message whose
 * recipient is a near miss of a customer's address, another customer's address, or at a mistyped
 * domain.
 */
export function auditCommand(context: CommandContext): Command {
  return new Command('audit')
    .description('find sent messages whose recipient was a near miss, another customer, or a mistyped domain')
    .argument('<sent-mail>', 'a folder of .eml files, an mbox file, or a Maildir')
    .requiredOption('--customers <file>', 'the CRM export (.csv or .ndjson) with the known addresses')
    .option('--since <date>', 'only messages dated on or after this date (ISO 8601)')
    .option('--out <report>', 'write the report to this file: .html, .csv or .json')
    .option('--incidents <dir>', 'write a draft incident report and customer notice per hit into this folder')
    .option(
      '--facts <file>',
      'JSON facts for the incident drafts: organisation (required), and reportMisdirected fields',
    )
    .option(
      '--customer-header <name>',
      'the header field naming the customer a message was for',
      'X-Customer-Id',
    )
    .option('--json', 'print the hits as JSON')
    .addOption(localeOption())
    .addHelpText(
      'after',
      `
Examples:
  $ email-guard audit sent/ --customers customers.csv
  $ email-guard audit sent.mbox --customers customers.ndjson --since 2024-01-01 --out audit.html
  $ email-guard audit ~/Maildir --customers customers.csv --incidents drafts/ --facts facts.json

Exit codes: 0 nothing found, 1 hits, 2 usage error, 3 unreadable input.`,
    )
    .action(async (path: string, flags: AuditFlags) => {
      checkReportDestination(flags);
      const since = flags.since === undefined ? undefined : Date.parse(flags.since);
      if (since !== undefined && Number.isNaN(since))
        throw usageFailure(`--since: "${flags.since}" is not a date`);
      if (flags.incidents !== undefined && flags.facts === undefined)
        throw usageFailure('--incidents needs --facts FILE with at least the organisation');
      const facts = flags.facts === undefined ? undefined : await readFacts(flags.facts);
      const kind = await sentMailKind(path);
      // Nothing to read is an answer, not a clean audit: "0 messages, 0 hits" would read as "no cases".
      const files = kind === 'mbox' ? undefined : await messageFiles(path, kind);
      if (files?.length === 0) throw unreadableFailure(`${path}: no messages found; ${EXPECTED_SENT_MAIL}`);
      const customers = await readCustomers(flags.customers, context.progress());
      context.reportProblems(flags.customers, customers.problems);
      const customerHeader = flags.customerHeader.toLowerCase();
      const wanted = new Set(['to', 'cc', 'bcc', 'date', 'message-id', customerHeader]);
      const hits: AuditHit[] = [];
      let messages = 0;
      let skipped = 0;
      let problems = 0;
      const progress = context.progress();
      const examine = (message: SentMessageHeader) => {
        messages++;
        if (!message.header) {
          problems++;
          context.warn(`${message.where}: ${message.problem ?? 'cannot be read'}`);
          return;
        }
        const fields = headerFields(message.header, wanted);
        const date = fields.get('date')?.[0];
        if (since !== undefined && date !== undefined) {
          const time = Date.parse(date);
          if (!Number.isNaN(time) && time < since) {
            skipped++;
            return;
          }
        }
        const messageId = fields.get('message-id')?.[0];
        const customerId = fields.get(customerHeader)?.[0];
        const addresses: { address: string }[] = [];
        for (const name of RECIPIENT_FIELDS)
          for (const value of fields.get(name) ?? []) addresses.push(...recipientAddresses(value));
        if (addresses.length === 0) {
          problems++;
          context.warn(`${message.where}: no recipients in To, Cc or Bcc`);
          return;
        }
        for (const { address } of addresses) {
          if (!address) continue;
          const hit = checkSentRecipient(address, customerId, customers.directory, flags.locale);
          if (hit)
            hits.push({
              ...hit,
              where: message.where,
              ...(messageId ? { messageId } : {}),
              ...(date ? { date } : {}),
              location: message.location,
            });
        }
      };
      if (kind === 'mbox') {
        const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
        progress.start(size, 'reading mbox (bytes)');
        for await (const message of readMboxHeaders(path, (bytes) => progress.update(bytes)))
          examine(message);
      } else if (files) {
        progress.start(files.length, 'reading messages');
        for (const file of files) {
          examine(await readFileHeader(file));
          if (messages % 500 === 0) progress.update(messages);
        }
      }
      progress.stop();
      if (messages === 0) throw unreadableFailure(`${path}: no messages found; ${EXPECTED_SENT_MAIL}`);
      let drafted = 0;
      if (flags.incidents !== undefined && facts !== undefined)
        drafted = await draftIncidents(hits, flags.incidents, facts, flags.locale, context);
      const text = labels[flags.locale];
      const counts = new Map<string, number>();
      for (const hit of hits) counts.set(hit.finding, (counts.get(hit.finding) ?? 0) + 1);
      const summary = (Object.keys(descriptions) as AuditHit['finding'][]).map((finding) => ({
        label: finding,
        description: descriptions[finding][flags.locale],
        count: counts.get(finding) ?? 0,
      }));
      const rows = hits.map(({ location: _location, ...hit }) => hit);
      const data = { path, kind, messages, skipped, unreadable: problems, hits: rows };
      const report: Report = {
        locale: flags.locale,
        title: text.title,
        intro: [
          `${path} (${kind}): ${messages} messages read, ${skipped} before --since, ${problems} unreadable, ${hits.length} hits.`,
        ],
        summary,
        columns: [
          { key: 'where', label: text.where },
          { key: 'messageId', label: text.id },
          { key: 'date', label: text.date },
          { key: 'recipient', label: text.recipient },
          { key: 'customerId', label: text.customer },
          { key: 'intended', label: text.intended },
          { key: 'finding', label: text.finding },
          { key: 'reason', label: text.reason },
        ],
        rows,
        data,
      };
      await writeReport(report, flags, context, {
        rowLine: (hit) =>
          [
            hit.where,
            hit.messageId ?? '-',
            hit.date ?? '-',
            hit.recipient,
            hit.customerId ?? '-',
            hit.intended ?? '-',
            hit.finding,
            hit.reason,
          ].join('  '),
        notes: flags.incidents === undefined ? [] : [`incident drafts: ${drafted} in ${flags.incidents}`],
      });
      context.setExitCode(hits.length > 0 ? exitCodes.findings : exitCodes.ok);
    });
}

async function readFacts(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const { unreadableFailure } = await import('./exit-codes.js');
    throw unreadableFailure(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  try {
    const facts = JSON.parse(text) as unknown;
    if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
      throw new Error('not a JSON object');
    return facts as Record<string, unknown>;
  } catch (error) {
    const { unreadableFailure } = await import('./exit-codes.js');
    throw unreadableFailure(`${file}: ${(error as Error).message}`);
  }
}

export { readFacts };

/** One draft report (Markdown) and customer notice (.eml) per hit, numbered in the order found. */
async function draftIncidents(
  hits: readonly AuditHit[],
  folder: string,
  facts: Record<string, unknown>,
  locale: 'sv' | 'en',
  context: CommandContext,
): Promise<number> {
  const { reportMisdirected, renderIncidentReport } = await import('../incident/index.js');
  let drafted = 0;
  for (const [index, hit] of hits.entries()) {
    const number = String(index + 1).padStart(4, '0');
    if (!hit.intended) {
      context.warn(`${hit.where}: no incident draft for ${hit.recipient}: the intended address is not known`);
      continue;
    }
    try {
      const message = await readWholeMessage(hit.location);
      const result = await reportMisdirected(
        {
          ...(facts as object),
          message,
          intended: hit.intended,
          actual: hit.recipient,
          customer: {
            id: hit.customerId ?? 'unknown',
            ...(hit.customerName ? { name: hit.customerName } : {}),
          },
          reference: `${typeof facts.reference === 'string' ? facts.reference : 'AUDIT'}-${number}`,
          detectedAt: typeof facts.detectedAt === 'string' ? facts.detectedAt : new Date().toISOString(),
        } as unknown as Parameters<typeof reportMisdirected>[0],
        { locale },
      );
      await writeAtomically(
        join(folder, `${number}-report.md`),
        renderIncidentReport(result.report, { locale, format: 'markdown' }),
      );
      await writeAtomically(join(folder, `${number}-notice.eml`), result.notices.email.raw);
      drafted++;
    } catch (error) {
      context.warn(`${hit.where}: no incident draft: ${(error as Error).message}`);
    }
  }
  return drafted;
}
