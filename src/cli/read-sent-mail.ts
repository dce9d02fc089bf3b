import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { unreadableFailure } from './exit-codes.js';

/** The header of one sent message, and where to find the whole message again. */
export interface SentMessageHeader {
  /** Where it is, for a person: the file, or the mbox file and the line its `From ` line is on. */
  readonly where: string;
  /** The header section (no body), or undefined when it could not be read (see `problem`). */
  readonly header?: Buffer;
  readonly problem?: string;
  /** The whole message: a file, or a byte range of an mbox. */
  readonly location: { readonly file: string; readonly start?: number };
}

/** Header sections longer than this are not read (RFC 5322 sets no limit; real ones are a few KB). */
export const MAX_HEADER_BYTES = 256 * 1024;

export type SentMailKind = 'eml-file' | 'eml-folder' | 'maildir' | 'mbox';

/**
 * What kind of store the path is: a Maildir (cur/ and new/, or Maildir++ folders such as `.Sent`),
 * a folder of .eml files, one .eml file, or an mbox file.
 */
export async function sentMailKind(path: string, locale: CliLocale = 'en'): Promise<SentMailKind> {
  const text = cliTexts[locale];
  const info = await stat(path).catch(() => undefined);
  if (!info) throw unreadableFailure(`${path}: ${text.noSuchPath}`);
  if (info.isFile()) return path.toLowerCase().endsWith('.eml') ? 'eml-file' : 'mbox';
  if (!info.isDirectory()) throw unreadableFailure(`${path}: ${text.notFileOrFolder}`);
  return (await maildirFolders(path)).length > 0 ? 'maildir' : 'eml-folder';
}

/**
 * The mail folders of a Maildir: the top one when it has cur/ and new/, and each Maildir++ folder
 * (a subfolder whose name starts with a dot, such as `.Sent`, with its own cur/ and new/), where
 * Dovecot and Courier keep sent mail.
 */
async function maildirFolders(path: string): Promise<string[]> {
  const isMaildir = async (folder: string) => {
    const names = new Set(await readdir(folder).catch(() => [] as string[]));
    return names.has('cur') && names.has('new');
  };
  const folders: string[] = [];
  if (await isMaildir(path)) folders.push(path);
  const entries = await readdir(path, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isDirectory() || !entry.name.startsWith('.') || entry.name === '.' || entry.name === '..')
      continue;
    const folder = join(path, entry.name);
    if (await isMaildir(folder)) folders.push(folder);
  }
  return folders;
}

/**
 * The messages' files: the file itself, a folder's .eml files (a folder named like one, `x.eml`,
 * read as the folder of messages it is), or a Maildir's (cur/ and new/ of it and of its Maildir++
 * folders; tmp/ is not yet delivered, see {@link maildirTmpFiles}).
 */
export async function messageFiles(path: string, kind: Exclude<SentMailKind, 'mbox'>): Promise<string[]> {
  if (kind === 'eml-file') return [path];
  if (kind === 'maildir') {
    const files: string[] = [];
    for (const folder of await maildirFolders(path)) {
      for (const sub of ['cur', 'new']) {
        for (const name of (await readdir(join(folder, sub))).sort())
          if (!name.startsWith('.')) files.push(join(folder, sub, name));
      }
    }
    return files;
  }
  return emlFiles(path);
}

/**
 * The .eml files of a folder, by name; a folder among them named like a message (`november.eml`,
 * as some archivers and mail exports name one) is read as a folder, in its place, rather than
 * taken for a message that cannot be read. A link to a folder is not followed, so no link loops.
 */
async function emlFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.name.toLowerCase().endsWith('.eml')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await emlFiles(path)));
    else files.push(path);
  }
  return files;
}

/**
 * The tmp/ folders of a Maildir that hold files, and how many: not read, as a message there is
 * still being written (D. J. Bernstein, "Using maildir format": a message is written into tmp/ and
 * moved into new/ once whole; a reader looks only in new/ and cur/), and a mail program files the
 * sent copy the same way. Counted so that the audit can say what it left unread.
 */
