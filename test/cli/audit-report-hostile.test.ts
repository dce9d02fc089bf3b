import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/cli/escape-controls.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// ESC ] 0 ; … BEL retitles a terminal, ESC [ 2 J clears it, U+009B is a one-character CSI (ECMA-48).
const hostileId = '<order-1\u001b]0;pwned\u0007\u001b[2J\u009b31m@butiken.se>';

/** A sent mail folder with one message to a mistyped provider, and an export with an unreadable row. */
function writeInputs(): { folder: string; customers: string } {
  const folder = join(dir.path, 'sent');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'order-1.eml'),
    `From: order@butiken.se\r\nTo: anna.svensson@hotmial.se\r\nDate: Mon, 01 Jan 2024 10:00:00 +0000\r\nMessage-ID: ${hostileId}\r\nSubject: Order\r\n\r\nTack\r\n`,
  );
  const customers = join(dir.path, 'customers.csv');
  writeFileSync(customers, 'id;name;email\nC-1;Anna Svensson;anna.svensson@hotmail.se\nC-2;Bo Ek\n');
  return { folder, customers };
}

let inputs: { folder: string; customers: string };
beforeEach(() => {
  inputs = writeInputs();
});

describe('the audit report', () => {
  it('puts the summary table above the lines about input that could not be read', async () => {
    const out = join(dir.path, 'audit.html');
    const run = await runCliInProcess([
      'audit',
      inputs.folder,
      '--customers',
      inputs.customers,
      '--out',
      out,
    ]);
    expect(run.status).toBe(1);
    const html = readFileSync(out, 'utf8');
    const problem = html.indexOf(`${inputs.customers}:3:`);
    expect(problem).toBeGreaterThan(-1);
    expect(html.indexOf('class="summary"')).toBeLessThan(problem);
  });

  it('shows control characters from a Message-ID escaped in the HTML report, never raw', async () => {
    const out = join(dir.path, 'audit.html');
    await runCliInProcess(['audit', inputs.folder, '--customers', inputs.customers, '--out', out]);
    const html = readFileSync(out, 'utf8');
    expect(escapeControls(html)).toBe(html);
    expect(html).toContain('order-1\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m@butiken.se');
  });

  it('shows control characters from a Message-ID escaped in the CSV report, never raw', async () => {
    const out = join(dir.path, 'audit.csv');
    await runCliInProcess(['audit', inputs.folder, '--customers', inputs.customers, '--out', out]);
    const csv = readFileSync(out, 'utf8').replaceAll('\r\n', '');
    expect(escapeControls(csv)).toBe(csv);
    expect(csv).toContain('order-1\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m@butiken.se');
  });
});
