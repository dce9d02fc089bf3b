import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { domainToUnicode } from 'node:url';
import { parseAddress } from '../address/parse-address.js';
import type { Directory, DirectoryAddressMatch, DirectoryCustomer } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { recordsContradict } from '../contacts/records-contradict.js';
import { type InvalidInputError, isEmailGuardError } from '../errors.js';
import { checkRecipient } from '../guard/check-recipient.js';
import { findDuplicateRecords } from '../guard/find-duplicate-records.js';
import { scriptName } from '../guard/messages.js';
import type { Finding, FindingCode } from '../guard/verdict.js';
import { findConfusables } from '../matching/find-confusables.js';
import { findDomainTypo } from '../matching/find-domain-typo.js';
import { buildReport } from './build-report.js';
import { checkTimeZone } from './check-time-zone.js';
import { type CliTexts, cliTexts } from './cli-texts.js';
import { codeWithName } from './code-with-name.js';
import { progressWords } from './create-progress.js';
import { escapeControls, inOneLine } from './escape-controls.js';
import { exitCodes, unreadableFailure, usageFailure } from './exit-codes.js';
import { formatSentDate } from './format-sent-date.js';
import { headerFields } from './header-fields.js';
import { latestResentFields } from './latest-resent-fields.js';
import { parseColumns } from './parse-columns.js';
import type { CommandContext } from './program-context.js';
import { readCustomers } from './read-customers.js';
import { readFacts } from './read-facts.js';
import {
  maildirTmpFiles,
  messageFiles,
  readFileHeader,
  readMboxHeaders,
  readWholeMessage,
  type SentMessageHeader,
  sentMailKind,
} from './read-sent-mail.js';
import { recipientAddresses } from './recipient-addresses.js';
import { rememberedCustomers } from './remembered-customers.js';
import { checkWritable, writeAtomically } from './write-atomically.js';
import { writeDraft } from './write-draft.js';
import { checkReportDestination, refuseOutOverInput, writeReport } from './write-report.js';

/** The file in the draft folder that says the set is incomplete, until the last draft is written. */
const INCOMPLETE_MARKER = 'INCOMPLETE.txt';

/** How many unreadable messages a report names one by one; the rest are counted. */
const MAX_UNREADABLE_LISTED = 1000;