export async function maildirTmpFiles(path: string): Promise<{ folder: string; files: number }[]> {
  const found: { folder: string; files: number }[] = [];
  for (const folder of await maildirFolders(path)) {
    const tmp = join(folder, 'tmp');
    const names = await readdir(tmp).catch(() => [] as string[]);
    const files = names.filter((name) => !name.startsWith('.')).length;
    if (files > 0) found.push({ folder: tmp, files });
  }
  return found;
}

/** Where the header section ends (the index of the empty line's first byte), or -1. */
function headerEnd(buffer: Buffer, from = 0): number {
  let index = buffer.indexOf(10, from);
  while (index >= 0) {
    const next = buffer[index + 1];
    if (next === 10) return index + 1;
    if (next === 13 && buffer[index + 2] === 10) return index + 1;
    if (next === undefined) return -1;
    index = buffer.indexOf(10, index + 1);
  }
  return -1;
}

/** Reads the header of one message file: only as many bytes as the header takes. */
export async function readFileHeader(file: string, locale: CliLocale = 'en'): Promise<SentMessageHeader> {
  const text = cliTexts[locale];
  // What is no file (a link to a folder, a named pipe called `x.eml`) is named and skipped before it
  // is opened: opening a named pipe waits for a writer that may never come.
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (!('isFile' in info))
    return { where: file, problem: text.cannotBeRead(info.code ?? info.message), location: { file } };
  if (!info.isFile()) return { where: file, problem: text.notMessageFile, location: { file } };
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => error);
  if (!('read' in handle))
    return { where: file, problem: text.cannotBeRead(handle.code ?? handle.message), location: { file } };
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(16 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      const read = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const buffer = withCrlfLineEnds(read);
      const end = headerEnd(buffer, buffer === read ? Math.max(0, length - bytesRead - 3) : 0);
      if (end >= 0) return { where: file, header: buffer.subarray(0, end), location: { file } };
      if (length > MAX_HEADER_BYTES)
        return {
          where: file,
          problem: text.headerTooLong(MAX_HEADER_BYTES),
          location: { file },
        };
    }
    // A message that is all header (no body) is still a message.
    if (length === 0) return { where: file, problem: text.emptyFile, location: { file } };
    return { where: file, header: withCrlfLineEnds(Buffer.concat(chunks)), location: { file } };
  } finally {
    await handle.close();
  }
}

/**
 * The bytes with old Mac line ends (a CR alone, and not one LF) written as CRLF (RFC 5322 §2.1):
 * read as they are, they end no line, and the message seems to have no recipients at all (issue
 * 13). Any other bytes are answered as they are.
 */
function withCrlfLineEnds(buffer: Buffer): Buffer {
  if (buffer.indexOf(10) >= 0 || buffer.indexOf(13) < 0) return buffer;
  // Latin-1 maps each byte to one character and back: the other bytes stay as they were.
  return Buffer.from(buffer.toString('latin1').replace(/\r/g, '\r\n'), 'latin1');
}

/**
 * Whether bytes end their lines with a CR alone (old Mac OS, and mail tools on it), decided on the
 * first bytes of a file: a CR and no LF among them.
 */
function crOnlyLineEnds(buffer: Buffer): boolean {
  return buffer.indexOf(10) < 0 && buffer.indexOf(13) >= 0;
}

/**
 * The bytes with each CR written as LF: one byte for one, so every offset into the file stays
 * right (a message of an mbox is read again from its offset for a draft).
 */
function crAsLf(buffer: Buffer): Buffer {
  const copy = Buffer.from(buffer);
  for (let at = copy.indexOf(13); at >= 0; at = copy.indexOf(13, at + 1)) copy[at] = 10;
  return copy;
}

const FROM_LINE = Buffer.from('\nFrom ');

// RFC 4155 §2: a message starts with a From_ line, `From ` + the sender + a timestamp in the
// asctime form (`Mon Jun  2 10:00:00 2025`), and each one after the first follows an empty line.
// A body line such as `From here on we ship fast.` is neither; mboxrd writers quote it (`>From `),
// others do not, so both rules are needed to keep it in its message. Some writers put a zone or
// a comma in the timestamp, or the day before the month: the weekday, month, day and time suffice.
const FROM_LINE_PATTERN =
  /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2}|\d{1,2} +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)) +\d{1,2}:\d{2}/i;

