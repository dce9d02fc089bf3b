import { simpleParser } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from '../../src/pipeline/decode-encoded-words.js';

// The raw message check reads a display name through mailparser, which decodes its encoded-words
// (RFC 2047) with libmime: the reading of the addresses a name shows must be that same reading, so
// the plugin and the raw check see what the recipient's mail client shows.

const ERIK = 'erik.lind@telia.com';
const base64 = (text: string, encoding: BufferEncoding = 'utf8') =>
  Buffer.from(text, encoding).toString('base64');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('base64');

/** Display names as senders write them, each with what a mail client shows. */
const NAMES: [string, string][] = [
  ['=?utf-8?q?erik.lind=40telia.com?=', ERIK],
  ['=?UTF-8?Q?Erik_=28erik.lind=40telia.com=29?=', `Erik (${ERIK})`],
  [`=?utf-8?b?${base64(ERIK)}?=`, ERIK],
  ['=?iso-8859-1?q?Bj=F6rn_=3Cerik.lind=40telia.com=3E?=', `Björn <${ERIK}>`],
  ['=?utf-8*sv?q?erik.lind=40telia.com?=', ERIK],
  // White space between adjacent encoded-words is not shown (RFC 2047 §6.2), whatever the charsets.
  ['=?utf-8?q?erik.lind?=  =?iso-8859-1?q?=40telia.com?=', ERIK],
  [`=?utf-8?b?${base64('erik.lind')}?= =?utf-8?b?${base64('@telia.com')}?=`, ERIK],
  ['=?utf-8?q?erik.lind?= x =?utf-8?q?=40telia.com?=', 'erik.lind x @telia.com'],
  ['=?utf-8?q?erik.lind=40telia.com', '=?utf-8?q?erik.lind=40telia.com'],
  ['=?utf-8?x?erik.lind=40telia.com?=', '=?utf-8?x?erik.lind=40telia.com?='],
  ['=?utf-8?q?erik.lind=4x?=', 'erik.lind=4x'],
  ['=?x-unknown?q?erik.lind=40telia.com?=', ERIK],
  // An encoded-word is decoded once: one that decodes to another is shown as that text.
  ['=?utf-8?q?=3D=3Futf-8=3Fq=3Ferik.lind=3D40telia.com=3F=3D?=', '=?utf-8?q?erik.lind=40telia.com?='],
  [`${'=?utf-8?q?Erik_Lind?= '.repeat(5)}=?utf-8?q?=40telia.com?=`, `${'Erik Lind'.repeat(5)}@telia.com`],
  // Where the decoder the plugin used before read these differently, the recipient's client reads
  // them as here: windows-1252 (the charset ISO-8859-1 is read as, WHATWG Encoding §4.2) for quotes
  // and the euro sign, not C1 controls; UTF-16 as text, not bytes with NULs between.
  ['=?windows-1252?q?=93erik.lind=40telia.com=94?=', `“${ERIK}”`],
  ['=?iso-8859-1?q?=80?=', '€'],
  [`=?utf-16be?b?${utf16be(ERIK)}?=`, ERIK],
  [`=?utf-16?b?${base64(ERIK, 'utf16le')}?=`, ERIK],
  // A character whose bytes are split over adjacent encoded-words of one charset is one character.
  ['=?utf-8?q?=C3?= =?utf-8?q?=A5?=', 'å'],
  // Base64 that is not quite right is read as far as it goes, as clients do.
  ['=?utf-8?b?ZXJpay5s!aW5kQHRlbGlhLmNvbQ==?=', ERIK],
  ['=?utf-8?b?ZXJpay5saW5kQHRlbGlhLmNvbQ=?=', ERIK],
  ['=?utf-8?b?ZXJpay5saW5kQHRlbGlhLmNvbQ?=', ERIK],
  ['=?utf-8?b?ZXJp ay5saW5kQHRlbGlhLmNvbQ==?=', ERIK],
  ['=?utf-8?q?erik.lind =40telia.com?=', 'erik.lind @telia.com'],
  ['=?utf-8?b?Z?=', ''],
  // An encoded-word that never closes is not joined to the one before it.
  ['=?utf-8?q?erik.lind=40telia.com?= =?utf-8?q?unclosed', `${ERIK} =?utf-8?q?unclosed`],
];

/** The display name of a real message's To field, as mailparser shows it. */
async function mailparserName(name: string): Promise<string | undefined> {
  const parsed = await simpleParser(
    `From: order@butiken.se\r\nTo: ${name} <anna@example.se>\r\n\r\nTack!\r\n`,
  );
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  return to?.value[0]?.name;
}

describe('decodeEncodedWords', () => {
  it.each(NAMES)('shows %s as %s', (name, shown) => {
    expect(decodeEncodedWords(name)).toBe(shown);
  });

  it.each(NAMES)('reads %s as mailparser reads it in a raw message', async (name) => {
    const [typed] = addressparser(`${name} <anna@example.se>`);
    expect(decodeEncodedWords(typed?.name ?? '')).toBe(await mailparserName(name));
  });

  // libmime, and so mailparser, leaves an encoded-word whose charset has a character other than a
  // letter, digit, `_`, `-` or `*` as it is. IANA charset names hold such characters, and a lenient
  // client reads the charset up to the next `?` and shows the address in it, so it is read here too.
  it.each([
    ['=?ISO_8859-1:1987?q?erik.lind=40telia.com?=', ERIK],
    ['=?ANSI_X3.4-1968?b?ZXJpay5saW5kQHRlbGlhLmNvbQ==?=', ERIK],
    ['=?utf-8?q?erik.lind?= =?ANSI_X3.4-1968?q?=40telia.com?=', ERIK],
  ])('decodes %s although its charset is one mailparser leaves encoded', async (name, shown) => {
    expect(decodeEncodedWords(name)).toBe(shown);
    expect(await mailparserName(name)).not.toBe(shown);
  });
});
