import { describe, expect, it } from 'vitest';
import { messageFor } from '../../src/guard/messages.js';
import { expectLinearGrowth } from '../support/growth.js';

// A customer's address on file is text someone typed into the customer record: the message that
// says how to mend it must cost in proportion to its length, however many @ and < it holds.

const displayName = (known: string) =>
  messageFor(
    {
      code: 'invalid-known-address',
      action: 'confirm',
      severity: 'warning',
      known,
      reason: 'display-name',
      detail: 'a name beside the address',
    },
    'en',
  );

describe('messageFor an address on file that carries a name', () => {
  it('names the bare address of a name-addr, trailing blanks allowed', () => {
    expect(displayName('Maria Lund <maria.lund79@telia.com>  ')).toContain('as maria.lund79@telia.com,');
    expect(displayName('Maria <Lund <maria.lund79@telia.com>')).toContain('as maria.lund79@telia.com,');
    expect(displayName('Maria Lund <maria lund79@telia.com>')).not.toContain('store it bare');
    expect(displayName('Maria Lund <@telia.com>')).not.toContain('store it bare');
    expect(displayName('Maria Lund <maria@>')).not.toContain('store it bare');
  });

  it('grows linearly with many @ after an opening < and no closing >', async () => {
    await expectLinearGrowth({
      n: 2_000,
      make: (n) => `Maria <${'a@'.repeat(n)}`,
      run: displayName,
    });
  });
});