/**
 * Whether the `\nFrom ` at `index` starts a message: an empty line before it (`\n` or `\r\n`, or
 * the start of the file) and a From_ line up to `lineEnd`. `index` must have two bytes before it
 * in `data` unless it is at the start of the file.
 */
function startsMessage(data: Buffer, index: number, lineEnd: number, atFileStart: boolean): boolean {
  return (
    (atFileStart || emptyLineBefore(data, index)) &&
    FROM_LINE_PATTERN.test(data.subarray(index + 1, lineEnd).toString('latin1'))
  );
}

/** Whether the line ended by the `\n` at `index` is empty (`\n\n` or `\n\r\n`). */
function emptyLineBefore(data: Buffer, index: number): boolean {
  return data[index - 1] === 10 || (data[index - 1] === 13 && data[index - 2] === 10);
}

/**
 * Streams an mbox file (RFC 4155: each message starts on a line beginning `From `), yielding each
 * message's header; bodies are skipped as they stream past, so memory stays bounded by one header,
 * whatever the size of the file. `onBytes` reports progress in bytes read.
 */
export async function* readMboxHeaders(
  file: string,
  onBytes: (bytes: number) => void = () => {},
  locale: CliLocale = 'en',
): AsyncGenerator<SentMessageHeader> {
  const text = cliTexts[locale];
  let carry: Buffer = Buffer.alloc(0);
  /** The file offset of carry[0] (of `data[0]` below). */
  let base = 0;
  /** Newlines before `data[counted]`. */
  let lines = 0;
  let counted = 0;
  let first = true;
  // The message whose header is being read: where it starts and the line of its `From ` line.
  let current: { start: number; line: number; headerStart: number } | undefined;
  let read = 0;
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const lineAt = (buffer: Buffer, index: number) => {
    let at = buffer.indexOf(10, counted);
    while (at >= 0 && at < index) {
      lines++;
      at = buffer.indexOf(10, at + 1);
    }
    counted = Math.max(counted, index);
    return lines + 1;
  };
  // An mbox with CR line ends (RFC 4155 §2 leaves them to the platform) is read as if each were LF:
  // otherwise no line ends, and the file reads as one message without a header.
  let crOnly: boolean | undefined;
  for await (const bytes of stream as AsyncIterable<Buffer>) {
    crOnly ??= crOnlyLineEnds(bytes);
    const chunk = crOnly ? crAsLf(bytes) : bytes;
    read += chunk.length;
    onBytes(read);
    let data: Buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      if (data.length < 5) {
        carry = data;
        continue;
      }
      if (data.subarray(0, 5).toString('latin1') !== 'From ')
        throw unreadableFailure(`${file}:1: ${text.notMbox}`);
      first = false;
      // A newline before the first `From ` line, so every message starts at a `\nFrom `.
      data = Buffer.concat([Buffer.from('\n'), data]);
      base = -1;
      lines = -1;
    }
    let position = 0;
    let keep: number;
    for (;;) {
      if (current) {
        const end = headerEnd(data, Math.max(position, current.headerStart - base - 1));
        if (end >= 0) {
          yield {
            where: `${file}:${current.line}`,
            header: Buffer.from(data.subarray(current.headerStart - base, end)),
            location: { file, start: current.start },
          };
          position = end;
          current = undefined;
          continue;
        }
        if (base + data.length - current.headerStart > MAX_HEADER_BYTES) {
          yield {
            where: `${file}:${current.line}`,
            problem: text.headerTooLong(MAX_HEADER_BYTES),
            location: { file, start: current.start },
          };
          current = undefined;
          position = Math.max(position, data.length - FROM_LINE.length);
          continue;
        }
        // Keep the header read so far, and read on.
        keep = current.headerStart - base;
        break;
      }
      const next = data.indexOf(FROM_LINE, position);
      // No next message here: keep the last bytes, as a `\nFrom ` may straddle two chunks, and the
      // two before it, which tell whether an empty line comes first.
      if (next < 0) {
        keep = Math.max(0, Math.max(position, data.length - FROM_LINE.length + 1) - 2);
        break;
      }
      const atFileStart = base === -1 && next === 0;
      if (!atFileStart && !emptyLineBefore(data, next)) {
        // A body line that starts with `From `: not a message, however long it is.
        position = next + 1;
        continue;
      }
      const lineEnd = data.indexOf(10, next + 1);
      if (lineEnd < 0) {
        // A `From ` line longer than a header may be is not read on to its end: kept whole it would
        // hold the file in memory and be copied with every chunk. The message is skipped, reported.
        if (data.length - next > MAX_HEADER_BYTES) {
          yield {
            where: `${file}:${lineAt(data, next + 1)}`,
            problem: text.fromLineTooLong(MAX_HEADER_BYTES),
            location: { file, start: base + next + 1 },
          };
          position = Math.max(next + 1, data.length - FROM_LINE.length + 1);
          continue;
        }
        keep = Math.max(0, next - 2);
        break;
      }
      if (!startsMessage(data, next, lineEnd, atFileStart)) {
        position = next + 1;
        continue;
      }
      current = { start: base + next + 1, line: lineAt(data, next + 1), headerStart: base + lineEnd + 1 };
      position = lineEnd;
    }
    lineAt(data, keep);
    counted = 0;
    carry = Buffer.from(data.subarray(keep));
    base += keep;
  }
  if (current) {
    const header = carry.subarray(current.headerStart - base);
    yield { where: `${file}:${current.line}`, header, location: { file, start: current.start } };
  } else if (!first && endsInFromLine(carry)) {
    const at = carry.indexOf(FROM_LINE);
    yield {
      // `lines` counts the newlines before the one that ends the line above the `From ` line.
      where: `${file}:${lines + 1 + carry.subarray(0, at + 1).filter((byte) => byte === 10).length}`,
      problem: text.endsInFromLine,
      location: { file, start: base + at + 1 },
    };
  } else if (first && carry.length > 0) {
    throw unreadableFailure(`${file}:1: ${text.notMbox}`);
  }
}

