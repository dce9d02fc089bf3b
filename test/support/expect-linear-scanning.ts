import { expect } from 'vitest';

/**
 * How much text `run` hands the regular-expression engine and the string searches, counted, not
 * timed: a count does not change when the machine is busy, so a growth test on it cannot fail from
 * load. Each `RegExp.prototype.exec` (which `match`, `matchAll`, `replace`, `split`, `search` and
 * `test` all call once it is replaced, ECMA-262 §22.2.7.1 RegExpExec) counts the characters from
 * where it starts to the end of its match, or to the end of the text where it finds none (a sticky
 * one that fails looks at one); `indexOf` and `includes` count the same way. A reader that scans the
 * rest of the text again for each thing it finds counts n² at n; one that reads once counts n.
 * What it does not see: the backtracking inside one match, and loops that use no search at all.
 */
export function scannedCharacters(run: () => unknown): number {
  let scanned = 0;
  const exec = RegExp.prototype.exec;
  const indexOf = String.prototype.indexOf;
  const includes = String.prototype.includes;
  RegExp.prototype.exec = function countedExec(this: RegExp, input: string) {
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, text);
    scanned += 1 + (match ? match.index + match[0].length - from : this.sticky ? 1 : text.length - from);
    return match;
  };
  const searched = (text: string, search: string, from: number, found: number) =>
    1 + (found === -1 ? text.length - from : found - from + search.length);
  String.prototype.indexOf = function countedIndexOf(this: string, search: string, position?: number) {
    const found = indexOf.call(this, search, position);
    scanned += searched(String(this), String(search), Math.max(0, position ?? 0), found);
    return found;
  };
  String.prototype.includes = function countedIncludes(this: string, search: string, position?: number) {
    const found = indexOf.call(this, search, position);
    scanned += searched(String(this), String(search), Math.max(0, position ?? 0), found);
    return includes.call(this, search, position);
  };
  try {
    const result = run();
    if (result instanceof Promise) throw new Error('scannedCharacters counts synchronous work only');
  } finally {
    RegExp.prototype.exec = exec;
    String.prototype.indexOf = indexOf;
    String.prototype.includes = includes;
  }
  return scanned;
}

/** A case of {@link expectLinearScanning}: the input of size n, and the reading of it. */
export interface ScanningCase<T> {
  /** Builds the input of size n (outside the count). */
  readonly make: (n: number) => T;
  /** The reading whose scanning is counted; synchronous. */
  readonly run: (input: T) => unknown;
  /** The smaller size. */
  readonly n: number;
  /** How many times as much 4 times the input may scan. @default 6 (linear is 4, quadratic 16) */
  readonly limit?: number;
}

/** Fails when `run` scans more than `limit` times as much of 4n as of n. */
export function expectLinearScanning<T>(scanningCase: ScanningCase<T>): void {
  const small = scanningCase.make(scanningCase.n);
  const large = scanningCase.make(scanningCase.n * 4);
  const atN = scannedCharacters(() => scanningCase.run(small));
  const at4n = scannedCharacters(() => scanningCase.run(large));
  expect(
    at4n / Math.max(atN, 1),
    `scanned ${atN} characters at n=${scanningCase.n} and ${at4n} at 4n`,
  ).toBeLessThan(scanningCase.limit ?? 6);
}
