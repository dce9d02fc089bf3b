import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/cli/escape-controls.js';

describe('escapeControls', () => {
  it('shows ESC and BEL escaped and keeps tabs and line feeds', () => {
    expect(escapeControls('<a\u001b]0;pwned\u0007\u001b[31mRED@x>\tC-1\n')).toBe(
      '<a\\x1b]0;pwned\\x07\\x1b[31mRED@x>\tC-1\n',
    );
    expect(escapeControls('over\rwrite')).toBe('over\\x0dwrite');
  });

  it('escapes DEL and the C1 controls so that --json output still parses', () => {
    const json = JSON.stringify({ id: 'C-1\u009b2J\u0085\u007f' });
    const printed = escapeControls(json);
    expect(printed).not.toMatch(/[\u007f-\u009f]/);
    expect(JSON.parse(printed)).toEqual({ id: 'C-1\u009b2J\u0085\u007f' });
  });
});
