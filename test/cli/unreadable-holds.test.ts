import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, type CliRun, runBuiltCli } from '../support/built-cli.js';
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

    // Set aside already: said as a discard of a message already discarded is, who and when (1).
    const again = await runCliInProcess(args(damaged, ['--damaged', '--yes', '--locale', 'sv']));
    expect(again.stderr).toMatch(
      new RegExp(
        `^email-guard: ${damaged} har redan kastats av lena@butiken\\.se .+; den här kasseringen gjorde ingenting\\n$`,
      ),
    );
    expect(again.status).toBe(1);
  });

  it('tells the loser of two at once that the other set it aside, who and when, and exits 1', async () => {
    const damaged = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const store = join(fixture.dir, 'held');
    writeFileSync(join(store, `${damaged}.json`), 'not json at all');
    const args = (by: string, more: string[]) => [
      'holds',
      'discard',
      damaged,
      '--store',
      store,
      '--by',
      by,
      '--reason',
      'trasig post',
      '--damaged',
      ...more,
    ];
    let winner: CliRun | undefined;
    // The loser found the entry and asks at the terminal; meanwhile another process sets it aside.
    const loser = await runCliInProcess(args('erik@butiken.se', []), {
      interactive: true,
      confirm: async () => {
        winner = await runBuiltCli(args('lena@butiken.se', ['--yes']), { cwd: fixture.dir });
        return true;
      },
    });
    expect(winner?.status).toBe(0);
    expect(loser.stderr).toMatch(
      new RegExp(
        `^email-guard: ${damaged} was already discarded by lena@butiken\\.se at .+; this discard did nothing\\n$`,
      ),
    );
    expect(loser.status).toBe(1);
    expect(readdirSync(join(store, 'damaged'))).toEqual(
      expect.arrayContaining([`${damaged}.eml`, `${damaged}.json`]),
    );
  });
});
