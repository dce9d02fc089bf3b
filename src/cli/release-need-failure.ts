import type { HeldMessage } from '../nodemailer/hold-store.js';
import type { ReleaseNeed } from '../nodemailer/release-needs.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { CliFailure, exitCodes, usageFailure } from './exit-codes.js';
import { fewerCustomersFailure } from './fewer-customers-failure.js';

/**
 * What `holds release` says of one thing the library found the release lacks (releaseNeeds), and
 * its exit code: a missing customer is a refusal (1), since no flag gives one; recipients,
 * customers or verified addresses the command line can give are a usage error (2).
 */
export function releaseNeedFailure(
  need: ReleaseNeed,
  held: Pick<HeldMessage, 'id' | 'heldAt'>,
  context: {
    readonly locale: CliLocale;
    readonly timeZone?: string;
    /** The customers the release was checked against: `--customers FILE`, or the database's. */
    readonly source: { readonly file: string } | { readonly database: string };
    /** Each blocked recipient as `holds show` lines it. */
    readonly recipientLine: (recipient: HeldMessage['recipients'][number]) => string;
  },
): CliFailure {
  const text = cliTexts[context.locale].holds;
  switch (need.code) {
    case 'customer':
      return new CliFailure(
        `${text.staysHeld(held.id)}: ${text.heldWithoutCustomer(held.id)}`,
        exitCodes.findings,
      );
    case 'corrected-recipients':
      return usageFailure(text.needsTo(held.id, need.recipients.map(context.recipientLine).join('; ')));
    case 'enough-customers':
      return fewerCustomersFailure(need, held, context.source, context);
    case 'verified-addresses':
      return usageFailure(text.verificationsNeeded(held.id));
  }
}