/**
 * Whether the bytes kept at the end of an mbox are a From_ line cut off by the end of the file:
 * `From ` after an empty line (its timestamp may be what is missing).
 */
function endsInFromLine(carry: Buffer): boolean {
  const at = carry.indexOf(FROM_LINE);
  if (at < 0 || at > 2 || carry.indexOf(10, at + 1) >= 0) return false;
  return at === 0 || emptyLineBefore(carry, at);
}

/**
 * The whole message at a location: a file, or one message of an mbox (from its `From ` line to
 * the next), with the mboxrd quoting of body lines (`>From `) taken off one level.
 */
export async function readWholeMessage(location: SentMessageHeader['location']): Promise<Buffer> {
  const { readFile } = await import('node:fs/promises');
  if (location.start === undefined) return readFile(location.file);
  const handle = await open(location.file, 'r');
  try {
    const chunks: Buffer[] = [];
    let position = location.start;
    let firstLine = true;
    let crOnly: boolean | undefined;
    for (;;) {
      const chunk = Buffer.allocUnsafe(256 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      let data: Buffer = chunk.subarray(0, bytesRead);
      crOnly ??= crOnlyLineEnds(data);
      if (crOnly) data = crAsLf(data);
      if (firstLine) {
        const lineEnd = data.indexOf(10);
        data = data.subarray(lineEnd + 1);
        position += lineEnd + 1;
        firstLine = false;
        if (lineEnd < 0) break;
      }
      const joined = Buffer.concat([...chunks, data]);
      const next = nextMessageStart(joined);
      if (next >= 0) return unquote(joined.subarray(0, next + 1));
      chunks.length = 0;
      chunks.push(joined);
      position += data.length;
    }
    return unquote(Buffer.concat(chunks));
  } finally {
    await handle.close();
  }
}

/** The index of the `\nFrom ` that starts the next message (RFC 4155 From_ line), or -1. */
function nextMessageStart(data: Buffer): number {
  let next = data.indexOf(FROM_LINE);
  while (next >= 0) {
    const lineEnd = data.indexOf(10, next + 1);
    if (lineEnd < 0) return -1;
    if (startsMessage(data, next, lineEnd, false)) return next;
    next = data.indexOf(FROM_LINE, next + 1);
  }
  return -1;
}

function unquote(message: Buffer): Buffer {
  return Buffer.from(message.toString('latin1').replace(/^>(>*From )/gm, '$1'), 'latin1');
}
