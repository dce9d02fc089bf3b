import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const fixture = usePipelineFixture();

beforeAll(async () => {
  await builtCli();
}, 120_000);

describe('holds list on a store whose entries cannot be read', () => {
  it('counts and names them on standard output and in --json, and exits 3', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const store = join(fixture.dir, 'held');
    writeFileSync(join(store, `${id}.json`), 'not json at all');
    const list = await runBuiltCli(['holds', 'list', '--store', store], { cwd: fixture.dir });
    expect(list.stdout).not.toContain('no held messages');
    expect(list.stdout).toContain(
      `1 entry of the store cannot be read, and may be held messages: ${id} (malformed)`,
    );
    expect(list.stderr).toContain(id);
    expect(list.status).toBe(3);
    const sv = await runCliInProcess(['holds', 'list', '--store', store, '--locale', 'sv']);
    expect(sv.stdout).toContain(
      `1 post i lagret går inte att läsa och kan vara stoppade meddelanden: ${id} (malformed)`,
    );
    expect(sv.status).toBe(3);
    const json = await runCliInProcess(['holds', 'list', '--store', store, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      { id, file: expect.stringContaining(id), error: { code: 'malformed', message: expect.any(String) } },
    ]);
    expect(json.status).toBe(3);
  });
});
