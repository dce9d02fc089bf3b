import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discardArgs, holdConfirmedForOtherCustomer } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// A confirmation given for another customer's address holds the message as block while its
// recipient stays `confirm`: list and show say why in the same words.
const fixture = usePipelineFixture();

describe('holds list and show of a message confirmed for another customer', () => {
  it('says block, confirmed for another customer, in list and show alike', async () => {
    const held = await holdConfirmedForOtherCustomer(fixture);
    const store = join(fixture.dir, 'held');
    const list = await runCliInProcess(['holds', 'list', '--store', store]);
    expect(list.stdout).toContain("block (confirmed for another customer's address)");
    const show = await runCliInProcess(['holds', 'show', held as string, '--store', store]);
    expect(show.stdout).toContain("block (confirmed for another customer's address)");
    const sv = await runCliInProcess(['holds', 'list', '--store', store, '--locale', 'sv']);
    expect(sv.stdout).toContain('stoppat (bekräftat för en annan kunds adress)');
  });

  it('asks to discard it in the same words, as what the hold is now', async () => {
    const held = await holdConfirmedForOtherCustomer(fixture);
    const store = join(fixture.dir, 'held');
    const asked: string[] = [];
    const discard = (more: readonly string[]) =>
      runCliInProcess(['holds', ...discardArgs(held, store, more)], {
        interactive: true,
        confirm: (question) => {
          asked.push(question);
          return false;
        },
      });
    const kept = await discard([]);
    expect(kept.status).toBe(1);
    expect(asked[0]).toBe(
      `Discard ${held} (block (confirmed for another customer's address), to erik.lind@telia.com) without sending it? [y/N]`,
    );
    await discard(['--locale', 'sv']);
    expect(asked[1]).toContain(
      `Kasta ${held} (stoppat (bekräftat för en annan kunds adress), till erik.lind@telia.com)`,
    );
    expect(await fixture.holdStore.get(held)).toMatchObject({ id: held, state: 'held' });
  });
});
