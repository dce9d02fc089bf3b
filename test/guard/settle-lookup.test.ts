import { describe, expect, it } from 'vitest';
import { settleLookup } from '../../src/guard/settle-lookup.js';

describe('settleLookup', () => {
  it('answers with what a synchronous or asynchronous lookup found', async () => {
    expect(await settleLookup(() => 'C-1001', 1000)).toEqual({ found: 'C-1001' });
    expect(await settleLookup(async () => ({ id: 'C-1' }), 1000)).toEqual({ found: { id: 'C-1' } });
  });

  it('turns nothing found, a throw and a timeout into reasons, never into a rejection', async () => {
    expect(await settleLookup(() => undefined, 1000)).toEqual({ reason: 'not-found' });
    expect(
      await settleLookup(() => {
        throw new Error('CRM down');
      }, 1000),
    ).toEqual({ reason: 'error', kind: 'threw', error: 'the lookup threw an error (Error)' });
    let aborted = false;
    const outcome = await settleLookup(
      ({ signal }) =>
        new Promise<string>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve('too late');
          });
        }),
      10,
    );
    expect(outcome).toMatchObject({ reason: 'timeout' });
    expect(aborted).toBe(true);
  });
});
