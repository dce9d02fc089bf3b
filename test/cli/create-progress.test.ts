import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, progressWords } from '../../src/cli/create-progress.js';

/** A stream that says it is a 120-column terminal, and what was written to it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; written: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
  let written = '';
  stream.on('data', (chunk: Buffer) => {
    written += chunk.toString('utf8');
  });
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => written };
}

describe('createProgress', () => {
  it('counts rows read on a terminal, the time left estimated from the bytes', () => {
    // Trial 13: the bar said "reading customers (bytes) … 1572864/3096375", the docs "rows read".
    const terminal = fakeTerminal();
    const progress = createProgress(terminal.stream);
    progress.start(3_096_375, 'reading customers', 'rows');
    progress.update(1_572_864, 20_000);
    progress.stop();
    expect(terminal.written()).toContain('20000 rows');
    expect(terminal.written()).not.toContain('bytes');
    expect(terminal.written()).not.toContain('1572864');
  });

  it('ends at 100% with the real count, and speaks Swedish with the Swedish words', () => {
    // Trial 13: an mbox ended "100% | 0 messages" after 10, an export "98% | 19 rows".
    const terminal = fakeTerminal();
    const progress = createProgress(terminal.stream, 'sv');
    const words = progressWords.sv;
    progress.start(1_000, words.readingMbox, words.messages);
    progress.update(980, 0);
    progress.stop(10);
    // The last line drawn: from the last "läser mbox" to its time left.
    const written = terminal.written();
    const last = written.slice(written.lastIndexOf(words.readingMbox)).split('kvar')[0];
    expect(last).toContain('läser mbox');
    expect(last).toContain('100%');
    expect(last).toContain('| 10 meddelanden |');
  });

  it('says the time left in Swedish under sv, ETA in English', () => {
    // A Swedish reader's trial: "ETA 12s" under --locale sv.
    const swedish = fakeTerminal();
    const bar = createProgress(swedish.stream, 'sv');
    bar.start(100, progressWords.sv.readingCustomers, progressWords.sv.rows);
    bar.update(50, 10);
    bar.stop(20);
    expect(swedish.written()).toMatch(/\| \S+ kvar/);
    expect(swedish.written()).not.toContain('ETA');
    const english = fakeTerminal();
    const enBar = createProgress(english.stream);
    enBar.start(100, progressWords.en.readingCustomers, progressWords.en.rows);
    enBar.stop(20);
    expect(english.written()).toContain('| ETA ');
  });
});
