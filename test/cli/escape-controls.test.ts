import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/cli/escape-controls.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

describe('escapeControls', () => {
  it('shows ESC and BEL escaped and keeps tabs and line feeds', () => {
    expect(escapeControls('<a\u001b]0;pwned\u0007\u001b[31mRED@x>\tC-1\n')).toBe(
      '<a\\x1b]0;pwned\\x07\\x1b[31mRED@x>\tC-1\n',
    );
    expect(escapeControls('over\rwrite')).toBe('over\\x0dwrite');
  });

  it('escapes bidirectional and other format characters, keeping emoji joiners and an opening BOM', () => {
    expect(escapeControls('a\u202eb\u202a\u2066c\u2069\u200e\u200f\u200b\u00ad\ufeffd')).toBe(
      'a\\u202eb\\u202a\\u2066c\\u2069\\u200e\\u200f\\u200b\\u00ad\\ufeffd',
    );
    expect(escapeControls('tag \u{e0001}')).toBe('tag \\udb40\\udc01');
    expect(escapeControls('\ufeffId,👩\u200d👧')).toBe('\ufeffId,👩\u200d👧');
    expect(JSON.parse(escapeControls(JSON.stringify({ s: 'x\u202ey' })))).toEqual({ s: 'x\u202ey' });
  });

  it('escapes DEL and the C1 controls so that --json output still parses', () => {
    const json = JSON.stringify({ id: 'C-1\u009b2J\u0085\u007f' });
    const printed = escapeControls(json);
    expect(printed).not.toMatch(/[\u007f-\u009f]/);
    expect(JSON.parse(printed)).toEqual({ id: 'C-1\u009b2J\u0085\u007f' });
  });

  it('writes control characters from the input escaped into a CSV report, as on the terminal', async () => {
    const file = join(dir.path, 'esc.csv');
    writeFileSync(
      file,
      'id,name,email\n"C-1\u001b[2J\u001b[31m",A,info@x.se\n"C-2\u009b2J\u0007",B,b(at)x.se\n',
    );
    const out = join(dir.path, 'report.csv');
    const run = await runCliInProcess(['customers', 'check', file, '--out', out]);
    expect(run.status).toBe(1);
    const report = readFileSync(out, 'utf8');
    // The CSV's own line ends (CRLF, RFC 4180) are the only controls left.
    const lines = report.replaceAll('\r\n', '');
    expect(escapeControls(lines)).toBe(lines);
    expect(report).toContain('C-1\\x1b[2J\\x1b[31m');
    expect(report).toContain('C-2\\u009b2J\\x07');
  });
});
