/** One e-mail address found in a text, with its offset. */
export interface FoundText {
  readonly index: number;
  readonly value: string;
}

// The characters of a local part and of a domain as addresses are written in running text (the
// dot-atom of RFC 5322 §3.2.3, narrowed to what order confirmations contain).
const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;
const LETTER = /[A-Za-z]/;

/**
 * The e-mail addresses in a text, as the pattern
 * `[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}` finds them, in one pass. The
 * pattern itself backtracks: on a long run of letters without an @ it reads the rest of the run from
 * every letter, so 100 KB took seconds. Here each @ looks left and right only as far as the
 * characters an address can hold, and never past the @ before or after it, so every character is
 * read a bounded number of times.
 */
export function* findEmailAddresses(text: string): Generator<FoundText> {
  let taken = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < taken) continue;
    let start = at;
    while (start > taken && LOCAL.test(text[start - 1] ?? '')) start -= 1;
    if (start === at) continue;
    let stretch = at + 1;
    while (stretch < text.length && DOMAIN.test(text[stretch] ?? '')) stretch += 1;
    const end = domainEnd(text, at + 1, stretch);
    if (end === undefined) continue;
    yield { index: start, value: text.slice(start, end) };
    taken = end;
  }
}

/**
 * Where the longest domain `label(.label)*.letters` starting at `from` ends within `[from, to)`,
 * or undefined. Labels are not empty, so the domain stops before the first `..`; the last label is the
 * run of letters after the last dot that has at least two. Reads only `[from, to)`.
 */
function domainEnd(text: string, from: number, to: number): number | undefined {
  if (from >= to || text[from] === '.') return undefined;
  let limit = from + 1;
  while (limit < to && !(text[limit] === '.' && text[limit - 1] === '.')) limit += 1;
  // A `..` ends the domain before its first dot.
  if (limit < to) limit -= 1;
  for (let dot = limit - 1; dot > from; dot -= 1) {
    if (text[dot] !== '.') continue;
    let end = dot + 1;
    while (end < limit && LETTER.test(text[end] ?? '')) end += 1;
    if (end - dot - 1 >= 2) return end;
  }
  return undefined;
}
