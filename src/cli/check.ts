import type { Directory } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { isEmailGuardError } from '../errors.js';
import { checkRecipient } from '../guard/check-recipient.js';
import type { Finding, Verdict } from '../guard/verdict.js';
import { displayAddress } from '../spelling/display-domain.js';
import { cliTexts } from './cli-texts.js';
import { codeWithName } from './code-with-name.js';
import { inOneLine } from './escape-controls.js';
import { CliFailure, exitCodes, usageFailure } from './exit-codes.js';
import { parseColumns } from './parse-columns.js';
import type { CommandContext } from './program-context.js';
import { readCustomers } from './read-customers.js';

/** The options of `email-guard check` (check-command.ts). */
export interface CheckFlags {
  readonly customer?: string;
  readonly customerId?: string;
  readonly customers?: string;
  /** `--columns id=Kundnr,email=E-post` (parse-columns.ts). */
  readonly columns?: string;
  readonly json?: boolean;
  readonly locale: 'sv' | 'en';
}

/** `email-guard check ADDRESS`: the verdict, printed; exit code 0 for send, 1 for confirm or block. */
export async function runCheck(address: string, flags: CheckFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale];
  if (flags.customer !== undefined && (flags.customerId !== undefined || flags.customers !== undefined))
    throw usageFailure(text.checkUsage.customerOrCustomers);
  if (flags.customerId !== undefined && flags.customers === undefined)
    throw usageFailure(text.checkUsage.customerIdNeedsFile);
  let customer: Customer = { id: 'unknown' };
  let file: Awaited<ReturnType<typeof readCustomers>> | undefined;
  if (flags.customer !== undefined) {
    try {
      customer = JSON.parse(flags.customer) as Customer;
    } catch (error) {
      throw usageFailure(text.checkUsage.notJson((error as Error).message));
    }
  }
  if (flags.customers !== undefined) {
    file = await readCustomers(
      flags.customers,
      context.progress(flags.locale),
      flags.locale,
      parseColumns(flags.columns, flags.locale),
    );
    context.reportProblems(flags.customers, file.problems, flags.locale);
    if (flags.customerId !== undefined) {
      const found = file.directory.get(flags.customerId);
      if (!found)
        throw new CliFailure(
          text.checkUsage.noCustomer(flags.customers, flags.customerId),
          exitCodes.unreadable,
        );
      customer = found;
    }
  }
  let verdict: Verdict;
  try {
    verdict = checkRecipient(
      { entered: address, customer, ...(file ? { directory: file.directory } : {}) },
      // The command line is a staff tool: it may name the other customer an address belongs to.
      { locale: flags.locale, revealOtherCustomers: true },
    );
  } catch (error) {
    if (isEmailGuardError(error)) throw usageFailure(`--customer: ${error.message}`);
    throw error;
  }
  // The customer's own address that is also on file for another customer of the export: a shared
  // mailbox (a household's). The check sends to it, as it is the customer's own, and says who else
  // reads it; `customers check` reports the same pair as belongs-to-other-customer.
  if (
    file &&
    verdict.findings.some((finding) => finding.code === 'exact-match' || finding.code === 'same-mailbox')
  )
    verdict = {
      ...verdict,
      findings: [...verdict.findings, ...sharedMailbox(address, customer.id, file.directory, flags.locale)],
    };
  if (flags.json) context.out(`${JSON.stringify(verdict, null, 2)}\n`);
  else context.out(formatVerdict(verdict, text.suggestion, flags.locale));
  context.setExitCode(verdict.action === 'send' ? exitCodes.ok : exitCodes.findings);
}

/** A `belongs-to-other-customer` finding that asks for nothing, for each other customer on the mailbox. */
function sharedMailbox(
  address: string,
  customerId: string,
  directory: Directory,
  locale: 'sv' | 'en',
): Finding[] {
  const others = new Map<string, string>();
  for (const match of directory.findAddress({ entered: address }))
    if (match.distance === 0 && match.customerId !== customerId && !others.has(match.customerId))
      others.set(match.customerId, displayAddress(match.address));
  return [...others].map(([id, known]) => ({
    code: 'belongs-to-other-customer',
    customerId: id,
    known,
    action: 'send',
    severity: 'info',
    message: cliTexts[locale].checkUsage.sharedMailbox(id, known),
  }));
}

/** The verdict as a person reads it: the action, the suggestion, then each finding. */
function formatVerdict(verdict: Verdict, suggestion: string, locale: 'sv' | 'en'): string {
  // The actions in words, as `holds list` says them; `--json` keeps the codes.
  const word = (action: Verdict['action']) => cliTexts[locale].holds.actions[action];
  // Each piece stays on its line: a finding quotes the export's ids and names, which may hold a line
  // break that would otherwise print a line of its own, reading like another finding.
  const lines = [`${word(verdict.action)}  ${inOneLine(verdict.address ?? JSON.stringify(verdict.entered))}`];
  if (verdict.suggestion) lines.push(`${suggestion}: ${inOneLine(verdict.suggestion)}`);
  // As wide as the longest word of the language ("bekräfta" has 8 letters), so the codes line up.
  const width = Math.max(...Object.values(cliTexts[locale].holds.actions).map((action) => action.length));
  for (const finding of verdict.findings)
    lines.push(
      `  ${word(finding.action).padEnd(width)} ${codeWithName(finding.code, locale)}: ${inOneLine(finding.message)}`,
    );
  return `${lines.join('\n')}\n`;
}
