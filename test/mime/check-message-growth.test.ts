import { Readable } from 'node:stream';
import { describe, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { type CheckMessageOptions, checkMessage } from '../../src/mime/index.js';
import { expectLinearGrowth } from '../support/growth.js';
import { customers } from '../support/pipeline.js';

// checkMessage reads untrusted bytes: its cost must grow with them linearly, whatever their shape.
const options: CheckMessageOptions = {
  guard: createGuard(),
  resolveCustomer: () => customers['C-1001'],
  maxHeaderBytes: 64 * 1024 * 1024,
};

/** A header section of about `bytes` bytes: the recipients, then as many ordinary fields as it takes. */
function header(bytes: number): Buffer {
  const lines = ['To: anna.svensson1985@gmail.com'];
  for (let size = 0; size < bytes; size += 40) lines.push(`X-Trace-${lines.length}: ${'a'.repeat(24)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\nHej`);
}

describe('checkMessage growth', () => {
  it('reads a stream of tiny chunks in time linear in its size', async () => {
    await expectLinearGrowth({
      n: 24_000,
      make: (n) => {
        const raw = header(n);
        return Array.from({ length: raw.length }, (_, index) => raw.subarray(index, index + 1));
      },
      // One byte per chunk, each its own read, as a slow connection delivers them.
      run: (chunks: Buffer[]) => checkMessage(Readable.from(chunks, { objectMode: true }), options),
    });
  });

  it('reads a large header given at once in time linear in its size', async () => {
    await expectLinearGrowth({ n: 100_000, make: header, run: (raw: Buffer) => checkMessage(raw, options) });
  });

  it('reads runs of mixed line endings in time linear in their length', async () => {
    for (const run of ['\r', '\r\n\n', '\n\r\n', '\r\r\n']) {
      await expectLinearGrowth({
        n: 20_000,
        make: (n) => `To: anna.svensson1985@gmail.com\r\nX-A: b${run.repeat(n)}X-B: c\r\n\r\nHej`,
        run: (raw: string) => checkMessage(raw, options),
      });
    }
  });

  it('checks many recipients in time linear in their number', async () => {
    await expectLinearGrowth({
      n: 100,
      make: (n) =>
        `To: ${Array.from({ length: n }, (_, index) => `kund${index}@svenssonbygg.se`).join(', ')}\r\n\r\nHej`,
      run: (raw: string) => checkMessage(raw, options),
    });
  });
});
