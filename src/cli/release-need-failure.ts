import type { HeldMessage } from '../nodemailer/hold-store.js';
import type { ReleaseNeed } from '../nodemailer/release-needs.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { CliFailure, exitCodes, usageFailure } from './exit-codes.js';
import { fewerCustomersFailure } from './fewer-customers-failure.js';
import { headerRecipientsLine } from './held-envelope.js';

/**
 * What `holds release` says of one reason the library's rule gives for refusing the release
 * (releaseNeeds), and its exit code: what no flag answers is a refusal (1: a missing customer, a
 * customer the export or database lacks, an answer field or a stop that stands); recipients,
 * customers, a verification store or verified addresses the command line can give are a usage
 * error (2).
 */
export function releaseNeedFailure(
  need: ReleaseNeed,
  held: Pick<HeldMessage, 'id' | 'heldAt' | 'recipients'>,
  context: {
    readonly locale: CliLocale;
    readonly timeZone?: string;
    /** The customers the release was checked against: `--customers FILE`, or the database's. */
    readonly source: { readonly file: string } | { readonly database: string };
    /** Each blocked recipient as `holds show` lines it. */
    readonly recipientLine: (recipient: HeldMessage['recipients'][number]) => string;
    /** The recipients stopped, quoted with their state and codes, as a refusal lists them. */
    readonly stoppedList: (recipients: HeldMessage['recipients']) => string;
    /** Why no correction is offered for any of `recipients` (`; …`), or empty. */
    readonly withheldCorrections: (recipients: HeldMessage['recipients']) => string;
  },
): CliFailure {
  const text = cliTexts[context.locale].holds;
  const refusal = (why: string) => new CliFailure(`${text.staysHeld(held.id)}: ${why}`, exitCodes.findings);
  switch (need.code) {
    case 'customer':
      return refusal(text.heldWithoutCustomer(held.id));
    case 'envelope-recipients':
      return usageFailure(text.noEnvelopeToRelease(held.id, headerRecipientsLine(held)));
    case 'answer-field':
      return refusal(text.answerFieldStands(need.fields.join(', ')));
    case 'corrected-recipients':
      // A correction withheld (another customer's address) says why no corrected address is offered.
      return usageFailure(
        `${text.needsTo(held.id, need.recipients.map(context.recipientLine).join('; '))}${context.withheldCorrections(need.recipients)}`,
      );
    case 'stopped-when-held':
      // Stopped for a display name that showed another address (`"erik.lind@telia.com" <anna@…>`):
      // the address behind it was not, so "correct the recipient" would ask for the one given.
      return refusal(
        (need.inNames ? text.heldNameStands : text.heldFindingStands)(context.stoppedList(need.recipients)),
      );
    case 'verification-store': {
      const { heldWith, now } = need;
      if (typeof heldWith !== 'string') return usageFailure(text.unknownVerifications(held.id));
      const given = now !== undefined && 'id' in now ? now.id : undefined;
      return usageFailure(
        text.otherVerifications(held.id, heldWith, given, now !== undefined && 'unread' in now),
      );
    }
    case 'enough-customers':
      return fewerCustomersFailure(need, held, context.source, context);
    case 'customer-in-directory':
      return refusal(
        'file' in context.source
          ? text.noCustomer(need.customerId, context.source.file)
          : text.noCustomerInDatabase(need.customerId, context.source.database),
      );
    case 'verified-addresses':
      return usageFailure(text.verificationsNeeded(held.id));
  }
}
