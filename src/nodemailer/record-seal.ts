import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** A digest of a held message's record: SHA-256, or HMAC-SHA-256 when the store has a key. */
export interface RecordSeal {
  readonly algorithm: 'sha256' | 'hmac-sha256';
  readonly value: string;
}

/**
 * The seal of a held message's record: everything in it but the seal, in one canonical form (keys
 * sorted), hashed with SHA-256, or with HMAC-SHA-256 (RFC 2104) under `key`. The folder and
 * PostgreSQL hold stores seal the same fields this way, so an entry changed after it was held
 * (another recipient, another customer) no longer matches its seal and is refused.
 *
 * @example
 * ```ts
 * const seal = recordSeal({ format: 2, id, heldAt, size, sha256, envelope, action, recipients });
 * sameSeal(recordSeal(record), seal); // false once any field was changed
 * ```
 */
export function recordSeal(record: object, key?: string | Uint8Array): RecordSeal {
  const { seal: _seal, ...sealed } = record as { seal?: unknown };
  const text = canonicalJson(sealed);
  return key === undefined
    ? { algorithm: 'sha256', value: createHash('sha256').update(text).digest('hex') }
    : { algorithm: 'hmac-sha256', value: createHmac('sha256', key).update(text).digest('hex') };
}

/** Whether two hex digests are the same, compared in constant time. */
export function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The SHA-256 of a raw message, in hex: the digest a record keeps of its message. */
export function messageDigest(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with the keys of every object sorted, so one record always gives one text to seal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
