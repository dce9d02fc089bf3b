/**
 * The path (`customer.name`, `list.1.a`) of the first object key written twice in `json`, valid
 * JSON text; undefined when no key repeats. RFC 8259 §4 says names SHOULD be unique and leaves a
 * repeat to the reader: `JSON.parse` keeps the last value and drops the earlier ones without a
 * word, so a reader that must lose nothing asks this first. One pass over the text, no regular
 * expression: a key's text is decoded only when it holds an escape.
 *
 * @example
 * ```ts
 * repeatedJsonKey('{"detectedAt":"a","detectedAt":"b"}'); // 'detectedAt'
 * ```
 */
export function repeatedJsonKey(json: string): string | undefined {
  // One frame per open object or array: the keys seen in an object, the index reached in an array.
  const frames: { keys: Set<string> | undefined; name: string; index: number }[] = [];
  let expectKey = false;
  let i = 0;
  while (i < json.length) {
    const code = json.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(json, i);
      const frame = frames[frames.length - 1];
      if (expectKey && frame?.keys) {
        const raw = json.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end)) as string) : raw;
        if (frame.keys.has(key)) return [...frames.slice(0, -1).map((open) => open.name), key].join('.');
        frame.keys.add(key);
        frame.name = key;
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (code === OPEN_BRACE) {
      frames.push({ keys: new Set(), name: '', index: 0 });
      expectKey = true;
    } else if (code === OPEN_BRACKET) {
      frames.push({ keys: undefined, name: '0', index: 0 });
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      frames.pop();
    } else if (code === COMMA) {
      const frame = frames[frames.length - 1];
      if (frame?.keys) expectKey = true;
      else if (frame) frame.name = String(++frame.index);
    }
    i++;
  }
  return undefined;
}

/**
 * The members of the object `json` (valid JSON text) as written: each key, decoded, with its
 * value's text, in order, a key written twice given twice. `JSON.parse` keeps only the last of a
 * repeated key (RFC 8259 §4); a reader that must keep every value (two addresses under `email`)
 * parses each value's text itself. One pass over the text: a nested value is skipped by counting
 * its brackets, strings in it by their closing quote.
 *
 * @example
 * ```ts
 * jsonObjectMembers('{"email":"a@x.se","email":"b@x.se"}'); // [['email', '"a@x.se"'], ['email', '"b@x.se"']]
 * ```
 */
export function jsonObjectMembers(json: string): [key: string, value: string][] {
  const members: [key: string, value: string][] = [];
  let i = json.indexOf('{') + 1;
  while (i > 0 && i < json.length) {
    const keyStart = json.indexOf('"', i);
    if (keyStart === -1) break;
    const keyEnd = stringEnd(json, keyStart);
    const raw = json.slice(keyStart + 1, keyEnd - 1);
    const key = raw.includes('\\') ? (JSON.parse(json.slice(keyStart, keyEnd)) as string) : raw;
    let start = json.indexOf(':', keyEnd) + 1;
    while (isWhitespace(json.charCodeAt(start))) start++;
    // The value ends at the comma or brace that closes this member, outside nested brackets and strings.
    let depth = 0;
    let end = start;
    while (end < json.length) {
      const code = json.charCodeAt(end);
      if (code === QUOTE) {
        end = stringEnd(json, end);
        continue;
      }
      if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (depth === 0) break;
        depth--;
      } else if (code === COMMA && depth === 0) break;
      end++;
    }
    let valueEnd = end;
    while (valueEnd > start && isWhitespace(json.charCodeAt(valueEnd - 1))) valueEnd--;
    members.push([key, json.slice(start, valueEnd)]);
    if (json.charCodeAt(end) !== COMMA) break;
    i = end + 1;
  }
  return members;
}

/** JSON's insignificant whitespace (RFC 8259 §2): space, tab, line feed, carriage return. */
function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** The index after the closing quote of the JSON string that opens at `start`. */
function stringEnd(json: string, start: number): number {
  let i = json.indexOf('"', start + 1);
  while (i !== -1) {
    // A quote is escaped when an odd number of backslashes stands before it.
    let backslashes = 0;
    while (json.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i + 1;
    i = json.indexOf('"', i + 1);
  }
  return json.length;
}
