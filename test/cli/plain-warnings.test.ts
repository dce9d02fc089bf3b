import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plain-warnings-'));
// Loaded before the command (node --import): at the command's first output, so once it has
// started, raises the warning a PostgreSQL hold store raises for a sent message whose row it could
// not delete, and one of another kind.
const preload = join(dir, 'raise-warnings.mjs');
writeFileSync(
  preload,
  `const write = process.stdout.write.bind(process.stdout);
let raised = false;
process.stdout.write = (...args) => {
  if (!raised) {
    raised = true;
    process.emitWarning('email-guard: held message H-1 WAS sent, but its row could not be deleted from PostgreSQL (the database could not be reached (ENOENT)): it is left releasing', { code: 'EMAIL_GUARD_SENT_ROW_LEFT' });
    process.emitWarning('something else', { code: 'OTHER_WARNING' });
  }
  return write(...args);
};
`,
);
const run = (...args: string[]) =>
  runBuiltCli(args, { cwd: dir, env: { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` } });

beforeAll(() => builtCli(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('email-guard process warnings', () => {
  it("prints email-guard's own warnings as one plain line in the command's language, and leaves others to Node", async () => {
    const english = await run('--help');
    const lines = english.stderr.split('\n');
    expect(lines).toContain(
      'email-guard: warning (EMAIL_GUARD_SENT_ROW_LEFT): held message H-1 WAS sent, but its row could not be deleted from PostgreSQL (the database could not be reached (ENOENT)): it is left releasing',
    );
    expect(english.stderr).not.toContain('EMAIL_GUARD_SENT_ROW_LEFT] ');
    expect(english.stderr).not.toMatch(/\(node:\d+\) \[EMAIL_GUARD/);
    // Node's own print, with its advice, stays for a warning that is not email-guard's.
    expect(english.stderr).toMatch(/\(node:\d+\) \[OTHER_WARNING\] Warning: something else/);
    const swedish = await run('--help', '--locale', 'sv');
    expect(swedish.stderr.split('\n')).toContain(
      'email-guard: varning (EMAIL_GUARD_SENT_ROW_LEFT): held message H-1 WAS sent, but its row could not be deleted from PostgreSQL (the database could not be reached (ENOENT)): it is left releasing',
    );
  }, 120_000);
});
