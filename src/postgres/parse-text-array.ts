/**
 * A one-dimensional `text[]` as PostgreSQL writes it in text format (`{a,"b c",NULL}`), read in
 * one pass: an unquoted element is one `slice`, a quoted one is sliced between its escapes. The
 * parser node-postgres uses by default (postgres-array) makes an object for every character, which
 * was the largest single part of the memory a check with the PostgreSQL directory allocated (about
 * 4 KB of 34 KB a check at 16 in flight, V8's sampling heap profiler), and so of its garbage
 * collection.
 *
 * PostgreSQL's array output (PostgreSQL manual, "Arrays", 8.15.6; array_out in
 * src/backend/utils/adt/arrayfuncs.c) quotes an element that is empty, is `NULL` in any case,
 * or holds a brace, a comma, a double quote, a backslash or white space, and escapes `"` and `\`
 * inside the quotes with a backslash; an unquoted `NULL` is the null value. A literal this does not
 * read (more than one dimension, bounds other than 1, as `[0:1]={a,b}`) is refused with an error
 * naming it: the directory's columns and the arrays its statements build have neither.
 *
 * @example
 * ```ts
 * parseTextArray('{anna@example.se,"a b",NULL}'); // ['anna@example.se', 'a b', null]
 * ```
 */
export function parseTextArray(literal: string): (string | null)[] {
  const last = literal.length - 1;
  if (literal[0] !== '{' || literal[last] !== '}' || literal[1] === '{') {
    throw new Error(`not a one-dimensional text[] literal: ${JSON.stringify(literal.slice(0, 40))}`);
  }
  const elements: (string | null)[] = [];
  if (last === 1) return elements;
  let at = 1;
  while (at < last) {
    if (literal[at] === '"') {
      let value = '';
      let from = at + 1;
      let end = from;
      for (; end < last && literal[end] !== '"'; end++) {
        if (literal[end] === '\\') {
          value += literal.slice(from, end);
          end++;
          from = end;
        }
      }
      elements.push(value + literal.slice(from, end));
      at = end + 2; // the closing quote and the comma (or the closing brace)
    } else {
      let end = literal.indexOf(',', at);
      if (end === -1 || end > last) end = last;
      const value = literal.slice(at, end);
      elements.push(value === 'NULL' ? null : value);
      at = end + 1;
    }
  }
  return elements;
}
