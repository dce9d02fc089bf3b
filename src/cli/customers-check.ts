import { dirname } from 'node:path';
import { domainToUnicode } from 'node:url';
import type { LoadProblem } from '../contacts/load-customers.js';
import { auditCustomerBase, type CustomerBaseFindingCode } from '../guard/audit-customer-base.js';
import { buildReport } from './build-report.js';
import { cliTexts } from './cli-texts.js';
import { codeWithName } from './code-with-name.js';
import { inOneLine } from './escape-controls.js';
import { exitCodes } from './exit-codes.js';
import { parseColumns } from './parse-columns.js';
import type { CommandContext } from './program-context.js';
import { pairKey, readAcceptedPairs } from './read-accepted-pairs.js';
import { readCustomers } from './read-customers.js';
import { checkWritable } from './write-atomically.js';
import { checkReportDestination, refuseOutOverInput, writeReport } from './write-report.js';

/** What is wrong with one row or address of a CRM export. */
export interface CustomerFinding {
  readonly kind: CustomerFindingKind;
  readonly line: number;
  readonly customerId?: string;
  readonly address?: string;
  /** The customer field a value of which was not read (`phones`, `birthDate`). */
  readonly field?: string;
  /** The export's column that value stands in, as its header writes it (`Telefon`). */
  readonly header?: string;
  /** That value as the export wrote it (`070-ABC`). */
  readonly value?: string;
  readonly reason: string;
  readonly suggestion?: string;
  /** The other customer of a pair (`belongs-to-other-customer`, `near-miss-other-customer`). */
  readonly otherCustomerId?: string;
}

type CustomerFindingKind =
  | 'unreadable-row'
  | 'field-not-read'
  | 'repeated-id'
  | 'repeated-key'
  | 'column-not-read'
  | 'accepted-pair'
  | CustomerBaseFindingCode;

/** The kinds in the order of the summary, what each means, in both languages (cli-texts.ts). */
const kinds = Object.fromEntries(
  (Object.keys(cliTexts.en.customersCheck.kinds) as CustomerFindingKind[]).map((kind) => [
    kind,
    { en: cliTexts.en.customersCheck.kinds[kind], sv: cliTexts.sv.customersCheck.kinds[kind] },
  ]),
) as Record<CustomerFindingKind, { readonly en: string; readonly sv: string }>;

/** The options of `email-guard customers check` (customers-command.ts). */
export interface CustomersCheckFlags {
  readonly out?: string;
  readonly json?: boolean;
  /** `--columns id=Kundnr,email=E-post` (parse-columns.ts). */
  readonly columns?: string;
  /** `--accept pairs.csv`: the pairs of customers known and kept on purpose (read-accepted-pairs.ts). */
  readonly accept?: string;
  readonly locale: 'sv' | 'en';
}

function problemKind(problem: LoadProblem): CustomerFindingKind {
  // A key written twice on a loaded row is a caveat, not a row skipped; one whose values differ is.
  if (problem.repeatedKey !== undefined) return problem.loaded ? 'repeated-key' : 'unreadable-row';
  if (problem.column !== undefined) return 'column-not-read';
  if (problem.field === 'id' && problem.loaded) return 'repeated-id';
  if (problem.field === 'emails') return 'invalid-address';
  if (
    problem.loaded &&
    (problem.field === 'birthDate' || problem.field === 'phones' || problem.field === 'name')
  )
    return 'field-not-read';
  return 'unreadable-row';
}

/**
 * `email-guard customers check <export>` (customers-command.ts): the data quality of a CRM export,
 * the incidents that have not happened yet: the rows `loadCustomers` cannot read, and what
 * `auditCustomerBase` finds in the rest.
 */
