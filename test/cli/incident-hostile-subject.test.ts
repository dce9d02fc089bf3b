import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { orderConfirmation } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, trial: a Subject with ESC and other C0 controls went raw into the customer notice.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

// Every control character but line feed and tab (Unicode Cc).
const CONTROL = /[^\P{Cc}\n\t]/u;

describe('the customer notice of a message with a hostile Subject', () => {
  it('carries no control character in any header or body text taken from the input', async () => {
    const folder = join(dir.path, 'case');
    mkdirSync(folder, { recursive: true });
    const message = orderConfirmation('hostile', 'anna.ek@gmial.com', 'K-1').replace(
      'Subject: Orderbekraftelse',
      'Subject: Order\u001b[8m 4411\u0007 bekr\u0008aftelse\u000b\u007f\u0085',
    );
    writeFileSync(join(folder, 'sent.eml'), message);
    writeFileSync(
      join(folder, 'facts.json'),
      JSON.stringify({
        customer: { id: 'K-1', name: 'Anna Ek' },
        // A name with a control character is refused as the facts are read (test/cli/read-facts.test.ts);
        // what is not a name still goes into the documents.
        organisation: {
          name: 'Butiken AB',
          regimes: ['gdpr'],
          contact: { name: 'Karin Berg', email: 'dpo@butiken.se', phone: '08-123 456 00' },
        },
        reference: 'INC\u001b[31m-1',
        detectedAt: '2026-11-30T12:00:00+01:00',
      }),
    );
    const run = await runBuiltCli(
      [
        'incident',
        '--message',
        join(folder, 'sent.eml'),
        '--intended',
        'anna.ek@gmail.com',
        '--actual',
        'anna.ek@gmial.com',
        '--facts',
        join(folder, 'facts.json'),
        '--out',
        join(folder, 'incident'),
      ],
      { cwd: dir.path },
    );
    expect(run.status).toBe(0);
    const raw = readFileSync(join(folder, 'incident', 'notice.eml'));
    // The raw message: nothing but its CRLF line ends (RFC 5322 §2.1), line feeds and tabs.
    expect(raw.toString('latin1').replaceAll('\r\n', '\n')).not.toMatch(CONTROL);
    const notice = await simpleParser(raw);
    // The subject is still named, its control characters each a space.
    expect(notice.text).toContain('Order [8m 4411 bekr aftelse');
    for (const text of [
      notice.subject ?? '',
      notice.text ?? '',
      String(notice.html),
      notice.from?.text ?? '',
      String(notice.headers.get('x-incident-reference')),
    ])
      expect(text).not.toMatch(CONTROL);
    expect(readFileSync(join(folder, 'incident', 'phone-script.txt'), 'utf8')).not.toMatch(CONTROL);
  });
});
