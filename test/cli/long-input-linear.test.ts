import { describe, expect, it } from 'vitest';
import { auditLogBeside } from '../../src/cli/audit-log-beside.js';
import { columnsAdvice } from '../../src/cli/parse-columns.js';
import { printWarningsPlainly } from '../../src/cli/print-warnings-plainly.js';
import { expectLinearGrowth } from '../support/growth.js';

// What the command reads from its arguments and the loaders' reasons (a folder named with many
// slashes, a column header repeated in an advice, a warning with a long run of spaces) is read in
// time that grows with its length, never with its square.
describe('the command’s readings of long text', () => {
  it('names the audit log beside a folder without its trailing separators', () => {
    expect(auditLogBeside('held-mail')).toBe('held-mail.audit.jsonl');
    expect(auditLogBeside('held-mail//')).toBe('held-mail.audit.jsonl');
    expect(auditLogBeside('C:\\mail\\held\\/')).toBe('C:\\mail\\held.audit.jsonl');
    expect(auditLogBeside('/')).toBe('.audit.jsonl');
  });

  it('reads a folder name of many separators in linear time', async () => {
    await expectLinearGrowth({
      n: 5_000,
      make: (n) => `${'/'.repeat(n)}x`,
      run: (folder) => auditLogBeside(folder),
    });
  });

  it('says the loader’s advice in the command’s words, in linear time on a header repeated', async () => {
    expect(columnsAdvice("no id column, e.g. { columns: { id: ['Kundnr'] } }")).toBe(
      'no id column, e.g. --columns id=Kundnr',
    );
    expect(columnsAdvice("ingen id-kolumn, t.ex. { columns: { id: ['Kund'] } } här")).toBe(
      'ingen id-kolumn, t.ex. --columns id=Kund här',
    );
    // The last closing on the line ends the header, as a greedy reading of it did.
    expect(columnsAdvice("x, e.g. { columns: { email: ['a'] } }b'] } }")).toBe(
      "x, e.g. --columns email=a'] } }b",
    );
    expect(columnsAdvice("x, e.g. { columns: { id: ['a\n'] } }")).toBe(
      "x, e.g. { columns: { id: ['a\n'] } }",
    );
    await expectLinearGrowth({
      n: 500,
      make: (n) => `x${", e.g. { columns: { id: ['".repeat(n)}`,
      run: (reason) => columnsAdvice(reason),
    });
  });

  it('prints a warning with a long run of spaces as one line, in linear time', async () => {
    const written: string[] = [];
    printWarningsPlainly('en', (line) => written.push(line));
    const warn = (message: string) =>
      new Promise<void>((resolve) => {
        process.once('warning', () => setImmediate(resolve));
        process.emitWarning(message, { code: 'EMAIL_GUARD_TEST' });
      });
    await warn('email-guard: a row was left \n   in the table\n\n as it was');
    expect(written.at(-1)).toContain('a row was left in the table as it was');
    const spaces = ' '.repeat(100_000);
    await expectLinearGrowth({
      n: 5_000,
      make: (n) => `a${' '.repeat(n)}b`,
      run: (message) => warn(message),
    });
    await warn(`a${spaces}b\n c`);
    expect(written.at(-1)).toContain(`a${spaces}b c`);
  });
});
