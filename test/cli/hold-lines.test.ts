import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const fixture = usePipelineFixture();
// A second row as `holds list` writes one, after a line feed in the recipient (trial 13d, finding 6).
const FORGED = `anna.svensson185@gmail.com\n20261202T000000000Z-0000  2026-12-02T00:00:00.000Z    0 min  confirm  customer C-1001  to: anna.svensson1985@gmail.com send`;

beforeAll(async () => {
  await builtCli();
}, 120_000);

describe('a line feed in what a hold holds', () => {
  it('is shown as \\x0a in list and show, so it cannot start a row of its own', async () => {
    const id = await holdMessage(fixture, FORGED);
    const store = join(fixture.dir, 'held');
    const list = await runBuiltCli(['holds', 'list', '--store', store], { cwd: fixture.dir });
    expect(list.status).toBe(1);
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(list.stdout).toContain('gmail.com\\x0a20261202T000000000Z-0000');
    const show = await runCliInProcess(['holds', 'show', id, '--store', store, '--locale', 'sv']);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('gmail.com\\x0a20261202T');
    expect(show.stdout.split('\n').filter((line) => line.includes('20261202T000000000Z-0000'))).toHaveLength(
      show.stdout.split('\n').filter((line) => line.includes('\\x0a20261202T')).length,
    );
  });
});
