import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { removeHeaderFields } from '../../src/nodemailer/remove-header-fields.js';
import { customers, smtpTransport, usePipelineFixture } from '../support/pipeline.js';

// A prebuilt order confirmation whose customer id field stands in the message's header and in the
// header of each of its MIME parts (RFC 2046 §5.1.1), once folded, once in another case, and as
// plain text in a preamble and in bodies, where it is no field and stays.
const FIXTURE = join(import.meta.dirname, '../fixtures/mime/customer-id-in-parts.eml');
const FIELDS = [
  'X-Customer-Id: C-1001\r\nMIME-Version',
  'x-customer-id: C-1001\r\n\r\n--inner',
  'X-Customer-Id:\r\n C-1001\r\n\r\nTack',
  'X-CUSTOMER-ID : C-1001\r\nContent-Type: text/html',
  'X-Customer-Id: C-1001\r\nContent-Transfer-Encoding: base64',
];

/** The fixture as it must read once every customer id field is gone, and nothing else. */
function withoutFields(raw: string): string {
  return FIELDS.reduce((text, field) => {
    expect(text).toContain(field);
    return text.replace(field, field.slice(field.indexOf('\r\n', field.indexOf('C-1001')) + 2));
  }, raw);
}

const fixture = usePipelineFixture();

describe('the customer id field of a prebuilt message', () => {
  it('is removed from the header of every MIME part too, the rest left byte for byte', async () => {
    const raw = await readFile(FIXTURE);
    const removed = removeHeaderFields(raw, ['X-Customer-Id']);
    expect(removed.toString('latin1')).toBe(withoutFields(raw.toString('latin1')));
  });

  it('reaches no recipient from any part of a message sent through the guard', async () => {
    const raw = await readFile(FIXTURE);
    const transporter = smtpTransport(fixture.sink.port);
    transporter.use(
      'compile',
      nodemailerGuard({
        guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
        customerIdHeader: 'X-Customer-Id',
        holdStore: fixture.holdStore,
        auditLog: fixture.audit,
      }),
    );
    await transporter.sendMail({
      raw,
      envelope: { from: 'order@butiken.se', to: ['anna.svensson1985@gmail.com'] },
    });
    expect(fixture.audit.entries.map((entry) => [entry.outcome, entry.customerId])).toEqual([
      ['sent', 'C-1001'],
    ]);
    const [delivered] = fixture.sink.received;
    expect(delivered?.raw.toString('latin1').replace(/\r\n$/, '')).toBe(
      withoutFields(raw.toString('latin1')).replace(/\r\n$/, ''),
    );
    // Read as a recipient's mail reader reads it: the same text, page and attachment as before.
    const [sent, original] = await Promise.all([simpleParser(delivered?.raw ?? ''), simpleParser(raw)]);
    expect([sent.text, sent.html, sent.attachments.map((part) => part.content.toString())]).toEqual([
      original.text,
      original.html,
      original.attachments.map((part) => part.content.toString()),
    ]);
    expect(sent.headers.has('x-customer-id')).toBe(false);
    for (const part of sent.attachments) expect(part.headers.has('x-customer-id')).toBe(false);
  });
});
