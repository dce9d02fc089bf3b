import { describe, expect, it } from 'vitest';
import { replaceRecipients } from '../../src/nodemailer/replace-recipients.js';

describe('replaceRecipients', () => {
  it('replaces To, removes folded Cc and Bcc fields, and leaves everything else byte for byte', () => {
    const raw = Buffer.from(
      'From: order@butiken.se\r\nTo: Anna <anna@gmial.com>,\r\n bo@example.se\r\nCc: c@example.se\r\nBcc: d@example.se\r\nSubject: =?UTF-8?Q?Orderbekr=C3=A4ftelse?=\r\n\r\nTo: this line is body\r\n',
    );
    expect(replaceRecipients(raw, ['anna@gmail.com', 'bo@example.se']).toString()).toBe(
      'From: order@butiken.se\r\nTo: anna@gmail.com, bo@example.se\r\nSubject: =?UTF-8?Q?Orderbekr=C3=A4ftelse?=\r\n\r\nTo: this line is body\r\n',
    );
  });

  it('removes every field of the resent blocks, not only their destination fields', () => {
    const raw = Buffer.from(
      'From: order@butiken.se\r\nResent-From: order@butiken.se\r\nResent-To: a@x.se\r\nResent-Date: Thu, 03 Dec 2026\r\n 10:00:00 +0000\r\nResent-Message-ID: <r@butiken.se>\r\nTo: a@x.se\r\nSubject: x\r\n\r\nBody\r\n',
    );
    expect(replaceRecipients(raw, ['anna@gmail.com']).toString()).toBe(
      'From: order@butiken.se\r\nTo: anna@gmail.com\r\nSubject: x\r\n\r\nBody\r\n',
    );
  });

  it('keeps bare LF line endings, and adds To to a message that had none', () => {
    const raw = Buffer.from('From: order@butiken.se\nSubject: x\n\nBody\n');
    expect(replaceRecipients(raw, ['anna@gmail.com']).toString()).toBe(
      'From: order@butiken.se\nSubject: x\nTo: anna@gmail.com\n\nBody\n',
    );
  });

  it('keeps 8-bit bytes of the header and body as they were', () => {
    const raw = Buffer.concat([
      Buffer.from('Subject: '),
      Buffer.from([0xe5, 0xe4, 0xf6]),
      Buffer.from('\r\nTo: x@y.se\r\n\r\n'),
      Buffer.from([0xff, 0x00]),
    ]);
    const out = replaceRecipients(raw, ['a@b.se']);
    expect([...out.subarray(9, 12)]).toEqual([0xe5, 0xe4, 0xf6]);
    expect([...out.subarray(-2)]).toEqual([0xff, 0x00]);
  });
});