/** A sent message whose recipient looks wrong. */
export interface AuditHit {
  readonly where: string;
  readonly messageId?: string;
  readonly date?: string;
  readonly recipient: string;
  /**
   * The header field the recipient was read from, when not To, Cc or Bcc: `Resent-To`, `Resent-Cc`
   * or `Resent-Bcc` of the latest resent block, `Delivered-To` or `X-Original-To`.
   */
  readonly header?: string;
  /** The recipient as the message's header wrote it, when the export writes it otherwise (Punycode). */
  readonly sentAs?: string;
  /** The customer it was likely meant for. */
  readonly customerId?: string;
  /**
   * How many times the message was read with this recipient, when more than once: overlapping
   * archives hold the same message (same Message-ID, RFC 5322 §3.6.4) many times.
   */
  readonly copies?: number;
  readonly customerName?: string;
  /** The address it likely should have gone to. */
  readonly intended?: string;
  /**
   * Every customer it may have been meant for, when there is more than one (`lar.ek@gmail.com` is
   * one slip from both Lars's and Lara's address): then no single customer or address is named,
   * since whom it was meant for is only a guess (docs/cli.md).
   */
  readonly candidates?: readonly string[];
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

/** A C0 control character but the tab (which folds a field), or DEL: none may stand in an address. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** The header fields a message's recipients are read from. */
const RECIPIENT_FIELDS = ['to', 'cc', 'bcc'] as const;

/**
 * The fields the receiving side writes where it delivered a message (RFC 9228 `Delivered-To`;
 * Postfix's `X-Original-To`, the address before aliases were expanded): in a copy kept in a Sent
 * folder, an archive or a journal, where the message went, which To may not say.
 */
const DELIVERY_FIELDS = { 'delivered-to': 'Delivered-To', 'x-original-to': 'X-Original-To' } as const;

const descriptions: Record<AuditHit['finding'], { en: string; sv: string }> = {
  'near-miss': { en: "a slip from a customer's known address", sv: 'ett skrivfel av en kunds kända adress' },
  'near-miss-other-customer': {
    en: 'a slip from the address of another customer with the same or a similar name',
    sv: 'ett skrivfel av adressen till en annan kund med samma eller liknande namn',
  },
  'belongs-to-other-customer': { en: "another customer's address", sv: 'en annan kunds adress' },
  'domain-typo': { en: "at a mistyped provider's domain", sv: 'hos en felskriven e-postleverantör' },
  'confusable-characters': {
    en: 'letters from another script (Cyrillic, Greek) that look like the plain letters a–z',
    sv: 'bokstäver från ett annat skriftsystem (kyrilliska, grekiska) som ser ut som vanliga bokstäver a–z',
  },
  'invalid-address': { en: 'not a usable address', sv: 'ingen användbar adress' },
};

/** The options of `email-guard audit` (audit-command.ts). */
export interface AuditFlags {
  readonly customers: string;
  readonly since?: string;
  readonly out?: string;
  readonly incidents?: string;
  readonly facts?: string;
  readonly customerHeader: string;
  readonly json?: boolean;
  /** `--columns id=Kundnr,email=E-post` (parse-columns.ts). */
  readonly columns?: string;
  readonly locale: 'sv' | 'en';
  /** The IANA zone dates are written in (`--time-zone`). */
  readonly timeZone?: string;
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
  customerOf: (customerId: string) => DirectoryCustomer | undefined,
  locale: 'sv' | 'en',
): Omit<AuditHit, 'where' | 'location' | 'messageId' | 'date'> | undefined {
  const customer = customerId === undefined ? undefined : customerOf(customerId);
  // Look-alike letters explain the address whatever else it resembles: `gmаil.com` with a Cyrillic
  // а is one slip from gmail.com too, but it is no typo (the rule of `check` and `customers check`).
  const lookalike = confusableHit(address, customer, directory, locale);
  if (lookalike) return lookalike;
  if (customer) {
    // The message names its customer: the full check, as the guard would have made it.
    const verdict = checkRecipient({ entered: address, customer, directory }, checkOptions[locale]);
    const other = otherPersonsMailbox(verdict.findings, customer, directory);
    const pair = other ? undefined : otherRecordOfPair(address, customer, directory, locale);
    if (pair) return pair;
    const finding = other ?? verdict.findings.find((candidate) => hitCodes.has(candidate.code));
    // The customer's own stored address can itself be at a mistyped provider (`hotmial.se`), or
    // be the typo saved as a second record of the same person: the check takes a known address as
    // right, but the mail never reached the customer.
    if (!finding)
      return domainTypoHit(address, locale, customer) ?? duplicateHit(address, customer, directory, locale);
    const intended = intendedAddress(address, verdict.suggestion, customer);
    const provider =
      finding.code === 'near-miss' && intended !== undefined
        ? providerTypoHit(address, intended, customer, locale)
        : undefined;
    if (provider) return provider;
    return {
      recipient: address,
      customerId: customer.id,
      ...(customer.name ? { customerName: customer.name } : {}),
      ...(intended ? { intended } : {}),
      finding: finding.code as AuditHit['finding'],
      reason: withOtherRecords(finding, verdict.findings, address, customer, directory, locale),
    };
  }
  // No customer named: a known mailbox is fine; one slip from one is a near miss of it.
  const matches = directory.findAddress({ entered: address });
  const exact = matches.find((match) => match.distance === 0);
  if (exact) {
    const owner = directory.get(exact.customerId);
    return (
      domainTypoHit(address, locale, owner ?? { id: exact.customerId }) ??
      (owner ? duplicateHit(address, owner, directory, locale, matches) : undefined)
    );
  }
  const near = matches[0];
  if (near) {
    const candidates = [...new Set(matches.map((match) => match.customerId))];
    if (candidates.length > 1)
      return {
        recipient: address,
        candidates,
        finding: 'near-miss',
        reason: cliTexts[locale].audit.ambiguousNearMiss(
          matches
            .map((match) => cliTexts[locale].audit.candidate(match.address, match.customerId))
            .join(', '),
        ),
      };
    const owner = { id: near.customerId, ...(near.name ? { name: near.name } : {}) };
    const provider = providerTypoHit(address, near.address, owner, locale);
    if (provider) return provider;
    return {
      recipient: address,
      customerId: near.customerId,
      ...(near.name ? { customerName: near.name } : {}),
      intended: near.address,
      finding: 'near-miss',
      reason: cliTexts[locale].audit.nearMiss(near.address, near.customerId),
    };
  }
  return domainTypoHit(address, locale, undefined);
}

/**
 * The reason of a hit whose recipient is also the stored address of other customers (the check's
 * `belongs-to-other-customer` findings beside the one reported): a slip from the named customer's
 * address that lands in another record's mailbox, the two with different names (Erik Berg's
 * `erik.berg@telia.com`, Eva Lund's `erik.berh@telia.com`). The officer must see both records,
 * by id and name, to tell which holds the right address and whose data went where.
 */
function withOtherRecords(
  finding: Finding,
  findings: readonly Finding[],
  address: string,
  customer: Customer,
  directory: Directory,
  locale: 'sv' | 'en',
): string {
  if (finding.code === 'belongs-to-other-customer') return finding.message;
  const text = cliTexts[locale].audit;
  const owners = [
    ...new Set(
      findings.flatMap((other) =>
        other.code === 'belongs-to-other-customer' && other.customerId !== undefined
          ? [other.customerId]
          : [],
      ),
    ),
  ];
  if (owners.length === 0) return finding.message;
  return text.storedForOther(
    finding.message,
    address,
    owners.map((id) => text.customerNamed(id, directory.get(id)?.name)).join(', '),
    text.customerNamed(customer.id, customer.name),
  );
}

/**
 * Where mail for a named customer should have gone: the check's correction when it is an address
 * on file for the customer, else the customer's own first address. A correction of the domain alone
 * (`bjorn.svensson@hotmail.se` for `bjorn.svensson@hotmial.se`, when the customer's address is
 * `bjorn.svensson@gmail.com`) is a guess at a mailbox that may be a stranger's, and stays the
 * finding's suggestion; only an address without any other on file is taken from it.
 */
function intendedAddress(
  recipient: string,
  suggestion: string | undefined,
  customer: Customer,
): string | undefined {
  // The recipient itself on file (`karin.berg@hotmial.se` stored) is the mistake, not where it was meant.
  const onFile = (customer.emails ?? []).filter(
    (address) => address.toLowerCase() !== recipient.toLowerCase(),
  );
  const known = onFile.find((address) => address.toLowerCase() === suggestion?.toLowerCase());
  return known ?? onFile[0] ?? suggestion;
}

/**
 * The `belongs-to-other-customer` finding of a recipient that is exactly the stored address of
 * another customer whose birth date or phone numbers say it is another person
 * (`recordsContradict`): the message reached that person, whatever slip from this customer's own
 * address it also is (`anna.anderson@telia.com` of K900004, born 1990, beside K900003's
 * `anna.andersson@telia.com`, born 1962). Taken as a near miss, it would read as a typo, and a
 * draft would call the other customer's valid address a mistake stored in the register.
 */
function otherPersonsMailbox(
  findings: readonly Finding[],
  customer: Customer,
  directory: Directory,
): Finding | undefined {
  return findings.find((finding) => {
    if (finding.code !== 'belongs-to-other-customer' || finding.customerId === undefined) return false;
    const other = directory.get(finding.customerId);
    return other !== undefined && recordsContradict(customer, other);
  });
}

/**
 * A recipient that is the stored address of another record of the named customer's duplicate pair
 * (the same name, one slip apart, nothing that says they are two people: the
 * `near-miss-other-customer` pair of `customers check`), whichever of the two addresses the
 * records' birth date or phone number favours: possibly one person stored twice, so the hit is the
 * pair, not a plain slip, and its draft says so rather than that the address was stored wrongly.
 */
function otherRecordOfPair(
  address: string,
  customer: Customer,
  directory: Directory,
  locale: 'sv' | 'en',
): Omit<AuditHit, 'where' | 'location' | 'messageId' | 'date'> | undefined {
  const parsed = parseAddress(address);
  if (!parsed.ok) return undefined;
  const matches = directory.findAddress({ entered: address });
  for (const match of matches) {
    if (match.distance !== 0 || match.customerId === customer.id) continue;
    const owner = directory.get(match.customerId);
    if (!owner) continue;
    const record = findDuplicateRecords({
      address: parsed.address,
      customer: owner,
      directory,
      matches,
    }).find((candidate) => candidate.customerId === customer.id && candidate.right !== 'this');
    if (!record) continue;
    return {
      recipient: address,
      customerId: customer.id,
      ...(customer.name ? { customerName: customer.name } : {}),
      intended: record.address,
      finding: 'near-miss-other-customer',
      reason: cliTexts[locale].audit.duplicateRecord(owner.id, record.address, customer.id),
    };
  }
  return undefined;
}

/**
 * A near miss of a customer's address whose slip is the provider's domain (`gmial.com` for the
 * customer's `gmail.com`, the table `findDomainTypo` and `customers check` use): reported as the
 * provider typo it is, naming the customer and the address it was meant for, so the summary counts
 * it as `domain-typo` and not as a slip of the name.
 */
function providerTypoHit(
  address: string,
  intended: string,
  customer: { readonly id: string; readonly name?: string | undefined },
  locale: 'sv' | 'en',
): Omit<AuditHit, 'where' | 'location' | 'messageId' | 'date'> | undefined {
  const at = address.lastIndexOf('@');
  const intendedAt = intended.lastIndexOf('@');
  if (at <= 0 || intendedAt <= 0) return undefined;
  const typo = findDomainTypo(address.slice(at + 1).toLowerCase());
  const meant = intended.slice(intendedAt + 1).toLowerCase();
  if (!typo?.suggestedDomain || typo.suggestedDomain.toLowerCase() !== meant) return undefined;
  return {
    recipient: address,
    customerId: customer.id,
    ...(customer.name ? { customerName: customer.name } : {}),
    intended,
    finding: 'domain-typo',
    reason: cliTexts[locale].audit.providerTypo(typo.domain, typo.suggestedDomain, intended, customer.id),
  };
}

/**
 * A recipient that is a customer's stored address, one slip from the address of another customer
 * with the same name (the `near-miss-other-customer` pair of `customers check`): the typo saved as
 * a duplicate record. A hit only when the other address is the one of the two that fits the
 * customer's own birth date or phone number, and it names that one. When the records cannot tell
 * which is right, the message went to an address on file for the person, as the register says:
 * nothing shows it was misdirected, and the pair is for `customers check` to report.
 */
function duplicateHit(
  address: string,
  owner: Customer,
  directory: Directory,
  locale: 'sv' | 'en',
  matches?: readonly DirectoryAddressMatch[],
): Omit<AuditHit, 'where' | 'location' | 'messageId' | 'date'> | undefined {
  const parsed = parseAddress(address);
  if (!parsed.ok) return undefined;
  const records = findDuplicateRecords({
    address: parsed.address,
    customer: owner,
    directory,
    ...(matches ? { matches } : {}),
  });
  const meant = records.find((record) => record.right === 'other');
  if (!meant) return undefined;
  // The customer it was likely meant for: the other record, whose address is the right one.
  const customer: { readonly id: string; readonly name?: string | undefined } = directory.get(
    meant.customerId,
  ) ?? { id: meant.customerId };
  return {
    recipient: address,
    customerId: customer.id,
    ...(customer.name ? { customerName: customer.name } : {}),
    intended: meant.address,
    finding: 'near-miss-other-customer',
    reason: cliTexts[locale].audit.duplicateRecord(owner.id, meant.address, meant.customerId),
  };
}

/**
 * A recipient with look-alike letters from another script (`olle.ek@gmаil.com` with a Cyrillic а,
 * or the same in Punycode), with the address it passes for: the rule `checkRecipient` applies,
 * where a look-alike explains itself and is no typo (UTS #39). Named for the customer the message
 * names, else the one whose stored address it passes for, else the one whose stored address it is.
 */
function confusableHit(
  address: string,
  named: Customer | undefined,
  directory: Directory,
  locale: 'sv' | 'en',
): Omit<AuditHit, 'where' | 'location' | 'messageId' | 'date'> | undefined {
  const parsed = parseAddress(address);
  const confusables = parsed.ok ? findConfusables(parsed.address) : undefined;
  if (!confusables) return undefined;
  const ownerOf = (entered: string) => {
    const owners = new Set(
      directory
        .findAddress({ entered })
        .filter((match) => match.distance === 0)
        .map((match) => match.customerId),
    );
    const [only] = owners;
    return owners.size === 1 && only !== undefined ? (directory.get(only) ?? { id: only }) : undefined;
  };
  const customer: { readonly id: string; readonly name?: string | undefined } | undefined =
    named ?? ownerOf(confusables.lookalike) ?? ownerOf(address);
  const finding = checkRecipient(
    { entered: address, customer: { id: customer?.id ?? '-' } },
    checkOptions[locale],
  ).findings.find((candidate) => candidate.code === 'confusable-characters');
  return {
    recipient: address,
    ...(customer ? { customerId: customer.id } : {}),
    ...(customer?.name ? { customerName: customer.name } : {}),
    intended: named
      ? (intendedAddress(address, confusables.lookalike, named) ?? confusables.lookalike)
      : confusables.lookalike,
    finding: 'confusable-characters',
    reason: finding?.message ?? confusables.lookalike,
  };
}

/**
 * A recipient at a mistyped domain (`findDomainTypo`, the same table `customers check` uses).
 * Named for the customer whose address it is when it is a stored one.
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
      ? cliTexts[locale].audit.domainTypo(typo.domain, typo.suggestedDomain)
      : cliTexts[locale].audit.noTopLevelDomain(typo.domain),
  };
}

/**
 * `email-guard audit <sent mail> --customers <export>` (audit-command.ts): the hits, printed or
 * written as a report, and with `--incidents` a draft incident report per hit.
 */
export async function runAudit(path: string, flags: AuditFlags, context: CommandContext): Promise<void> {
  checkReportDestination(flags, flags.locale);
  const words = cliTexts[flags.locale];
  const since = flags.since === undefined ? undefined : sinceTime(flags.since);
  if (since !== undefined && Number.isNaN(since))
    throw usageFailure(words.audit.sinceNotDate(flags.since ?? ''));
  if (flags.incidents !== undefined && flags.facts === undefined)
    throw usageFailure(words.audit.incidentsNeedFacts);
  checkTimeZone(flags.timeZone, flags.locale);
  await refuseOutOverInput(
    flags.out,
    [path, flags.customers, ...(flags.facts === undefined ? [] : [flags.facts])],
    flags.locale,
  );
  // A report or draft folder that cannot be written is said before any mail is read, not after.
  if (flags.out !== undefined) {
    const created = await checkWritable(flags.out);
    if (created !== undefined) context.warn(cliTexts[flags.locale].folderCreated(dirname(flags.out)));
  }
  if (flags.incidents !== undefined) {
    await refuseUsedDraftFolder(flags.incidents, words);
    await checkWritable(join(flags.incidents, INCOMPLETE_MARKER), flags.incidents);
  }
  const facts = flags.facts === undefined ? undefined : await readFacts(flags.facts, flags.locale);
  if (facts !== undefined && flags.facts !== undefined && flags.incidents !== undefined)
    await checkDraftFacts(facts, flags.facts, flags.locale);
  const kind = await sentMailKind(path, flags.locale);
  // Nothing to read is an answer, not a clean audit: "0 messages, 0 hits" would read as "no cases".
  const files = kind === 'mbox' ? undefined : await messageFiles(path, kind);
  // A Maildir's tmp/ is not read (read-sent-mail.ts maildirTmpFiles), and what it holds is said.
  const notRead =
    kind === 'maildir'
      ? (await maildirTmpFiles(path)).map(
          ({ folder, files }) => `${folder}: ${words.audit.tmpNotRead(files)}`,
        )
      : [];
  for (const line of notRead) context.warn(line);
  if (files?.length === 0) throw unreadableFailure(`${path}: ${words.noMessages}; ${words.expectedSentMail}`);
  const customers = await readCustomers(
    flags.customers,
    context.progress(flags.locale),
    flags.locale,
    parseColumns(flags.columns, flags.locale),
  );
  context.reportProblems(flags.customers, customers.problems, flags.locale);
  const customerHeader = flags.customerHeader.toLowerCase();
  const wanted = new Set([
    'to',
    'cc',
    'bcc',
    'date',
    'message-id',
    'resent-to',
    'resent-cc',
    'resent-bcc',
    ...Object.keys(DELIVERY_FIELDS),
    customerHeader,
  ]);
  // One object per customer across its messages: the check then reads each customer's record once.
  const customerOf = rememberedCustomers(customers.directory);
  const text = words.audit;
  const hits: AuditHit[] = [];
  // The hits by Message-ID and recipient: a copy of a message already read adds to its count, not a
  // hit (or a draft) of its own. Only hits are kept, so memory grows with the hits, not the messages.
  const hitOf = new Map<string, number>();
  let copies = 0;
  let messages = 0;
  let skipped = 0;
  let problems = 0;
  // The messages of which nothing could be checked (no header, no recipient): when they are all of
  // them, the audit read nothing, which is no clean audit.
  let unchecked = 0;
  // The unreadable messages by name, for the saved report as for stderr: an officer reading only the
  // report must see which messages the audit could not check. Bounded, so a broken 10 GB mbox does not
  // fill memory: the count stays whole.
  const unreadableMessages: { where: string; reason: string }[] = [];
  const unreadable = (where: string, reason: string) => {
    problems++;
    if (unreadableMessages.length < MAX_UNREADABLE_LISTED) unreadableMessages.push({ where, reason });
    context.warn(`${where}: ${reason}`);
  };
  // The messages whose customer fields disagree, by name, bounded as the unreadable ones are.
  const customersInConflict: { where: string; reason: string }[] = [];
  // The ids of rows skipped as unreadable: a message naming one is told apart from a wrong id.
  const skippedIds = new Set(
    customers.problems.flatMap((problem) => (problem.loaded || problem.id === undefined ? [] : [problem.id])),
  );
  // The messages whose customer field names no customer of the export, named one by one (bounded).
  const customersNotInExport: { where: string; reason: string }[] = [];
  /**
   * The id a message names when the export holds it. One it does not hold (a mistyped id, a row
   * skipped as unreadable, an export older than the mail) is named, and the message is checked as
   * one that names no customer, rather than passed over without a word.
   */
  const knownCustomer = (id: string | undefined, where: string): string | undefined => {
    if (id === undefined || id === '' || customerOf(id) !== undefined) return id || undefined;
    const reason = text.customerNotInExport(flags.customerHeader, id, flags.customers, skippedIds.has(id));
    if (customersNotInExport.length < MAX_UNREADABLE_LISTED) customersNotInExport.push({ where, reason });
    context.warn(`${where}: ${reason}`);
    return undefined;
  };
  const progress = context.progress(flags.locale);
  const examine = (message: SentMessageHeader) => {
    messages++;
    if (!message.header) {
      unchecked++;
      unreadable(message.where, message.problem ?? words.cannotBeRead('?'));
      return;
    }
    const fields = headerFields(message.header, wanted, (name, value) =>
      context.warn(`${message.where}: ${text.brokenHeader(name, value)}`),
    );
    const date = fields.get('date')?.[0];
    if (since !== undefined && date !== undefined) {
      const time = Date.parse(date);
      if (!Number.isNaN(time) && time < since) {
        skipped++;
        return;
      }
    }
    const messageId = fields.get('message-id')?.[0];
    // Two fields naming different customers (RFC 5322 §3.6 allows one optional field any number of
    // times): taking the first would audit the message against a guess. It is checked as one that
    // names no customer, and named so that a person can tell which it was for.
    const namedCustomers = [...new Set(fields.get(customerHeader)?.filter((id) => id !== ''))];
    if (namedCustomers.length > 1) {
      const note = text.customersInConflict(
        flags.customerHeader,
        namedCustomers.length,
        namedCustomers.join(', '),
      );
      if (customersInConflict.length < MAX_UNREADABLE_LISTED)
        customersInConflict.push({ where: message.where, reason: note });
      context.warn(`${message.where}: ${note}`);
    }
    const customerId = knownCustomer(
      namedCustomers.length === 1 ? namedCustomers[0] : undefined,
      message.where,
    );
    const addresses: { address: string; name?: string; header?: string }[] = [];
    for (const name of RECIPIENT_FIELDS)
      for (const value of fields.get(name) ?? []) {
        // nodemailer's address reader drops a control character without a word: the address read
        // is then not the one the header holds, which is said.
        if (CONTROL_CHARACTER.test(value))
          unreadable(message.where, text.controlInField(name, inOneLine(value)));
        addresses.push(...recipientAddresses(value));
      }
    // Where else the message went: a resend (RFC 5322 §3.6.6) or a delivery the receiving side
    // wrote down. An address already read is not read again; a forwarded message's headers quoted
    // in the body are not header fields and stay unread.
    const more: { field: string; value: string }[] = [];
    if (fields.has('resent-to') || fields.has('resent-cc') || fields.has('resent-bcc'))
      more.push(...latestResentFields(message.header));
    for (const [name, field] of Object.entries(DELIVERY_FIELDS))
      for (const value of fields.get(name) ?? []) more.push({ field, value });
    if (more.length > 0) {
      const read = new Set(addresses.map(({ address }) => address.toLowerCase()));
      for (const { field, value } of more)
        for (const recipient of recipientAddresses(value)) {
          if (recipient.address && read.has(recipient.address.toLowerCase())) continue;
          read.add(recipient.address.toLowerCase());
          addresses.push({ ...recipient, header: field });
        }
    }
    if (addresses.length === 0) {
      unchecked++;
      unreadable(message.where, text.noRecipients);
      return;
    }
    // A recipient that is no address (`hello world`, an RFC 2047 encoded-word, which RFC 2047 §5
    // forbids in an address) was never checked: the message counts as unreadable, named once.
    const unread = addresses.flatMap(({ address, name }) => {
      // The header parser hands text that holds no address back as a name without one.
      if (!address)
        return name
          ? [text.unreadableRecipient(name, /^=\?.*\?=$/s.test(name) ? 'rfc2047' : 'missing-at')]
          : [];
      const parsed = parseAddress(address);
      return parsed.ok
        ? []
        : [text.unreadableRecipient(address, /^=\?.*\?=$/s.test(address) ? 'rfc2047' : parsed.reason)];
    });
    if (unread.length > 0) unreadable(message.where, unread.join('; '));
    for (const { address, header } of addresses) {
      if (!address) continue;
      const hit = checkSentRecipient(address, customerId, customers.directory, customerOf, flags.locale);
      if (!hit) continue;
      const key = messageId === undefined ? undefined : `${messageId}\n${address.toLowerCase()}`;
      const first = key === undefined ? undefined : hitOf.get(key);
      if (first !== undefined) {
        const seen = hits[first] as AuditHit;
        hits[first] = { ...seen, copies: (seen.copies ?? 1) + 1 };
        copies++;
        continue;
      }
      if (key !== undefined) hitOf.set(key, hits.length);
      hits.push({
        ...hit,
        ...asWritten(address),
        ...(header ? { header } : {}),
        where: message.where,
        ...(messageId ? { messageId } : {}),
        ...(date ? { date } : {}),
        location: message.location,
      });
    }
  };
  if (kind === 'mbox') {
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
    progress.start(size, progressWords[flags.locale].readingMbox, progressWords[flags.locale].messages);
    for await (const message of readMboxHeaders(
      path,
      (bytes) => progress.update(bytes, messages),
      flags.locale,
    ))
      examine(message);
  } else if (files) {
    progress.start(files.length, progressWords[flags.locale].readingMessages);
    for (const file of files) {
      examine(await readFileHeader(file, flags.locale));
      if (messages % 500 === 0) progress.update(messages);
    }
  }
  progress.stop(messages);
  if (messages === 0) throw unreadableFailure(`${path}: ${words.noMessages}; ${words.expectedSentMail}`);
  const notes: string[] = [];
  if (flags.incidents !== undefined && facts !== undefined) {
    const drafts = await draftIncidents(
      hits,
      flags.incidents,
      facts,
      flags.facts ?? '',
      customers.directory,
      { locale: flags.locale, ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }) },
      context,
    );
    // Every hit is accounted for: a draft, or the count of those without one and why.
    const skipped =
      drafts.withCandidates +
      drafts.withoutIntended +
      drafts.withoutCustomer +
      drafts.withoutAddressOnFile +
      drafts.detectedEarly +
      drafts.failed;
    const why = [
      ...(drafts.withCandidates > 0 ? [text.withCandidates(drafts.withCandidates)] : []),
      ...(drafts.withoutIntended > 0 ? [text.withoutIntended(drafts.withoutIntended)] : []),
      ...(drafts.withoutCustomer > 0 ? [text.withoutCustomer(drafts.withoutCustomer)] : []),
      ...(drafts.withoutAddressOnFile > 0 ? [text.withoutAddressOnFile(drafts.withoutAddressOnFile)] : []),
      ...(drafts.detectedEarly > 0 ? [text.detectedEarly(drafts.detectedEarly)] : []),
      ...(drafts.failed > 0 ? [text.failed(drafts.failed)] : []),
    ];
    // The drafts are numbered as written, not by hit: each says which hit it is the draft of.
    for (const { number, hit, contentUnknown } of drafts.written)
      notes.push(
        `${text.draftOf(number, hit.where, hit.messageId ?? '-', hit.recipient, hit.customerId ?? '-')}${
          // Its notice says only that the content is being established, as `incident` says of its own.
          contentUnknown ? ` (${cliTexts[flags.locale].incident.namesNoData})` : ''
        }`,
      );
    notes.push(
      `${text.drafts(drafts.drafted, flags.incidents)}${skipped > 0 ? `; ${text.notDrafted(skipped)}: ${why.join(', ')}` : ''}`,
    );
  }
  const found = hits.map(({ location: _location, ...hit }) => hit);
  // The rows of the export that gave no customer: mail to their addresses cannot be found, so a
  // clean audit says so where it is read, not only on stderr.
  const customerRows = {
    rows: customers.rows,
    loaded: customers.loaded,
    skipped: customers.problems.filter((problem) => !problem.loaded && problem.column === undefined).length,
    problems: customers.problems.map(({ line, id, field, column, reason, loaded }) => ({
      line,
      ...(id !== undefined ? { id } : {}),
      ...(field !== undefined ? { field } : {}),
      ...(column !== undefined ? { column } : {}),
      reason,
      loaded,
    })),
  };
  const data = {
    path,
    kind,
    messages,
    skipped,
    unreadable: problems,
    unreadableMessages,
    customersInConflict,
    customersNotInExport,
    hits: found,
    customerRows,
  };
  // In the table every candidate stands in the "meant for" column: none is named as the one.
  const rows = found.map(({ candidates, sentAs, header, copies, ...hit }) => ({
    ...hit,
    ...(copies ? { where: text.seenTimes(hit.where, copies) } : {}),
    ...(hit.date ? { date: formatSentDate(hit.date, flags.locale, flags.timeZone) } : {}),
    ...(sentAs || header
      ? {
          recipient: [
            hit.recipient,
            ...(sentAs ? [`(${sentAs})`] : []),
            ...(header ? [`(${header})`] : []),
          ].join(' '),
        }
      : {}),
    ...(candidates ? { customerId: candidates.join(', ') } : {}),
  }));
  const report = buildReport({
    locale: flags.locale,
    title: text.title,
    intro: [
      // An audit with messages it could not read says so first: "0 hits" alone reads as "no cases".
      ...(unchecked === messages
        ? [text.nothingRead(messages, unreadableReasons(unreadableMessages, text))]
        : problems > 0 && hits.length === 0
          ? [text.notClean(problems, messages)]
          : []),
      text.read(path, kind, messages, skipped, problems, hits.length),
      ...(copies > 0 ? [text.copiesCounted(copies)] : []),
    ],
    problems: [
      // Named in a saved report; on the terminal each was named on stderr as it was read.
      ...(flags.out === undefined
        ? []
        : [
            ...unreadableMessages.map(({ where, reason }) => `${where}: ${reason}`),
            ...(problems > unreadableMessages.length
              ? [text.moreUnreadable(problems - unreadableMessages.length)]
              : []),
            ...customersInConflict.map(({ where, reason }) => `${where}: ${reason}`),
            ...customersNotInExport.map(({ where, reason }) => `${where}: ${reason}`),
            ...notRead,
          ]),
      ...(customerRows.problems.length > 0
        ? [
            text.customerRows(flags.customers, customerRows.rows, customerRows.skipped),
            ...customerRows.problems.map(
              (problem) => `${flags.customers}:${problem.line}: ${problem.reason}`,
            ),
          ]
        : []),
    ],
    kinds: descriptions,
    kindOf: (hit) => hit.finding,
    kindColumn: 'finding',
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
  });
  await writeReport(report, flags, context, {
    rowLine: (hit) =>
      // One line per row: a line break in a field of the input (a CRM cell) is shown, not obeyed.
      inOneLine(
        [
          hit.where,
          hit.messageId ?? '-',
          hit.date === undefined ? '-' : formatSentDate(String(hit.date), flags.locale, flags.timeZone),
          hit.recipient,
          hit.customerId ?? '-',
          hit.intended ?? '-',
          codeWithName(String(hit.finding), flags.locale),
          hit.reason,
        ].join('  '),
      ),
    notes,
  });
  // Nothing read is unreadable input (3); some messages not read, with no hit, is something for a
  // person to look at (1), never a clean 0 (docs/cli.md).
  context.setExitCode(
    hits.length > 0
      ? exitCodes.findings
      : unchecked === messages
        ? exitCodes.unreadable
        : problems > 0
          ? exitCodes.findings
          : exitCodes.ok,
  );
}

