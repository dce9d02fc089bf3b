import { INVALID_REASONS } from '../address/invalid-reason-texts.js';
import type { InvalidAddressReason } from '../address/parse-address.js';
import type { SentMailKind } from './read-sent-mail.js';

/** The languages of the command's lines (`--locale`). */
export type CliLocale = 'sv' | 'en';

/** A customer source with `now` customers, fewer than the `whenHeld` the holding check knew. */
const fewerThan = (now: number, whenHeld: number, heldAt: string) =>
  `${now} ${now === 1 ? 'customer' : 'customers'}, fewer than the ${whenHeld} the check that held the message knew (${heldAt}): a corrected address that is the address of a customer missing from it would pass as new`;

/** The same in Swedish. */
const färreÄn = (now: number, whenHeld: number, heldAt: string) =>
  `${now} ${now === 1 ? 'kund' : 'kunder'}, färre än de ${whenHeld} som kontrollen som stoppade meddelandet kände till (${heldAt}): en rättad adress som tillhör en kund som saknas där skulle gå igenom som ny`;

/** How a release or discard of a held message ended, as the audit log records it. */
type Ending = 'released' | 'discarded';

// The example command lines of each command's --help: typed the same in either language.
const CHECK_EXAMPLES = `  $ email-guard check anna.svensson185@gmail.com --customer '{"id":"C-1","emails":["anna.svensson1985@gmail.com"]}'
  $ email-guard check erik.lind@telia.com --customer-id C-1 --customers customers.csv --json`;

const CUSTOMERS_EXAMPLES = `  $ email-guard customers check customers.csv --out report.html`;

const CUSTOMERS_CHECK_EXAMPLES = `  $ email-guard customers check customers.csv
  $ email-guard customers check export.ndjson --out report.html --locale sv`;

const AUDIT_EXAMPLES = `  $ email-guard audit sent/ --customers customers.csv
  $ email-guard audit sent.mbox --customers customers.ndjson --since 2024-01-01 --out audit.html
  $ email-guard audit ~/Maildir --customers customers.csv --incidents drafts/ --facts facts.json`;

const INCIDENT_EXAMPLES = `  $ email-guard incident --message sent.eml --intended anna.svensson1985@gmail.com \\
      --actual anna.svensson185@gmail.com --facts facts.json --locale sv --format html --out incident/
  $ email-guard incident --channel sms --intended +46701234567 --actual +46701234576 \\
      --text message.txt --facts facts.json --out incident-sms/
  $ email-guard incident --message sent.eml --intended jane.doe@example.co.uk \\
      --actual jane.doe@example.com --facts facts.json --time-zone Europe/London --out incident-uk/`;

const INCIDENT_FACTS = `facts.json:
  { "customer": { "id": "4711023", "name": "Anna Svensson" },
    "organisation": { "name": "Nordkabel AB", "regimes": ["eprivacy", "gdpr"],
      "contact": { "name": "Karin Berg", "email": "dpo@nordkabel.se", "phone": "08-123 456 00" } },
    "reference": "NK-INC-2018-0223", "detectedAt": "2018-02-23T13:45:00+01:00" }`;

const SERVE_EXAMPLES = `  $ EMAIL_GUARD_TOKEN=$(openssl rand -hex 32) email-guard serve --customers customers.csv \\
      --holds ./held-mail --smtp smtp://mail.local:587 --port 8080
  $ curl -s -H "Authorization: Bearer $EMAIL_GUARD_TOKEN" -H 'content-type: application/json' \\
      -d '{"entered":"anna.svensson185@gmail.com","customerId":"C-1001"}' http://127.0.0.1:8080/v1/check`;

/**
 * The command's own lines in each language: the notes on rows and messages it could not read, why
 * an input is refused, and the argument parser's usage errors (commander words them in English
 * only; run-cli.ts gives it these instead). What the library says (findings, row reasons) comes
 * from the library in the language asked for.
 */
