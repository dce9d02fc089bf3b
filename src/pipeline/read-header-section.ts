import type { Readable } from 'node:stream';
import { findHeaderEnd, HeaderEndScanner } from './find-header-end.js';

/** The header section of a raw message, and whether the empty line that ends it was found. */
export type HeaderSection =
  | { readonly header: Buffer; readonly ended: boolean }
  | { readonly tooLarge: true; readonly bytes: number };

/**
 * Reads a raw message only as far as the empty line that ends its header section (RFC 5322 §2.1;
 * a bare LF line ending is accepted too, as stored mail often has it, and mixed line endings are
 * read to the later end, see `HeaderEndScanner`). Every recipient is in the header, so a message of
 * any size costs only its header. A stream is left paused with the body unread (pushed back with
 * `unshift`), for the caller to read on or to close. Each byte is looked at once and copied at most
 * twice, however small the chunks.
 */
export async function readHeaderSection(
  raw: string | Uint8Array | Readable,
  maxBytes: number,
): Promise<HeaderSection> {
  if (typeof raw === 'string' || raw instanceof Uint8Array) {
    const buffer =
      typeof raw === 'string'
        ? Buffer.from(raw, 'utf8')
        : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const end = findHeaderEnd(buffer);
    const length = end === -1 ? buffer.length : end;
    if (length > maxBytes) return { tooLarge: true, bytes: length };
    return { header: buffer.subarray(0, length), ended: end !== -1 };
  }
  return readFromStream(raw, maxBytes);
}

function readFromStream(stream: Readable, maxBytes: number): Promise<HeaderSection> {
  // A stream already read to its end has nothing left to give.
  if (stream.readableEnded) return Promise.resolve({ header: Buffer.alloc(0), ended: false });
  return new Promise<HeaderSection>((resolve, reject) => {
    const scanner = new HeaderEndScanner();
    // Chunks are kept as they come and joined once: joining on every chunk was quadratic.
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (result: HeaderSection | Error) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onReadable = () => {
      for (;;) {
        const chunk: unknown = stream.read();
        if (chunk === null) return;
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
        chunks.push(bytes);
        length += bytes.length;
        const end = scanner.push(bytes);
        if (end !== -1) {
          const head = Buffer.concat(chunks, length);
          // The body goes back to the stream unread.
          if (end < head.length) stream.unshift(head.subarray(end));
          finish(
            end > maxBytes ? { tooLarge: true, bytes: end } : { header: head.subarray(0, end), ended: true },
          );
          return;
        }
        if (length > maxBytes) {
          stream.unshift(Buffer.concat(chunks, length));
          finish({ tooLarge: true, bytes: length });
          return;
        }
      }
    };
    const onEnd = () => finish({ header: Buffer.concat(chunks, length), ended: false });
    const onError = (error: Error) => finish(error);
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