/** Why the messages could not be read: each reason with how many messages it was, most first. */
function unreadableReasons(
  unreadableMessages: readonly { readonly reason: string }[],
  text: CliTexts['audit'],
): string {
  const counts = new Map<string, number>();
  for (const { reason } of unreadableMessages) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, count]) => text.reasonCount(reason, count))
    .join('; ');
}

/**
 * Another customer's address is that customer's valid one: the measure that removes "the wrong
 * address" from the register is declined, with its reason, ahead of the measures the facts give
 * (the usual proposals are added beside them, `createIncidentReport`), unless the facts judge it.
 */
function declineCorrectingAddress(
  hit: AuditHit,
  measures: unknown,
  locale: 'sv' | 'en',
): { measures?: unknown[] } {
  // Measures that are no list are left for the facts' check to refuse, never replaced.
  if (hit.finding !== 'belongs-to-other-customer' || (measures !== undefined && !Array.isArray(measures)))
    return {};
  const given: unknown[] = measures ?? [];
  if (given.some((measure) => (measure as { id?: unknown } | null)?.id === 'correct-address')) return {};
  return {
    measures: [
      {
        id: 'correct-address',
        status: 'rejected',
        reason:
          locale === 'sv'
            ? 'adressen är en annan kunds giltiga adress'
            : "the address is another customer's valid address",
      },
      ...given,
    ],
  };
}

