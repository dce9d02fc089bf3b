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

  it('times out each of many lookups under way at its own timeout, and only the ones that did not answer', async () => {
    const never = () => new Promise<string>(() => undefined);
    const later = (ms: number) => () =>
      new Promise<string>((resolve) => setTimeout(() => resolve('C-1'), ms));
    const outcomes = await Promise.all([
      settleLookup(never, 60),
      settleLookup(later(5), 60),
      settleLookup(never, 20),
      settleLookup(later(5), 20),
    ]);
    expect(outcomes).toEqual([
      { reason: 'timeout', error: 'no answer within 60 ms' },
      { found: 'C-1' },
      { reason: 'timeout', error: 'no answer within 20 ms' },
      { found: 'C-1' },
    ]);
    // A timeout beyond what a timer can hold waits, and the lookup that answers is taken.
    expect(await settleLookup(later(30), 2 ** 40)).toEqual({ found: 'C-1' });
  });

  it("names the code of the cause an error wraps, a SQLSTATE or an errno, beside the error's own", async () => {
    const wrapped = (cause: unknown) =>
      settleLookup(() => {
        throw Object.assign(new Error('lookup failed', { cause }), { code: 'LOOKUP_FAILED' });
      }, 1000);
    expect(await wrapped(Object.assign(new Error('relation does not exist'), { code: '42P01' }))).toEqual({
      reason: 'error',
      kind: 'threw',
      error: 'the lookup threw an error (LOOKUP_FAILED, cause 42P01)',
      causeCode: '42P01',
    });
    expect(await wrapped(Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' }))).toMatchObject(
      {
        error: 'the lookup threw an error (LOOKUP_FAILED, cause ECONNREFUSED)',
        causeCode: 'ECONNREFUSED',
      },
    );
    // A driver error thrown as it came keeps its SQLSTATE as the error's own code.
    expect(
      await settleLookup(() => {
        throw Object.assign(new Error('terminating connection'), { code: '57P01' });
      }, 1000),
    ).toEqual({ reason: 'error', kind: 'threw', error: 'the lookup threw an error (57P01)' });
    // A cause whose code is text, not a code, is not copied.
    expect(await wrapped({ code: 'user anna@example.se' })).toEqual({
      reason: 'error',
      kind: 'threw',
      error: 'the lookup threw an error (LOOKUP_FAILED)',
    });
  });
});
