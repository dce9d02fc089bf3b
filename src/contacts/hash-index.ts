/**
 * A multimap from 32-bit hashes to 32-bit values (customer slots), built for millions of entries.
 *
 * A V8 `Map` holds at most 2^24 entries and costs tens of bytes per entry, so the bulk of the index
 * lives in typed arrays: entries sorted by hash, the top bits of each hash implied by a bucket
 * table (sized for ~16 entries a bucket, so a lookup touches one or two cache lines rather than
 * binary-searching through several) and only the low 16 bits stored (6 bytes per entry). Entries added later sit in a small
 * `Map` delta that is merged into the sorted arrays once it grows. Removal is the caller's: values
 * whose slot is dead are skipped on lookup and dropped on the next merge.
 *
 * Hashes may collide; every caller verifies what a value stands for before trusting it.
 */

/** Aim for this many entries per bucket: a bucket's low hashes then fit one 64-byte cache line. */
const ENTRIES_PER_BUCKET = 16;
// At least 16 bucket bits, so the bucket and the stored low 16 bits together give back the whole hash.
const MIN_BUCKET_BITS = 16;
const MAX_BUCKET_BITS = 22;

/** FNV-1a (32-bit) offset basis and prime, from the FNV reference (IETF draft-eastlake-fnv). */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Folds one UTF-16 code unit (both bytes) into an FNV-1a hash. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(Math.imul(hash ^ (code & 0xff), FNV_PRIME) ^ (code >>> 8), FNV_PRIME);
}

/** The hash of `text` with the character at `skip` left out (`-1` keeps every character). */
export function hashSkipping(text: string, skip: number, hash = FNV_OFFSET): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) if (i !== skip) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** The hash of `domain@`, which a local part's variants continue from ({@link deletionHashes}). */
export function hashDomain(domain: string): number {
  return fnvStep(hashSkipping(domain, -1), 0x40);
}

// Polynomial hashing (Karp and Rabin, 1987) modulo 2^32 with an odd multiplier: the hash of a
// string with one character deleted follows from the hashes of the part before and the part
// after it, so all the variants of a string cost O(length) instead of O(length^2).
const BASE = 0x01000193;
let powers = new Uint32Array(65);
let prefixScratch = new Uint32Array(65);
let suffixScratch = new Uint32Array(65);

function grow(length: number): void {
  if (powers.length > length) return;
  const size = (length + 1) * 2;
  powers = new Uint32Array(size);
  prefixScratch = new Uint32Array(size);
  suffixScratch = new Uint32Array(size);
}

/** The murmur3 finaliser: spreads a polynomial hash's weak low bits over the whole word. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Writes to `out` the hashes (under `seed`) of `text` itself and of every distinct string made
 * from it by deleting one character, and returns how many it wrote (at most `text.length + 1`).
 * Deleting any character of a run of equal characters gives the same string, so only the first
 * of each run counts. `out[0]` is {@link exactHash}`(text, seed)`.
 */
export function deletionHashes(text: string, seed: number, out: Uint32Array): number {
  const length = text.length;
  grow(length);
  const prefix = prefixScratch;
  const suffix = suffixScratch;
  powers[0] = 1;
  prefix[0] = seed;
  for (let i = 0; i < length; i++) {
    powers[i + 1] = Math.imul(powers[i] as number, BASE);
    prefix[i + 1] = (Math.imul(prefix[i] as number, BASE) + text.charCodeAt(i)) | 0;
  }
  // suffix[i]: the characters from i on, as the low-order terms of the polynomial.
  suffix[length] = 0;
  for (let i = length - 1; i >= 0; i--) {
    suffix[i] =
      (Math.imul(text.charCodeAt(i), powers[length - 1 - i] as number) + (suffix[i + 1] as number)) | 0;
  }
  out[0] = mix(prefix[length] as number);
  let count = 1;
  for (let skip = 0; skip < length; skip++) {
    if (skip > 0 && text.charCodeAt(skip) === text.charCodeAt(skip - 1)) continue;
    const before = Math.imul(prefix[skip] as number, powers[length - 1 - skip] as number);
    out[count++] = mix((before + (suffix[skip + 1] as number)) | 0);
  }
  return count;
}

/** The hash of `text` under `seed`, as {@link deletionHashes} gives it for `text` itself. */
export function exactHash(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return mix(hash);
}

