import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import { createJsonLinesAuditLog } from '../../src/nodemailer/create-json-lines-audit-log.js';
import { temporaryDirectory } from '../support/pipeline.js';

let dir: { path: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  dir = await temporaryDirectory();
});
afterEach(async () => {
  await dir.cleanup();
});

function entry(index: number, address: string): AuditEntry {
  return {
    at: new Date(0).toISOString(),
    messageId: `<${index}@butiken.se>`,
    mode: 'enforce',
    outcome: 'sent',
    action: 'send',
    recipients: [{ field: 'to', address, action: 'send', codes: ['exact-match'] }],
  };
}

describe('createJsonLinesAuditLog', () => {
  it('writes every entry recorded at once as one JSON line, none lost, none torn', async () => {
    const path = join(dir.path, 'nested', 'audit.jsonl');
    const log = createJsonLinesAuditLog(path);
    await Promise.all(
      Array.from({ length: 200 }, (_, index) => log.record(entry(index, `a${index}@example.se`))),
    );
    await log.record(entry(200, 'anna@example.se\r\nBcc: thief@example.com'));
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(201);
    const ids = lines.map((line) => (JSON.parse(line) as AuditEntry).messageId);
    expect(new Set(ids).size).toBe(201);
    expect((JSON.parse(lines[200] ?? '') as AuditEntry).recipients[0]?.address).toContain('\r\n');
  });

  it('writes every entry without waiting for the disk when told not to sync', async () => {
    const path = join(dir.path, 'unsynced.jsonl');
    const log = createJsonLinesAuditLog(path, { sync: false });
    await Promise.all([log.record(entry(1, 'a@example.se')), log.record(entry(2, 'b@example.se'))]);
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
    expect(() => createJsonLinesAuditLog(path, { sync: 'no' as unknown as boolean })).toThrow(
      /options\.sync/,
    );
  });

  it('rejects an entry it could not write, instead of losing it silently', async () => {
    const log = createJsonLinesAuditLog(dir.path); // a directory: appending to it fails
    await expect(log.record(entry(1, 'a@example.se'))).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(log.record(entry(2, 'b@example.se'))).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