export async function runCustomersCheck(
  file: string,
  flags: CustomersCheckFlags,
  context: CommandContext,
): Promise<void> {
  checkReportDestination(flags, flags.locale);
  await refuseOutOverInput(flags.out, [file], flags.locale, { summaryBeside: true });
  // A report that cannot be written is said before the export is read, not after.
  if (flags.out !== undefined) {
    const created = await checkWritable(flags.out);
    if (created !== undefined) context.warn(cliTexts[flags.locale].folderCreated(dirname(flags.out)));
  }
  const columns = parseColumns(flags.columns, flags.locale);
  // The accept file is read before the export: a mistake in it is said before a long check.
  const acceptedPairs = flags.accept === undefined ? [] : await readAcceptedPairs(flags.accept, flags.locale);
  const accepted = new Map(acceptedPairs.map((pair) => [pairKey(...pair.customerIds), pair]));
  const pairsSeen = new Set<string>();
  let acceptedCount = 0;
  const loaded = await readCustomers(file, context.progress(flags.locale), flags.locale, columns);
  const findings: CustomerFinding[] = loaded.problems.map((problem) => {
    const kind = problemKind(problem);
    return {
      kind,
      line: problem.line,
      ...(problem.id !== undefined ? { customerId: problem.id } : {}),
      ...(problem.address !== undefined ? { address: problem.address } : {}),
      ...(kind === 'field-not-read' && problem.field !== undefined ? { field: problem.field } : {}),
      ...(kind === 'field-not-read' && problem.header !== undefined ? { header: problem.header } : {}),
      ...(problem.value !== undefined ? { value: problem.value } : {}),
      reason: problem.reason,
    };
  });
  const progress = context.progress(flags.locale);
  progress.start(loaded.directory.size, cliTexts[flags.locale].progress.checkingCustomers);
  for (const finding of auditCustomerBase(
    { directory: loaded.directory },
    { locale: flags.locale, onProgress: (checked) => progress.update(checked) },
  )) {
    if (finding.otherCustomerId !== undefined) {
      const key = pairKey(finding.customerId, finding.otherCustomerId);
      pairsSeen.add(key);
      if (accepted.has(key)) {
        acceptedCount++;
        continue;
      }
    }
    findings.push({
      kind: finding.code,
      line: loaded.lineOf.get(finding.customerId) ?? 0,
      customerId: finding.customerId,
      address: asInExport(finding.address),
      reason: finding.message,
      ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
      ...(finding.otherCustomerId !== undefined ? { otherCustomerId: finding.otherCustomerId } : {}),
    });
  }
  progress.stop(loaded.directory.size);
  findings.sort((a, b) => a.line - b.line);
  // A row skipped (unreadable, or its address unusable) is no customer loaded: it is counted
  // apart, so that the customers with findings are among the customers loaded.
  const notRead = new Set(
    findings.filter((finding) => isSkippedRow(finding.kind)).map((finding) => finding.line),
  );
  const flagged = new Set(
    findings.flatMap((finding) =>
      finding.customerId && !notRead.has(finding.line) ? [finding.customerId] : [],
    ),
  ).size;
  const text = cliTexts[flags.locale].customersCheck;
  const acceptText = cliTexts[flags.locale].acceptFile;
  // A pair accepted that the export no longer has (merged, corrected, deleted) is said once per
  // run, so the accept file does not keep pairs nobody remembers.
  const stalePairs = acceptedPairs.filter((pair) => !pairsSeen.has(pairKey(...pair.customerIds)));
  const stale = stalePairs.map((pair) =>
    acceptText.stale(flags.accept ?? '', pair.line, ...pair.customerIds),
  );
  for (const line of stale) context.warn(line);
  const built = buildReport({
    locale: flags.locale,
    title: text.title,
    intro: [
      text.read(file, loaded.rows, loaded.loaded, notRead.size, flagged),
      ...(loaded.contactColumnsNotRead.length > 0
        ? [
            text.columnsNotRead(
              loaded.contactColumnsNotRead.map((header) => `"${header}"`).join(', '),
              loaded.contactColumnsNotRead.length,
            ),
          ]
        : []),
      ...(acceptedCount > 0 ? [acceptText.accepted(acceptedCount, flags.accept ?? '')] : []),
    ],
    ...(stale.length > 0 ? { problems: stale } : {}),
    notListed: { 'accepted-pair': acceptedCount },
    kinds,
    kindOf: (finding) => finding.kind,
    kindColumn: 'kind',
    columns: [
      { key: 'line', label: text.line },
      { key: 'customerId', label: text.customer },
      { key: 'address', label: text.address },
      { key: 'kind', label: text.finding },
      { key: 'reason', label: text.reason },
      { key: 'suggestion', label: text.suggestion },
    ],
    rows: findings.map((finding) => ({ ...finding })),
    data: undefined,
  });
  // The JSON form counts the kinds as the summary does, and adds what the export held.
  const report = {
    ...built,
    data: {
      file,
      rows: loaded.rows,
      customers: loaded.loaded,
      rowsNotRead: notRead.size,
      customersWithFindings: flagged,
      ...(flags.accept !== undefined
        ? {
            accepted: acceptedCount,
            stalePairs: stalePairs.map((pair) => ({
              line: pair.line,
              customers: pair.customerIds,
              ...(pair.note ? { note: pair.note } : {}),
            })),
          }
        : {}),
      summary: Object.fromEntries(built.summary.map((row) => [row.label, row.count])),
      findings,
    },
  };
  await writeReport(report, flags, context, {
    // A CSV report is one table: the counts of the summary go in a file of their own beside it.
    summaryBeside: true,
    rowLine: (finding) =>
      // One line per row: a line break in a field of the input (a CRM cell) is shown, not obeyed.
      inOneLine(
        [
          `${file}:${finding.line}`,
          finding.customerId ?? '-',
          codeWithName(String(finding.kind), flags.locale),
          // An unusable address is quoted in its reason (which shows a space or a line break in
          // it): the line names it once.
          ...(finding.kind === 'invalid-address' &&
          quotesAddress(
            String(finding.reason),
            finding.address === undefined ? undefined : String(finding.address),
          )
            ? []
            : [finding.address ?? '']),
          `${finding.reason}${finding.suggestion ? ` -> ${finding.suggestion}` : ''}`,
        ].join('  '),
      ),
  });
  // A column not read is a note on the file (a comment, a fax), not a finding about a customer,
  // unless its header names an address or a phone: values nobody checked that mail may go to, so
  // a gate script must not pass the export, and the summary says why.
  const found =
    findings.some((finding) => finding.kind !== 'column-not-read') || loaded.contactColumnsNotRead.length > 0;
  context.setExitCode(found ? exitCodes.findings : exitCodes.ok);
}

/** The findings whose row was skipped: its customer was not loaded. */
function isSkippedRow(kind: CustomerFindingKind): boolean {
  return kind === 'unreadable-row' || kind === 'invalid-address';
}

/**
 * An address as the export holds it, with its Punycode beside it (RFC 3492, UTS #46): a CRM owner
 * searches the export for `olle.ek@gmаil.com`, never for `olle.ek@xn--gmil-63d.com`.
 */
function asInExport(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (at < 0 || !/(^|\.)xn--/i.test(domain)) return address;
  const unicode = domainToUnicode(domain);
  return unicode && unicode !== domain ? `${address.slice(0, at)}@${unicode} (${address})` : address;
}

/** Whether a reason quotes the address, in the English "…" or the Swedish ”…” (load-problem-texts). */
function quotesAddress(reason: string, address: string | undefined): boolean {
  if (address === undefined) return false;
  return [JSON.stringify(address), `"${address}"`, `”${address}”`].some((quoted) => reason.includes(quoted));
}
