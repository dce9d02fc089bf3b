import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { checkMessage } from '../../src/mime/index.js';
import { customers, directoryOfCustomers } from '../support/pipeline.js';

// A raw message to `"erik.lind@telia.com"@evil.com` reads as erik's address in a mail client, and
// goes to evil.com (RFC 5322 §3.4.1): checkMessage blocks it whoever's address it shows.

const raw = (to: string) =>
  `From: order@butiken.se\r\nTo: ${to}\r\nSubject: Order 4711\r\nMessage-ID: <4711@butiken.se>\r\n\r\nTack!\r\n`;

async function rawCheck(message: string) {
  return checkMessage(message, {
    guard: createGuard({
      directory: directoryOfCustomers(),
      lookupCustomer: async (id) => customers[id],
    }),
    resolveCustomer: () => 'C-1001',
  });
}

describe('checkMessage and a quoted local part that shows an address', () => {
  it.each([
    ["the customer's own address", '"anna.svensson1985@gmail.com"@evil.com'],
    ["another customer's address", '"erik.lind@telia.com"@evil.com'],
    ['any address', '"maria.lund79@outlook.com"@evil.com'],
    ['an address in angle brackets after a name', 'Anna <"erik.lind@telia.com"@evil.com>'],
    ['the second address of a list', 'anna.svensson1985@gmail.com, "erik.lind@telia.com"@evil.com'],
  ])('blocks %s', async (_, to) => {
    const check = await rawCheck(raw(to));
    expect(check.action).toBe('block');
    expect(JSON.stringify(check)).toContain('address-in-local-part');
  });

  it('sends the customer’s own address written plainly', async () => {
    expect((await rawCheck(raw('anna.svensson1985@gmail.com'))).action).toBe('send');
  });
});
