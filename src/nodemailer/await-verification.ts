import {
  type ChallengeDetails,
  isEmailGuardError,
  RecipientAwaitingVerificationError,
  RecipientNeedsConfirmationError,
} from '../errors.js';
import type { RecipientVerdict } from '../pipeline/recipient.js';
import type { Verifier } from '../verification/create-verifier.js';

/** A message held because its recipients are new to the customer, and what it is held as. */
export interface AwaitingMessage {
  readonly holdId: string;
  readonly messageId?: string;
  readonly customerId: string;
  readonly recipients: readonly RecipientVerdict[];
  /** The addresses to prove (`findNewAddresses`). */
  readonly addresses: readonly string[];
}

/**
 * Starts a challenge for each new address of a held message and returns the error `sendMail`
 * rejects with (and `codeNotSent` when no code went out, the message then waiting for a person): `RecipientAwaitingVerificationError` with the challenges, or, when no code could be
 * sent (the rate limit, a transport failure), `RecipientNeedsConfirmationError` with that as its
 * cause: the message is held either way. An address verified between the check and the hold (a
 * confirmation in another process) has its held messages released at once; when that release is
 * refused (the relay's reply, or the release check), the error says so and how to send it later,
 * rather than that no code could be sent.
 */
export async function awaitVerification(
  verifier: Verifier,
  held: AwaitingMessage,
): Promise<{ readonly error: Error; readonly codeNotSent?: true }> {
  const details = {
    holdId: held.holdId,
    recipients: held.recipients,
    ...(held.messageId === undefined ? {} : { messageId: held.messageId }),
  };
  const challenges: ChallengeDetails[] = [];
  const verified: string[] = [];
  try {
    for (const address of held.addresses) {
      const challenge = await verifier.start({ customerId: held.customerId, address });
      challenges.push({ id: challenge.id, address: challenge.address, expiresAt: challenge.expiresAt });
      if (challenge.verifiedAt !== undefined) verified.push(challenge.address);
    }
  } catch (error) {
    const why = isEmailGuardError(error, 'VERIFICATION_RATE_LIMITED')
      ? 'too many codes were sent to it in the last hour'
      : `no verification code could be sent (${describe(error)})`;
    return {
      error: new RecipientNeedsConfirmationError(
        `Held ${held.holdId}, not sent: ${why}; read the address back, then release it`,
        details,
        { cause: error },
      ),
      codeNotSent: true,
    };
  }
  const list = challenges.map(({ address, id }) => `${JSON.stringify(address)} (challenge ${id})`).join(', ');
  const already = verified.length === held.addresses.length;
  if (verified.length > 0) {
    const names = verified.map((address) => JSON.stringify(address)).join(', ');
    let released = false;
    try {
      for (const address of verified) {
        const sent = await verifier.release({ customerId: held.customerId, address });
        released ||= sent.some(({ id }) => id === held.holdId);
      }
    } catch (error) {
      // The address is verified; what failed is sending the held message (the relay refused it,
      // or its release check did). It stays held, and nothing more needs verifying.
      return {
        error: new RecipientNeedsConfirmationError(
          `Held ${held.holdId}, not sent: ${names} was verified meanwhile, but the release of the held message was refused (${describe(error)}); it stays held: once that is put right, call verifier.release({ customerId: ${JSON.stringify(held.customerId)}, address }) to send it`,
          details,
          { cause: error },
        ),
      };
    }
    if (already) {
      return {
        error: new RecipientAwaitingVerificationError(
          released
            ? `Held ${held.holdId}: ${list} was verified meanwhile, so the held message was released`
            : `Held ${held.holdId}, not sent yet: ${list} was verified meanwhile; the held message is being released by another confirmation, or waits on its other recipients`,
          { ...details, challenges },
        ),
      };
    }
  }
  return {
    error: new RecipientAwaitingVerificationError(
      `Held ${held.holdId}, not sent: a code was sent to ${list}; it is released when the code is confirmed`,
      { ...details, challenges },
    ),
  };
}

/** The failure's own words, which carry the relay's reply. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
