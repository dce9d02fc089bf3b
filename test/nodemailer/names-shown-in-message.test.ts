import { describe, expect, it } from 'vitest';
import { namesShownInMessage } from '../../src/nodemailer/names-shown-in-message.js';

// A corrected release lifts a stop for a display name that showed another address only where the
// message as it goes out shows that address nowhere: the bytes are read once for every such name.

const ERIK = '"erik.lind@telia.com" <anna.svensson1985@gmail.com>';
const MARIA = '"maria.lund79@outlook.com" <anna.svensson1985@gmail.com>';
const message = (body: string, header = '') =>
  Buffer.from(
    `From: order@butiken.se\r\nTo: anna.svensson1985@gmail.com\r\n${header}Subject: Order\r\n\r\n${body}\r\n`,
  );

describe('namesShownInMessage', () => {
  it('names each held name whose address the message still shows, and none it no longer shows', async () => {
    expect(await namesShownInMessage(message('Kopia till erik.lind@telia.com.'), [ERIK, MARIA])).toEqual(
      new Set([ERIK]),
    );
    expect(await namesShownInMessage(message('Tack.'), [ERIK, MARIA])).toEqual(new Set());
  });

  it('finds an address only a decoder shows: a base64 body and an encoded-word in Reply-To', async () => {
    const base64 = Buffer.from('Kopia till maria.lund79@outlook.com').toString('base64');
    const body = message(base64, 'Content-Transfer-Encoding: base64\r\n');
    expect(await namesShownInMessage(body, [ERIK, MARIA])).toEqual(new Set([MARIA]));
    const word = `=?utf-8?b?${Buffer.from('erik.lind@telia.com').toString('base64')}?=`;
    const replyTo = message('Tack.', `Reply-To: ${word} <order@butiken.se>\r\n`);
    expect(await namesShownInMessage(replyTo, [ERIK, MARIA])).toEqual(new Set([ERIK]));
  });

  it('answers nothing for names that showed no address, without reading the message', async () => {
    expect(await namesShownInMessage(message('Tack.'), ['Anna <anna.svensson1985@gmail.com>'])).toEqual(
      new Set(),
    );
  });
});
