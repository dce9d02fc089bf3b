import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether two secrets are equal, in time that does not depend on where they differ or on the
 * length of either: both are hashed first (SHA-256), so `timingSafeEqual` compares equal lengths
 * and the length of the expected secret does not leak through an early return.
 *
 * @example
 * ```ts
 * sameSecret('s3cret-token', 's3cret-token'); // true
 * ```
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/**
 * {@link sameSecret} against one secret, asked many times (the server's token, on every request):
 * the secret's SHA-256 is computed once, so each call hashes only what was given. Same answer, same
 * constant time; one hash a request less.
 *
 * @example
 * ```ts
 * const isToken = sameSecretAs('s3cret-token');
 * isToken('s3cret-token'); // true
 * ```
 */
export function sameSecretAs(expected: string): (given: string) => boolean {
  const digest = createHash('sha256').update(expected, 'utf8').digest();
  return (given) => timingSafeEqual(createHash('sha256').update(given, 'utf8').digest(), digest);
}
