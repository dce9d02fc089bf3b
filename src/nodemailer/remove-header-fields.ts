import { findHeaderEnd } from '../pipeline/find-header-end.js';

// A multipart entity's boundary parameter, quoted or a token (RFC 2045 §5.1, RFC 2046 §5.1.1).
const BOUNDARY = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i;
// How deep multiparts inside multiparts are opened. RFC 2046 sets no limit; a reader stops
// somewhere (mailparser at its own depth), and one opened this deep is no real order confirmation.
const MAX_DEPTH = 32;

/**
 * Removes every field with one of `names` (compared without case, RFC 5322 §1.2.2) from a raw
 * message's header section, folded continuation lines included (RFC 5322 §2.2.3), and from the
 * header of every MIME part of a multipart body (RFC 2046 §5.1), at any depth; everything else, the
 * bodies, preamble and epilogue included, stays byte for byte. Used to keep a field that only this
 * library reads (the customer id) from reaching the recipient, who sees a part's fields as well as
 * the message's (a mail reader shows them in its source view, and a forward keeps them).
 *
 * @example
 * ```ts
 * removeHeaderFields(Buffer.from('To: a@x.se\r\nx-customer-id: C-1\r\n\r\nHej'), ['X-Customer-Id']);
 * // 'To: a@x.se\r\n\r\nHej'
 * ```
 */
export function removeHeaderFields(raw: Buffer, names: readonly string[]): Buffer {
  const found = findHeaderEnd(raw);
  const end = found === -1 ? raw.length : found;
  const header = raw.subarray(0, end).toString('latin1');
  const drop = new Set(names.map((name) => name.trim().toLowerCase()));
  // Keep the message's own line ending (RFC 5322 §2.1 says CRLF; stored mail sometimes has LF).
  const newline = header.includes('\n') && !header.includes('\r\n') ? '\n' : '\r\n';
  const kept: string[] = [];
  let dropping = false;
  let removed = false;
  for (const line of header.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    // RFC 5322 §4.5.1 (obsolete syntax) allows white space before the colon: `X-Customer-Id :`.
    const name = fieldName(line);
    dropping = name !== undefined && drop.has(name);
    if (dropping) removed = true;
    else kept.push(line);
  }
  const text = raw.toString('latin1');
  const cuts: [number, number][] = [];
  cutFromParts(
    text,
    { start: end, end: raw.length },
    boundaryOf(fieldsIn(header, 0, header.length)),
    drop,
    cuts,
  );
  if (!removed && cuts.length === 0) return raw;
  const head = removed ? Buffer.from(kept.join(newline) + newline + newline, 'latin1') : raw.subarray(0, end);
  const pieces = [head];
  let at = end;
  for (const [start, stop] of cuts) {
    pieces.push(raw.subarray(at, start));
    at = stop;
  }
  pieces.push(raw.subarray(at));
  return Buffer.concat(pieces);
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** One header field: its lower-case name, its unfolded value, and its lines' span with their line ends. */
interface Field extends Span {
  readonly name: string | undefined;
  readonly value: string;
}

function fieldName(line: string): string | undefined {
  return /^([^:]+):/.exec(line)?.[1]?.trim().toLowerCase();
}

/** The fields of a header section (a field's continuation lines with it). */
function fieldsIn(text: string, start: number, end: number): Field[] {
  const fields: Field[] = [];
  let field: { start: number; lines: string[] } | undefined;
  const close = (at: number) => {
    if (!field) return;
    const [first = '', ...rest] = field.lines;
    fields.push({
      name: fieldName(first),
      value: [first.slice(first.indexOf(':') + 1), ...rest].join(''),
      start: field.start,
      end: at,
    });
    field = undefined;
  };
  for (let at = start; at < end; ) {
    const next = lineEnd(text, at, end);
    const line = text.slice(at, next).replace(/\r?\n$/, '');
    if (/^[ \t]/.test(line) && field) field.lines.push(line);
    else {
      close(at);
      if (line !== '') field = { start: at, lines: [line] };
    }
    at = next;
  }
  close(end);
  return fields;
}

/** The offset just past the line that starts at `at` (its LF included), at most `end`. */
function lineEnd(text: string, at: number, end: number): number {
  const lf = text.indexOf('\n', at);
  return lf === -1 || lf >= end ? end : lf + 1;
}

/** The boundary of a multipart entity, from its Content-Type field; `undefined` for any other. */
function boundaryOf(fields: readonly Field[]): string | undefined {
  const contentType = fields.find((field) => field.name === 'content-type')?.value ?? '';
  if (!/^\s*multipart\//i.test(contentType)) return undefined;
  const match = BOUNDARY.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Adds the span of each dropped field in the header of each part of a multipart body to `cuts`, in
 * order, then does the same inside each part that is a multipart itself.
 */
function cutFromParts(
  text: string,
  body: Span,
  boundary: string | undefined,
  drop: ReadonlySet<string>,
  cuts: [number, number][],
  depth = 0,
): void {
  if (boundary === undefined || depth >= MAX_DEPTH) return;
  for (const part of partsOf(text, body, boundary)) {
    const headerEnd = partHeaderEnd(text, part);
    const fields = fieldsIn(text, part.start, headerEnd);
    for (const field of fields)
      if (field.name !== undefined && drop.has(field.name)) cuts.push([field.start, field.end]);
    cutFromParts(text, { start: headerEnd, end: part.end }, boundaryOf(fields), drop, cuts, depth + 1);
  }
}

/**
 * The parts of a multipart body: what stands between one delimiter line (`--` and the boundary,
 * maybe white space after it) and the next, up to the close delimiter (the boundary and `--`) or,
 * when there is none, the body's end, as a lenient reader takes a message cut short (RFC 2046 §5.1.1).
 */
function partsOf(text: string, body: Span, boundary: string): Span[] {
  const parts: Span[] = [];
  const delimiter = `--${boundary}`;
  let partStart: number | undefined;
  for (let at = body.start; at < body.end; ) {
    const next = lineEnd(text, at, body.end);
    if (text.startsWith(delimiter, at)) {
      const rest = text.slice(at + delimiter.length, next).replace(/\r?\n$/, '');
      if (/^(?:--)?[ \t]*$/.test(rest)) {
        if (partStart !== undefined) parts.push({ start: partStart, end: at });
        if (rest.startsWith('--')) return parts;
        partStart = next;
      }
    }
    at = next;
  }
  if (partStart !== undefined) parts.push({ start: partStart, end: body.end });
  return parts;
}

/**
 * Where a part's header ends: past its first empty line. A part that starts with an empty line has
 * no fields at all (RFC 2046 §5.1.1), so its body, whatever it looks like, is never read as fields.
 */
function partHeaderEnd(text: string, part: Span): number {
  for (let at = part.start; at < part.end; ) {
    const next = lineEnd(text, at, part.end);
    if (/^\r?\n?$/.test(text.slice(at, next))) return at;
    at = next;
  }
  return part.end;
}
