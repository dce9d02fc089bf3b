import type { Readable } from 'node:stream';
import { findHeaderEnd } from './find-header-end.js';

/** The header section of a raw message, and whether the empty line that ends it was found. */
export type HeaderSection =
  | { readonly header: Buffer; readonly ended: boolean }
  | { readonly tooLarge: true; readonly bytes: number };

/**
 * Reads a raw message only as far as the empty line that ends its header section (RFC 5322 §2.1;
 * a bare LF line ending is accepted too, as stored mail often has it). Every recipient is in the
 * header, so a message of any size costs only its header. A stream is left paused with the body
 * unread (pushed back with `unshift`), for the caller to read on or to close.
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
    const end = findHeaderEnd(buffer, 0);
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
    let head = Buffer.alloc(0);
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
        const searchFrom = Math.max(0, head.length - 3);
        head = Buffer.concat([head, bytes]);
        const end = findHeaderEnd(head, searchFrom);
        if (end !== -1) {
          // The body goes back to the stream unread.
          if (end < head.length) stream.unshift(head.subarray(end));
          finish(
            end > maxBytes ? { tooLarge: true, bytes: end } : { header: head.subarray(0, end), ended: true },
          );
          return;
        }
        if (head.length > maxBytes) {
          stream.unshift(head);
          finish({ tooLarge: true, bytes: head.length });
          return;
        }
      }
    };
    const onEnd = () => finish({ header: head, ended: false });
    const onError = (error: Error) => finish(error);
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
