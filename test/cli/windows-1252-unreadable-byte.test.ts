import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteSourceDecoder } from '../../src/contacts/byte-source-decoder.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// Windows-1252 gives no character to 0x81, 0x8D, 0x8F, 0x90 and 0x9D (unicode.org
// MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT); the WHATWG decoder maps them to C1 controls.
const latin = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));

describe('a Windows-1252 byte that stands for no character', () => {
  it('is reported with its line, as any byte the encoding cannot read', () => {
    for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const decoder = new ByteSourceDecoder('auto');
      const bytes = Uint8Array.from([
        ...latin('id;namn;e-post\nK1;Åsa;asa@x.se\nK2;Bo'),
        byte,
        ...latin(';bo@x.se\n'),
      ]);
      const text = decoder.decode(bytes, true);
      expect(decoder.encoding).toBe('windows-1252');
      expect(text).toContain('\uFFFD');
      expect(decoder.problem, byte.toString(16)).toMatchObject({ line: 3 });
      expect(decoder.problem?.reason).toContain('not valid windows-1252');
    }
  });

  it('is named on the line of the export header in customers check', async () => {
    const file = join(dir.path, 'kunder.csv');
    writeFileSync(
      file,
      Buffer.from([...latin('id;name;email;anteckning\x81\nK1;Åsa Berg;asa.berg@telia.com;\n')]),
    );
    const run = await runCliInProcess(['customers', 'check', file]);
    expect(run.stdout).toContain(
      `${file}:1  -  unreadable-row    the input is not valid windows-1252 from this line on`,
    );
    expect(run.stdout + run.stderr).not.toContain('\u0081');
  });
});
