import type { HeldMessage } from '../nodemailer/hold-store.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { type CliFailure, usageFailure } from './exit-codes.js';
import { formatSentDate } from './format-sent-date.js';

/** The counts a release was refused on: the library's `enough-customers` need, or its `FewerCustomersError`. */
interface CustomerCounts {
  /** Customers the check that held the message knew; undefined when its count failed. */
  readonly whenHeld: number | undefined;
  /** Customers the check at release knows; undefined when its directory cannot say. */
  readonly now: number | undefined;
}

/**
 * The command's answer (2, the customers given are the wrong input) to a release checked against
 * fewer customers than the check that held the message knew, or where either count is unknown
 * (the library's rule, fewerCustomersRefusal): names the customer file (`--customers`) or the
 * database (`--database`) it was checked against, and the counts it has.
 */
export function fewerCustomersFailure(
  counts: CustomerCounts,
  held: Pick<HeldMessage, 'id' | 'heldAt'>,
  source: { readonly file: string } | { readonly database: string },
  flags: { readonly locale: CliLocale; readonly timeZone?: string },
): CliFailure {
  const text = cliTexts[flags.locale].holds;
  const heldAt = formatSentDate(held.heldAt, flags.locale, flags.timeZone);
  const { now, whenHeld } = counts;
  const why =
    now === undefined || whenHeld === undefined
      ? text.customersUncounted(
          'file' in source ? source.file : text.databaseDirectory(source.database),
          whenHeld,
          heldAt,
        )
      : 'file' in source
        ? text.fewerCustomers(source.file, now, whenHeld, heldAt)
        : text.fewerInDatabase(source.database, now, whenHeld, heldAt);
  return usageFailure(`${text.staysHeld(held.id)}: ${why}`);
}