/**
 * Refuses (usage, exit code 2) a draft folder that already holds files: the drafts are numbered from
 * 0001 in each run, so a second run would overwrite the first one's files with other incidents and
 * leave the rest beside them.
 */
async function refuseUsedDraftFolder(folder: string, words: CliTexts): Promise<void> {
  const entries = await readdir(folder).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    // The folder itself a file is no folder; a file further up the path is said by the write check.
    if (error.code === 'ENOTDIR') {
      if (await stat(folder).catch(() => undefined))
        throw usageFailure(words.audit.incidentsNotFolder(folder));
      return [];
    }
    throw unreadableFailure(words.audit.incidentsUnreadable(folder, String(error.code ?? error)));
  });
  // Hidden files (a `.0001-report.md.….tmp` of a run stopped mid-write) are counted and named: `ls`
  // does not show them.
  if (entries.length > 0)
    throw usageFailure(
      words.audit.incidentsUsed(
        folder,
        entries.length,
        entries.filter((name) => name.startsWith('.')).join(', '),
      ),
    );
}

/**
 * Checks the facts file (exit code 3, naming the field) before any mail is read, as `incident`
 * does: every draft takes the same facts, so one wrong field would fail every draft only at the end.
 * The fields each hit gives (the message, the addresses, the customer) stand in as placeholders.
 * What is wrong is said in the command's language, as `incident` says it.
 */
