import type { SendMailOptions, SentMessageInfo, Transporter } from 'nodemailer';
import type { HeldEnvelope } from './hold-store.js';
import { beginRelease, endRelease } from './release-tokens.js';

/** What {@link sendReleased} sends: a held message as stored, and who released it. */
export interface ReleasedMessage {
  /** The hold store's id of the message, for the audit log. */
  readonly holdId: string;
  /** The whole raw message (RFC 5322), sent as it is. */
  readonly raw: Uint8Array;
  /** Whom it goes to (RFC 5321 MAIL FROM and RCPT TO). */
  readonly envelope: HeldEnvelope;
  /** Who released it, for the audit log. @default undefined */
  readonly by?: string;
  /** Why, for the audit log. @default undefined */
  readonly reason?: string;
}

/**
 * Sends a released message through a transporter guarded by `nodemailerGuard`, which lets it pass
 * (a person decided) and logs it as `released`, instead of holding it again. The pass is a token
 * that lives in this process only while this send runs, so no message can claim it by itself.
 * For a custom `HoldStore`'s `release`; the file hold store uses it too.
 *
 * @example
 * ```ts
 * const info = await sendReleased(transporter, {
 *   holdId: held.id,
 *   raw: held.raw,
 *   envelope: { from: 'order@butiken.se', to: ['anna.svensson1985@gmail.com'] },
 *   by: 'lena@butiken.se',
 * });
 * ```
 */
export async function sendReleased(
  transporter: Transporter,
  message: ReleasedMessage,
): Promise<SentMessageInfo> {
  const token = beginRelease({
    holdId: message.holdId,
    ...(message.by === undefined ? {} : { by: message.by }),
    ...(message.reason === undefined ? {} : { reason: message.reason }),
  });
  const data = {
    envelope: { ...message.envelope, to: [...message.envelope.to] },
    raw: Buffer.from(message.raw.buffer, message.raw.byteOffset, message.raw.byteLength),
    emailGuard: { release: token },
  };
  try {
    return await transporter.sendMail(data as SendMailOptions);
  } finally {
    endRelease(token);
  }
}
