import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReleasesInDoubt } from '../../src/nodemailer/find-releases-in-doubt.js';
import { expectLinearGrowth } from '../support/growth.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });

/** An audit log line as createJsonLinesAuditLog writes it. */
const line = (outcome: string, holdId?: string) =>
  JSON.stringify({
    at: '2024-05-01T10:00:00.000Z',
    messageId: `<order-${holdId ?? 'x'}@butiken.se>`,
    mode: 'enforce',
    outcome,
    action: 'send',
    recipients: [{ address: 'anna.svensson@hotmail.se', field: 'to', action: 'send' }],
    ...(holdId ? { holdId } : {}),
  });

/**
 * A log of `n` lines, as a busy pipeline writes it: mostly sent mail, some held messages, releases
 * that ended and, every hundredth hold, a release started and never ended.
 */
function writeLog(n: number): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < n; i++) {
    const id = `hold-${String(i).padStart(8, '0')}`;
    lines.push(line('sent'), line('sent'), line('held', id), line('release-started', id));
    if (i % 100 !== 0) lines.push(line('released', id));
  }
  const file = join(dir.path, `audit-${n}.jsonl`);
  writeFileSync(file, `${lines.slice(0, n).join('\n')}\n`);
  return file;
}

describe('findReleasesInDoubt', () => {
  it('finds the releases started and never ended among many lines, passing over a line cut off', async () => {
    const file = writeLog(1_000);
    writeFileSync(file, `${line('release-started', 'hold-cut')}\n{"outcome":"released","holdId":"hold-c`, {
      flag: 'a',
    });
    const inDoubt = await findReleasesInDoubt(file);
    expect(inDoubt.has('hold-00000000')).toBe(true);
    expect(inDoubt.has('hold-00000001')).toBe(false);
    expect(inDoubt.has('hold-cut')).toBe(true);
    // One in a hundred of the 200 holds, and the one whose end was cut off.
    expect(inDoubt.size).toBe(3);
  });

  it('takes time in proportion to the lines of the log', async () => {
    await expectLinearGrowth({ n: 20_000, make: writeLog, run: findReleasesInDoubt, tries: 3 });
  });
});
