import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerFields } from '../../src/cli/header-fields.js';
import {
  MAX_HEADER_BYTES,
  readFileHeader,
  readMboxHeaders,
  type SentMessageHeader,
} from '../../src/cli/read-sent-mail.js';
import { expectLinearGrowth } from '../support/growth.js';
import { useTempDir } from '../support/use-temp-dir.js';

// `email-guard audit` reads the headers of sent mail it did not write: whoever sent or stored a
// message chose its header lines. Long lines, many fields, long folded fields and a huge mbox
// `From ` line must cost time linear in their size, and memory bounded by one header.
const dir = useTempDir({ scope: 'file' });
const wanted = new Set(['to', 'cc', 'bcc', 'date', 'message-id', 'x-customer-id']);
const FROM = 'From order@butiken.se Mon Jan  1 00:00:00 2024\n';
const body = 'Hej!\n\nTack för din beställning.\n';

let files = 0;
/** Writes `text` to a file of its own and returns its path (outside the timing). */
function file(text: string, ending = '.mbox'): string {
  const path = join(dir.path, `${files++}${ending}`);
  writeFileSync(path, text, 'latin1');
  return path;
}

/** Reads every header of an mbox as the audit does, and the fields it wants from each. */
async function auditMbox(path: string): Promise<SentMessageHeader[]> {
  const messages: SentMessageHeader[] = [];
  for await (const message of readMboxHeaders(path)) {
    if (message.header) headerFields(message.header, wanted);
    messages.push({ ...message, header: Buffer.alloc(0) });
  }
  return messages;
}

async function auditFile(path: string): Promise<SentMessageHeader> {
  const message = await readFileHeader(path);
  if (message.header) headerFields(message.header, wanted);
  return message;
}

describe('the sent-mail readers of email-guard audit', () => {
  it('read a header line of any length up to the limit in time linear in its length', async () => {
    await expectLinearGrowth({
      n: 40_000,
      make: (n) => file(`${FROM}To: ${'a'.repeat(n)}@example.se\nSubject: x\n\n${body}`),
      run: auditMbox,
    });
  });

  it('read many header fields, also many of the same name, in time linear in their number', async () => {
    await expectLinearGrowth({
      n: 2_000,
      make: (n) => file(`${FROM}${'To: anna@example.se\nX-Trace: 1\n'.repeat(n)}\n${body}`),
      run: auditMbox,
    });
    await expectLinearGrowth({
      n: 2_000,
      make: (n) => file(`${'To: anna@example.se\nX-Trace: 1\n'.repeat(n)}\n${body}`, '.eml'),
      run: auditFile,
    });
  });

  it('read a field folded over many lines in time linear in their number', async () => {
    await expectLinearGrowth({
      n: 4_000,
      make: (n) => file(`${FROM}To: anna@example.se${',\n erik@example.se'.repeat(n)}\n\n${body}`),
      run: auditMbox,
    });
  });

  it('read many messages in time linear in their number', async () => {
    await expectLinearGrowth({
      n: 2_000,
      make: (n) => file(`${FROM}To: anna@example.se\nMessage-ID: <1@x>\n\n${body}\n`.repeat(n)),
      run: auditMbox,
    });
  });

  it('refuse a From line longer than a header may be, in time linear in its length, and read on', async () => {
    const huge = (n: number) =>
      file(
        `${FROM.trimEnd()} ${'x'.repeat(n)}\nTo: a@example.se\n\n${body}\n${FROM}To: b@example.se\n\n${body}`,
      );
    const messages = await auditMbox(huge(4 * MAX_HEADER_BYTES));
    expect(messages.map((message) => [message.where.replace(/^.*:/, ''), message.problem])).toEqual([
      ['1', `the From line is longer than ${MAX_HEADER_BYTES / 1024} KiB`],
      ['8', undefined],
    ]);
    await expectLinearGrowth({ n: 2 ** 20, make: huge, run: auditMbox, tries: 3 });
  });

  it('reports an mbox that ends inside a From line, not drops it', async () => {
    const messages = await auditMbox(file(`${FROM}To: a@example.se\n\n${body}\nFrom b`));
    expect(messages.map((message) => [message.where.replace(/^.*:/, ''), message.problem])).toEqual([
      ['1', undefined],
      ['8', 'the file ends inside the From line of this message'],
    ]);
  });
});
