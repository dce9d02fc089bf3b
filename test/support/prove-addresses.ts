import nodemailer from 'nodemailer';
import type { Verifier } from '../../src/verification/create-verifier.js';
import type { VerificationRecord, VerificationStore } from '../../src/verification/verification-store.js';

/** A transporter that keeps each message's text in `outbox`, by recipient, instead of sending it. */
export function outboxTransport() {
  const outbox = new Map<string, string>();
  const transporter = nodemailer.createTransport({
    name: 'outbox',
    version: '1',
    send(mail, callback) {
      outbox.set(String(mail.data.to), String(mail.data.text));
      callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() });
    },
  });
  return { transporter, outbox };
}

/** A verification store in memory, as the `VerificationStore` interface describes one. */
export function memoryVerificationStore(): VerificationStore & {
  readonly records: Map<string, VerificationRecord>;
} {
  const records = new Map<string, VerificationRecord>();
  const key = new Uint8Array(32).fill(7);
  return {
    records,
    now: async () => Date.now(),
    key: async () => key,
    read: async (name) => records.get(name),
    async update(name, change) {
      const next = change(records.get(name));
      if (next) records.set(name, next);
      return next ?? records.get(name);
    },
  };
}

/** Starts and confirms a code for each customer's address: each is then verified for that customer. */
export async function proveAddresses(
  verifier: Verifier,
  outbox: ReadonlyMap<string, string>,
  pairs: readonly { readonly customerId: string; readonly address: string }[],
): Promise<void> {
  for (const pair of pairs) {
    await verifier.start(pair);
    const code = /: (\d{4,10})\n/.exec(outbox.get(pair.address) ?? '')?.[1];
    if (!code) throw new Error(`no code reached ${pair.address}`);
    const result = await verifier.confirm({ ...pair, code });
    if (!result.ok) throw new Error(`${pair.address} was not verified: ${result.reason}`);
  }
}
