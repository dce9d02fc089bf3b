import type { HeldMessage } from '../nodemailer/hold-store.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { CliFailure, exitCodes } from './exit-codes.js';

/**
 * Refuses, with advice that can be followed, the release of a message held without a customer (its
 * lookup failed, `lookup-failed`, and no customer id was kept): a release checks the recipients
 * against the message's customer, so no address, corrected or not, could pass. What helps is to
 * send the order again naming its customer, or to discard it; `--send-despite-block` still sends.
 */
export function refuseWithoutCustomer(
  held: HeldMessage,
  flags: { readonly locale: CliLocale; readonly sendDespiteBlock?: boolean },
): void {
  if (held.customerId !== undefined || flags.sendDespiteBlock) return;
  const failed =
    held.customerLookup !== undefined ||
    held.recipients.some(({ verdict }) => verdict.findings.some(({ code }) => code === 'lookup-failed'));
  if (!failed) return;
  const text = cliTexts[flags.locale].holds;
  throw new CliFailure(
    `${text.staysHeld(held.id)}: ${text.heldWithoutCustomer(held.id)}`,
    exitCodes.findings,
  );
}