/** Collects entries and sorts them into a {@link HashIndex}. */
class EntryList {
  hashes = new Uint32Array(1024);
  values = new Uint32Array(1024);
  length = 0;

  push(hash: number, value: number): void {
    if (this.length === this.hashes.length) {
      const hashes = new Uint32Array(this.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const values = new Uint32Array(this.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.hashes[this.length] = hash;
    this.values[this.length] = value;
    this.length++;
  }
}

// Scratch for forEachOf (lookups are synchronous, so one set serves every index and call).
let starts = new Uint32Array(64);
let ends = new Uint32Array(64);
const single = new Uint32Array(1);
/** Keeps the warming loads of forEachOf from being optimised away. */
export let lastTouched = 0;

export class HashIndex {
  /** `bucketStart[h >>> shift]` .. `bucketStart[(h >>> shift) + 1]` hold the entries of hashes with those top bits. */
  private bucketStart = new Uint32Array((1 << MIN_BUCKET_BITS) + 1);
  private shift = 32 - MIN_BUCKET_BITS;
  private lowHashes = new Uint16Array(0);
  private values = new Uint32Array(0);
  private delta = new Map<number, number[]>();
  private deltaEntries = 0;
  private pending: EntryList | undefined = new EntryList();

  /** Entries in the sorted arrays and the delta (dead values included until the next merge). */
  get size(): number {
    return this.values.length + this.deltaEntries + (this.pending?.length ?? 0);
  }

  /**
   * Adds an entry: while a bulk load is open ({@link beginBulk}; a new index starts in one) it is
   * only collected, and sorted in by {@link seal} or the next lookup; otherwise it goes to the delta.
   */
  add(hash: number, value: number): void {
    if (this.pending) {
      this.pending.push(hash, value);
      return;
    }
    const list = this.delta.get(hash);
    if (list) list.push(value);
    else this.delta.set(hash, [value]);
    this.deltaEntries++;
  }

  /** Opens a bulk load: entries are collected until {@link seal} sorts them in at once. */
  beginBulk(): void {
    this.pending ??= new EntryList();
  }

  /** Sorts what a bulk load collected into the index (merging it with what is already there). */
  seal(): void {
    const pending = this.pending;
    if (!pending) return;
    if (this.values.length === 0 && this.deltaEntries === 0) {
      this.pending = undefined;
      this.install(pending.hashes, pending.values, pending.length);
    } else {
      this.merge(() => true);
    }
  }

  /**
   * Whether the delta has grown large enough to merge: an eighth of the index, so merges cost a
   * constant factor over all additions, but at most 2^18 entries, so the `Map` stays a few MB.
   */
  get wantsMerge(): boolean {
    return this.deltaEntries > Math.max(4096, Math.min(this.values.length >>> 3, 1 << 18));
  }

  /** Merges the delta and any bulk load into the sorted arrays, dropping entries `isAlive` rejects. */
  merge(isAlive: (value: number) => boolean): void {
    const list = this.pending ?? new EntryList();
    this.pending = undefined;
    if (list.length > 0) {
      // Entries of the bulk load may belong to dead slots too (a record replaced within the load).
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const value = list.values[i] as number;
        if (!isAlive(value)) continue;
        list.hashes[kept] = list.hashes[i] as number;
        list.values[kept++] = value;
      }
      list.length = kept;
    }
    const buckets = this.bucketStart.length - 1;
    for (let bucket = 0; bucket < buckets; bucket++) {
      const end = this.bucketStart[bucket + 1] as number;
      // The bucket gives the top bits, the stored half the low 16; where they overlap they agree.
      const top = this.shift === 32 ? 0 : (bucket << this.shift) >>> 0;
      for (let i = this.bucketStart[bucket] as number; i < end; i++) {
        const value = this.values[i] as number;
        if (isAlive(value)) list.push((top | (this.lowHashes[i] as number)) >>> 0, value);
      }
    }
    for (const [hash, values] of this.delta)
      for (const value of values) if (isAlive(value)) list.push(hash, value);
    this.delta = new Map();
    this.deltaEntries = 0;
    this.install(list.hashes, list.values, list.length);
  }

  /** Calls `visit` with every value stored under `hash` (dead ones included: the caller filters). */
  forEach(hash: number, visit: (value: number) => void): void {
    single[0] = hash;
    this.forEachOf(single, 1, visit);
  }

  /**
   * {@link forEach} for the first `count` hashes of `hashes`. The bucket bounds of all of them are
   * read first, then their first entries, then the scans: loads that do not depend on each other
   * let the processor wait for several cache misses at once (memory-level parallelism), where a
   * lookup at a time waits for each in turn. `visit` must not look anything up itself: the bounds
   * live in scratch arrays shared by every index.
   */
  forEachOf(hashes: Uint32Array, count: number, visit: (value: number) => void): void {
    // A bulk load still open is sorted in by the first lookup: loads in many batches are sorted
    // once, not once per batch (which re-sorted the whole index each time, quadratic in its size).
    if (this.pending) this.seal();
    if (starts.length < count) {
      starts = new Uint32Array(count * 2);
      ends = new Uint32Array(count * 2);
    }
    const shift = this.shift;
    for (let k = 0; k < count; k++) {
      const bucket = (hashes[k] as number) >>> shift;
      starts[k] = this.bucketStart[bucket] as number;
      ends[k] = this.bucketStart[bucket + 1] as number;
    }
    let touched = 0;
    for (let k = 0; k < count; k++) touched += this.lowHashes[starts[k] as number] ?? 0;
    for (let k = 0; k < count; k++) {
      const low = (hashes[k] as number) & 0xffff;
      const end = ends[k] as number;
      for (let i = starts[k] as number; i < end; i++) {
        const stored = this.lowHashes[i] as number;
        if (stored === low) visit(this.values[i] as number);
        else if (stored > low) break;
      }
      const added = this.deltaEntries > 0 ? this.delta.get(hashes[k] as number) : undefined;
      if (added) for (const value of added) visit(value);
    }
    lastTouched = touched;
  }

  /** Heap and buffer bytes held by the sorted arrays and an open bulk load (the delta is small and not counted). */
  get byteLength(): number {
    const pending = this.pending ? this.pending.hashes.byteLength + this.pending.values.byteLength : 0;
    return this.bucketStart.byteLength + this.lowHashes.byteLength + this.values.byteLength + pending;
  }

  /**
   * Two stable counting-sort passes (low 16 bits, then the bucket bits): a least-significant-digit
   * radix sort, linear in the entry count, where a comparison sort of millions of pairs is not.
   */
  private install(hashes: Uint32Array, values: Uint32Array, length: number): void {
    let bits = MIN_BUCKET_BITS;
    while (bits < MAX_BUCKET_BITS && length / (1 << bits) > ENTRIES_PER_BUCKET) bits++;
    const shift = 32 - bits;
    const buckets = 1 << bits;
    const lowCounts = new Uint32Array(0x10000 + 1);
    const highCounts = new Uint32Array(buckets + 1);
    for (let i = 0; i < length; i++) {
      const hash = hashes[i] as number;
      const low = (hash & 0xffff) + 1;
      const high = (hash >>> shift) + 1;
      lowCounts[low] = (lowCounts[low] as number) + 1;
      highCounts[high] = (highCounts[high] as number) + 1;
    }
    for (let b = 0; b < 0x10000; b++)
      lowCounts[b + 1] = (lowCounts[b + 1] as number) + (lowCounts[b] as number);
    for (let b = 0; b < buckets; b++)
      highCounts[b + 1] = (highCounts[b + 1] as number) + (highCounts[b] as number);
    const byLowHash = new Uint32Array(length);
    const byLowValue = new Uint32Array(length);
    for (let i = 0; i < length; i++) {
      const hash = hashes[i] as number;
      const at = lowCounts[hash & 0xffff] as number;
      lowCounts[hash & 0xffff] = at + 1;
      byLowHash[at] = hash;
      byLowValue[at] = values[i] as number;
    }
    this.bucketStart = highCounts.slice();
    this.shift = shift;
    const lowHashes = new Uint16Array(length);
    const sortedValues = new Uint32Array(length);
    for (let i = 0; i < length; i++) {
      const hash = byLowHash[i] as number;
      const at = highCounts[hash >>> shift] as number;
      highCounts[hash >>> shift] = at + 1;
      lowHashes[at] = hash & 0xffff;
      sortedValues[at] = byLowValue[i] as number;
    }
    this.lowHashes = lowHashes;
    this.values = sortedValues;
  }
}