export const cliTexts = {
  en: {
    rowSkipped: 'row skipped',
    moreProblems: (count: number) => `${count} more problems not shown`,
    suggestion: 'suggestion',
    notAFile: 'not a file',
    cannotBeRead: (code: string) => READ_REASONS.en[code] ?? `cannot be read (${code})`,
    folderCreated: (folder: string) => `${folder}: the folder did not exist and was made for the report`,
    warning: (message: string, code: string) => `warning (${code}): ${message}`,
    noCustomerRows: 'no customer rows',
    auditLogGiven:
      "this is an audit log of email-guard's decisions, not a customer export: give the CRM's export of customers (CSV or NDJSON, a customer id and address per row)",
    noAddresses: (accepted: string) =>
      `no row has an address: the address column's header is one of ${accepted} (case, spaces and - _ . / aside)`,
    // A name from the input as the language quotes it.
    quoted: (name: string) => `"${name}"`,
    // The columns not read, quoted and joined, and the first of them for the example.
    unreadColumns: (quoted: string, first: string) =>
      `, and ${quoted} ${quoted.includes('", "') ? 'are' : 'is'} not read; rename the address column's header to one of those, or name it with --columns emails=HEADER, e.g. --columns emails=${first}`,
    customerFormat: (extension: string) =>
      `a customer export ends in .csv or .ndjson (or .jsonl), not "${extension}"`,
    columnsOption: (pair: string, fields: string) =>
      `--columns "${pair}": give FIELD=HEADER pairs separated by commas (--columns id=Kundnr,email=E-post), each field one of ${fields} (email and phone are taken too)`,
    utf16: (encoding: string) =>
      `the file looks like ${encoding} without a byte order mark (every other byte is zero), which is not read; save it as UTF-8, or as UTF-16 with a byte order mark ("Unicode text" in Excel)`,
    reportFormat: (extension: string) => `a report ends in .html, .csv or .json, not "${extension}"`,
    noSuchPath: 'cannot be read (no such file or folder)',
    notFileOrFolder: 'not a file or a folder',
    expectedSentMail:
      'expected a folder of .eml files, a Maildir (cur/ and new/, or Maildir++ folders such as .Sent/cur/), an mbox file or one .eml file',
    noMessages: 'no messages found',
    notMbox: 'not an mbox file: the first line does not start with "From "',
    headerTooLong: (bytes: number) => `the header is longer than ${kibibytes(bytes)}`,
    fromLineTooLong: (bytes: number) => `the From line is longer than ${kibibytes(bytes)}`,
    endsInFromLine: 'the file ends inside the From line of this message',
    emptyFile: 'the file is empty',
    notMessageFile: 'skipped: a folder or other entry, not a message file',
    outIsInput: (out: string, input: string) =>
      `--out ${out} is the input file ${input}: the report would replace it; give another file name`,
    outNotFolder: 'not a folder (--out names the folder the files are written into)',
    cannotWrite: (path: string, code: string) =>
      `${path}: cannot be written: ${WRITE_REASONS.en[code] ?? code}; nothing was written there`,
    badTimeZone: (zone: string) =>
      `--time-zone: "${zone}" is not an IANA time zone such as Europe/Stockholm or Europe/London`,
    earlierReport: (folder: string, found: string) =>
      `--out ${folder} already holds a report (${found}): give a new or empty folder, or --overwrite to replace it`,
    reportWritten: 'report',
    summaryWritten: 'summary',
    summaryIsInput: (out: string, summary: string, input: string) =>
      `--out ${out}: its summary ${summary} is the input file ${input}: it would replace it; give another file name`,
    usage: {
      prefix: 'error',
      helpAfterError: '(add --help for usage)',
      outTwice: '--out was given more than once: give the one file or folder to write',
      unknownOption: (flag: string, suggestion: string) => `unknown option '${flag}'${suggestion}`,
      unknownCommand: (name: string, suggestion: string) => `unknown command '${name}'${suggestion}`,
      didYouMean: (candidates: string) => `\n(Did you mean ${candidates}?)`,
      missingArgument: (name: string) => `missing required argument '${name}'`,
      optionMissingArgument: (flags: string) => `option '${flags}' argument missing`,
      missingMandatoryOption: (flags: string) => `required option '${flags}' not specified`,
      excessArguments: (expected: number, received: number, command: string) =>
        `too many arguments${command ? ` for '${command}'` : ''}. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${received}.`,
      invalidChoice: (value: string, flags: string, choices: string) =>
        `option '${flags}' argument '${value}' is invalid. Allowed choices are ${choices}.`,
    },
    help: {
      titles: {},
      helpOption: 'display help for command',
      helpCommand: 'display help for command',
      optionsPlaceholder: '[options]',
      commandPlaceholder: '[command]',
      // The names of arguments and option values in the usage lines, as the command files give them.
      argumentNames: {} as Readonly<Record<string, string>>,
    },
    checkUsage: {
      customerOrCustomers: 'give either --customer JSON or --customer-id with --customers, not both',
      customerIdNeedsFile: '--customer-id needs --customers FILE to find the customer in',
      notJson: (detail: string) => `--customer is not JSON: ${detail}`,
      noCustomer: (file: string, id: string) => `${file}: no customer with the id ${id}`,
      sharedMailbox: (id: string, address: string) =>
        `The same mailbox is also on file for customer ${id} (${address}): a shared mailbox, so what is sent to it can be read by that customer too.`,
    },
    // The lines of `holds` (holds.ts), in the words of the review page (src/serve/data/page-texts.ts):
    // a held message is "stoppat", released is "släppt", discarded is "kastat".
    holds: {
      actions: { send: 'send', confirm: 'confirm', block: 'block' },
      // Where a verdict is shown as the state of a held message and of a recipient: the verdict's
      // own word in English.
      messageStates: { send: 'send', confirm: 'confirm', block: 'block' } as Record<string, string>,
      recipientStates: { send: 'send', confirm: 'confirm', block: 'block' } as Record<string, string>,
      // The envelope's sender (MAIL FROM) is where a bounce goes, not a recipient: named as such.
      fields: { to: 'to', cc: 'cc', bcc: 'bcc', 'envelope-from': 'sender (MAIL FROM)' } as Record<
        string,
        string
      >,
      none: 'no held messages',
      // An entry of the store that cannot be listed: the store's own message says it in English.
      problems: undefined,
      // Why the customer of a held message was not found: the reason's code is its own word.
      lookupReasons: undefined,
      // A recipient or a value given, quoted in a line: as JSON writes a string, escapes and all.
      quoted: (value: string) => JSON.stringify(value),
      notOneAddress: (place: number, given: string, why: string, address: string | undefined) =>
        `--to: recipient ${place} (${given}) is not one address: ${why}${address ? `; give ${address}` : ''}`,
      releasingFlag: 'RELEASING',
      inDoubt: "release in doubt: check the mail server's log before releasing again",
      needsForce: (id: string, started: string) =>
        `${id} stays held: release in doubt: an earlier release was started and never ended, so the message may have been sent${started ? ` (${started})` : ''}; check the mail server's log, and release it again with --force only if it was not delivered`,
      discardInDoubt: (id: string, started: string) =>
        `${id} is kept: release in doubt: an earlier release was started and never ended, so the message may have been sent${started ? ` (${started})` : ''}; this discard did nothing. Check the mail server's log, then discard it with --force (whether or not it was delivered, once you know), or release it again with --force only if it was not delivered`,
      // How far the release of an entry went, by its lock's process and the audit log (holds.ts releaseStatus).
      releaseUnderWay: (who: string, since: string | undefined) =>
        `release under way${who ? ` by ${who}` : ''}${since ? ` since ${since}` : ''}: wait for it to end`,
      releaseNotSent: 'release stopped before the message was sent: not sent; release it again with --force',
      releaseSent:
        'sent (the audit log records that the mail server took it), but not removed: discard it with --force, never release it again',
      process: (pid: number, host: string) => `process ${pid} on ${host}`,
      // The PostgreSQL session holding a release lock (pg_stat_activity's pid and client).
      session: (pid: number, client: string | undefined) =>
        `PostgreSQL session ${pid}${client === undefined ? '' : ` from ${client}`}`,
      releaseStarted: (to: string, at: string, by: string, messageId: string | undefined) =>
        `a release to ${to} was started at ${at} by ${by}; whether it was sent is not known: check the mail server's log${messageId ? ` for message-id ${messageId}` : ''} before releasing again`,
      interruptedNotSent: (id: string) =>
        `${id}: interrupted before the message was sent: not sent, it stays held`,
      interruptedInDoubt: (id: string) =>
        `${id}: interrupted while the message was being sent: whether it was sent is not known (release in doubt); see "holds show ${id}" and check the mail server's log before releasing it again`,
      interruptedSent: (id: string) =>
        `${id}: interrupted after the mail server took the message: it was sent; see "holds show ${id}" and never release it again`,
      auditLogUnwritable: (id: string, file: string, why: string) =>
        `${id} stays held, not sent: the audit log ${file} cannot be written (${why}), and a release is sent only once its start is logged`,
      customer: 'customer',
      labels: {
        id: 'id',
        // The time it was held; its state ("block") follows on the same line.
        held: 'held at',
        customer: 'customer',
        message: 'message',
        subject: 'subject',
        date: 'date',
        envelope: 'envelope',
        lookup: 'lookup',
      },
      confirmedForOther: "confirmed for another customer's address",
      heldFor: (heldAt: string, held: string, action: string, releasing: boolean) =>
        `${heldAt} (${held} ago), ${action}${releasing ? ', being released' : ''}`,
      bytes: 'bytes',
      noStore: 'no hold store folder there',
      keyRefused: (variable: string, bytes: number) =>
        `${variable} is ${bytes} bytes long, and the hold store's key has at least 32: give the key the store was sealed with (a new store's: openssl rand -hex 32)`,
      keyDoesNotOpen: (variable: string, count: number, keySet: boolean) =>
        keySet
          ? `${variable} does not open ${count} ${count === 1 ? 'entry' : 'entries'} of the store: sealed with another key, with none, or changed since; give the key the store was sealed with`
          : `${count} ${count === 1 ? 'entry' : 'entries'} of the store ${count === 1 ? 'is' : 'are'} sealed with a key: set ${variable} to the key the store was sealed with`,
      storeOrDatabase: 'give either --store DIR or --database URL, not both',
      noStoreGiven: 'give the hold store: --store DIR (a folder) or --database URL (PostgreSQL)',
      databaseUnreachable: (server: string, why: string) => `--database ${server}: cannot connect (${why})`,
      timeoutNeedsDatabase: '--timeout bounds the queries of --database URL: give --database too',
      noEnvelope: (named: string) => `no envelope given; the message's header recipients: ${named || 'none'}`,
      noEnvelopeInList: "no envelope given (the recipients are the message header's)",
      timeoutNotSeconds: (value: string) =>
        `--timeout ${value}: give the seconds as a positive number, e.g. 30`,
      lockWait: (where: string, seconds: number, code: string) =>
        `--database ${where}: no answer within --timeout ${seconds} s, waiting for a lock another session holds on the held messages (SQLSTATE ${code}); find it with SELECT * FROM pg_locks WHERE NOT granted, and pg_stat_activity`,
      customersOrDatabase:
        '--customers: with --database the recipients are checked against its customers; leave --customers out',
      customersNeeded:
        '--customers FILE is needed with --store: the CRM export the recipients are checked against',
      noCustomerInDatabase: (customer: string, where: string) =>
        `the customer ${customer} is not in the directory of ${where}: add the customer there, then release it`,
      forceRefused: (id: string, since: string | undefined, command: 'release' | 'discard') =>
        `${id}: a release or discard of this message is still running in a live process${since ? ` (since ${since})` : ''}; --force takes over only one whose process has stopped, so this ${command} did nothing. Wait for it to end, then see how it ended with "holds show ${id}".`,
      noMessage: (id: string) => `no held message ${id}`,
      alreadyEnded: (id: string, how: Ending, command: 'release' | 'discard', at: string, by?: string) =>
        `${id} was already ${how}${by === undefined ? '' : ` by ${by}`} at ${at}; this ${command} did nothing`,
      endedMeanwhile: (id: string, command: 'release' | 'discard') =>
        `${id} was released or discarded by another release or discard after this ${command} found it; this ${command} did nothing. The audit log given names neither: see the one the other release or discard wrote to`,
      answerFieldStands: (fields: string) =>
        `another customer's address is named in ${fields}, which a release sends as held: --to corrects the recipients, not ${fields}. Discard the message and send it again with the company's own address there`,
      needsTo: (id: string, blocked: string) =>
        `${id} was held because a recipient is blocked (${blocked}): give the corrected recipients with --to`,
      stoppedOnceFound: (customer: string) =>
        `it was held only because the customer ${customer} could not be looked up, and checked now against ${customer} the recipient is blocked: give the corrected recipients with --to`,
      staysHeld: (id: string) => `${id} stays held`,
      verificationsNeeded: (id: string) =>
        `${id} was held by a check that knew the addresses verified by code: give their store with --verifications DIR (with --database, the schema's is used), so that an address verified for another customer is refused as it was when held`,
      notVerifications: (dir: string) =>
        `--verifications ${dir}: not a verification store (a folder with the key file the verifier made); give the folder createFileVerificationStore keeps`,
      otherVerifications: (id: string, heldWith: string, given: string | undefined, givenUnread = false) =>
        `${id} stays held: it was checked against the verification store ${heldWith}, and the store given is ${given ?? (givenUnread ? 'one whose id could not be read' : 'one without an id')}; another store (an empty one) says nobody verified the address, so give the one the check read with --verifications DIR (with --database, the schema's is used)`,
      noEnvelopeToRelease: (id: string, named: string) =>
        `${id} stays held: it was held with no envelope (a raw message given without one), so it names no one to deliver to: give the recipients to release it to with --to${named ? `; its header names ${named}` : ''}`,
      unknownVerifications: (id: string) =>
        `${id} stays held: it was checked against a verification store whose id could not be read when it was held, so no store given can be shown to be that one, and another store (an empty one) says nobody verified the address; discard it and send the order again, so it is checked afresh`,
      waitingForCode: "waiting for the customer's code",
      releaseSkipsCode: (addresses: string) =>
        `waiting for the customer's code, sent to ${addresses}: once it is read back the message goes out by itself; a release by hand skips that proof, so read the address back to the customer and give --confirm-new`,
      blindCopyShown: (address: string, field: string) =>
        `${address} was held as a blind copy (Bcc): in ${field} every recipient would see it; give it with --bcc, where it stays in the envelope only`,
      codeReadBackNotSent: (addresses: string, at: string) =>
        `the customer's code sent to ${addresses} was read back, but the release after it was not sent (${at}): the message stays held and no longer goes out by itself; release it again with holds release`,
      handReleaseNotSent: (addresses: string, by: string, at: string) =>
        `waiting for the customer's code, sent to ${addresses}; a release by ${by} was not sent (${at}), so it stays held: read back later, the code sends it then, but if it was read back already the message waits for a release by hand, which skips that proof (read the address back to the customer and give --confirm-new)`,
      notLocked: (id: string, code: string) =>
        `${id} stays held: it cannot be locked in the store: ${WRITE_REASONS.en[code] ?? code} (${code}); nothing was sent or removed`,
      underWay: (id: string, since: string | undefined, command: 'release' | 'discard', by = '') =>
        `${id}: another release or discard of this message is under way${by ? ` by ${by}` : ''}${since ? ` (since ${since})` : ''}; this ${command} did nothing. See how it ended later with "holds show ${id}"; ${command === 'release' ? 'release it with --force' : 'discard it with --force'} only if that process has stopped.`,
      released: (id: string, to: string) => `released ${id} to ${to}`,
      noCustomer: (customer: string, file: string) =>
        `the customer ${customer} is not in ${file}: release it with --customers naming an export that holds the customer ${customer}`,
      heldWithoutCustomer: (id: string) =>
        `no customer was known when the message was held (lookup-failed), and a release checks the recipients against the message's customer, so no address can pass. Send the order again with the customer's id (emailGuard.customerId) and discard this one (holds discard ${id}), or release it with --to and the recipients read back, and --send-despite-block, on your own account`,
      fewerCustomers: (file: string, now: number, whenHeld: number, heldAt: string) =>
        `${file} has ${fewerThan(now, whenHeld, heldAt)}. Release it with a complete export, or with --fewer-customers if this export is meant`,
      databaseDirectory: (where: string) => `the directory of ${where}`,
      // A count that failed (the hold's, kept as customersCountFailed, or the database's now).
      customersUncounted: (source: string, whenHeld: number | undefined, heldAt: string) =>
        whenHeld === undefined
          ? `the customers could not be counted when the message was held (${heldAt}), so nothing shows ${source} has as many as that check knew, and a corrected address of a customer missing from it would pass as new. Release it with --fewer-customers once ${source} is the one meant`
          : `the customers of ${source} cannot be counted now, so nothing shows it has the ${whenHeld} the check that held the message knew (${heldAt}), and a corrected address of a customer missing from it would pass as new. Release it again once they can be counted, or with --fewer-customers if these customers are meant`,
      // With --database: the directory of the store, which no export fills.
      fewerInDatabase: (where: string, now: number, whenHeld: number, heldAt: string) =>
        `the directory of ${where} has ${fewerThan(now, whenHeld, heldAt)}. Release it once every customer is in that directory, or with --fewer-customers if these customers are meant`,
      notSent: (server: string, why: string) => `the SMTP server ${server} did not take the message (${why})`,
      // RFC 6531 §3.4: a local part outside ASCII is named to a server only with SMTPUTF8.
      noSmtpUtf8: (server: string, addresses: string) =>
        `not sent: the SMTP server ${server} does not announce SMTPUTF8 (RFC 6531), which ${addresses} needs for its letters outside ASCII before the @`,
      noOneToConfirm: (id: string) => `discard ${id}: no one can confirm here; add --yes`,
      discardUnlogged: (id: string, file: string, why: string) =>
        `${id} stays held, not discarded: the audit log ${file} cannot be written (${why}), and a discard is made only once it is logged`,
      question: (id: string, action: string, to: string) =>
        `Discard ${id} (${action}, to ${to}) without sending it? [y/N]`,
      kept: (id: string) => `kept ${id}`,
      discarded: (id: string) => `discarded ${id}`,
      // `discard --damaged` (holds.ts discardDamaged): an entry that cannot be read, set aside whole.
      damagedNeedsFolder: '--damaged: only a folder store (--store DIR) has entries that cannot be read',
      notDamaged: (id: string) =>
        `--damaged: ${id} can be read whole; discard it without --damaged, or release it`,
      questionDamaged: (id: string, why: string) =>
        `Set aside ${id} (cannot be read: ${why}) in the folder damaged, unsent? [y/N]`,
      setAside: (id: string, files: string) => `set aside ${id}: ${files}`,
      // A refused release: the library's own message says why (holds.ts takes its opening off).
      refusal: undefined,
      // The check that held the message knew more than the export given now may (holds.ts heldStops).
      // A list that cannot read every entry: on standard output too, for a job that reads only it.
      unreadableEntries: (count: number, entries: string) =>
        `${count} ${count === 1 ? 'entry' : 'entries'} of the store cannot be read, and may be held messages: ${entries}; see the lines on standard error`,
      heldFindingStands: (stopped: string) =>
        `recipient ${stopped} was found blocked or another customer's address when the message was held, and a check now cannot clear that (the customers given may be out of date); release it to a corrected address (--to) that passes the check, or with --send-despite-block on your own account`,
      heldNameStands: (stopped: string) =>
        `recipient ${stopped} was held because its display name showed another address, not for the address behind the name, and what the check that held it stopped stays stopped at release; discard the message and send it again with no other address in a display name, or release it with --send-despite-block on your own account`,
    },
    smtp: {
      notUsable: (detail: string) =>
        `--smtp: not an SMTP server the message can go through (smtp://user:pass@host:587): ${detail}`,
    },
    audit: {
      sinceNotDate: (since: string) => `--since: "${since}" is not a date`,
      incidentsNeedFacts: '--incidents needs --facts FILE with at least the organisation',
      incidentsNotFolder: (folder: string) => `--incidents ${folder}: not a folder`,
      incidentsUnreadable: (folder: string, code: string) =>
        `--incidents ${folder}: ${READ_REASONS.en[code] ?? `cannot be read (${code})`}`,
      incidentsUsed: (folder: string, count: number, hidden: string) =>
        `--incidents ${folder} already holds ${count} ${count === 1 ? 'file' : 'files'}${hidden ? `, hidden ones among them (${hidden})` : ''} (the drafts of an earlier run?): their references would be given to other incidents; give a new or empty folder`,
      incomplete:
        'This set of drafts is incomplete: the audit was stopped before it had written every draft. Run it again into a new or empty folder.\n',
      // The report, its lines and the incident drafts of `audit` (audit.ts).
      title: 'Sent mail audit',
      where: 'Where',
      id: 'Message-ID',
      date: 'Date',
      recipient: 'Recipient',
      customer: 'Meant for',
      intended: 'Likely address',
      finding: 'Finding',
      reason: 'Reason',
      read: (
        path: string,
        kind: SentMailKind,
        messages: number,
        skipped: number,
        unreadable: number,
        hits: number,
      ) =>
        `${path} (${kind}): ${messages} ${messages === 1 ? 'message' : 'messages'} read, ${skipped} before --since, ${unreadable} unreadable, ${hits} ${hits === 1 ? 'hit' : 'hits'}.`,
      noRecipients: 'no recipients in To, Cc or Bcc',
      customersInConflict: (header: string, count: number, ids: string) =>
        `${count} ${header} fields name different customers (${ids}): which one the message was for is not guessed, so it is checked as one that names no customer (a slip of any customer's address, a mistyped domain)`,
      notClean: (unreadable: number, messages: number) =>
        `Not a clean audit: ${unreadable} of ${messages} messages could not be read whole, and what could not be read was not checked (each is named with its reason).`,
      nothingRead: (messages: number, reasons: string) =>
        `Nothing was checked: none of the ${messages} messages could be read (${reasons}). This is not a clean audit.`,
      reasonCount: (reason: string, count: number) => `${count} × ${reason}`,
      customerNotInExport: (header: string, id: string, file: string, skipped: boolean) =>
        `${header} "${id}" is no customer in ${file}${skipped ? ' (its row was skipped as unreadable)' : ''}: the message is checked as one that names no customer`,
      brokenHeader: (name: string, value: string) =>
        `the ${fieldName(name)} field is broken by a line break inside a quoted name; read as: ${value}`,
      // RFC 5322 §3.2.3: atext and qtext hold no control character; the address reader drops them.
      controlInField: (name: string, value: string) =>
        `the ${fieldName(name)} field holds a control character (RFC 5322 §3.2.3 allows none in an address), read without it: "${value}"`,
      unreadableRecipient: (address: string, reason: InvalidAddressReason | 'rfc2047') =>
        `recipient "${address}" cannot be read as an address: ${reason === 'rfc2047' ? 'an encoded-word (RFC 2047) is not allowed in an address' : INVALID_REASONS.en[reason]}`,
      moreUnreadable: (count: number) => `and ${count} more unreadable messages (named on stderr)`,
      copiesCounted: (count: number) =>
        `${count} copies of messages already read (the same Message-ID and recipient) are counted with the first: one hit, and one draft, each.`,
      seenTimes: (where: string, count: number) => `${where} (read ${count} times)`,
      customerRows: (file: string, rows: number, skipped: number) =>
        `${file}: ${rows} customer rows, ${skipped} skipped: mail to their addresses is not found. Problems in the export:`,
      noIntended: (recipient: string) =>
        `no incident draft for ${recipient}: the intended address is not known`,
      noCustomer: (recipient: string, intended: string) =>
        `no incident draft for ${recipient}: no customer is known for it, so whom it was meant for is not known (${intended} is only a guess from the domain)`,
      draftFailed: 'no incident draft',
      // RFC 5322 §3.6.1: every message must carry one; without it the draft has no time to state.
      noDate:
        'the message has no Date field (RFC 5322 §3.6.1), so when it was sent is not known; give occurredAt in the facts file to draft it',
      badDate: (date: string) =>
        `the message's Date field "${date}" is not a date (RFC 5322 §3.3), so when it was sent is not known; give occurredAt in the facts file to draft it`,
      ambiguous: (recipient: string, candidates: string) =>
        `${recipient}: not written: more than one likely customer (${candidates})`,
      noAddress: 'no address',
      notOnFile: (intended: string, customerId: string, onFile: string) =>
        `not written: ${intended} is not on file for customer ${customerId} (on file: ${onFile}); a notice goes only to an address on file`,
      causes: {
        // `letters`: each look-alike letter as `lookalikeLetter` says it, joined with "; ".
        lookalike: (intended: string, recipient: string, letters: string) =>
          `The message went to ${recipient}, which looks the same as ${intended} but is another address: ${letters}. The message may have reached someone else.`,
        lookalikeLetter: (
          character: string,
          codePoint: string,
          recipient: string,
          script: string,
          looksLike: string,
        ) =>
          `the ${character} (${codePoint}) in ${recipient} is a ${script} letter, not the Latin ${looksLike}`,
        // No customer has the address on file: that it is someone's is not known (the draft is unconfirmed).
        sending: (intended: string, recipient: string) =>
          `The customer's stored address ${intended} is right; the address was typed wrongly when the message was sent (${recipient}), so the message was sent to an address that may belong to someone else.`,
        otherCustomer: (intended: string, recipient: string, owners: string) =>
          `The message was sent to another customer's address (${recipient}, customer ${owners}) instead of the customer's own address ${intended}.`,
        stored: (intended: string, recipient: string, owners: string) =>
          `The address was stored wrongly in the customer register (${recipient} on customer ${owners}, instead of ${intended}), so the message went to another person's address.`,
        storedTwice: (intended: string, recipient: string, owners: string, customerId: string) =>
          `The message went to ${recipient}, stored on customer ${owners}, instead of ${intended} of customer ${customerId}. The two records have the same name and nothing in the register (a birth date or phone number) tells them apart: possibly the same person stored twice, one address a typo of the other. Whether the message reached another person is not established: check with the customer which address is theirs.`,
      },
      draftOf: (number: string, where: string, messageId: string, recipient: string, customerId: string) =>
        `draft ${number}: ${where} ${messageId} to ${recipient} (customer ${customerId})`,
      drafts: (drafted: number, folder: string) => `incident drafts: ${drafted} in ${folder}`,
      notDrafted: (count: number) => `${count} not drafted`,
      withoutIntended: (count: number) => `${count} without a likely address`,
      withoutCustomer: (count: number) => `${count} without a known customer`,
      withCandidates: (count: number) => `${count} with more than one likely customer`,
      withoutAddressOnFile: (count: number) => `${count} with no address on file to write to`,
      detectedEarly: (count: number) => `${count} detected before they were sent (detectedAt)`,
      detectedBeforeSent: (file: string, detectedAt: string, count: number) =>
        `${file}: detectedAt ${detectedAt} is before ${count} of the messages were sent, so their drafts were not written; leave detectedAt out of the facts (the time of the audit is used) or give when the audit found them`,
      failed: (count: number) => `${count} failed (named above)`,
      // Why a recipient is a hit, where the check's own finding does not say it.
      // `candidates`: each address with its customer, `candidate` a piece.
      ambiguousNearMiss: (candidates: string) =>
        `One slip from the address of more than one customer: ${candidates}; whom it was meant for cannot be told.`,
      candidate: (address: string, customerId: string) => `${address} (customer ${customerId})`,
      nearMiss: (address: string, customerId: string) =>
        `One slip from ${address}, the address of customer ${customerId}.`,
      duplicateRecord: (ownerId: string, address: string, customerId: string) =>
        `Stored for customer ${ownerId}, but one slip from ${address}, the address of customer ${customerId} with the same or a similar name: probably a duplicate record saved with a typo.`,
      tmpNotRead: (files: number) =>
        `${files} ${files === 1 ? 'file' : 'files'} not read: tmp/ holds messages still being written (Maildir), not mail that was sent`,
      // A recipient that is the stored address of another customer, whose name is not the named one's.
      storedForOther: (reason: string, recipient: string, owners: string, customer: string) =>
        `${reason} ${recipient} is the stored address of ${owners}; the message was for ${customer}: two records with different names, one slip apart.`,
      customerNamed: (id: string, name: string | undefined) => `customer ${id}${name ? ` (${name})` : ''}`,
      domainTypo: (domain: string, suggested: string) => `${domain} looks like a typo of ${suggested}.`,
      providerTypo: (domain: string, suggested: string, address: string, customerId: string) =>
        `${domain} looks like a typo of ${suggested}: ${address} is the address of customer ${customerId}.`,
      noTopLevelDomain: (domain: string) => `${domain} does not end in a top-level domain.`,
    },
    serve: {
      customersOrDatabase: 'give either --customers FILE or --database URL, not both',
      schemaNeedsDatabase: '--schema names the tables of --database URL: give --database too',
      notPort: (port: string) => `--port: ${port} is not a TCP port (0-65535)`,
      refuseWithoutToken: (host: string, variable: string) =>
        `refusing to listen on ${host} without a token: set ${variable}, or listen on 127.0.0.1`,
      refuseShortToken: (host: string, variable: string, length: number, least: number, make: string) =>
        `refusing to listen on ${host} with a token of ${length} characters: ${variable} needs at least ${least}; make one with ${make}`,
      warnShortToken: (variable: string, length: number, least: number, make: string) =>
        `email-guard serve: ${variable} has ${length} characters; use at least ${least} before listening beyond this machine: ${make}`,
      refuseWeakToken: (host: string, variable: string, why: string, make: string) =>
        `refusing to listen on ${host} with a weak token: ${variable} is ${why}; make one with ${make}`,
      warnWeakToken: (variable: string, why: string, make: string) =>
        `email-guard serve: ${variable} is weak: ${why}; make a random one before listening beyond this machine: ${make}`,
      tokenWeakness: {
        'one-character': 'mostly one character repeated',
        'repeated-pattern': 'a short pattern repeated',
        'digits-only': 'only digits, fewer than 40',
        'low-entropy': 'of too few kinds of characters to be hard to guess (under 128 bits)',
      },
      notSchema: (schema: string, detail: string) => `--schema: ${schema} is not a schema name (${detail})`,
      databaseUnreachable: (server: string, why: string) => `--database ${server}: cannot connect (${why})`,
      databaseUnreadable: (server: string, why: string) => `--database ${server}: ${why}`,
      idleConnectionEnded: (server: string, why: string) =>
        `--database ${server}: an idle connection was ended (${why}); serving on, a new one is opened for the next check`,
      noHoldStore: 'no hold store folder there',
      smtpNeedsHolds: '--smtp releases held messages: give --holds DIR too',
      verifyFromNeeds:
        '--verify-from sends codes through --smtp and keeps them in a verification store: give --smtp and --verifications DIR (or --database) too',
      notSender: (detail: string) => `--verify-from: not a sender: ${detail}`,
      cannotListen: (where: string, detail: string) => `cannot listen on ${where}: ${detail}`,
      listening: (url: string) => `email-guard serve: listening on ${url}`,
      unreadableHold: (id: string, code: string, message: string) =>
        `email-guard serve: held message ${id} cannot be read (${code}): ${message}; the review page and GET /v1/holds list it as unreadable`,
      noToken: (variable: string) => `email-guard serve: no ${variable}: every route is open to this machine`,
      addressNotUsable: 'an address is not usable',
      phoneNotRead: 'a phone number cannot be read',
      valueNotShown: '(value not shown)',
    },
    // The words of the progress bars (create-progress.ts).
    progress: {
      readingCustomers: 'reading customers',
      checkingCustomers: 'checking customers',
      readingMbox: 'reading mbox',
      readingMessages: 'reading messages',
      rows: 'rows',
      messages: 'messages',
      // The time left, `time` being cli-progress's {eta_formatted} placeholder.
      timeLeft: (time: string) => `ETA ${time}`,
    },
    // The report of `customers check` (customers-check.ts): the kinds in the order of the summary,
    // what each means.
    customersCheck: {
      title: 'Customer data check',
      line: 'Line',
      customer: 'Customer',
      address: 'Address',
      finding: 'Finding',
      reason: 'Reason',
      suggestion: 'Suggestion',
      read: (file: string, rows: number, customers: number, notRead: number, flagged: number) =>
        `${file}: ${rows} ${rows === 1 ? 'row' : 'rows'}, ${customers} ${customers === 1 ? 'customer' : 'customers'} loaded, ${notRead > 0 ? `${notRead} ${notRead === 1 ? 'row' : 'rows'} could not be read, ` : ''}${flagged} ${flagged === 1 ? 'customer' : 'customers'} with findings.`,
      columnsNotRead: (headers: string, count: number) =>
        `${count} ${count === 1 ? 'column' : 'columns'} named like an address or phone not read (${headers}): the values in ${count === 1 ? 'it were' : 'them were'} not checked, so the export does not pass (exit code 1); read ${count === 1 ? 'it' : 'them'} with --columns.`,
      kinds: {
        'unreadable-row': 'rows that cannot be read (skipped)',
        'field-not-read':
          'a birth date, phone number or name that cannot be read (the customer is loaded without it)',
        'invalid-address': 'addresses that are not usable (row skipped)',
        'domain-typo': "at a mistyped provider's domain",
        'confusable-characters':
          'letters from another script (Cyrillic, Greek) that look like the plain letters a–z',
        'number-mismatch': "digits that contradict the customer's birth date or phone number",
        'belongs-to-other-customer': 'the same mailbox as another customer',
        'near-miss-other-customer':
          'one slip from the address of another customer with the same or a similar name',
        'role-address': "a shared or role mailbox, not a person's",
        'disposable-domain': 'a throw-away mailbox provider',
        'repeated-id': 'an id used on an earlier row (this row replaced it)',
        'repeated-key':
          'an NDJSON key written twice on a line (every address and phone under it read, the row loaded)',
        'column-not-read': 'columns that are not read',
        'accepted-pair': 'findings of a pair accepted with --accept (not listed)',
      },
    },
    // The headings of an HTML report (render-report.ts).
    report: {
      // A finding's name in the reports' summary and finding column: in English, its code.
      findingNames: {} as Readonly<Record<string, string>>,
      summary: 'Summary',
      problems: 'Input that could not be read',
      details: 'Details',
      finding: 'Finding',
      code: 'Code',
      count: 'Count',
      meaning: 'What it means',
    },
    // The lines of `incident` (incident.ts) and of its facts file (read-facts.ts).
    incident: {
      by: 'by',
      severalMessages: (file: string, count: number) =>
        `${file}: an mbox file holding ${count} messages, and --message takes the one that went wrong; save that one as an .eml file of its own (from the mail program, or from its "From " line, which email-guard audit names as ${file}:LINE, up to the next), and give that`,
      report: 'report',
      notice: 'notice',
      phoneScript: 'phone script',
      // Said beside the notice files of a report whose message nobody has read (data.contentUnknown).
      namesNoData: 'they name no data: which data the message held is still being established',
      needs: (option: string, channel: string) => `--channel ${channel} needs ${option}`,
      notWith: (option: string, channel: string) =>
        `${option} is not for --channel ${channel} (${channel === 'sms' ? '--text' : '--message'} is the message as sent)`,
      deadlinePassed: (
        authority: string,
        article: string,
        due: string,
        facts: string,
        reasonsGiven: boolean,
      ) =>
        `warning: the deadline for notifying ${authority} (${article}) passed on ${due}: the notification is late; notify without delay, with the reasons for the delay${reasonsGiven ? '' : `, which are not recorded: give "delayReasons" in ${facts}`}`,
      passed: 'passed',
      noMeasures: (facts: string) =>
        `warning: the law requires a notice to the customer, but no measures taken or proposed are recorded (GDPR Art. 34(2)); give measures in ${facts} before the notice is sent`,
      noDate: (facts: string) =>
        `the message has no readable Date field, so when it was sent is not known; give "occurredAt" in ${facts}`,
      badDate: (date: string, facts: string) =>
        `the message has no readable Date field: "${date}" is not a date (RFC 5322 §3.3), so when it was sent is not known; give "occurredAt" in ${facts}`,
    },
    facts: {
      notObject: 'not a JSON object',
      empty: 'the file is empty; the facts are a JSON object, { ... }',
      notJson: (detail: string) => `not valid JSON (${detail}); the facts are a JSON object, { ... }`,
      repeatedKey: (key: string) =>
        `the key "${key}" is written twice; JSON keeps only the last, so which is meant is not known: keep one`,
      controlInName: (field: string) =>
        `${field} holds a line break or control character, which would go into the notice and its header fields: remove it`,
    },
    // The text after each command's options in --help: its examples and exit codes.
    commandHelp: {
      program: `
Exit codes: 0 nothing found (or send), 1 findings (or confirm, block), 2 usage error, 3 unreadable input,
4 the SMTP server did not take a released message (holds release; it stays held).
Each command has its own --help with an example.`,
      check: `
Examples:
${CHECK_EXAMPLES}

Exit codes: 0 send, 1 confirm or block, 2 usage error, 3 unreadable input.`,
      customers: `
Example:
${CUSTOMERS_EXAMPLES}`,
      customersCheck: `
Examples:
${CUSTOMERS_CHECK_EXAMPLES}

Exit codes: 0 nothing found, 1 findings or a column named like an address or phone not read, 2 usage error, 3 the export cannot be read.`,
      audit: `
Examples:
${AUDIT_EXAMPLES}

A Maildir is read in cur/ and new/ (and those of its Maildir++ folders such as .Sent/); tmp/ holds
messages still being written, and is not read: how many files it holds is said on standard error.

Exit codes: 0 nothing found, 1 hits, 2 usage error, 3 unreadable input.`,
      holds: (id: string, keyVariable: string) => `
Examples:
  $ email-guard holds list --store ./held-mail
  $ email-guard holds show ${id} \\
      --store ./held-mail --locale sv
  $ email-guard holds release ${id} --store ./held-mail \\
      --to anna.svensson1985@gmail.com --by lena@butiken.se --reason "read back to the customer" \\
      --customers customers.csv --smtp smtp://mail.local:587
  $ email-guard holds release ${id} --store ./held-mail \\
      --to anna.berg@outlook.com --confirm-new --by lena@butiken.se --reason "new address, read back on the phone" \\
      --customers customers.csv --smtp smtp://mail.local:587
  $ email-guard holds discard ${id} --store ./held-mail --by lena@butiken.se --reason duplicate --yes
  $ email-guard holds list --database postgres://guard@db.internal:5432/shop
  $ email-guard holds release ${id} --database postgres://guard@db.internal:5432/shop \\
      --to anna.svensson1985@gmail.com --by lena@butiken.se --reason "read back to the customer" \\
      --smtp smtp://mail.local:587

With --database (and --schema, default email_guard) the messages, the customers they are checked
against and the audit log are the PostgreSQL tables that serve --database uses; the password may
come from PGPASSWORD or ~/.pgpass instead of the URL. --force releases or discards a message left
releasing by a process that stopped mid-send; it is refused while that process still runs.

Every recipient is checked again: another customer's address is refused, kept or corrected, and a
correction must pass the check or, new to the customer, be sent with --confirm-new. Only
--send-despite-block sends past a block or another customer's address (a shared household mailbox).

A store sealed with a key (createFileHoldStore(dir, { key })) is opened with the key in ${keyVariable}.
Exit codes: 0 done, 1 held messages listed or a release refused, 2 usage error, 3 no such store or
held message (or a database that cannot be reached), 4 the SMTP server did not take the message (it stays held).
A release or discard in doubt (started, never ended) exits with 2 until it is given --force.`,
      incident: `
Example:
${INCIDENT_EXAMPLES}

${INCIDENT_FACTS}

Exit codes: 0 written, 2 usage error, 3 unreadable input (the message, the facts, a fact missing).`,
      serve: (tokenVariable: string, keyVariable: string) => `
Examples:
${SERVE_EXAMPLES}

The API: POST /v1/check, POST /v1/check-phone, GET /v1/holds, GET /v1/holds/:id,
POST /v1/holds/:id/release, POST /v1/holds/:id/discard, GET /healthz, GET /openapi.json.
The review page for held messages: /holds (log in with the token).
Every route but /healthz requires the token in ${tokenVariable}; without it the server listens
only on a loopback address. A hold store sealed with a key is opened with the key in ${keyVariable}.
Stops on SIGINT or SIGTERM.`,
    },
    // The line after a command's usage error: `usage` is its usage line (run-cli.ts usageHint).
    usageHint: (usage: string) => `(usage: ${usage}; add --help for more)`,
    // A CRM export saved as a spreadsheet (file-kind.ts): what it is, and how to save it as CSV.
    spreadsheet: (kind: string) =>
      `${kind}, not a CSV file: save it as CSV (UTF-8) first and give that file (Excel: File → Save As → CSV UTF-8 (Comma delimited); Numbers, LibreOffice: export as CSV)`,
    spreadsheetKinds: {
      xlsx: 'an Excel workbook (.xlsx)',
      xls: 'an Excel 97-2003 workbook (.xls)',
      ods: 'an OpenDocument spreadsheet (.ods)',
      numbers: 'a Numbers spreadsheet (.numbers)',
      zip: 'a ZIP archive, as an Excel workbook (.xlsx) is',
      ole: 'an Excel 97-2003 workbook (.xls) or another Office file',
    },
    // A value the export holds that was not read, named by its column's header (read-customers.ts).
    inColumn: (header: string, reason: string, key: boolean) =>
      `${key ? 'key' : 'column'} "${header}": ${reason}`,
    // `customers check --accept FILE` (read-accepted-pairs.ts, customers-check.ts).
    acceptFile: {
      ending: (extension: string) =>
        `--accept takes a .csv file (a header row, then two customer ids and an optional note per row) or a .json list of {"customers": ["C-1", "C-2"], "note": "…"}, not ${extension || 'a file without an ending'}`,
      notJson: 'not a JSON list of accepted pairs: give [{"customers": ["C-1", "C-2"], "note": "…"}, …]',
      notPairJson:
        'not an accepted pair: give {"customers": ["C-1", "C-2"]}, two customer ids, and a note as text if any',
      notPairCsv: 'not an accepted pair: give two customer ids and an optional note (three cells at most)',
      samePair: (id: string) => `a pair of one customer (${id}) with itself: give the two customers' ids`,
      accepted: (count: number, file: string) =>
        `${count} ${count === 1 ? 'finding' : 'findings'} of pairs accepted in ${file} not listed.`,
      stale: (file: string, line: number, first: string, second: string) =>
        `${file}:${line}: the pair ${first}, ${second} is no longer found (remove it from the file)`,
    },
    // A PDF or word-processor file given as the CRM export (file-kind.ts): what it is, and what to give.
    document: (kind: string) =>
      `${kind}, not a CRM export: export the customers from the CRM as CSV (UTF-8), or save the table as CSV (UTF-8) from a spreadsheet, and give that file`,
    documentKinds: {
      pdf: 'a PDF document',
      word: 'a Word document',
      'opendocument-text': 'an OpenDocument text document (.odt)',
    },
  },
  sv: {
    rowSkipped: 'raden hoppades över',
    moreProblems: (count: number) => `${count} problem till visas inte`,
    suggestion: 'förslag',
    notAFile: 'ingen fil',
    cannotBeRead: (code: string) => READ_REASONS.sv[code] ?? `kan inte läsas (${code})`,
    folderCreated: (folder: string) => `${folder}: mappen fanns inte och skapades för rapporten`,
    warning: (message: string, code: string) => `varning (${code}): ${message}`,
    noCustomerRows: 'inga kundrader',
    auditLogGiven:
      'det här är en granskningslogg över email-guards beslut, ingen kundexport: ange CRM-systemets export av kunderna (CSV eller NDJSON, ett kund-id och en adress per rad)',
    noAddresses: (accepted: string) =>
      `ingen rad har någon adress: adresskolumnens rubrik är en av ${accepted} (oavsett versaler, mellanslag och - _ . /)`,
    quoted: (name: string) => `”${name}”`,
    unreadColumns: (quoted: string, first: string) =>
      `, och ${quoted} läses inte; byt namn på adresskolumnens rubrik till en av dem, eller ange den med --columns emails=RUBRIK, t.ex. --columns emails=${first}`,
    customerFormat: (extension: string) =>
      `en kundexport slutar på .csv eller .ndjson (eller .jsonl), inte ”${extension}”`,
    columnsOption: (pair: string, fields: string) =>
      `--columns ”${pair}”: ange par FÄLT=RUBRIK åtskilda med kommatecken (--columns id=Kundnr,email=E-post), där varje fält är ett av ${fields} (email och phone går också)`,
    utf16: (encoding: string) =>
      `filen ser ut att vara ${encoding} utan byteordningsmärke (varannan byte är noll), vilket inte läses; spara den som UTF-8, eller som UTF-16 med byteordningsmärke (”Unicode-text” i Excel)`,
    reportFormat: (extension: string) => `en rapport slutar på .html, .csv eller .json, inte ”${extension}”`,
    noSuchPath: 'kan inte läsas (filen eller mappen finns inte)',
    notFileOrFolder: 'varken en fil eller en mapp',
    expectedSentMail:
      'väntade en mapp med .eml-filer, en Maildir (cur/ och new/, eller Maildir++-mappar som .Sent/cur/), en mbox-fil eller en .eml-fil',
    noMessages: 'inga meddelanden hittades',
    notMbox: 'ingen mbox-fil: första raden börjar inte med ”From ”',
    headerTooLong: (bytes: number) => `brevhuvudet är längre än ${kibibytes(bytes)}`,
    fromLineTooLong: (bytes: number) => `From-raden är längre än ${kibibytes(bytes)}`,
    endsInFromLine: 'filen tar slut mitt i det här meddelandets From-rad',
    emptyFile: 'filen är tom',
    notMessageFile: 'hoppades över: en mapp eller annan post, ingen meddelandefil',
    outIsInput: (out: string, input: string) =>
      `--out ${out} är indatafilen ${input}: rapporten skulle ersätta den; ange ett annat filnamn`,
    outNotFolder: 'ingen mapp (--out anger mappen som filerna skrivs i)',
    cannotWrite: (path: string, code: string) =>
      `${path}: kan inte skrivas: ${WRITE_REASONS.sv[code] ?? code}; inget skrevs där`,
    badTimeZone: (zone: string) =>
      `--time-zone: ”${zone}” är ingen IANA-tidszon som Europe/Stockholm eller Europe/London`,
    earlierReport: (folder: string, found: string) =>
      `--out ${folder} innehåller redan en rapport (${found}): ange en ny eller tom mapp, eller --overwrite för att ersätta den`,
    reportWritten: 'rapport',
    summaryWritten: 'sammanfattning',
    summaryIsInput: (out: string, summary: string, input: string) =>
      `--out ${out}: dess sammanfattning ${summary} är indatafilen ${input}: den skulle ersätta den; ange ett annat filnamn`,
    usage: {
      prefix: 'fel',
      helpAfterError: '(lägg till --help för hjälp)',
      outTwice: '--out angavs mer än en gång: ange den enda fil eller mapp som ska skrivas',
      unknownOption: (flag: string, suggestion: string) => `okänt alternativ '${flag}'${suggestion}`,
      unknownCommand: (name: string, suggestion: string) => `okänt kommando '${name}'${suggestion}`,
      didYouMean: (candidates: string) => `\n(Menade du ${candidates}?)`,
      missingArgument: (name: string) => `argumentet '${name}' saknas`,
      optionMissingArgument: (flags: string) => `alternativet '${flags}' saknar värde`,
      missingMandatoryOption: (flags: string) => `alternativet '${flags}' måste anges`,
      excessArguments: (expected: number, received: number, command: string) =>
        `för många argument${command ? ` till '${command}'` : ''}: väntade ${expected} men fick ${received}.`,
      invalidChoice: (value: string, flags: string, choices: string) =>
        `värdet '${value}' för '${flags}' är ogiltigt. Tillåtna värden: ${choices}.`,
    },
    help: {
      // commander's help headings (lib/help.js), each as passed to Help.styleTitle.
      titles: {
        'Usage:': 'Användning:',
        'Arguments:': 'Argument:',
        'Options:': 'Alternativ:',
        'Global Options:': 'Globala alternativ:',
        'Commands:': 'Kommandon:',
      },
      helpOption: 'visa hjälp för kommandot',
      helpCommand: 'visa hjälp för ett kommando',
      optionsPlaceholder: '[alternativ]',
      commandPlaceholder: '[kommando]',
      argumentNames: {
        '<address>': '<adress>',
        '<address...>': '<adress...>',
        '<addresses>': '<adresser>',
        '<mapping>': '<mappning>',
        '<date>': '<datum>',
        '<name>': '<namn>',
        '<file>': '<fil>',
        '<dir>': '<mapp>',
        '<report>': '<rapport>',
        '<sent-mail>': '<skickad-e-post>',
        '<host>': '<värd>',
        '<locale>': '<språk>',
      } as Readonly<Record<string, string>>,
    },
    checkUsage: {
      customerOrCustomers: 'ange antingen --customer JSON eller --customer-id med --customers, inte båda',
      customerIdNeedsFile: '--customer-id behöver --customers FIL att hitta kunden i',
      // The parser's own detail is in English ("Expected property name…"): the option and what to give.
      notJson: (_detail: string) =>
        `--customer är inte giltig JSON: ange kunden som ett JSON-objekt, t.ex. '{"id":"K-1","emails":["anna@example.se"]}'`,
      noCustomer: (file: string, id: string) => `${file}: ingen kund med id ${id}`,
      sharedMailbox: (id: string, address: string) =>
        `Samma brevlåda finns också för kund ${id} (${address}): en delad brevlåda, så det som skickas dit kan läsas av den kunden också.`,
    },
    holds: {
      actions: { send: 'skicka', confirm: 'bekräfta', block: 'stoppa' },
      // The state, not the verdict's verb: a message is "stoppat" and a recipient "stoppad", as the
      // review page says of them (src/serve/data/page-texts.ts).
      messageStates: { send: 'godkänt', confirm: 'obekräftat', block: 'stoppat' } as Record<string, string>,
      recipientStates: { send: 'godkänd', confirm: 'obekräftad', block: 'stoppad' } as Record<string, string>,
      fields: {
        to: 'till',
        cc: 'kopia',
        bcc: 'dold kopia',
        'envelope-from': 'avsändare (MAIL FROM)',
      } as Record<string, string>,
      none: 'inga stoppade meddelanden',
      // Why an entry of the store cannot be listed, by its code (HoldStoreProblem in
      // src/nodemailer/hold-store.ts); the code stays beside it for scripts.
      problems: {
        malformed:
          'uppgifterna om det stoppade meddelandet går inte att läsa (trasiga eller från en annan mapp)',
        'not-a-file': 'är ingen vanlig fil (en mapp, en FIFO eller en symbolisk länk)',
        unreadable: 'filen kan inte läsas',
        'digest-mismatch':
          'har ändrats efter att meddelandet stoppades: innehållet stämmer inte med förseglingen',
        unsealed:
          'är inte förseglad med den nyckel mappen öppnades med: öppna mappen med den nyckel meddelandet förseglades med',
        'message-missing': 'det stoppade meddelandet saknas, bara uppgifterna om det finns kvar',
        uncommitted: 'meddelandet höll på att stoppas när processen avbröts och listades aldrig',
      } as Readonly<Record<string, string>>,
      // Why the customer of a held message was not found (LookupFailure in src/guard/settle-lookup.ts).
      lookupReasons: {
        'not-found': 'kunden finns inte i kundregistret',
        timeout: 'kunduppslaget svarade inte i tid',
        error: 'kunduppslaget misslyckades',
      } as Readonly<Record<string, string>>,
      // Swedish quotes, ” on both sides (Språkrådet, Svenska skrivregler, on citattecken).
      quoted: (value: string) => `”${value}”`,
      notOneAddress: (place: number, given: string, why: string, address: string | undefined) =>
        `--to: mottagare ${place} (${given}) är inte en ensam adress: ${why}${address ? `; ange ${address}` : ''}`,
      releasingFlag: 'SLÄPPS NU',
      inDoubt: 'osäkert om det släpptes: se e-postserverns logg innan det släpps igen',
      needsForce: (id: string, started: string) =>
        `${id} ligger kvar: osäkert om det släpptes: ett tidigare släpp påbörjades men avslutades aldrig, så meddelandet kan ha skickats${started ? ` (${started})` : ''}; se e-postserverns logg, och släpp det igen med --force bara om det inte levererades`,
      discardInDoubt: (id: string, started: string) =>
        `${id} ligger kvar: osäkert om det släpptes: ett tidigare släpp påbörjades men avslutades aldrig, så meddelandet kan ha skickats${started ? ` (${started})` : ''}; den här kasseringen gjorde ingenting. Se e-postserverns logg, och kasta det sedan med --force (levererat eller inte, när du vet), eller släpp det igen med --force bara om det inte levererades`,
      releaseUnderWay: (who: string, since: string | undefined) =>
        `släpps just nu${who ? ` av ${who}` : ''}${since ? ` sedan ${since}` : ''}: vänta tills det är klart`,
      releaseNotSent:
        'släppet stoppades innan meddelandet skickades: inte skickat; släpp det igen med --force',
      releaseSent:
        'skickat (granskningsloggen visar att e-postservern tog emot det), men inte borttaget: kasta det med --force, släpp det aldrig igen',
      process: (pid: number, host: string) => `process ${pid} på ${host}`,
      session: (pid: number, client: string | undefined) =>
        `PostgreSQL-session ${pid}${client === undefined ? '' : ` från ${client}`}`,
      releaseStarted: (to: string, at: string, by: string, messageId: string | undefined) =>
        `ett släpp till ${to} påbörjades ${at} av ${by}; om det skickades är inte känt: sök i e-postserverns logg${messageId ? ` efter message-id ${messageId}` : ''} innan det släpps igen`,
      interruptedNotSent: (id: string) =>
        `${id}: avbrutet innan meddelandet skickades: inte skickat, det ligger kvar`,
      interruptedInDoubt: (id: string) =>
        `${id}: avbrutet medan meddelandet skickades: om det skickades är inte känt (osäkert om det släpptes); se ”holds show ${id}” och e-postserverns logg innan det släpps igen`,
      interruptedSent: (id: string) =>
        `${id}: avbrutet efter att e-postservern tagit emot meddelandet: det skickades; se ”holds show ${id}” och släpp det aldrig igen`,
      auditLogUnwritable: (id: string, file: string, why: string) =>
        `${id} ligger kvar, inte skickat: granskningsloggen ${file} kan inte skrivas (${why}), och ett släpp skickas först när dess början är loggad`,
      customer: 'kund',
      labels: {
        id: 'id',
        // Not "stoppat": that is the state the same line ends in (`messageStates.block`).
        held: 'stoppades',
        customer: 'kund',
        message: 'meddelande',
        subject: 'ämne',
        date: 'datum',
        envelope: 'kuvert',
        lookup: 'uppslag',
      },
      confirmedForOther: 'bekräftat för en annan kunds adress',
      heldFor: (heldAt: string, held: string, action: string, releasing: boolean) =>
        `${heldAt} (för ${held} sedan), ${action}${releasing ? ', släpps nu' : ''}`,
      bytes: 'byte',
      noStore: 'ingen mapp med stoppade meddelanden där',
      keyRefused: (variable: string, bytes: number) =>
        `${variable} är ${bytes} byte lång, och nyckeln till mappen med stoppade meddelanden har minst 32: ange den nyckel mappen förseglades med (till en ny mapp: openssl rand -hex 32)`,
      keyDoesNotOpen: (variable: string, count: number, keySet: boolean) =>
        keySet
          ? `${variable} öppnar inte ${count} ${count === 1 ? 'post' : 'poster'} i lagret: ${count === 1 ? 'förseglad' : 'förseglade'} med en annan nyckel, utan nyckel eller ${count === 1 ? 'ändrad' : 'ändrade'} sedan dess; ange den nyckel mappen förseglades med`
          : `${count} ${count === 1 ? 'post' : 'poster'} i lagret är ${count === 1 ? 'förseglad' : 'förseglade'} med en nyckel: sätt ${variable} till den nyckel mappen förseglades med`,
      storeOrDatabase: 'ange antingen --store MAPP eller --database URL, inte båda',
      noStoreGiven: 'ange var meddelandena ligger: --store MAPP (en mapp) eller --database URL (PostgreSQL)',
      databaseUnreachable: (server: string, why: string) =>
        `--database ${server}: kan inte anslutas (${why})`,
      timeoutNeedsDatabase: '--timeout begränsar frågorna till --database URL: ange --database också',
      noEnvelope: (named: string) =>
        `inget kuvert angivet; mottagarna i meddelandets huvud: ${named || 'inga'}`,
      noEnvelopeInList: 'inget kuvert angivet (mottagarna är de i meddelandets huvud)',
      timeoutNotSeconds: (value: string) =>
        `--timeout ${value}: ange sekunderna som ett positivt tal, t.ex. 30`,
      lockWait: (where: string, seconds: number, code: string) =>
        `--database ${where}: inget svar inom --timeout ${seconds} s, väntar på ett lås som en annan session håller på de stoppade meddelandena (SQLSTATE ${code}); hitta den med SELECT * FROM pg_locks WHERE NOT granted och pg_stat_activity`,
      customersOrDatabase:
        '--customers: med --database kontrolleras mottagarna mot dess kunder; utelämna --customers',
      customersNeeded: '--customers FIL behövs med --store: CRM-exporten som mottagarna kontrolleras mot',
      noCustomerInDatabase: (customer: string, where: string) =>
        `kunden ${customer} finns inte i kundregistret i ${where}: lägg in kunden där och släpp det sedan`,
      forceRefused: (id: string, since: string | undefined, command: 'release' | 'discard') =>
        `${id}: ett släpp eller en kassering av meddelandet pågår fortfarande i en levande process${since ? ` (sedan ${since})` : ''}; --force tar bara över ett vars process har stoppats, så ${command === 'release' ? 'det här släppet' : 'den här kasseringen'} gjorde ingenting. Vänta tills det är klart och se sedan hur det gick med ”holds show ${id}”.`,
      noMessage: (id: string) => `inget stoppat meddelande ${id}`,
      alreadyEnded: (id: string, how: Ending, command: 'release' | 'discard', at: string, by?: string) =>
        `${id} har redan ${how === 'released' ? 'släppts' : 'kastats'}${by === undefined ? '' : ` av ${by}`} ${at}; ${command === 'release' ? 'det här släppet' : 'den här kasseringen'} gjorde ingenting`,
      endedMeanwhile: (id: string, command: 'release' | 'discard') =>
        `${id} släpptes eller kastades av ett annat släpp eller en annan kassering efter att ${command === 'release' ? 'det här släppet' : 'den här kasseringen'} hittade det; ${command === 'release' ? 'det här släppet' : 'den här kasseringen'} gjorde ingenting. Granskningsloggen som angavs nämner ingetdera: se den som det andra släppet eller kasseringen skrev till`,
      answerFieldStands: (fields: string) =>
        `en annan kunds adress står i ${fields}, som ett släpp skickar som det stoppades: --to rättar mottagarna, inte ${fields}. Kasta meddelandet och skicka det igen med företagets egen adress där`,
      needsTo: (id: string, blocked: string) =>
        `${id} stoppades för att en mottagare inte klarar kontrollen (${blocked}): ange de rättade mottagarna med --to`,
      stoppedOnceFound: (customer: string) =>
        `det stoppades bara för att kunden ${customer} inte kunde slås upp, och kontrollerad nu mot ${customer} klarar mottagaren inte kontrollen: ange de rättade mottagarna med --to`,
      staysHeld: (id: string) => `${id} ligger kvar`,
      verificationsNeeded: (id: string) =>
        `${id} stoppades av en kontroll som kände till adresserna som verifierats med kod: ange deras förråd med --verifications MAPP (med --database används schemats), så att en adress som verifierats för en annan kund stoppas som när meddelandet stoppades`,
      notVerifications: (dir: string) =>
        `--verifications ${dir}: inget verifieringsförråd (en mapp med nyckelfilen som verifieraren gjorde); ange mappen som createFileVerificationStore använder`,
      otherVerifications: (id: string, heldWith: string, given: string | undefined, givenUnread = false) =>
        `${id} ligger kvar: det kontrollerades mot verifieringsförrådet ${heldWith}, och förrådet som angavs är ${given ?? (givenUnread ? 'ett vars id inte kunde läsas' : 'ett utan id')}; ett annat förråd (ett tomt) säger att ingen har verifierat adressen, så ange det som kontrollen läste med --verifications MAPP (med --database används schemats)`,
      noEnvelopeToRelease: (id: string, named: string) =>
        `${id} ligger kvar: det hölls kvar utan kuvert (ett färdigt meddelande som gavs utan ett), så det anger ingen att leverera till: ange mottagarna att släppa det till med --to${named ? `; dess huvud anger ${named}` : ''}`,
      unknownVerifications: (id: string) =>
        `${id} ligger kvar: det kontrollerades mot ett verifieringsförråd vars id inte kunde läsas när det hölls kvar, så inget angivet förråd kan visas vara det, och ett annat förråd (ett tomt) säger att ingen har verifierat adressen; kasta det och skicka ordern igen, så kontrolleras den på nytt`,
      waitingForCode: 'väntar på kundens kod',
      releaseSkipsCode: (addresses: string) =>
        `väntar på kundens kod, skickad till ${addresses}: när den läses upp skickas meddelandet av sig självt; ett släpp för hand hoppar över det beviset, så läs upp adressen för kunden och ange --confirm-new`,
      blindCopyShown: (address: string, field: string) =>
        `${address} hölls kvar som dold kopia (Bcc): i ${field} skulle alla mottagare se den; ange den med --bcc, där den bara står i kuvertet`,
      codeReadBackNotSent: (addresses: string, at: string) =>
        `kundens kod till ${addresses} lästes upp, men släppet efter det skickades inte (${at}): meddelandet ligger kvar och skickas inte längre av sig självt; släpp det igen med holds release`,
      handReleaseNotSent: (addresses: string, by: string, at: string) =>
        `väntar på kundens kod, skickad till ${addresses}; ett släpp av ${by} skickades inte (${at}), så det ligger kvar: läses koden upp senare skickar den meddelandet då, men lästes den redan upp väntar meddelandet på ett släpp för hand, som hoppar över det beviset (läs upp adressen för kunden och ange --confirm-new)`,
      notLocked: (id: string, code: string) =>
        `${id} ligger kvar: det kan inte låsas i lagret: ${WRITE_REASONS.sv[code] ?? code} (${code}); inget skickades eller togs bort`,
      underWay: (id: string, since: string | undefined, command: 'release' | 'discard', by = '') =>
        `${id}: ett annat släpp eller en annan kassering av meddelandet pågår${by ? ` av ${by}` : ''}${since ? ` (sedan ${since})` : ''}; ${command === 'release' ? 'det här släppet' : 'den här kasseringen'} gjorde ingenting. Se senare hur det gick med ”holds show ${id}”; ${command === 'release' ? 'släpp det med --force' : 'kasta det med --force'} bara om den processen har stoppats.`,
      released: (id: string, to: string) => `${id} släpptes till ${to}`,
      noCustomer: (customer: string, file: string) =>
        `kunden ${customer} finns inte i ${file}: släpp det med --customers och en export som har kunden ${customer}`,
      heldWithoutCustomer: (id: string) =>
        `ingen kund var känd när meddelandet stoppades (lookup-failed), och ett släpp kontrollerar mottagarna mot meddelandets kund, så ingen adress kan klara kontrollen. Skicka beställningen igen med kundens id (emailGuard.customerId) och kasta det här (holds discard ${id}), eller släpp det med --to och de mottagare som lästs upp, och --send-despite-block, på eget ansvar`,
      fewerCustomers: (file: string, now: number, whenHeld: number, heldAt: string) =>
        `${file} har ${färreÄn(now, whenHeld, heldAt)}. Släpp det med en fullständig export, eller med --fewer-customers om den här exporten är avsedd`,
      databaseDirectory: (where: string) => `kundregistret i ${where}`,
      customersUncounted: (source: string, whenHeld: number | undefined, heldAt: string) =>
        whenHeld === undefined
          ? `kunderna kunde inte räknas när meddelandet stoppades (${heldAt}), så inget visar att ${source} har lika många som den kontrollen kände till, och en rättad adress som tillhör en kund som saknas där skulle gå igenom som ny. Släpp det med --fewer-customers när ${source} är det avsedda`
          : `kunderna i ${source} kan inte räknas nu, så inget visar att det har de ${whenHeld} som kontrollen som stoppade meddelandet kände till (${heldAt}), och en rättad adress som tillhör en kund som saknas där skulle gå igenom som ny. Släpp det igen när de kan räknas, eller med --fewer-customers om de här kunderna är avsedda`,
      fewerInDatabase: (where: string, now: number, whenHeld: number, heldAt: string) =>
        `kundregistret i ${where} har ${färreÄn(now, whenHeld, heldAt)}. Släpp det när alla kunder finns i det kundregistret, eller med --fewer-customers om de här kunderna är avsedda`,
      notSent: (server: string, why: string) => `SMTP-servern ${server} tog inte emot meddelandet (${why})`,
      noSmtpUtf8: (server: string, addresses: string) =>
        `inte skickat: SMTP-servern ${server} anger inte SMTPUTF8 (RFC 6531), som ${addresses} behöver för sina tecken utanför ASCII före @`,
      noOneToConfirm: (id: string) => `kasta ${id}: ingen kan bekräfta här; lägg till --yes`,
      discardUnlogged: (id: string, file: string, why: string) =>
        `${id} ligger kvar, inte kastat: granskningsloggen ${file} kan inte skrivas (${why}), och ett meddelande kastas först när det är loggat`,
      question: (id: string, action: string, to: string) =>
        // j (ja) for yes: the answer a Swedish reader types; y is taken too (program-context.ts).
        `Kasta ${id} (${action}, till ${to}) utan att skicka det? [j/N]`,
      kept: (id: string) => `${id} ligger kvar`,
      discarded: (id: string) => `${id} kastades`,
      damagedNeedsFolder: '--damaged: bara en mapp (--store MAPP) har poster som inte går att läsa',
      notDamaged: (id: string) =>
        `--damaged: ${id} går att läsa helt; kasta det utan --damaged, eller släpp det`,
      questionDamaged: (id: string, why: string) =>
        `Lägga undan ${id} (går inte att läsa: ${why}) i mappen damaged, oskickat? [j/N]`,
      setAside: (id: string, files: string) => `${id} lades undan: ${files}`,
      // A refused release, in Swedish: the library's error names the recipients and finding codes in
      // English; `stopped` lists each held recipient with its verdict and finding codes.
      refusal: {
        needsConfirmation: (stopped: string) =>
          `mottagaren ${stopped} är inte känd för kunden; släpp det med --confirm-new när adressen är bekräftad som kundens`,
        blocked: (stopped: string) =>
          `mottagaren ${stopped} klarar inte kontrollen; släpp det till en rättad adress (--to) som klarar kontrollen`,
        otherCustomer: (stopped: string) =>
          `mottagaren ${stopped} är en annan kunds adress eller ett skrivfel från en; släpp det till en rättad adress (--to) som klarar kontrollen`,
        probablyWrong: (stopped: string, words: string) =>
          `mottagaren ${stopped} är troligen inte kundens adress, ny för kunden eller inte: ${words}; släpp det till en rättad adress (--to) som klarar kontrollen, eller med --send-despite-block på eget ansvar`,
      },
      unreadableEntries: (count: number, entries: string) =>
        `${count} ${count === 1 ? 'post' : 'poster'} i lagret går inte att läsa och kan vara stoppade meddelanden: ${entries}; se raderna på standard error`,
      heldFindingStands: (stopped: string) =>
        `mottagaren ${stopped} stoppades eller var en annan kunds adress när meddelandet stoppades, och en kontroll nu kan inte häva det (kunderna som ges kan vara inaktuella); släpp det till en rättad adress (--to) som klarar kontrollen, eller med --send-despite-block på eget ansvar`,
      heldNameStands: (stopped: string) =>
        `mottagaren ${stopped} stoppades för att dess visningsnamn visade en annan adress, inte för adressen bakom namnet, och det som kontrollen stoppade när meddelandet stoppades gäller när det släpps; kasta meddelandet och skicka det igen utan någon annan adress i ett visningsnamn, eller släpp det med --send-despite-block på eget ansvar`,
    },
    smtp: {
      notUsable: (detail: string) =>
        `--smtp: ingen SMTP-server som meddelandet kan skickas genom (smtp://user:pass@host:587): ${detail}`,
    },
    audit: {
      sinceNotDate: (since: string) => `--since: ”${since}” är inget datum`,
      incidentsNeedFacts: '--incidents behöver --facts FIL med åtminstone organisationen',
      incidentsNotFolder: (folder: string) => `--incidents ${folder}: ingen mapp`,
      incidentsUnreadable: (folder: string, code: string) =>
        `--incidents ${folder}: ${READ_REASONS.sv[code] ?? `kan inte läsas (${code})`}`,
      incidentsUsed: (folder: string, count: number, hidden: string) =>
        `--incidents ${folder} har redan ${count} ${count === 1 ? 'fil' : 'filer'}${hidden ? `, bland dem dolda (${hidden})` : ''} (utkasten från en tidigare körning?): deras referenser skulle ges till andra incidenter; ange en ny eller tom mapp`,
      incomplete:
        'Den här uppsättningen utkast är ofullständig: granskningen stoppades innan alla utkast var skrivna. Kör den igen till en ny eller tom mapp.\n',
      title: 'Granskning av skickad e-post',
      where: 'Var',
      id: 'Message-ID',
      date: 'Datum',
      recipient: 'Mottagare',
      customer: 'Avsedd för',
      intended: 'Trolig adress',
      finding: 'Fynd',
      reason: 'Orsak',
      read: (
        path: string,
        kind: SentMailKind,
        messages: number,
        skipped: number,
        unreadable: number,
        hits: number,
      ) =>
        `${path} (${SENT_MAIL_KINDS_SV[kind]}): ${messages} ${messages === 1 ? 'meddelande läst' : 'meddelanden lästa'}, ${skipped} före --since, ${unreadable} ${unreadable === 1 ? 'oläsbart' : 'oläsbara'}, ${hits} ${hits === 1 ? 'träff' : 'träffar'}.`,
      noRecipients: 'inga mottagare i To, Cc eller Bcc',
      customersInConflict: (header: string, count: number, ids: string) =>
        `${count} ${header}-fält anger olika kunder (${ids}): vilken kund meddelandet gällde gissas inte, så det kontrolleras som ett som inte anger någon kund (ett skrivfel i någon kunds adress, en felskriven domän)`,
      notClean: (unreadable: number, messages: number) =>
        `Granskningen är inte ren: ${unreadable} av ${messages} meddelanden kunde inte läsas helt, och det som inte kunde läsas granskades inte (vart och ett namnges med sin orsak).`,
      nothingRead: (messages: number, reasons: string) =>
        `Inget granskades: inget av de ${messages} meddelandena kunde läsas (${reasons}). Granskningen är inte ren.`,
      reasonCount: (reason: string, count: number) => `${count} × ${reason}`,
      customerNotInExport: (header: string, id: string, file: string, skipped: boolean) =>
        `${header} ”${id}” är ingen kund i ${file}${skipped ? ' (dess rad hoppades över som oläsbar)' : ''}: meddelandet granskas som ett som inte anger någon kund`,
      brokenHeader: (name: string, value: string) =>
        `fältet ${fieldName(name)} bryts av en radbrytning inuti ett citerat namn; läst som: ${value}`,
      controlInField: (name: string, value: string) =>
        `fältet ${fieldName(name)} innehåller ett styrtecken (RFC 5322 §3.2.3 tillåter inget i en adress), läst utan det: ”${value}”`,
      unreadableRecipient: (address: string, reason: InvalidAddressReason | 'rfc2047') =>
        `mottagaren ”${address}” kan inte läsas som en adress: ${reason === 'rfc2047' ? 'ett kodat ord (RFC 2047) får inte stå i en adress' : INVALID_REASONS.sv[reason]}`,
      moreUnreadable: (count: number) => `och ${count} oläsbara meddelanden till (namngivna på stderr)`,
      copiesCounted: (count: number) =>
        `${count} kopior av meddelanden som redan lästs (samma Message-ID och mottagare) räknas med det första: en träff, och ett utkast, var.`,
      seenTimes: (where: string, count: number) => `${where} (läst ${count} gånger)`,
      customerRows: (file: string, rows: number, skipped: number) =>
        `${file}: ${rows} kundrader, ${skipped} överhoppade: e-post till deras adresser hittas inte. Problem i exporten:`,
      noIntended: (recipient: string) =>
        `inget utkast till incidentrapport för ${recipient}: den avsedda adressen är inte känd`,
      noCustomer: (recipient: string, intended: string) =>
        `inget utkast till incidentrapport för ${recipient}: ingen kund är känd för den, så vem det var avsett för är inte känt (${intended} är bara en gissning utifrån domänen)`,
      draftFailed: 'inget utkast till incidentrapport',
      noDate:
        'meddelandet saknar datumraden (Date), så när det skickades är inte känt; ange occurredAt i faktafilen för att skriva utkastet',
      badDate: (date: string) =>
        `meddelandets datumrad (Date) ”${date}” är inget datum, så när det skickades är inte känt; ange occurredAt i faktafilen för att skriva utkastet`,
      ambiguous: (recipient: string, candidates: string) =>
        `${recipient}: inte skrivet: mer än en trolig kund (${candidates})`,
      noAddress: 'ingen adress',
      notOnFile: (intended: string, customerId: string, onFile: string) =>
        `inte skrivet: ${intended} finns inte registrerad för kund ${customerId} (registrerad: ${onFile}); ett meddelande går bara till en registrerad adress`,
      causes: {
        lookalike: (intended: string, recipient: string, letters: string) =>
          `Meddelandet skickades till ${recipient}, som ser likadan ut som ${intended} men är en annan adress: ${letters}. Meddelandet kan ha nått en annan person.`,
        lookalikeLetter: (
          character: string,
          codePoint: string,
          recipient: string,
          script: string,
          looksLike: string,
        ) => `${character} (${codePoint}) i ${recipient} är en ${script} bokstav, inte latinskt ${looksLike}`,
        sending: (intended: string, recipient: string) =>
          `Kundens lagrade adress ${intended} är rätt; adressen skrevs fel när meddelandet skickades (${recipient}), så meddelandet skickades till en adress som kan tillhöra en annan person.`,
        otherCustomer: (intended: string, recipient: string, owners: string) =>
          `Meddelandet skickades till en annan kunds adress (${recipient}, kund ${owners}) i stället för kundens egen adress ${intended}.`,
        stored: (intended: string, recipient: string, owners: string) =>
          `Adressen var fel lagrad i kundregistret (${recipient} på kund ${owners}, i stället för ${intended}), så meddelandet gick till en annan persons adress.`,
        storedTwice: (intended: string, recipient: string, owners: string, customerId: string) =>
          `Meddelandet gick till ${recipient}, lagrad på kund ${owners}, i stället för ${intended} på kund ${customerId}. De två posterna har samma namn och inget i registret (ett födelsedatum eller telefonnummer) skiljer dem åt: möjligen samma person lagrad två gånger, den ena adressen ett skrivfel av den andra. Om meddelandet nådde en annan person är inte fastställt: kontrollera med kunden vilken adress som är kundens.`,
      },
      draftOf: (number: string, where: string, messageId: string, recipient: string, customerId: string) =>
        `utkast ${number}: ${where} ${messageId} till ${recipient} (kund ${customerId})`,
      drafts: (drafted: number, folder: string) => `utkast till incidentrapporter: ${drafted} i ${folder}`,
      notDrafted: (count: number) => `${count} inte skrivna`,
      withoutIntended: (count: number) => `${count} utan trolig adress`,
      withoutCustomer: (count: number) => `${count} utan känd kund`,
      withCandidates: (count: number) => `${count} med mer än en trolig kund`,
      withoutAddressOnFile: (count: number) => `${count} utan registrerad adress att skriva till`,
      detectedEarly: (count: number) => `${count} upptäckta innan de skickades (detectedAt)`,
      detectedBeforeSent: (file: string, detectedAt: string, count: number) =>
        `${file}: detectedAt ${detectedAt} är före den tid då ${count} av meddelandena skickades, så deras utkast skrevs inte; ta bort detectedAt ur uppgifterna (granskningens tid används) eller ange när granskningen hittade dem`,
      failed: (count: number) => `${count} misslyckades (se ovan)`,
      ambiguousNearMiss: (candidates: string) =>
        `Ett skrivfel av adressen till flera kunder: ${candidates}; vem det var avsett för går inte att avgöra.`,
      candidate: (address: string, customerId: string) => `${address} (kund ${customerId})`,
      nearMiss: (address: string, customerId: string) =>
        `Ett skrivfel av ${address}, adressen till kund ${customerId}.`,
      duplicateRecord: (ownerId: string, address: string, customerId: string) =>
        `Lagrad för kund ${ownerId}, men ett skrivfel från ${address}, adressen till kund ${customerId} med samma eller liknande namn: troligen en dubblettpost sparad med ett skrivfel.`,
      tmpNotRead: (files: number) =>
        `${files} ${files === 1 ? 'fil lästes' : 'filer lästes'} inte: tmp/ rymmer meddelanden som fortfarande skrivs (Maildir), inte skickad post`,
      storedForOther: (reason: string, recipient: string, owners: string, customer: string) =>
        `${reason} ${recipient} är den sparade adressen till ${owners}; meddelandet gällde ${customer}: två kundposter med olika namn, ett skrivfel från varandra.`,
      customerNamed: (id: string, name: string | undefined) => `kund ${id}${name ? ` (${name})` : ''}`,
      domainTypo: (domain: string, suggested: string) => `${domain} ser ut som ett skrivfel av ${suggested}.`,
      providerTypo: (domain: string, suggested: string, address: string, customerId: string) =>
        `${domain} ser ut som ett skrivfel av ${suggested}: ${address} är adressen till kund ${customerId}.`,
      noTopLevelDomain: (domain: string) => `${domain} slutar inte på någon toppdomän.`,
    },
    serve: {
      customersOrDatabase: 'ange antingen --customers FIL eller --database URL, inte båda',
      schemaNeedsDatabase: '--schema anger tabellerna i --database URL: ange --database också',
      notPort: (port: string) => `--port: ${port} är ingen TCP-port (0-65535)`,
      refuseWithoutToken: (host: string, variable: string) =>
        `lyssnar inte på ${host} utan token: sätt ${variable}, eller lyssna på 127.0.0.1`,
      refuseShortToken: (host: string, variable: string, length: number, least: number, make: string) =>
        `lyssnar inte på ${host} med en token på ${length} tecken: ${variable} behöver minst ${least}; skapa en med ${make}`,
      warnShortToken: (variable: string, length: number, least: number, make: string) =>
        `email-guard serve: ${variable} har ${length} tecken; använd minst ${least} innan servern lyssnar utanför den här datorn: ${make}`,
      refuseWeakToken: (host: string, variable: string, why: string, make: string) =>
        `lyssnar inte på ${host} med en svag token: ${variable} är ${why}; skapa en med ${make}`,
      warnWeakToken: (variable: string, why: string, make: string) =>
        `email-guard serve: ${variable} är svag: ${why}; skapa en slumpad innan servern lyssnar utanför den här datorn: ${make}`,
      tokenWeakness: {
        'one-character': 'mest ett och samma tecken upprepat',
        'repeated-pattern': 'ett kort mönster upprepat',
        'digits-only': 'bara siffror, färre än 40',
        'low-entropy': 'av för få sorters tecken för att vara svår att gissa (under 128 bitar)',
      },
      notSchema: (schema: string, detail: string) => `--schema: ${schema} är inget schemanamn (${detail})`,
      databaseUnreachable: (server: string, why: string) =>
        `--database ${server}: kan inte anslutas (${why})`,
      databaseUnreadable: (server: string, why: string) => `--database ${server}: ${why}`,
      idleConnectionEnded: (server: string, why: string) =>
        `--database ${server}: en vilande anslutning avslutades (${why}); tjänsten fortsätter, en ny öppnas för nästa kontroll`,
      noHoldStore: 'ingen mapp med stoppade meddelanden där',
      smtpNeedsHolds: '--smtp släpper stoppade meddelanden: ange --holds MAPP också',
      verifyFromNeeds:
        '--verify-from skickar koder genom --smtp och sparar dem i ett verifieringslager: ange --smtp och --verifications MAPP (eller --database) också',
      notSender: (detail: string) => `--verify-from: ingen avsändare: ${detail}`,
      cannotListen: (where: string, detail: string) => `kan inte lyssna på ${where}: ${detail}`,
      listening: (url: string) => `email-guard serve: lyssnar på ${url}`,
      unreadableHold: (id: string, code: string, message: string) =>
        `email-guard serve: stoppat meddelande ${id} går inte att läsa (${code}): ${message}; granskningssidan och GET /v1/holds visar det som oläsbart`,
      noToken: (variable: string) =>
        `email-guard serve: ingen ${variable}: alla vägar är öppna för den här datorn`,
      addressNotUsable: 'en adress går inte att använda',
      phoneNotRead: 'ett telefonnummer kan inte läsas',
      valueNotShown: '(värdet visas inte)',
    },
    progress: {
      readingCustomers: 'läser kunder',
      checkingCustomers: 'kontrollerar kunder',
      readingMbox: 'läser mbox',
      readingMessages: 'läser meddelanden',
      rows: 'rader',
      messages: 'meddelanden',
      timeLeft: (time: string) => `${time} kvar`,
    },
    customersCheck: {
      title: 'Kontroll av kunddata',
      line: 'Rad',
      customer: 'Kund',
      address: 'Adress',
      finding: 'Fynd',
      reason: 'Orsak',
      suggestion: 'Förslag',
      read: (file: string, rows: number, customers: number, notRead: number, flagged: number) =>
        `${file}: ${rows} ${rows === 1 ? 'rad' : 'rader'}, ${customers} ${customers === 1 ? 'kund inläst' : 'kunder inlästa'}, ${notRead > 0 ? `${notRead} ${notRead === 1 ? 'rad' : 'rader'} kunde inte läsas, ` : ''}${flagged} ${flagged === 1 ? 'kund' : 'kunder'} med fynd.`,
      columnsNotRead: (headers: string, count: number) =>
        `${count} ${count === 1 ? 'kolumn' : 'kolumner'} med namn som en adress eller ett telefonnummer lästes inte (${headers}): värdena i ${count === 1 ? 'den' : 'dem'} kontrollerades inte, så exporten godkänns inte (slutkod 1); läs ${count === 1 ? 'den' : 'dem'} med --columns.`,
      kinds: {
        'unreadable-row': 'rader som inte kan läsas (hoppades över)',
        'field-not-read':
          'ett födelsedatum, telefonnummer eller namn som inte kan läsas (kunden lästes in utan det)',
        'invalid-address': 'adresser som inte går att använda (raden hoppades över)',
        'domain-typo': 'hos en felskriven e-postleverantör',
        'confusable-characters':
          'bokstäver från ett annat skriftsystem (kyrilliska, grekiska) som ser ut som vanliga bokstäver a–z',
        'number-mismatch': 'siffror som motsäger kundens födelsedatum eller telefonnummer',
        'belongs-to-other-customer': 'samma brevlåda som en annan kund',
        'near-miss-other-customer':
          'ett skrivfel från adressen till en annan kund med samma eller liknande namn',
        'role-address': 'en gemensam brevlåda eller funktionsadress',
        'disposable-domain': 'en leverantör av engångsadresser',
        'repeated-id': 'ett id som redan använts (raden ersatte den tidigare)',
        'repeated-key':
          'en NDJSON-nyckel som står två gånger på en rad (alla adresser och telefonnummer under den lästes, raden lästes in)',
        'column-not-read': 'kolumner som inte läses',
        'accepted-pair': 'fynd för ett par som godkänts med --accept (visas inte)',
      },
    },
    report: {
      // The codes stay in the JSON form and on the terminal's lines.
      findingNames: {
        'near-miss': 'skrivfel',
        'near-miss-other-customer': 'skrivfel av annan kunds adress',
        'near-miss-other-name': 'skrivfel av adress till kund med annat namn',
        'belongs-to-other-customer': 'annan kunds adress',
        'domain-typo': 'felskriven domän',
        'confusable-characters': 'förväxlingsbara tecken',
        'invalid-address': 'ogiltig adress',
        'unreadable-row': 'oläsbar rad',
        'field-not-read': 'fält som inte lästes',
        'number-mismatch': 'motsägande siffror',
        'role-address': 'funktionsadress',
        'disposable-domain': 'engångsadress',
        'repeated-id': 'upprepat id',
        'repeated-key': 'upprepad nyckel',
        'column-not-read': 'kolumn som inte läses',
        'accepted-pair': 'godkänt par',
        // The check's other findings, as `holds` and `check` show them (src/guard/verdict.ts).
        'exact-match': 'känd adress',
        'same-mailbox': 'samma brevlåda',
        'other-first-name': 'annat förnamn',
        'number-changed': 'ändrat nummer',
        'name-reordered': 'namnet i annan ordning',
        'possible-typo': 'möjligt skrivfel',
        'sibling-domain': 'annan domän än den kända',
        'unverified-address': 'okänd adress',
        'invalid-known-address': 'ogiltig känd adress',
        'invalid-known-phone': 'ogiltigt känt telefonnummer',
        'invalid-phone': 'ogiltigt telefonnummer',
        'unverified-phone': 'okänt telefonnummer',
        'lookup-failed': 'kunden kunde inte slås upp',
      } as Readonly<Record<string, string>>,
      summary: 'Sammanfattning',
      problems: 'Indata som inte kunde läsas',
      details: 'Detaljer',
      finding: 'Fynd',
      code: 'Kod',
      count: 'Antal',
      meaning: 'Vad det betyder',
    },
    incident: {
      by: 'senast',
      severalMessages: (file: string, count: number) =>
        `${file}: en mbox-fil med ${count} meddelanden, och --message tar det som gick fel; spara det som en egen .eml-fil (från e-postprogrammet, eller från dess ”From ”-rad, som email-guard audit anger som ${file}:RAD, fram till nästa) och ange den`,
      report: 'rapport',
      notice: 'kundmeddelande',
      phoneScript: 'telefonmanus',
      namesNoData:
        'de nämner inga uppgifter: vilka uppgifter meddelandet innehöll håller fortfarande på att tas reda på',
      needs: (option: string, channel: string) => `--channel ${channel} kräver ${option}`,
      notWith: (option: string, channel: string) =>
        `${option} hör inte till --channel ${channel} (${channel === 'sms' ? '--text' : '--message'} är meddelandet som det skickades)`,
      deadlinePassed: (
        authority: string,
        article: string,
        due: string,
        facts: string,
        reasonsGiven: boolean,
      ) =>
        `varning: tidsfristen för att anmäla till ${authority} (${article}) gick ut ${due}: anmälan är försenad; anmäl utan dröjsmål, med skälen till förseningen${reasonsGiven ? '' : `, som inte är registrerade: ange ”delayReasons” i ${facts}`}`,
      passed: 'har passerat',
      noMeasures: (facts: string) =>
        `varning: underrättelsen till kunden krävs enligt lag men inga vidtagna eller föreslagna åtgärder har registrerats (dataskyddsförordningen artikel 34.2); ange measures i ${facts} innan underrättelsen skickas`,
      noDate: (facts: string) =>
        `meddelandet har ingen läsbar datumrad (Date), så när det skickades är inte känt; ange ”occurredAt” i ${facts}`,
      badDate: (date: string, facts: string) =>
        `meddelandet har ingen läsbar datumrad (Date): ”${date}” är inget datum, så när det skickades är inte känt; ange ”occurredAt” i ${facts}`,
    },
    facts: {
      notObject: 'inte ett JSON-objekt',
      empty: 'filen är tom; uppgifterna ska vara ett JSON-objekt, { ... }',
      // JSON.parse's own words are English only; the Swedish line keeps just where it stopped.
      notJson: (detail: string) => {
        const position = /position (\d+)/.exec(detail)?.[1];
        return `ingen giltig JSON${position ? ` (fel vid tecken ${position})` : ''}; uppgifterna ska vara ett JSON-objekt, { ... }`;
      },
      repeatedKey: (key: string) =>
        `nyckeln ”${key}” står två gånger; JSON behåller bara den sista, så vilken som menas är okänt: behåll en`,
      controlInName: (field: string) =>
        `${field} innehåller en radbrytning eller ett styrtecken, som skulle hamna i meddelandet och dess huvudfält: ta bort det`,
    },
    commandHelp: {
      program: `
Slutkoder: 0 inget hittades (eller skicka), 1 fynd (eller bekräfta, stoppa), 2 fel i kommandoraden, 3 oläsbar indata,
4 SMTP-servern tog inte emot ett släppt meddelande (holds release; det förblir stoppat).
Varje kommando har en egen --help med ett exempel.`,
      check: `
Exempel:
${CHECK_EXAMPLES}

Slutkoder: 0 skicka, 1 bekräfta eller stoppa, 2 fel i kommandoraden, 3 oläsbar indata.`,
      customers: `
Exempel:
${CUSTOMERS_EXAMPLES}`,
      customersCheck: `
Exempel:
${CUSTOMERS_CHECK_EXAMPLES}

Slutkoder: 0 inget hittades, 1 fynd eller en kolumn med namn som en adress eller ett telefonnummer som inte lästes, 2 fel i kommandoraden, 3 exporten kan inte läsas.`,
      audit: `
Exempel:
${AUDIT_EXAMPLES}

En Maildir läses i cur/ och new/ (och i dem i dess Maildir++-mappar som .Sent/); tmp/ rymmer
meddelanden som fortfarande skrivs och läses inte: hur många filer den rymmer sägs på standard error.

Slutkoder: 0 inget hittades, 1 träffar, 2 fel i kommandoraden, 3 oläsbar indata.`,
      holds: (id: string, keyVariable: string) => `
Exempel:
  $ email-guard holds list --store ./held-mail
  $ email-guard holds show ${id} \\
      --store ./held-mail --locale sv
  $ email-guard holds release ${id} --store ./held-mail \\
      --to anna.svensson1985@gmail.com --by lena@butiken.se --reason "uppläst för kunden" \\
      --customers customers.csv --smtp smtp://mail.local:587
  $ email-guard holds release ${id} --store ./held-mail \\
      --to anna.berg@outlook.com --confirm-new --by lena@butiken.se --reason "ny adress, uppläst i telefon" \\
      --customers customers.csv --smtp smtp://mail.local:587
  $ email-guard holds discard ${id} --store ./held-mail --by lena@butiken.se --reason dubblett --yes
  $ email-guard holds list --database postgres://guard@db.internal:5432/shop
  $ email-guard holds release ${id} --database postgres://guard@db.internal:5432/shop \\
      --to anna.svensson1985@gmail.com --by lena@butiken.se --reason "uppläst för kunden" \\
      --smtp smtp://mail.local:587

Med --database (och --schema, förval email_guard) är meddelandena, kunderna de kontrolleras mot och
granskningsloggen tabellerna i PostgreSQL som serve --database använder; lösenordet kan komma från
PGPASSWORD eller ~/.pgpass i stället för URL:en. --force släpper eller kastar ett meddelande som
lämnades under släpp av en process som stoppades mitt i sändningen; det nekas medan processen körs.

Varje mottagare kontrolleras igen: en annan kunds adress vägras, behålls eller rättas, och en
rättelse måste klara kontrollen eller, om den är ny för kunden, skickas med --confirm-new. Bara
--send-despite-block skickar förbi ett stopp eller en annan kunds adress (en delad brevlåda i hushållet).

En mapp förseglad med en nyckel (createFileHoldStore(dir, { key })) öppnas med nyckeln i ${keyVariable}.
Slutkoder: 0 klart, 1 stoppade meddelanden listade eller ett släpp vägrat, 2 fel i kommandoraden,
3 ingen sådan mapp eller inget sådant meddelande (eller en databas som inte kan nås), 4 SMTP-servern tog inte emot meddelandet (det ligger kvar).
Ett släpp eller en borttagning i ovisshet (påbörjad, aldrig avslutad) slutar med 2 tills det ges --force.`,
      incident: `
Exempel:
${INCIDENT_EXAMPLES}

${INCIDENT_FACTS}

Slutkoder: 0 skrivet, 2 fel i kommandoraden, 3 oläsbar indata (meddelandet, fakta, ett fakta som saknas).`,
      serve: (tokenVariable: string, keyVariable: string) => `
Exempel:
${SERVE_EXAMPLES}

API:t: POST /v1/check, POST /v1/check-phone, GET /v1/holds, GET /v1/holds/:id,
POST /v1/holds/:id/release, POST /v1/holds/:id/discard, GET /healthz, GET /openapi.json.
Granskningssidan för stoppade meddelanden: /holds (logga in med token).
Varje väg utom /healthz kräver token i ${tokenVariable}; utan den lyssnar servern bara på en
loopback-adress. En mapp förseglad med en nyckel öppnas med nyckeln i ${keyVariable}.
Stannar vid SIGINT eller SIGTERM.`,
    },
    usageHint: (usage: string) => `(användning: ${usage}; lägg till --help för mer)`,
    spreadsheet: (kind: string) =>
      `${kind}, ingen CSV-fil: spara filen som CSV (UTF-8) först och ange den nya filen (Excel: Arkiv → Spara som → CSV UTF-8 (kommaavgränsad); Numbers, LibreOffice: exportera som CSV)`,
    spreadsheetKinds: {
      xlsx: 'en Excel-arbetsbok (.xlsx)',
      xls: 'en Excel 97-2003-arbetsbok (.xls)',
      ods: 'ett OpenDocument-kalkylark (.ods)',
      numbers: 'ett Numbers-kalkylark (.numbers)',
      zip: 'ett ZIP-arkiv, som en Excel-arbetsbok (.xlsx) är',
      ole: 'en Excel 97-2003-arbetsbok (.xls) eller en annan Office-fil',
    },
    inColumn: (header: string, reason: string, key: boolean) =>
      `${key ? 'nyckeln' : 'kolumnen'} ”${header}”: ${reason}`,
    acceptFile: {
      ending: (extension: string) =>
        `--accept tar en .csv-fil (en rubrikrad, sedan två kund-id och en valfri anteckning per rad) eller en .json-lista med {"customers": ["K-1", "K-2"], "note": "…"}, inte ${extension || 'en fil utan filändelse'}`,
      notJson: 'ingen JSON-lista med godkända par: ange [{"customers": ["K-1", "K-2"], "note": "…"}, …]',
      notPairJson:
        'inget godkänt par: ange {"customers": ["K-1", "K-2"]}, två kund-id, och en eventuell anteckning som text',
      notPairCsv: 'inget godkänt par: ange två kund-id och en valfri anteckning (högst tre celler)',
      samePair: (id: string) => `ett par av en kund (${id}) med sig själv: ange de två kundernas id`,
      accepted: (count: number, file: string) => `${count} fynd för par som godkänts i ${file} visas inte.`,
      stale: (file: string, line: number, first: string, second: string) =>
        `${file}:${line}: paret ${first}, ${second} finns inte längre (ta bort det ur filen)`,
    },
    document: (kind: string) =>
      `${kind}, ingen CRM-export: exportera kunderna ur CRM-systemet som CSV (UTF-8), eller spara tabellen som CSV (UTF-8) från ett kalkylprogram, och ange den filen`,
    documentKinds: {
      pdf: 'ett PDF-dokument',
      word: 'ett Word-dokument',
      'opendocument-text': 'ett OpenDocument-textdokument (.odt)',
    },
  },
} satisfies Record<CliLocale, unknown>;

