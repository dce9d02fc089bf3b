import type { IndexEntry } from './index-entries.js';

/**
 * One challenge: a code (and a link token) sent to an address for one customer. The code and the
 * token are kept only as keyed hashes (HMAC-SHA-256 under the store's key), so whoever reads the
 * store cannot read a code back; times are on the store's clock, in milliseconds since 1970.
 */
export interface VerificationChallenge {
  readonly id: string;
  readonly customerId: string;
  /** HMAC-SHA-256 of the code, hex. */
  readonly codeHash: string;
  /** HMAC-SHA-256 of the link token's secret, hex; absent when no link was sent. */
  readonly tokenHash?: string;
  readonly createdAt: number;
  /** From this time on the code and the link are refused. */
  readonly expiresAt: number;
  /** Wrong codes and links entered so far. */
  readonly attempts: number;
  /** How many wrong ones end the challenge. */
  readonly maxAttempts: number;
  /** When the code or the link was confirmed: the address is the customer's from then on. */
  readonly verifiedAt?: number;
}

/** Everything known about one address: when codes were sent to it, and each customer's challenge. */
export interface AddressRecord {
  readonly kind: 'address';
  /** The address as first verified for (domain in lower case). */
  readonly address: string;
  /** When a code was sent to the address within the last hour, for the rate limit. */
  readonly starts: readonly number[];
  /** The latest challenge of each customer that asked to verify the address. */
  readonly challenges: readonly VerificationChallenge[];
}

/** The addresses verified for one customer. */
export interface CustomerRecord {
  readonly kind: 'customer';
  readonly customerId: string;
  readonly verified: readonly { readonly address: string; readonly verifiedAt: number }[];
}

/**
 * The addresses challenged under one mailbox variant (`mailboxVariants`: the mailbox key, the key
 * with one character of the local part deleted, the key with å, ä, ö folded): the index that finds
 * a verified address one slip from an entered one without reading every record (symmetric
 * deletion, Garbe, "SymSpell", 2012, as the directory files its addresses). Whether an address
 * is verified, and for whom, is read from its own {@link AddressRecord}.
 */
export interface VariantRecord {
  readonly kind: 'variant';
  /** The addresses filed under the variant, as their address records hold them. */
  readonly addresses: readonly string[];
}

/**
 * The domains of verified addresses filed under one domain variant (`domainVariants`: the domain
 * as typed, and the domain with one character deleted): the index that finds a verified address
 * whose local part was typed right and whose domain is one slip off (`karin.berg@outlok.se` for
 * `karin.berg@outlook.se`), as the directory finds its own addresses' domains.
 */
export interface DomainRecord {
  readonly kind: 'domain';
  /** The domains filed under the variant, as mailbox keys hold them (lower case, ASCII). */
  readonly domains: readonly string[];
}

/**
 * Which version of the index ({@link VariantRecord}, {@link DomainRecord}) every verified address
 * was filed under, and when: a verifier that finds none, or an older one, files them all again
 * (`verifier.reindex()`) before its first look-up of slips, as does one with other mailbox rules.
 */
export interface IndexMarkRecord {
  readonly kind: 'index';
  readonly version: number;
  /** When the last full filing ended, on the store's clock. */
  readonly indexedAt: number;
  /**
   * The mailbox rules the addresses were filed with (SHA-256 of them, hex): a verifier with other
   * rules files them all again. Absent on a mark from before it was kept.
   */
  readonly rules?: string;
}

/** What a {@link VerificationStore} keeps under a name. */
export type VerificationRecord =
  | AddressRecord
  | CustomerRecord
  | VariantRecord
  | DomainRecord
  | IndexMarkRecord;

/**
 * Where the verifier keeps its challenges and verified addresses. `createFileVerificationStore`
 * is the default; implement this to keep them elsewhere (a database table with a row per name and
 * `SELECT ... FOR UPDATE` around `update`). Names are short ASCII (`[A-Za-z0-9_-]`).
 *
 * @example
 * ```ts
 * const records = new Map<string, VerificationRecord>();
 * const store: VerificationStore = {
 *   now: async () => Date.now(),
 *   key: async () => Buffer.from(process.env.VERIFICATION_KEY ?? '', 'hex'),
 *   read: async (name) => records.get(name),
 *   async update(name, change) {
 *     const next = change(records.get(name));
 *     if (next) records.set(name, next);
 *     return next ?? records.get(name);
 *   },
 * };
 * ```
 */
export interface VerificationStore {
  /**
   * What tells this store from every other one, the same for every process that opens it and for
   * as long as it is kept (the folder store a random id written into the folder once; the
   * PostgreSQL store the cluster, database and schema). A message held by a check that read this
   * store keeps the id (`HeldMessage.verificationStoreId`), and a release through a guard whose
   * store answers another id is refused: an empty or another customer file's store would read as
   * "nobody verified it". Without it, holds say the id was unknown (`null`) and are released as
   * before.
   */
  id?(): Promise<string>;
  /** The store's clock, in milliseconds since 1970: codes expire and rate limits count on it. */
  now(): Promise<number>;
  /** The key codes and tokens are hashed with (at least 32 bytes), made once and kept. */
  key(): Promise<Uint8Array>;
  /** The record under `name`, or `undefined`. */
  read(name: string): Promise<VerificationRecord | undefined>;
  /**
   * The records under `names`, in their order (`undefined` where there is none): one question for
   * the few dozen names a check reads (a database answers them in one indexed query). Without it,
   * each name is `read` on its own.
   */
  readMany?(names: readonly string[]): Promise<(VerificationRecord | undefined)[]>;
  /**
   * Every address record with at least one verified challenge, read a page at a time, so memory
   * stays bounded however many the store holds: what `verifier.reindex()` files again. An address
   * verified while the listing runs may be left out (it is filed when it is confirmed). Any other
   * record it yields is passed over. Without it `reindex` refuses to run, and a verifier files an
   * address only when it is confirmed.
   */
  verifiedRecords?(): AsyncIterable<VerificationRecord>;
  /**
   * Files many index entries at once: each `value` is added to the listing of its `kind` under
   * `name` (a {@link VariantRecord} or {@link DomainRecord}, made when there is none or the record
   * is of another kind), once, as `update` would file it; entries already filed write nothing.
   * `verifier.reindex()` passes the entries of a page of verified addresses (a few thousand), so a
   * database files them in a few statements instead of a transaction per entry. Without it, each
   * entry is filed by `update`.
   */
  fileMany?(entries: readonly IndexEntry[]): Promise<void>;
  /**
   * Runs `work` holding a lock every process that uses the store shares, the one filing of the
   * index at a time: two instances started at once file it once, the second waiting for the first
   * and then finding the mark written. The lock ends with `work`, or with its process. Without it,
   * two instances may both file (each entry is still filed once, as `update` is atomic).
   */
  withIndexLock?<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Replaces the record under `name` with what `change` makes of it, atomically across every
   * process that uses the store: no other update of that name comes between the read and the
   * write. `change` returns `undefined` to leave the record as it is; it may be called again when
   * another update came first, so it must not do anything but compute. Resolves once the record is
   * durable, with the record as it now stands.
   */
  update(
    name: string,
    change: (current: VerificationRecord | undefined) => VerificationRecord | undefined,
  ): Promise<VerificationRecord | undefined>;
}
