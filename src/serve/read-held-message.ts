import { simpleParser } from 'mailparser';
import { htmlToText } from '../incident/html-to-text.js';

/** What the review page and `GET /v1/holds/:id` show of a held message. */
export interface HeldMessageContent {
  readonly subject?: string;
  /** The header fields a reviewer needs to tell the message, decoded (RFC 2047), in this order. */
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  /** The body as plain text: the text part, or the HTML part converted to text. */
  readonly text: string;
}

// The fields that tell which message it is and where it was going; the rest (Received, DKIM, MIME
// plumbing) says nothing a reviewer acts on.
const SHOWN = ['from', 'to', 'cc', 'bcc', 'reply-to', 'subject', 'date', 'message-id'] as const;

/**
 * Reads a held message's headers and body text with mailparser. The HTML part is never rendered:
 * it is turned into text, so nothing it links (images, fonts, tracking pixels) can load on the
 * reviewer's screen.
 *
 * @example
 * ```ts
 * const content = await readHeldMessage(held.raw);
 * content.headers.find((header) => header.name === 'Subject')?.value;
 * ```
 */
export async function readHeldMessage(raw: Buffer): Promise<HeldMessageContent> {
  const parsed = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const headers: { name: string; value: string }[] = [];
  for (const key of SHOWN) {
    const line = parsed.headerLines.find((entry) => entry.key === key);
    if (!line) continue;
    const value = parsed.headers.get(key);
    headers.push({ name: line.line.slice(0, line.line.indexOf(':')), value: headerText(value, line.line) });
  }
  // Custom fields (RFC 6648: `X-` names, still what order systems add) carry what the sender
  // added to tell the message apart (an order number, a campaign): shown after, in message order.
  // mailparser keeps a field that appears more than once as one array of its decoded values, in
  // message order: each line shows its own value, so a repeated field is not shown joined twice.
  const seen = new Map<string, number>();
  for (const line of parsed.headerLines) {
    if (!line.key.startsWith('x-')) continue;
    const occurrence = seen.get(line.key) ?? 0;
    seen.set(line.key, occurrence + 1);
    const value = parsed.headers.get(line.key);
    headers.push({
      name: line.line.slice(0, line.line.indexOf(':')),
      value: headerText(Array.isArray(value) ? value[occurrence] : value, line.line),
    });
  }
  const text =
    typeof parsed.text === 'string' && parsed.text.trim() !== ''
      ? parsed.text
      : typeof parsed.html === 'string'
        ? htmlToText(parsed.html)
        : '';
  return { ...(parsed.subject === undefined ? {} : { subject: parsed.subject }), headers, text };
}

function headerText(value: unknown, line: string): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (Array.isArray(value)) return value.map((item) => headerText(item, '')).join(', ');
  // A field mailparser structures otherwise: its raw value after the colon, unfolded.
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
