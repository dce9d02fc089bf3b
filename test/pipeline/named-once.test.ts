import { describe, expect, it } from 'vitest';
import { namedOnce } from '../../src/pipeline/named-once.js';

describe('namedOnce', () => {
  it('keeps each mailbox once, as first given, in the first field naming it', () => {
    expect(
      namedOnce({
        to: ['anna@example.se', 'Anna@EXAMPLE.se', 'erik@example.se'],
        cc: ['anna@example.se', 'eva@example.se'],
        bcc: 'erik@example.se',
      }),
    ).toEqual({ to: ['anna@example.se', 'erik@example.se'], cc: ['eva@example.se'] });
  });

  it('leaves out a field not given, and one whose every mailbox an earlier field named', () => {
    expect(namedOnce({})).toEqual({});
    expect(namedOnce({ to: 'a@example.se', bcc: ['A@example.se'] })).toEqual({ to: ['a@example.se'] });
  });
});
