import { Command } from 'commander';
import type { Customer } from '../contacts/customer.js';
import { isEmailGuardError } from '../errors.js';
import { checkRecipient } from '../guard/check-recipient.js';
import type { Verdict } from '../guard/verdict.js';
import { CliFailure, exitCodes, usageFailure } from './exit-codes.js';
import { type CommandContext, localeOption } from './program-context.js';
import { readCustomers } from './read-customers.js';

interface CheckFlags {
  readonly customer?: string;
  readonly customerId?: string;
  readonly customers?: string;
  readonly json?: boolean;
  readonly locale: 'sv' | 'en';
}

/**
 * `email-guard check ADDRESS`: one verdict for one address, for scripts and for trying the
 * library. Exit code 0 for send, 1 for confirm or block.
 */
export function checkCommand(context: CommandContext): Command {
  return new Command('check')
    .description('check one address: send, confirm or block, with what looks wrong and the suggestion')
    .argument('<address>', 'the address as entered')
    .option(
      '--customer <json>',
      'the customer as JSON: {"id":"C-1","name":"…","emails":["…"],"birthDate":"…"}',
    )
    .option('--customer-id <id>', 'the customer, by id, from --customers')
    .option('--customers <file>', 'a CRM export (.csv or .ndjson): the other customers are checked too')
    .option('--json', 'print the verdict as JSON')
    .addOption(localeOption())
    .addHelpText(
      'after',
      `
Examples:
  $ email-guard check anna.svensson185@gmail.com --customer '{"id":"C-1","emails":["anna.svensson1985@gmail.com"]}'
  $ email-guard check erik.lind@telia.com --customer-id C-1 --customers customers.csv --json

Exit codes: 0 send, 1 confirm or block, 2 usage error, 3 unreadable input.`,
    )
    .action(async (address: string, flags: CheckFlags) => {
      if (flags.customer !== undefined && (flags.customerId !== undefined || flags.customers !== undefined))
        throw usageFailure('give either --customer JSON or --customer-id with --customers, not both');
      if (flags.customerId !== undefined && flags.customers === undefined)
        throw usageFailure('--customer-id needs --customers FILE to find the customer in');
      let customer: Customer = { id: 'unknown' };
      let file: Awaited<ReturnType<typeof readCustomers>> | undefined;
      if (flags.customer !== undefined) {
        try {
          customer = JSON.parse(flags.customer) as Customer;
        } catch (error) {
          throw usageFailure(`--customer is not JSON: ${(error as Error).message}`);
        }
      }
      if (flags.customers !== undefined) {
        file = await readCustomers(flags.customers, context.progress());
        context.reportProblems(flags.customers, file.problems);
        if (flags.customerId !== undefined) {
          const found = file.directory.get(flags.customerId);
          if (!found)
            throw new CliFailure(
              `${flags.customers}: no customer with the id ${flags.customerId}`,
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
      if (flags.json) context.out(`${JSON.stringify(verdict, null, 2)}\n`);
      else context.out(formatVerdict(verdict));
      context.setExitCode(verdict.action === 'send' ? exitCodes.ok : exitCodes.findings);
    });
}

/** The verdict as a person reads it: the action, the suggestion, then each finding. */
function formatVerdict(verdict: Verdict): string {
  const lines = [`${verdict.action}  ${verdict.address ?? JSON.stringify(verdict.entered)}`];
  if (verdict.suggestion) lines.push(`suggestion: ${verdict.suggestion}`);
  for (const finding of verdict.findings)
    lines.push(`  ${finding.action.padEnd(7)} ${finding.code}: ${finding.message}`);
  return `${lines.join('\n')}\n`;
}
