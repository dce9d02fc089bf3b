import type { FewerCustomersError } from '../errors.js';
import { customersWhenHeld, fewerCustomersRefusal } from '../nodemailer/customers-known.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { type CliFailure, usageFailure } from './exit-codes.js';
import { formatSentDate } from './format-sent-date.js';

interface FewerCustomersFlags {
  readonly locale: CliLocale;
  readonly timeZone?: string;
  readonly fewerCustomers?: boolean;
}

/**
 * Refuses (2, the export given is the wrong input) a release checked against an export of fewer
 * customers than the check that held the message knew, unless `--fewer-customers` says it is meant:
 * a corrected address that is a customer missing from it would pass as merely new. The library's
 * rule (fewerCustomersRefusal), asked before the export is put to work.
 */
export function refuseFewerCustomers(
  held: HeldMessage,
  now: number,
  file: string,
  flags: FewerCustomersFlags,
): void {
  const refusal = fewerCustomersRefusal(
    { holdId: held.id, whenHeld: customersWhenHeld(held), now },
    flags.fewerCustomers ? { fewerCustomers: true } : {},
  );
  if (refusal) throw fewerCustomersFailure(refusal, held, { file }, flags);
}

/**
 * The command's answer to a release the rule refused, naming the customer file (`--customers`) or
 * the database (`--database`) it was checked against and both counts.
 */
export function fewerCustomersFailure(
  refusal: FewerCustomersError,
  held: HeldMessage,
  source: { readonly file: string } | { readonly database: string },
  flags: FewerCustomersFlags,
): CliFailure {
  const text = cliTexts[flags.locale].holds;
  const heldAt = formatSentDate(held.heldAt, flags.locale, flags.timeZone);
  return usageFailure(
    refusal.now === undefined || refusal.whenHeld === undefined
      ? refusal.message
      : `${text.staysHeld(held.id)}: ${
          'file' in source
            ? text.fewerCustomers(source.file, refusal.now, refusal.whenHeld, heldAt)
            : text.fewerInDatabase(source.database, refusal.now, refusal.whenHeld, heldAt)
        }`,
  );
}
