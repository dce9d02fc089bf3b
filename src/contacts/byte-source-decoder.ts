/** The text encodings `loadCustomers` reads (WHATWG Encoding Standard labels). */
export type CustomerEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** What went wrong while decoding, for the load's problems. */
export interface DecodeProblem {
  /** 1-based line of the decoded text where the first unreadable byte was. */
  readonly line: number;
  readonly reason: string;
}

/**
 * Turns the bytes of an export into text, one chunk at a time, and says which encoding it read.
 * With `encoding: 'auto'` a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE; Unicode Standard
 * §23.8); without one, the first bytes outside ASCII decide: valid UTF-8 is read as UTF-8, anything
 * else as Windows-1252, which is what Excel in Swedish (and most of Western Europe) saves "CSV"
 * in. Until then the text is ASCII, which both read alike, so nothing is held back but a byte
 * sequence cut at the end of a chunk. Bytes that are not valid in the encoding read are shown as
 * U+FFFD and reported once, with the line they are on, never passed over in silence.
 *
 * @example
 * ```ts
 * const decoder = new ByteSourceDecoder('auto');
 * decoder.decode(Uint8Array.of(0x41, 0xc5, 0x0a), true); // 'AÅ\n'
 * decoder.encoding;                                      // 'windows-1252'
 * ```
 */
export class ByteSourceDecoder {
  private decoder: TextDecoder | undefined;
  /** Bytes held until the encoding can be decided (a BOM or a multi-byte sequence cut short). */
  private held: Uint8Array = new Uint8Array(0);
  private lines = 1;
  private reported = false;
  /** The first problem met, if any. */
  problem: DecodeProblem | undefined;

  constructor(requested: CustomerEncoding | 'auto') {
    if (requested !== 'auto') this.decoder = new TextDecoder(requested);
  }

  /** The encoding read, once bytes have decided it (or the caller named it). */
  get encoding(): CustomerEncoding | undefined {
    return this.decoder?.encoding as CustomerEncoding | undefined;
  }

  /** Decodes the next chunk; `final` flushes a sequence cut at the end of the input. */
  decode(chunk: Uint8Array, final = false): string {
    if (this.decoder) return this.run(chunk, final);
    let bytes = chunk;
    if (this.held.length > 0) {
      bytes = new Uint8Array(this.held.length + chunk.length);
      bytes.set(this.held);
      bytes.set(chunk, this.held.length);
      this.held = new Uint8Array(0);
    }
    if (!this.started) {
      if (bytes.length < 3 && !final && startsLikeBom(bytes)) {
        this.held = bytes;
        return '';
      }
      this.started = true;
      const marked = bomEncoding(bytes);
      if (marked) {
        this.decoder = new TextDecoder(marked);
        return this.run(bytes, final);
      }
    }
    let first = 0;
    while (first < bytes.length && (bytes[first] as number) < 0x80) first++;
    if (first === bytes.length) {
      // All ASCII so far, which every candidate reads alike: decide on a later chunk.
      if (final) this.decoder = new TextDecoder('utf-8');
      return this.ascii(bytes);
    }
    // A UTF-8 sequence is at most 4 bytes (RFC 3629 §3): wait for the rest of one cut short.
    if (!final && bytes.length - first < 4) {
      this.held = bytes.slice(first);
      return this.ascii(bytes.subarray(0, first));
    }
    this.decoder = new TextDecoder(isUtf8(bytes.subarray(first), final) ? 'utf-8' : 'windows-1252');
    return this.run(bytes, final);
  }

  private started = false;

  private run(bytes: Uint8Array, final: boolean): string {
    let text = (this.decoder as TextDecoder).decode(bytes, { stream: !final });
    if (this.encoding === 'windows-1252') text = text.replace(NO_WINDOWS_1252_CHARACTER, '\uFFFD');
    this.check(bytes, text);
    return text;
  }

  private ascii(bytes: Uint8Array): string {
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192)
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
    this.countLines(text);
    return text;
  }

  /** Notes the first character that stands for bytes the encoding could not read. */
  private check(bytes: Uint8Array, text: string): void {
    if (!this.reported) {
      const at = text.indexOf('\uFFFD');
      // A real U+FFFD in UTF-8 is the bytes EF BF BD; only more replacement characters than
      // those mean unreadable bytes.
      if (at !== -1 && countReplacements(text) > countEncodedReplacements(bytes, this.encoding)) {
        this.reported = true;
        this.problem = {
          line: this.lines + countNewlines(text, at),
          reason: `the input is not valid ${this.encoding === 'utf-8' ? 'UTF-8' : this.encoding} from this line on: bytes it cannot read are shown as "\uFFFD"; name the export's encoding with the encoding option (Excel in Swedish saves windows-1252)`,
        };
      }
    }
    this.countLines(text);
  }

  private countLines(text: string): void {
    this.lines += countNewlines(text, text.length);
  }
}

// Windows-1252 gives 0x81, 0x8D, 0x8F, 0x90 and 0x9D no character (Microsoft's code page table,
// unicode.org MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT); the WHATWG decoder maps them to the C1
// controls of the same number so that every byte decodes, and no other byte to a C1 control. Such a
// byte is one the encoding cannot read, shown and reported as any other.
const NO_WINDOWS_1252_CHARACTER = /[\u0081\u008d\u008f\u0090\u009d]/g;

function bomEncoding(bytes: Uint8Array): CustomerEncoding | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return undefined;
}

function startsLikeBom(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  if (a === undefined) return true;
  if (a === 0xef) return b === undefined || b === 0xbb;
  return (a === 0xff || a === 0xfe) && b === undefined;
}

/** Whether `bytes` (which start with a non-ASCII byte) are valid UTF-8, a sequence cut at the end aside. */
function isUtf8(bytes: Uint8Array, final: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function countEncodedReplacements(bytes: Uint8Array, encoding: CustomerEncoding | undefined): number {
  if (encoding !== 'utf-8') return 0;
  let count = 0;
  for (let i = bytes.indexOf(0xef); i !== -1; i = bytes.indexOf(0xef, i + 1))
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  return count;
}
