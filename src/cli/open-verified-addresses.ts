import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { VerifiedAddressSource } from '../guard/create-guard.js';
import { createFileVerificationStore } from '../verification/create-file-verification-store.js';
import { createVerifier } from '../verification/create-verifier.js';
import type { VerificationStore } from '../verification/verification-store.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { usageFailure } from './exit-codes.js';

/**
 * The addresses a verifier proved, read from its store, for the check of a release: an address
 * verified for another customer, or one slip from one, is then that customer's there as it was in
 * the check that held the message. It sends nothing: the verifier made here has a transport that
 * refuses every message, so nothing a release does can send a code. It may write to the store: on
 * its first slip look-up it files the verified addresses under the index when the store's index
 * mark is missing, older or built with other mailbox rules (`verifier.reindex()`), as the
 * application's verifier would; until that is done, look-ups fail closed.
 */
export function verifiedAddressesIn(store: VerificationStore): VerifiedAddressSource {
  const verifier = createVerifier({
    store,
    transporter: nodemailer.createTransport({
      name: 'verified-addresses-only',
      version: '1',
      send: (_mail, callback) => callback(new Error('a release reads verified addresses; it sends no code')),
    }),
    from: 'email-guard <verification@invalid>',
  });
  return {
    listVerified: (customerId) => verifier.listVerified(customerId),
    findVerified: (address, options) => verifier.findVerified(address, options),
    storeId: () => verifier.storeId(),
  };
}

/**
 * `--verifications DIR`: the folder store a verifier keeps (`createFileVerificationStore`). A folder
 * without the verifier's key file is refused: read under a key made now, every record would be
 * unreadable, no address verified, and an address verified for another customer would pass.
 */
export async function openVerifiedAddresses(dir: string, locale: CliLocale): Promise<VerifiedAddressSource> {
  const key = await stat(join(dir, 'key')).catch(() => undefined);
  if (!key?.isFile()) throw usageFailure(cliTexts[locale].holds.notVerifications(dir));
  return verifiedAddressesIn(createFileVerificationStore(dir));
}
