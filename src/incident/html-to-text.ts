const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  aring: 'å',
  auml: 'ä',
  ouml: 'ö',
  Aring: 'Å',
  Auml: 'Ä',
  Ouml: 'Ö',
  eacute: 'é',
  uuml: 'ü',
  euro: '€',
};

// Elements whose content a reader never sees (HTML Living Standard §4.2: metadata, scripting).
const HIDDEN = ['head', 'style', 'script'] as const;
// A link target, up to its closing quote: one quote after `href=`, so each `href` reads once.
const HREF = /\bhref\s{0,100}=\s{0,100}["']/gi;
// Tags that end a line or a table cell; bounded white space keeps each try short.
const LINE_BREAK = /<br\s{0,100}\/?>|<\/(?:p|div|tr|li|h[1-6]|table)\s{0,100}>/gi;
const CELL_END = /<\/t[dh]\s{0,100}>/gi;
// White space in the source as CSS collapses it: spaces, tabs, line feeds, carriage returns, form feeds.
const SOURCE_SPACE = /[ \t\n\r\f]+/g;
// Entity names are at most 31 characters long, numeric references at most 8 digits (WHATWG
// named character references; U+10FFFF is 1114111).
const ENTITY = /&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,31});/gi;

/**
 * The words of an HTML part as a reader sees them, plus every link target (a reset link hides
 * there). The text comes from a message someone else wrote, so every step takes time in proportion
 * to it: tags and hidden elements are found with `indexOf` (a pattern such as `<[^>]*>` reads the
 * rest of the text again from every `<` that is never closed), and no pattern has an unbounded
 * repetition that another can take over.
 */
export function htmlToText(html: string): string {
  const links: string[] = [];
  // The next double and single quote at or after a place, each found once per place it is passed.
  const nextQuote = { '"': -1, "'": -1 };
  const quoteAt = (quote: '"' | "'", from: number) => {
    if (nextQuote[quote] !== Number.POSITIVE_INFINITY && nextQuote[quote] < from) {
      const found = html.indexOf(quote, from);
      nextQuote[quote] = found === -1 ? Number.POSITIVE_INFINITY : found;
    }
    return nextQuote[quote];
  };
  HREF.lastIndex = 0;
  for (let match = HREF.exec(html); match; match = HREF.exec(html)) {
    const from = match.index + match[0].length;
    // As `["']([^"']+)["']` reads it: the target ends at the next quote of either kind.
    const to = Math.min(quoteAt('"', from), quoteAt("'", from));
    if (to === Number.POSITIVE_INFINITY) break;
    if (to > from) {
      links.push(decodeEntities(html.slice(from, to)));
      HREF.lastIndex = to + 1;
    } else HREF.lastIndex = match.index + 1;
  }
  // A run of white space in the source, line breaks included, shows as one space (HTML Living
  // Standard and CSS Text 3 §4.1.1, `white-space: normal`): only a `<br>` or the end of a block
  // breaks the line, so an address written on lines after `<br>` reads as it does on the screen.
  const text = stripTags(
    dropHidden(html).replace(SOURCE_SPACE, ' ').replace(LINE_BREAK, '\n').replace(CELL_END, '\t'),
  );
  return `${decodeEntities(trimLineEnds(text))}\n${links.join('\n')}`;
}

/** Replaces `<head>…</head>`, `<style>…</style>` and `<script>…</script>` with a space. */
function dropHidden(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let at = 0;
  // Each name's end tag is looked for once from each opening; when there is none, no later opening
  // of that name can close either, so the name is not looked for again.
  // Where each name opens next, found again only once `at` has passed it. An end tag is looked for
  // once from each opening; when there is none, no later opening of that name can close either.
  const opening = new Map<string, number>(HIDDEN.map((name) => [name, -1]));
  for (;;) {
    let next = -1;
    let name = '';
    for (const [candidate, cached] of opening) {
      let found = cached;
      if (found < at) {
        found = findOpening(lower, candidate, at);
        if (found === -1) {
          opening.delete(candidate);
          continue;
        }
        opening.set(candidate, found);
      }
      if (next === -1 || found < next) {
        next = found;
        name = candidate;
      }
    }
    if (next === -1) break;
    const endTag = findEndTag(lower, name, next + name.length + 1);
    if (endTag === undefined) {
      opening.delete(name);
      continue;
    }
    parts.push(html.slice(at, next), ' ');
    at = endTag;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** The next `<name` at or after `from` that is followed by something other than a letter or digit. */
function findOpening(lower: string, name: string, from: number): number {
  for (let at = lower.indexOf(`<${name}`, from); at !== -1; at = lower.indexOf(`<${name}`, at + 1)) {
    if (!/[a-z0-9_]/.test(lower[at + name.length + 1] ?? '')) return at;
  }
  return -1;
}

/** The end of the first `</name` + white space + `>` at or after `from`. */
function findEndTag(lower: string, name: string, from: number): number | undefined {
  for (let at = lower.indexOf(`</${name}`, from); at !== -1; at = lower.indexOf(`</${name}`, at + 1)) {
    let end = at + name.length + 2;
    while (end < lower.length && /\s/.test(lower[end] ?? '')) end += 1;
    if (lower[end] === '>') return end + 1;
  }
  return undefined;
}

/** Removes every `<…>`; a `<` that no `>` follows, and what comes after it, are kept. */
function stripTags(html: string): string {
  const parts: string[] = [];
  let at = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', at)) {
    const close = html.indexOf('>', open + 1);
    if (close === -1) break;
    parts.push(html.slice(at, open));
    at = close + 1;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/**
 * Drops spaces and tabs before each line break, and the space a collapsed source line break leaves
 * at the start of a line (`<br>` and a new line in the source), so that a label opens its line.
 */
function trimLineEnds(text: string): string {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    let start = 0;
    if (index > 0) while (start < line.length && line[start] === ' ') start += 1;
    let end = line.length;
    if (index < lines.length - 1)
      while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
    if (start > 0 || end < line.length) lines[index] = line.slice(start, end);
  }
  return lines.join('\n');
}

/** Decodes named and numeric character references; unknown ones are kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return safeCodePoint(Number.parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(Number(name.slice(1)), whole);
    return ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
