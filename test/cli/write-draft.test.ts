import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDraft } from '../../src/cli/write-draft.js';

const folders: string[] = [];
const newFolder = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'write-draft-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('writeDraft', () => {
  it('writes the report and the notice of a draft both or neither', async () => {
    const folder = newFolder();
    // A folder where the notice goes: its write fails after the report's would have succeeded.
    mkdirSync(join(folder, '0001-notice.eml'));
    await expect(writeDraft(folder, '0001', '# report\n', 'notice')).rejects.toThrow();
    expect(existsSync(join(folder, '0001-report.md'))).toBe(false);
    expect(readdirSync(folder)).toEqual(['0001-notice.eml']);
  });

  it('writes both files of a draft', async () => {
    const folder = newFolder();
    await writeDraft(folder, '0002', '# report\n', 'notice');
    expect(readdirSync(folder).sort()).toEqual(['0002-notice.eml', '0002-report.md']);
  });
});
