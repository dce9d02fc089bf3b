import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteSourceDecoder } from '../../src/contacts/byte-source-decoder.js';
import { loadCustomers } from '../../src/contacts/load-customers.js';
import { EmailGuardError } from '../../src/errors.js';

function decodeInPieces(bytes: Uint8Array, cuts: number[]): { text: string; decoder: ByteSourceDecoder } {
  const decoder = new ByteSourceDecoder('auto');
  let text = '';
  let start = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    text += decoder.decode(bytes.subarray(start, cut));
    start = cut;
  }
  text += decoder.decode(bytes.subarray(start), true);
  return { text, decoder };
}

describe('ByteSourceDecoder', () => {
  it('gives back any UTF-8 text whole, however its bytes are cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat({ max: 400 })), (text, cuts) => {
        const { text: decoded, decoder } = decodeInPieces(new TextEncoder().encode(text), cuts);
        expect(decoded).toBe(text);
        expect(decoder.problem).toBeUndefined();
      }),
    );
  });

  it('reads Latin-1 letters saved as Windows-1252 as those letters, however the bytes are cut', () => {
    const latin = fc.string({ unit: fc.constantFrom('a', 'Å', 'ä', 'Ö', 'é', ';', '\n', ' ') });
    fc.assert(
      fc.property(latin, fc.array(fc.nat({ max: 400 })), (text, cuts) => {
        fc.pre([...text].some((character) => character.charCodeAt(0) > 0x7f));
        const bytes = Uint8Array.from(text, (character) => character.charCodeAt(0));
        const { text: decoded, decoder } = decodeInPieces(bytes, cuts);
        expect(decoded).toBe(text);
        expect(decoder.encoding).toBe('windows-1252');
      }),
    );
  });

  it('never lets loadCustomers throw anything but an EmailGuardError, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('csv', 'ndjson'),
        async (bytes, format) => {
          await loadCustomers({ source: [bytes], format: format as 'csv' | 'ndjson' }).catch(
            (error: unknown) => {
              expect(error).toBeInstanceOf(EmailGuardError);
            },
          );
        },
      ),
    );
  });
});
