import { fewerCustomers } from '../nodemailer/customers-known.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { usageFailure } from './exit-codes.js';
import { formatSentDate } from './format-sent-date.js';

/**
 * Refuses (2, the export given is the wrong input) a release checked against an export of fewer
 * customers than the check that held the message knew, unless `--fewer-customers` says it is meant:
 * a corrected address that is a customer missing from it would pass as merely new to the customer.
 */
export function refuseFewerCustomers(
  held: HeldMessage,
  now: number,
  file: string,
  flags: { readonly locale: CliLocale; readonly timeZone?: string; readonly fewerCustomers?: boolean },
): void {
  const fewer = fewerCustomers(held.customersKnown, now);
  if (!fewer || flags.fewerCustomers) return;
  const text = cliTexts[flags.locale].holds;
  throw usageFailure(
    `${text.staysHeld(held.id)}: ${text.fewerCustomers(file, fewer.now, fewer.whenHeld, formatSentDate(held.heldAt, flags.locale, flags.timeZone))}`,
  );
}
