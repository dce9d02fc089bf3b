/** Options of {@link createTokenBuckets}. */
export interface TokenBucketOptions {
  /** How many a key may spend in a row before it waits. */
  readonly burst: number;
  /** How often a key earns one more once the first are spent, in milliseconds. */
  readonly refillMs: number;
  /** The clock, for the caller that has its own. @default Date.now */
  readonly now?: () => number;
}

/** One spent, or how long the key waits for the next. */
export type Spent =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A token bucket per key: `take` spends one when there is one, `peek` only asks. */
export interface TokenBuckets {
  take(key: string): Spent;
  peek(key: string): Spent;
}

// The most keys (client addresses) held; past it the fullest buckets are those forgotten first, so
// a flood of new addresses cannot grow the map without end. A forgotten key starts full again.
const KEYS_MAX = 10_000;

/**
 * Token buckets by key (the rate limiting RFC 6585 §4 answers with 429 and `Retry-After`): a key
 * may spend `burst` in a row, then one per `refillMs`.
 *
 * @example
 * ```ts
 * const logins = createTokenBuckets({ burst: 5, refillMs: 60_000 });
 * logins.take('127.0.0.1'); // { allowed: true }
 * ```
 */
export function createTokenBuckets(options: TokenBucketOptions): TokenBuckets {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const level = (key: string) => {
    const time = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= KEYS_MAX)
        for (const [old, held] of buckets)
          if (held.tokens + (time - held.at) / options.refillMs >= options.burst) buckets.delete(old);
      if (buckets.size >= KEYS_MAX) buckets.delete(buckets.keys().next().value as string);
      bucket = { tokens: options.burst, at: time };
      buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(options.burst, bucket.tokens + (time - bucket.at) / options.refillMs);
    bucket.at = time;
    return bucket;
  };
  const waiting = (tokens: number): Spent => ({
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * options.refillMs) / 1000)),
  });
  return {
    take(key) {
      const bucket = level(key);
      if (bucket.tokens < 1) return waiting(bucket.tokens);
      bucket.tokens -= 1;
      return { allowed: true };
    },
    peek(key) {
      const bucket = level(key);
      return bucket.tokens < 1 ? waiting(bucket.tokens) : { allowed: true };
    },
  };
}