async function checkDraftFacts(
  facts: Record<string, unknown>,
  file: string,
  locale: 'sv' | 'en',
): Promise<void> {
  const { ReportMisdirectedInputSchema } = await import('../incident/index.js');
  const { parseInput } = await import('../internal/parse-input.js');
  const { describeInputIssues } = await import('../incident/describe-input-issues.js');
  const input = {
    ...facts,
    message: 'Subject: x\r\n\r\nx\r\n',
    intended: 'intended@example.com',
    actual: 'actual@example.com',
    customer: { id: 'placeholder' },
    reference: `${typeof facts.reference === 'string' ? facts.reference : 'AUDIT'}-0001`,
    detectedAt: typeof facts.detectedAt === 'string' ? facts.detectedAt : new Date().toISOString(),
  };
  try {
    parseInput(ReportMisdirectedInputSchema, input, ['input']);
  } catch (error) {
    if (isEmailGuardError(error, 'INVALID_INPUT'))
      throw unreadableFailure(
        `${file}: ${describeInputIssues(error as InvalidInputError, { locale, input, fields: Object.keys(ReportMisdirectedInputSchema.shape) })}`,
      );
    throw error;
  }
  const say = (swedish: string, english: string) => (locale === 'sv' ? swedish : english);
  // Each draft's customer is the one the export names for its address: a customer in the facts file
  // would be one person for every draft, so it is refused rather than left unread.
  if (facts.customer !== undefined)
    throw unreadableFailure(
      `${file}: customer: ${say(
        'anges inte i faktafilen: varje utkasts kund hämtas ur exporten (--customers); ta bort fältet',
        'is not given in the facts file: each draft’s customer comes from the export (--customers); leave the field out',
      )}`,
    );
  // Sent mail shows where a message went, not who read it: a draft says the message may have reached
  // someone, and a recipient named for every draft (a colleague, a bound organisation) would state
  // beside it who learnt the data (GDPR Art. 33(3)(a) describes the breach as it is known).
  if (facts.recipient !== undefined && facts.recipient !== 'unknown-individual')
    throw unreadableFailure(
      `${file}: recipient: ${say(
        `"${String(facts.recipient)}" motsäger granskningen: inget visar vem som tog emot meddelandena, och faktafilen gäller varje utkast; ange unknown-individual eller utelämna fältet, och ange mottagaren per incident med email-guard incident`,
        `"${String(facts.recipient)}" contradicts the audit: nothing shows who received the messages, and the facts file applies to every draft; give unknown-individual or leave the field out, and record a known recipient per incident with email-guard incident`,
      )}`,
    );
}

