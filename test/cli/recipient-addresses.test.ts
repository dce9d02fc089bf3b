import fc from 'fast-check';
import addressparser from 'nodemailer/lib/addressparser';
import { describe, expect, it } from 'vitest';
import { recipientAddresses } from '../../src/cli/recipient-addresses.js';

describe('recipientAddresses', () => {
  it('reads a list with names, and a bare address as it stands', () => {
    expect(recipientAddresses('Anna <anna@example.se>, erik@example.se')).toEqual([
      { address: 'anna@example.se', name: 'Anna' },
      { address: 'erik@example.se', name: '' },
    ]);
    expect(recipientAddresses('Anna.S+x@Gmail.COM')).toEqual([{ address: 'Anna.S+x@Gmail.COM', name: '' }]);
  });

  it('reads every header value as nodemailer’s addressparser does', () => {
    const character = fc.constantFrom(
      ...'aZ09.!#$%&\'*+/=?^_`{|}~-@ "(),:;<>[]\\\t\r\nåé\u00a0\u2028',
      '=?utf-8?q?a?=',
    );
    const value = fc.oneof(
      fc.array(character, { maxLength: 30 }).map((characters) => characters.join('')),
      fc.emailAddress(),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(value, (text) => {
        expect(recipientAddresses(text)).toEqual(addressparser(text, { flatten: true }));
      }),
      { numRuns: 20_000 },
    );
  });
});
