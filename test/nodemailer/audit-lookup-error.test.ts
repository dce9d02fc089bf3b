import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/index.js';
import { customers, smtpTransport, usePipelineFixture } from '../support/pipeline.js';

const fixture = usePipelineFixture();

// What a failing CRM driver puts in its error messages: a host, a query with a customer's address.
const SECRET = 'SELECT * FROM customers WHERE email = anna.svensson1985@gmail.com (db 10.0.0.7:5432)';

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return found;
}

describe('the audit trail of a failed lookup', () => {
  it("records the lookup's kind of failure, never the text of the error it threw", async () => {
    const throwing = async (): Promise<Customer> => {
      throw Object.assign(new Error(SECRET), { code: 'ECONNREFUSED' });
    };
    const sends = [
      // The customer cannot be resolved from the message.
      { guard: createGuard(), resolveCustomer: throwing },
      // The message names the customer, and the guard's lookup fails.
      { guard: createGuard({ lookupCustomer: throwing }), resolveCustomer: () => 'C-1001' },
      // The guard is given the id and looks it up itself.
      {
        guard: createGuard({ lookupCustomer: async (id: string) => customers[id] }),
        resolveCustomer: throwing,
      },
    ];
    for (const options of sends) {
      const transporter = smtpTransport(fixture.sink.port);
      transporter.use(
        'compile',
        nodemailerGuard({ ...options, holdStore: fixture.holdStore, auditLog: fixture.audit }),
      );
      await expect(
        transporter.sendMail({
          from: 'order@butiken.se',
          to: 'anna.svensson1985@gmail.com',
          subject: 'Order',
          text: 'x',
        }),
      ).rejects.toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    }
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries).toHaveLength(3);
    for (const entry of fixture.audit.entries) expect(entry.outcome).toBe('held');
    expect(fixture.audit.entries[0]?.customerLookup).toEqual({
      reason: 'error',
      kind: 'threw',
      error: 'the lookup threw an error (ECONNREFUSED)',
    });
    // What the audit log writes (one JSON line per entry) and what the hold store keeps on disk.
    const written = [JSON.stringify(fixture.audit.entries), ...(await filesUnder(fixture.dir))].join('\n');
    expect(written).toContain('ECONNREFUSED');
    expect(written).not.toContain('10.0.0.7');
    expect(written).not.toContain('SELECT');
  });
});
