import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('holds discard --damaged', () => {
  it('sets an entry that cannot be read aside in the damaged folder, logged, and refuses one that reads whole', async () => {
    const damaged = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const whole = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const store = join(fixture.dir, 'held');
    writeFileSync(join(store, `${damaged}.json`), 'not json at all');
    const args = (id: string, more: string[] = []) => [
      'holds',
      'discard',
      id,
      '--store',
      store,
      '--by',
      'lena@butiken.se',
      '--reason',
      'trasig post',
      ...more,
    ];

    const refused = await runCliInProcess(args(whole, ['--damaged', '--yes']));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`--damaged: ${whole} can be read whole`);
    const unconfirmed = await runCliInProcess(args(damaged, ['--damaged']));
    expect(unconfirmed.status).toBe(2);

    const setAside = await runBuiltCli(args(damaged, ['--damaged', '--yes']), { cwd: fixture.dir });
    expect(setAside.stderr).toBe('');
    expect(setAside.status).toBe(0);
    const aside = join(store, 'damaged');
    expect(setAside.stdout).toBe(
      `set aside ${damaged}: ${join(aside, `${damaged}.json`)}, ${join(aside, `${damaged}.eml`)}\n`,
    );
    expect(readdirSync(aside).sort()).toEqual([`${damaged}.eml`, `${damaged}.json`]);
    expect(readFileSync(join(aside, `${damaged}.json`), 'utf8')).toBe('not json at all');
    const logged = readFileSync(`${store}.audit.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(logged).toContainEqual(
      expect.objectContaining({
        holdId: damaged,
        outcome: 'discarded',
        discard: {
          by: 'lena@butiken.se',
          reason: 'trasig post',
          where: 'command-line',
          damaged: 'malformed',
        },
      }),
    );
    const list = await runCliInProcess(['holds', 'list', '--store', store]);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(1);
    expect(list.stdout).toContain(whole);
    expect(list.stdout).not.toContain(damaged);

    const again = await runCliInProcess(args(damaged, ['--damaged', '--yes', '--locale', 'sv']));
    expect(again.status).toBe(3);
    expect(again.stderr).toContain(`inget stoppat meddelande ${damaged}`);
  });
});
