import { swedishQwertyRows } from './data/keyboard-layout.js';

const neighbourCache = new WeakMap<readonly string[], ReadonlyMap<string, ReadonlySet<string>>>();

function neighboursOf(rows: readonly string[]): ReadonlyMap<string, ReadonlySet<string>> {
  let map = neighbourCache.get(rows);
  if (map) return map;
  const built = new Map<string, Set<string>>();
  const link = (a: string | undefined, b: string | undefined) => {
    if (!a || !b) return;
    if (!built.has(a)) built.set(a, new Set());
    if (!built.has(b)) built.set(b, new Set());
    built.get(a)?.add(b);
    built.get(b)?.add(a);
  };
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      link(row[c], row[c + 1]);
      // Each row sits half a key right of the one above: key c touches c and c+1 of the row above.
      const above = rows[r - 1];
      if (above) {
        link(row[c], above[c]);
        link(row[c], above[c + 1]);
      }
    }
  });
  map = built;
  neighbourCache.set(rows, map);
  return map;
}

/**
 * Whether two characters sit next to each other on the keyboard (case-insensitive).
 *
 * @example
 * ```ts
 * areKeyboardNeighbours('n', 'm'); // true
 * areKeyboardNeighbours('l', 'i'); // false
 * ```
 */
export function areKeyboardNeighbours(
  a: string,
  b: string,
  rows: readonly string[] = swedishQwertyRows,
): boolean {
  return neighboursOf(rows).get(a.toLowerCase())?.has(b.toLowerCase()) ?? false;
}
