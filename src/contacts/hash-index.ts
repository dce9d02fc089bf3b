/**
 * A multimap from 32-bit hashes to 32-bit values (customer slots), built for millions of entries.
 *
 * A V8 `Map` holds at most 2^24 entries and costs tens of bytes per entry, so the bulk of the index
 * lives in typed arrays: entries sorted by hash, the top 16 bits of each hash implied by a bucket
 * table and only the low 16 bits stored (6 bytes per entry). Entries added later sit in a small
 * `Map` delta that is merged into the sorted arrays once it grows. Removal is the caller's: values
 * whose slot is dead are skipped on lookup and dropped on the next merge.
 *
 * Hashes may collide; every caller verifies what a value stands for before trusting it.
 */

const BUCKETS = 1 << 16;

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

/** The hash of `domain@` that {@link hashVariant} continues from (computed once per address). */
export function hashDomain(domain: string): number {
  return fnvStep(hashSkipping(domain, -1), 0x40);
}

/**
 * The hash of a local part with its character at `skip` left out, under `domainHash`
 * ({@link hashDomain}). The domain comes first so its hash is computed once for all variants.
 */
export function hashVariant(local: string, skip: number, domainHash: number): number {
  return hashSkipping(local, skip, domainHash) >>> 0;
}

/**
 * Calls `visit` once for every distinct string made from `text` by deleting at most one character:
 * `skip` is `-1` for `text` itself, else the deleted position. Deleting any character of a run of
 * equal characters gives the same string, so only the first of each run is visited.
 */
export function forEachDeletion(text: string, visit: (skip: number) => void): void {
  visit(-1);
  for (let i = 0; i < text.length; i++) if (i === 0 || text[i] !== text[i - 1]) visit(i);
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

export class HashIndex {
  /** `bucketStart[h >>> 16]` .. `bucketStart[(h >>> 16) + 1]` hold the entries of hashes with those top bits. */
  private bucketStart = new Uint32Array(BUCKETS + 1);
  private lowHashes = new Uint16Array(0);
  private values = new Uint32Array(0);
  private delta = new Map<number, number[]>();
  private deltaEntries = 0;
  private pending: EntryList | undefined = new EntryList();

  /** Entries in the sorted arrays and the delta (dead values included until the next merge). */
  get size(): number {
    return this.values.length + this.deltaEntries + (this.pending?.length ?? 0);
  }

  /** Adds an entry. Before {@link seal} entries are only collected; afterwards they go to the delta. */
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

  /** Sorts what was collected in bulk. Lookups before sealing seal first. */
  seal(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.install(pending.hashes, pending.values, pending.length);
  }

  /** Whether the delta has grown large enough that lookups gain from a merge. */
  get wantsMerge(): boolean {
    return this.deltaEntries > Math.max(4096, this.values.length >>> 3);
  }

  /** Merges the delta into the sorted arrays, dropping entries whose value `isAlive` rejects. */
  merge(isAlive: (value: number) => boolean): void {
    this.seal();
    const list = new EntryList();
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const end = this.bucketStart[bucket + 1] as number;
      for (let i = this.bucketStart[bucket] as number; i < end; i++) {
        const value = this.values[i] as number;
        if (isAlive(value)) list.push(((bucket << 16) | (this.lowHashes[i] as number)) >>> 0, value);
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
    this.seal();
    const bucket = hash >>> 16;
    const low = hash & 0xffff;
    let lo = this.bucketStart[bucket] as number;
    let hi = this.bucketStart[bucket + 1] as number;
    // Binary search for the first entry with this low half; a bucket holds ~size/65536 entries.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.lowHashes[mid] as number) < low) lo = mid + 1;
      else hi = mid;
    }
    const end = this.bucketStart[bucket + 1] as number;
    for (let i = lo; i < end && this.lowHashes[i] === low; i++) visit(this.values[i] as number);
    const added = this.deltaEntries > 0 ? this.delta.get(hash) : undefined;
    if (added) for (const value of added) visit(value);
  }

  /** Heap and buffer bytes held by the sorted arrays (the delta is small and not counted). */
  get byteLength(): number {
    return this.bucketStart.byteLength + this.lowHashes.byteLength + this.values.byteLength;
  }

  /**
   * Two stable counting-sort passes (low 16 bits, then high 16 bits): a least-significant-digit
   * radix sort, linear in the entry count, where a comparison sort of millions of pairs is not.
   */
  private install(hashes: Uint32Array, values: Uint32Array, length: number): void {
    const lowCounts = new Uint32Array(BUCKETS + 1);
    const highCounts = new Uint32Array(BUCKETS + 1);
    for (let i = 0; i < length; i++) {
      const hash = hashes[i] as number;
      const low = (hash & 0xffff) + 1;
      const high = (hash >>> 16) + 1;
      lowCounts[low] = (lowCounts[low] as number) + 1;
      highCounts[high] = (highCounts[high] as number) + 1;
    }
    for (let b = 0; b < BUCKETS; b++) {
      lowCounts[b + 1] = (lowCounts[b + 1] as number) + (lowCounts[b] as number);
      highCounts[b + 1] = (highCounts[b + 1] as number) + (highCounts[b] as number);
    }
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
    const lowHashes = new Uint16Array(length);
    const sortedValues = new Uint32Array(length);
    for (let i = 0; i < length; i++) {
      const hash = byLowHash[i] as number;
      const at = highCounts[hash >>> 16] as number;
      highCounts[hash >>> 16] = at + 1;
      lowHashes[at] = hash & 0xffff;
      sortedValues[at] = byLowValue[i] as number;
    }
    this.lowHashes = lowHashes;
    this.values = sortedValues;
  }
}
