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

/** Ends a verification message's send, sent or not. */
export function endVerificationMessage(mark: string): void {
  pending.delete(mark);
}
