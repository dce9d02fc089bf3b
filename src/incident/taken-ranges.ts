interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * The parts of a text already claimed by a finding, as disjoint half-open ranges `[start, end)`.
 *
 * A text can hold hundreds of thousands of findings, so a claim must not be compared with every
 * range kept before. The ranges are kept sorted by start; being disjoint, they are sorted by end as
 * well, so the only one that can overlap a new range is the last that starts before the new one
 * ends, found by binary search. Each pattern reports its matches in order of position, so new ranges
 * go onto a pending run, merged into the sorted ranges in one pass when a range arrives out of order
 * (the next pattern starting again from the top of the text).
 */
export class TakenRanges {
  #settled: Range[] = [];
  #pending: Range[] = [];

  /** Claims `[start, end)` and answers true, unless it overlaps a range claimed before. */
  claim(start: number, end: number): boolean {
    if (start < (this.#pending.at(-1)?.start ?? start)) this.#settle();
    // The pending ranges are disjoint and start no later than this one: only the last can overlap it.
    if (start < (this.#pending.at(-1)?.end ?? start)) return false;
    if (this.#overlapsSettled(start, end)) return false;
    this.#pending.push({ start, end });
    return true;
  }

  #overlapsSettled(start: number, end: number): boolean {
    const settled = this.#settled;
    // The first settled range that starts at or after `end`; only the one before it can overlap.
    let low = 0;
    let high = settled.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((settled[middle]?.start ?? end) < end) low = middle + 1;
      else high = middle;
    }
    return (settled[low - 1]?.end ?? start) > start;
  }

  /** Merges the pending run into the settled ranges: both are sorted, so one linear pass. */
  #settle(): void {
    const merged: Range[] = [];
    const settled = this.#settled;
    const pending = this.#pending;
    let s = 0;
    let p = 0;
    while (s < settled.length || p < pending.length) {
      const next = settled[s];
      const other = pending[p];
      if (next && (!other || next.start < other.start)) {
        merged.push(next);
        s += 1;
      } else if (other) {
        merged.push(other);
        p += 1;
      }
    }
    this.#settled = merged;
    this.#pending = [];
  }
}
