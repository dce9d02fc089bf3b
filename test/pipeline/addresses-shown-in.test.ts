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

  // A client draws neither a default-ignorable code point (Unicode DerivedCoreProperties.txt,
  // Default_Ignorable_Code_Point) nor tells a compatibility form from its plain one (UTS #39 §4
  // skeletons start from NFKC): `erik.lind@telia\u200b.com` and a full-width `＠` show the address.
  it.each([
    ['with a zero-width space in it', 'erik.lind@telia\u200b.com'],
    ['with a soft hyphen in it', 'erik.lind@te\u00adlia.com'],
    ['with a word joiner in it', 'erik\u2060.lind@telia.com'],
    ['with a byte order mark in it', '\ufefferik.lind@telia.com'],
    ['with a zero-width joiner in it', 'erik.lind\u200d@telia.com'],
    ['with a left-to-right mark in it', 'erik.lind@\u200etelia.com'],
    ['with a full-width at sign', 'erik.lind\uff20telia.com'],
    ['with a small at sign', 'erik.lind\ufe6btelia.com'],
    ['in full-width letters', 'ｅｒｉｋ.ｌｉｎｄ@ｔｅｌｉａ.ｃｏｍ'],
    ['with a zero-width space in an encoded-word', '=?utf-8?q?erik.lind=40telia=E2=80=8B.com?='],
    // UAX #9 §2.2: a right-to-left override shows what follows it reversed, to its end or a PDF.
    ['reversed by a right-to-left override', '\u202emoc.ailet@dnil.kire'],
    ['reversed by an override that ends', 'Kund \u202emoc.ailet@dnil.kire\u202c (svar)'],
    ['reversed by a right-to-left isolate override', 'Kund \u2067\u202emoc.ailet@dnil.kire\u202c\u2069'],
    ['reversed by an override in an encoded-word', '=?utf-8?q?=E2=80=AEmoc.ailet=40dnil.kire?='],
    // UAX #9 rules W1-N1, L2: the at sign between two right-to-left marks is right-to-left, so the
    // runs around it are drawn in reverse order: `erik.lind@telia.com`.
    ['drawn in reverse order around right-to-left marks', '\u202btelia.com\u200f@\u200ferik.lind\u202c'],
  ])('shows an address %s, as a client draws it', (_case, name) => {
    expect(addressesShownIn(name, OWN)).toContain(ERIK);
  });

  // RFC 2152: a client that reads UTF-7 shows `+AEA-` as `@`; libmime leaves it as typed.
  it.each([
    ['in a UTF-7 Q word', '=?utf-7?q?erik.lind+AEA-telia.com?='],
    ['in a UTF-7 B word', `=?UTF-7?B?${base64('erik.lind+AEA-telia.com')}?=`],
    ['in a UTF-7 word under another name of it', '=?unicode-1-1-utf-7?q?+AGU-rik.lind+AEA-telia.com?='],
  ])('shows an address %s', (_case, name) => {
    expect(addressesShownIn(name, OWN)).toContain(ERIK);
  });

  // RFC 2152 text is UTF-7 only where labelled so; in a header, inside an encoded-word that says so.
  it('shows none for UTF-7 text in a plain name, which a client shows as typed', () => {
    expect(addressesShownIn('erik.lind+AEA-telia.com', OWN)).toEqual([]);
  });

  it('shows none for a name whose invisible characters hide only the mailbox’s own address', () => {
    expect(addressesShownIn('kundtjanst\u200b\uff20butiken.se', OWN)).toEqual([]);
  });

  it('keeps the plus of an address whose plus does not stand for UTF-7 text', () => {
    expect(addressesShownIn('Anna (anna+shop@gmail.com)', 'anna+shop@gmail.com')).toEqual([]);
  });

  it('shows none for a name with a line break, which the recipient collector refuses whole', () => {
    expect(addressesShownIn(`Erik\r\nBcc: ${ERIK}`, OWN)).toEqual([]);
  });

  it('shows none for a name with only the mailbox’s own address, encoded or not', () => {
    expect(addressesShownIn(`=?utf-8?q?Kundtj=C3=A4nst_=3C${OWN.replace('@', '=40')}=3E?=`, OWN)).toEqual([]);
    expect(addressesShownIn(`Kundtjänst (${OWN})`, OWN)).toEqual([]);
  });
});
