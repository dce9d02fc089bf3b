import { describe, expect, it } from 'vitest';
import { addressesShownIn } from '../../src/pipeline/addresses-shown-in.js';

// A display name that shows another customer's address shows it to the recipient, whichever way
// their mail client reads the name: one that reads encoded-words strictly (RFC 2047 §2) or one that
// reads them as far as they go, as libmime and most clients do.

const ERIK = 'erik.lind@telia.com';
const OWN = 'kundtjanst@butiken.se';
const base64 = (text: string, encoding: BufferEncoding = 'utf8') =>
  Buffer.from(text, encoding).toString('base64');

describe('addressesShownIn', () => {
  it.each([
    ['in an encoded-word', '=?utf-8?q?erik.lind=40telia.com?='],
    ['between windows-1252 quotes', '=?windows-1252?q?=93erik.lind=40telia.com=94?='],
    ['written in UTF-16', `=?utf-16?b?${base64(ERIK, 'utf16le')}?=`],
    ['in base64 with a stray character', '=?utf-8?b?ZXJpay5s!aW5kQHRlbGlhLmNvbQ==?='],
    ['in base64 with too little padding', '=?utf-8?b?ZXJpay5saW5kQHRlbGlhLmNvbQ=?='],
    ['in base64 with a space in it', '=?utf-8?b?ZXJp ay5saW5kQHRlbGlhLmNvbQ==?='],
    ['before an encoded-word that never closes', '=?utf-8?q?erik.lind=40telia.com?= =?utf-8?q?unclosed'],
    ['in a charset named with a colon', '=?ISO_8859-1:1987?q?erik.lind=40telia.com?='],
    ['in a charset named with a dot', `=?ANSI_X3.4-1968?b?${base64(ERIK)}?=`],
    // A strict reader shows a word with a space in it as typed (RFC 2047 §2: encoded-text holds
    // no space), so the address typed inside it; libmime decodes the base64 around it to other bytes.
    ['typed inside a B word with a space in it', `=?utf-8?b?S3VuZA== ${ERIK} ?=`],
    ['typed inside a Q word with a space in it', `=?utf-8?q?Kund ${ERIK}?=`],
    // A control character an encoded-word decodes to is not an injection (the header holds none):
    // a client shows it as a space, a box or nothing, and the address beside it all the same.
    ['beside an encoded line break', `=?utf-8?q?Erik=0A?= ${ERIK}`],
    ['after an encoded line break in the same word', '=?utf-8?q?Erik=0D=0A=3Cerik.lind=40telia.com=3E?='],
    ['with an encoded NUL inside it', '=?utf-8?q?erik.lind=00=40telia.com?='],
    // A tab is folding white space (RFC 5322 §3.2.2), which the recipient collector lets be.
    ['after a tab', `Erik\t${ERIK}`],
  ])('shows an address %s', (_case, name) => {
    expect(addressesShownIn(name, OWN)).toEqual([ERIK]);
  });

  it('shows none for a name with a line break, which the recipient collector refuses whole', () => {
    expect(addressesShownIn(`Erik\r\nBcc: ${ERIK}`, OWN)).toEqual([]);
  });

  it('shows none for a name with only the mailbox’s own address, encoded or not', () => {
    expect(addressesShownIn(`=?utf-8?q?Kundtj=C3=A4nst_=3C${OWN.replace('@', '=40')}=3E?=`, OWN)).toEqual([]);
    expect(addressesShownIn(`Kundtjänst (${OWN})`, OWN)).toEqual([]);
  });
});
