import type { VerifiedAddressSource } from '../guard/create-guard.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';
import { otherVerificationStore } from '../nodemailer/verification-store-id.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { usageFailure } from './exit-codes.js';

/**
 * Refuses (2, the store given is the wrong input) a release whose verified addresses come from
 * another store than the check that held the message read (`--verifications DIR`, or the schema's
 * with `--database`), in one line naming both ids: an empty or another folder reads "nobody
 * verified it", and would let an order go to an address another customer proved. No option
 * overrides it; nor one held when its store's id could not be read, since no store can be shown to be
 * that one. The library's rule (otherVerificationStore), asked before the store is put to work.
 */
export async function refuseOtherVerificationStore(
  held: HeldMessage,
  verifiedAddresses: VerifiedAddressSource,
  flags: { readonly locale: CliLocale },
): Promise<void> {
  const other = await otherVerificationStore(held, { options: { verifiedAddresses } });
  if (other === undefined) return;
  const texts = cliTexts[flags.locale].holds;
  const { heldWith, now } = other;
  if (typeof heldWith !== 'string') throw usageFailure(texts.unknownVerifications(held.id));
  const given = now !== undefined && 'id' in now ? now.id : undefined;
  throw usageFailure(
    texts.otherVerifications(held.id, heldWith, given, now !== undefined && 'unread' in now),
  );
}