/**
 * One draft report (Markdown) and customer notice (.eml) per hit that can have one, numbered
 * 0001, 0002, … in the order found with no gap for a hit left without a draft: the number is also
 * the reference's suffix, and a gap would read as a missing incident.
 */
async function draftIncidents(
  hits: readonly AuditHit[],
  folder: string,
  facts: Record<string, unknown>,
  factsFile: string,
  directory: Directory,
  language: { readonly locale: 'sv' | 'en'; readonly timeZone?: string },
  context: CommandContext,
): Promise<{
  written: { number: string; hit: AuditHit; contentUnknown: boolean }[];
  detectedEarly: number;
  drafted: number;
  withCandidates: number;
  withoutIntended: number;
  withoutCustomer: number;
  withoutAddressOnFile: number;
  failed: number;
}> {
  const { reportMisdirected, renderIncidentReport } = await import('../incident/index.js');
  const { describeInputIssues } = await import('../incident/describe-input-issues.js');
  const { locale } = language;
  const text = cliTexts[locale].audit;
  const written: { number: string; hit: AuditHit; contentUnknown: boolean }[] = [];
  let withCandidates = 0;
  let withoutIntended = 0;
  let withoutCustomer = 0;
  let withoutAddressOnFile = 0;
  let detectedEarly = 0;
  let failed = 0;
  let marked = false;
  // The facts' detectedAt holds for every draft: one before a message was sent is said once, at
  // the end, not as one refusal per draft (the example facts of one 2018 incident, say).
  const detectedAt = typeof facts.detectedAt === 'string' ? facts.detectedAt : undefined;
  const detected = detectedAt === undefined ? Number.NaN : Date.parse(detectedAt);
  // Each run numbers its drafts from 0001: the time the run began (UTC, to the millisecond) makes
  // a reference unique across runs, so two incidents found in two runs never share one.
  const run = new Date().toISOString().replace(/[-:.]/g, '');
  const base = `${typeof facts.reference === 'string' ? facts.reference : 'AUDIT'}-${run}`;
  for (const hit of hits) {
    // More than one customer it may have been meant for: a draft would name one of them as a fact
    // and tell that customer about another's order.
    if (hit.candidates) {
      context.warn(`${hit.where}: ${text.ambiguous(hit.recipient, hit.candidates.join(', '))}`);
      withCandidates++;
      continue;
    }
    if (!hit.intended) {
      context.warn(`${hit.where}: ${text.noIntended(hit.recipient)}`);
      withoutIntended++;
      continue;
    }
    // With no customer, the likely address is a guess from the domain alone (stranger@gmial.com ->
    // stranger@gmail.com): a report and notice built on it would state the guess as a fact.
    if (hit.customerId === undefined) {
      context.warn(`${hit.where}: ${text.noCustomer(hit.recipient, hit.intended)}`);
      withoutCustomer++;
      continue;
    }
    // The notice goes only to an address the customer gave: a likely address that is not on file
    // (karin.berg@hotmail.se for a stored karin.berg@hotmial.se) is a guess, and a notice sent to
    // it could reach a third person.
    const onFile = directory.get(hit.customerId)?.emails ?? [];
    if (!isOnFile(directory, hit.intended, hit.customerId)) {
      context.warn(
        `${hit.where}: ${text.notOnFile(hit.intended, hit.customerId, onFile.join(', ') || text.noAddress)}`,
      );
      withoutAddressOnFile++;
      continue;
    }
    const sent = hit.date === undefined ? Number.NaN : Date.parse(hit.date);
    // A missing Date field, or one that is not a date, leaves the draft without the time it was
    // sent: the library's refusal would then name its own input (input.occurredAt), not the message.
    if (facts.occurredAt === undefined && Number.isNaN(sent)) {
      const why = hit.date === undefined ? text.noDate : text.badDate(escapeControls(hit.date));
      context.warn(`${hit.where}: ${text.draftFailed}: ${why}`);
      failed++;
      continue;
    }
    if (facts.occurredAt === undefined && detected < sent) {
      detectedEarly++;
      continue;
    }
    const number = String(written.length + 1).padStart(4, '0');
    // Marks the set incomplete until the last draft is written: a run stopped between two drafts
    // (Ctrl-C) leaves a set that says so, not one that reads as all the incidents.
    if (!marked) {
      await writeAtomically(join(folder, INCOMPLETE_MARKER), text.incomplete);
      marked = true;
    }
    try {
      const message = await readWholeMessage(hit.location);
      const input = {
        ...(facts as object),
        message,
        intended: hit.intended,
        actual: hit.sentAs ?? hit.recipient,
        // Sent mail shows where a message went, not that the mailbox exists or received it: only
        // an address on file for another customer is known to be someone's.
        // Nor is one that may be the customer's own, stored twice.
        ...(ownedByCustomer(directory, hit.recipient) && !possiblyStoredTwice(hit, directory)
          ? {}
          : { unconfirmed: true }),
        customer: draftCustomer(directory, hit.customerId, hit.customerName),
        reference: `${base}-${number}`,
        detectedAt: typeof facts.detectedAt === 'string' ? facts.detectedAt : new Date().toISOString(),
        ...(typeof facts.cause === 'string' ? {} : draftCause(hit, hit.intended, directory, locale)),
        ...declineCorrectingAddress(hit, facts.measures, locale),
      } as unknown as Parameters<typeof reportMisdirected>[0];
      const result = await reportMisdirected(input, language);
      await writeDraft(
        folder,
        number,
        renderIncidentReport(result.report, { ...language, format: 'markdown' }),
        result.notices.email.raw,
      );
      written.push({ number, hit, contentUnknown: result.report.data.contentUnknown === true });
    } catch (error) {
      // A fact one message contradicts (its Date before occurredAt, say) is said in the command's language.
      const said = isEmailGuardError(error, 'INVALID_INPUT')
        ? describeInputIssues(error as InvalidInputError, {
            locale,
            input: facts,
            fields: Object.keys(facts),
          })
        : (error as Error).message;
      context.warn(`${hit.where}: ${text.draftFailed}: ${said}`);
      failed++;
    }
  }
  if (marked) await rm(join(folder, INCOMPLETE_MARKER), { force: true });
  if (detectedEarly > 0 && detectedAt !== undefined)
    context.warn(text.detectedBeforeSent(factsFile, detectedAt, detectedEarly));
  return {
    written,
    drafted: written.length,
    withCandidates,
    withoutIntended,
    withoutCustomer,
    withoutAddressOnFile,
    detectedEarly,
    failed,
  };
}

