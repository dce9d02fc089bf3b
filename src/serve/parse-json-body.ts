/** Why a JSON request body was refused: a title, the detail, and the field it names. */
export class JsonBodyError extends Error {
  readonly code = 'EMAIL_GUARD_JSON_BODY';
  constructor(
    readonly title: string,
    readonly detail: string,
    readonly field: string,
    /**
     * Fastify answers a parser's error with this status (then the server's error handler words
     * it): 400 for what the body holds, 415 for how it is sent (its charset, its compression).
     */
    readonly statusCode: 400 | 415 = 400,
  ) {
    super(title);
    this.name = 'JsonBodyError';
  }
}

// Keys that reach an object's prototype when a parsed body is merged into another object
// (prototype poisoning; the same two Fastify's secure-json-parse looks for). JSON.parse itself makes
// them plain own properties, so the body is parsed first and then searched.
const POISON_HINT = /proto|\\u/;

/**
 * A JSON request body, or a {@link JsonBodyError} saying what is wrong: empty, not valid JSON (at
 * which position, without quoting the body: it may hold addresses), or a `__proto__` or
 * `constructor.prototype` key (named by its path), or a key given twice in one object (named by its
 * path). `allowEmpty` takes an empty body as none, for
 * routes with nothing to send.
 *
 * @example
 * ```ts
 * parseJsonBody('{"entered": "a@b.se"}'); // { entered: 'a@b.se' }
 * parseJsonBody('{"entered": '); // throws JsonBodyError: the body breaks off before the JSON ends
 * ```
 */
export function parseJsonBody(text: string, options: { readonly allowEmpty?: boolean } = {}): unknown {
  if (text.trim() === '') {
    if (options.allowEmpty) return undefined;
    throw new JsonBodyError('The request body is empty', 'send a JSON object', 'body');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new JsonBodyError('The request body is not valid JSON', jsonProblem(error, text.length), 'body');
  }
  const twice = duplicateKey(text);
  if (twice)
    throw new JsonBodyError(
      'The request body has a key given twice',
      `the key ${twice.join('.')} is given twice in one object; give it once`,
      ['body', ...twice].join('.'),
    );
  if (POISON_HINT.test(text)) {
    const path = poisonedKey(value);
    if (path)
      throw new JsonBodyError(
        'The request body has a key that is refused',
        `the key ${path.join('.')} is refused: it would reach an object's prototype`,
        ['body', ...path].join('.'),
      );
  }
  if (SURROGATE_ESCAPE.test(text)) {
    const path = loneSurrogateAt(value);
    if (path) {
      const field = ['body', ...path].join('.');
      throw new JsonBodyError(
        'The request body has text that is not Unicode',
        `${field} holds a lone surrogate (half of a UTF-16 pair without its other half), which is no character: send the text as typed`,
        field,
      );
    }
  }
  return value;
}

/**
 * What JSON.parse found wrong, with its position, worded without the body: V8 quotes a piece of
 * the input in some messages (`Unexpected token 'x', "x…" is not valid JSON`).
 */
function jsonProblem(error: unknown, length: number): string {
  const message = error instanceof Error ? error.message : '';
  if (/^Unexpected end of JSON input/.test(message))
    return `not valid JSON: it breaks off at the end of the body (position ${length})`;
  const at = / in JSON at position (\d+)/.exec(message);
  if (at) {
    const reason = message.slice(0, at.index);
    return `not valid JSON at position ${at[1]}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  }
  const token = /^Unexpected token '(.)'/.exec(message);
  if (token) return 'not valid JSON: an unexpected character where a value should start';
  return 'not valid JSON';
}

/**
 * The path of the first `__proto__` or `constructor.prototype` key ({@link firstPath}).
 */
function poisonedKey(root: unknown): string[] | undefined {
  return firstPath(root, (key, child) => {
    if (key === '__proto__') return [key];
    if (
      key === 'constructor' &&
      typeof child === 'object' &&
      child !== null &&
      Object.hasOwn(child, 'prototype')
    )
      return [key, 'prototype'];
    return undefined;
  });
}

// Half of a UTF-16 surrogate pair without its other half (Unicode §3.9, D76): no character. With
// the `u` flag a pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;
// JSON text in UTF-8 can carry one only as an escape, `\ud800` (RFC 8259 §7, §8.2).
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * The path of the first key or string value holding a lone surrogate ({@link firstPath}): a
 * string that is no text. Checked, the address would be judged as something nobody can type, and
 * echoed, it makes the answer JSON that strict readers refuse (RFC 8259 §8.2).
 */
function loneSurrogateAt(root: unknown): string[] | undefined {
  if (typeof root === 'string') return LONE_SURROGATE.test(root) ? [] : undefined;
  return firstPath(root, (key, child) =>
    LONE_SURROGATE.test(key) || (typeof child === 'string' && LONE_SURROGATE.test(child)) ? [key] : undefined,
  );
}

/**
 * The path to the first key of which `found` says so, with what it adds to it, walked without
 * recursion; each entry links to its parent, so a deeply nested body costs time in its size, not
 * its depth squared.
 */
function firstPath(
  root: unknown,
  found: (key: string, child: unknown) => readonly string[] | undefined,
): string[] | undefined {
  interface Step {
    readonly value: unknown;
    readonly key?: string;
    readonly parent?: Step;
  }
  const pathOf = (step: Step, tail: readonly string[]): string[] => {
    const keys: string[] = [];
    for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) keys.push(at.key);
    return [...keys.reverse(), ...tail];
  };
  const stack: Step[] = [{ value: root }];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    const { value } = step;
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      const tail = found(key, child);
      if (tail) return pathOf(step, tail);
      stack.push({ value: child, key, parent: step });
    }
  }
  return undefined;
}

/**
 * The path of the first key given twice in one object of valid JSON text. RFC 8259 §4 leaves what a
 * parser does with it open: JSON.parse keeps the last silently, another reader of the same body
 * (a log, a proxy, the order system's own code) may keep the first, and a check must not pass an
 * address other than the one that is sent. One pass over the text, so the cost grows with its length.
 */
function duplicateKey(text: string): string[] | undefined {
  interface Frame {
    /** The keys of an object so far; none for an array. */
    readonly keys?: Set<string>;
    key?: string;
    index: number;
  }
  const stack: Frame[] = [];
  let expectKey = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) {
      // A string: find its end, stepping over escapes (the text is valid JSON, so it ends).
      let end = at + 1;
      let escaped = false;
      for (;;) {
        const next = text.charCodeAt(end);
        if (next === 0x5c) {
          escaped = true;
          end += 2;
        } else if (next === 0x22) break;
        else end++;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        // `"\u0065ntered"` is the key `entered`: escapes are read as JSON.parse reads them.
        const key = escaped ? (JSON.parse(text.slice(at, end + 1)) as string) : text.slice(at + 1, end);
        if (top.keys.has(key))
          return [
            ...stack.slice(0, -1).map((frame) => (frame.keys ? (frame.key ?? '') : String(frame.index))),
            key,
          ];
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      at = end;
    } else if (code === 0x7b) {
      stack.push({ keys: new Set(), index: 0 });
      expectKey = true;
    } else if (code === 0x5b) stack.push({ index: 0 });
    else if (code === 0x7d || code === 0x5d) stack.pop();
    else if (code === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
