import { randomUUID } from 'node:crypto';

/** A release in progress: which held message, and who released it. */
export interface PendingRelease {
  readonly holdId: string;
  readonly by?: string;
  readonly reason?: string;
}

// Tokens live only in this process and only while their send runs: a message cannot pass the
// guard by carrying a made-up token.
const pending = new Map<string, PendingRelease>();

/** Registers a release and returns the token its message carries through the plugin. */
export function beginRelease(release: PendingRelease): string {
  const token = randomUUID();
  pending.set(token, release);
  return token;
}

/** The release a token stands for, while its send runs. */
export function findRelease(token: unknown): PendingRelease | undefined {
  return typeof token === 'string' ? pending.get(token) : undefined;
}

/** Ends a release, sent or not. */
export function endRelease(token: string): void {
  pending.delete(token);
}