/**
 * The customer a draft is written for, with every field the export gives (birth date, phone
 * numbers, country, addresses): a birth date that shows a child makes the notice the guardian's
 * and the guardian a person concerned of their own (see `affected.minor`), and phone numbers on file
 * are known as the customer's own in the message. Empty lists are left out, as never given.
 */
function draftCustomer(
  directory: Directory,
  customerId: string,
  name: string | undefined,
): Record<string, unknown> {
  const stored = directory.get(customerId);
  const usable = (stored?.emails ?? []).filter((address) => parseAddress(address).ok);
  return {
    id: customerId,
    ...(name ? { name } : stored?.name ? { name: stored.name } : {}),
    // Only the stored values that are one address each: the report refuses any other (a list in
    // one cell), which is no address a notice could go to; \`customers check\` lists them.
    ...(usable.length > 0 ? { emails: usable } : {}),
    ...(stored?.phones.length ? { phones: stored.phones } : {}),
    ...(stored?.birthDate ? { birthDate: stored.birthDate } : {}),
    ...(stored?.country ? { country: stored.country } : {}),
  };
}

/** Whether `address` is the stored address of some customer (a mailbox known to be someone's). */
function ownedByCustomer(directory: Directory, address: string): boolean {
  return directory.findAddress({ entered: address }).some((match) => match.distance === 0);
}

