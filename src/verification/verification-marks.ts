import { randomUUID } from 'node:crypto';

/** A verification message the verifier is sending: the one address it may go to. */
export interface PendingVerificationMessage {
  readonly challengeId: string;
  readonly address: string;
}

// Marks live only in this process and only while their send runs, like release tokens: a message
// that names a made-up mark is checked like any other, so no caller can pass one off as the
// verifier's own.
const pending = new Map<string, PendingVerificationMessage>();
// What the transport answered is known only after the plugin has run; the plugin leaves here what
// it records then, so the audit log never says a refused code message was sent.
const settles = new Map<string, (failure: unknown) => Promise<void>>();

/** Registers a verification message about to be sent; its mark goes in `emailGuard.verification`. */
export function beginVerificationMessage(message: PendingVerificationMessage): string {
  const mark = randomUUID();
  pending.set(mark, message);
  return mark;
}

/** The verification message a mark stands for, while its send runs. */
export function findVerificationMessage(mark: unknown): PendingVerificationMessage | undefined {
  return typeof mark === 'string' ? pending.get(mark) : undefined;
}

/** Has `settle` run with the transport's answer (`undefined` when it was sent) once the send ends. */
export function onVerificationMessageSettled(
  mark: string,
  settle: (failure: unknown) => Promise<void>,
): void {
  if (pending.has(mark)) settles.set(mark, settle);
}

/**
 * Ends a verification message's send, sent or not: `failure` is what the transport threw, or
 * `undefined` when it accepted the message. Resolves once what the plugin records is recorded.
 */
export async function endVerificationMessage(mark: string, failure?: unknown): Promise<void> {
  pending.delete(mark);
  const settle = settles.get(mark);
  settles.delete(mark);
  await settle?.(failure);
}
