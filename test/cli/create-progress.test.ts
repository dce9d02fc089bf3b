import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/create-progress.js';

describe('createProgress', () => {
  it('counts rows read on a terminal, the time left estimated from the bytes', () => {
    // Trial 13: the bar said "reading customers (bytes) … 1572864/3096375", the docs "rows read".
    const stream = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 120,
    }) as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8');
    });
    const progress = createProgress(stream);
    progress.start(3_096_375, 'reading customers', 'rows');
    progress.update(1_572_864, 20_000);
    progress.stop();
    expect(written).toContain('20000 rows');
    expect(written).not.toContain('bytes');
    expect(written).not.toContain('1572864');
  });
});