/** Whether `address` reaches a mailbox the directory holds for `customerId`. */
function isOnFile(directory: Directory, address: string, customerId: string): boolean {
  return directory
    .findAddress({ entered: address })
    .some((match) => match.distance === 0 && match.customerId === customerId);
}

/**
 * The cause a draft states, from what the hit is: a recipient that is another customer's address,
 * one stored in the register, or a slip made when sending while the stored address is right. What
 * the hit does not tell is not given: the report then says that no cause is recorded yet, as a report
 * must not state a guess as the cause (GDPR art. 33(3)(a) asks for the nature of the breach, art.
 * 33(4) allows it in phases).
 */
function draftCause(
  hit: AuditHit,
  intended: string,
  directory: Directory,
  locale: 'sv' | 'en',
): { cause: string } | Record<string, never> {
  const causes = cliTexts[locale].audit.causes;
  // Two addresses that look the same: the cause says which letter is from which script, or the
  // report would show one address twice.
  const parsed = hit.finding === 'confusable-characters' ? parseAddress(hit.recipient) : undefined;
  const confusables = parsed?.ok ? findConfusables(parsed.address) : undefined;
  if (confusables)
    return {
      cause: causes.lookalike(
        intended,
        hit.recipient,
        confusables.characters
          .map((character) =>
            causes.lookalikeLetter(
              character.character,
              character.codePoint,
              hit.recipient,
              scriptName(character.script, locale === 'sv'),
              character.looksLike,
            ),
          )
          .join('; '),
      ),
    };
  const owners = [
    ...new Set(
      directory
        .findAddress({ entered: hit.recipient })
        .filter((match) => match.distance === 0)
        .map((match) => match.customerId),
    ),
  ];
  if (hit.finding === 'belongs-to-other-customer')
    return { cause: causes.otherCustomer(intended, hit.recipient, owners.join(', ') || '?') };
  if (owners.length > 0 && hit.customerId !== undefined && possiblyStoredTwice(hit, directory))
    return { cause: causes.storedTwice(intended, hit.recipient, owners.join(', '), hit.customerId) };
  if (owners.length > 0) return { cause: causes.stored(intended, hit.recipient, owners.join(', ')) };
  if (hit.customerId !== undefined && isOnFile(directory, intended, hit.customerId))
    return { cause: causes.sending(intended, hit.recipient) };
  return {};
}

/**
 * Whether the recipient is the stored address of a record that nothing tells apart from the
 * hit's customer (the same name, one slip apart, no birth date or phone number that says which
 * address is right, `findDuplicateRecords`): possibly one person stored twice, which a draft must
 * not call a register mistake as if it were known.
 */
function possiblyStoredTwice(hit: AuditHit, directory: Directory): boolean {
  const parsed = parseAddress(hit.recipient);
  if (!parsed.ok || hit.customerId === undefined || hit.finding === 'belongs-to-other-customer') return false;
  const matches = directory.findAddress({ entered: hit.recipient });
  return matches.some((match) => {
    if (match.distance !== 0) return false;
    const owner = directory.get(match.customerId);
    return (
      owner !== undefined &&
      findDuplicateRecords({ address: parsed.address, customer: owner, directory }).some(
        (record) => record.customerId === hit.customerId && record.right !== 'this',
      )
    );
  });
}

/**
 * A recipient with a Punycode domain (`olle.ek@xn--gmil-63d.com`, the RFC 5890 A-label a mail
 * header carries) as people and the export write it (`olle.ek@gmаil.com`), the Punycode kept as
 * `sentAs`: the reader looks the address up in the export, where it stands in Unicode.
 */
function asWritten(address: string): { recipient: string; sentAs: string } | Record<string, never> {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (at < 0 || !/(^|\.)xn--/i.test(domain)) return {};
  const unicode = domainToUnicode(domain);
  return unicode && unicode !== domain
    ? { recipient: `${address.slice(0, at)}@${unicode}`, sentAs: address }
    : {};
}

/**
 * The time `--since` names. A date alone (`2026-11-21`) is midnight where the command runs (the
 * TZ time zone): ECMAScript reads a date-only form as UTC, which loses the first hours of the day
 * east of Greenwich; a date-time without an offset is local time anyway, and one with an offset
 * (`Z`, `+01:00`) is taken as given (ECMA-262 §21.4.3.2, Date.parse).
 */
function sinceTime(since: string): number {
  return Date.parse(/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(since) ? `${since.trim()}T00:00:00` : since);
}