/** The lines of one language. */
export type CliTexts = (typeof cliTexts)[CliLocale];

/** A header field's name as mail writes it (`to` as `To`, `delivered-to` as `Delivered-To`). */
function fieldName(name: string): string {
  return name.replace(/(^|-)[a-z]/g, (start) => start.toUpperCase());
}

/**
 * The kinds of sent mail `audit` reads, as a Swedish reader calls them; English shows the kind as
 * `--json` names it.
 */
const SENT_MAIL_KINDS_SV: Readonly<Record<SentMailKind, string>> = {
  'eml-file': '.eml-fil',
  'eml-folder': 'mapp med .eml-filer',
  mbox: 'mbox-fil',
  maildir: 'Maildir',
};

/**
 * Why a file cannot be written, by the system's error code (POSIX errno names, as Node gives them),
 * in words a person acts on; a code not here is shown as it is.
 */
const WRITE_REASONS: Readonly<Record<'en' | 'sv', Readonly<Record<string, string>>>> = {
  en: {
    EACCES: 'permission denied (the folder is not writable for this user)',
    EPERM: 'not permitted (the folder or file is protected)',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file stands where its folder should be',
    EISDIR: 'it is a folder',
  },
  sv: {
    EACCES: 'åtkomst nekas (mappen är inte skrivbar för den här användaren)',
    EPERM: 'inte tillåtet (mappen eller filen är skyddad)',
    EROFS: 'filsystemet är skrivskyddat',
    ENOSPC: 'disken är full',
    EDQUOT: 'diskkvoten är slut',
    ENOTDIR: 'en del av sökvägen är en fil, inte en mapp',
    EEXIST: 'en fil står där mappen skulle vara',
    EISDIR: 'det är en mapp',
  },
};

/**
 * Why a file cannot be read, by the system's error code (POSIX errno names, as Node gives them), in
 * words a person acts on; a code not here is shown as it is.
 */
const READ_REASONS: Readonly<Record<'en' | 'sv', Readonly<Record<string, string>>>> = {
  en: {
    ENOENT: 'does not exist',
    EACCES: 'cannot be read: permission denied',
    EPERM: 'cannot be read: not permitted',
    ENOTDIR: 'does not exist: a part of the path is a file, not a folder',
    EISDIR: 'cannot be read: it is a folder',
  },
  sv: {
    ENOENT: 'finns inte',
    EACCES: 'kan inte läsas: åtkomst nekas',
    EPERM: 'kan inte läsas: inte tillåtet',
    ENOTDIR: 'finns inte: en del av sökvägen är en fil, inte en mapp',
    EISDIR: 'kan inte läsas: det är en mapp',
  },
};

/** A size in KiB (IEC 80000-13: 1 KiB = 1,024 bytes), as the limits are set: `256 KiB`, not `262144 byte`. */
function kibibytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}
