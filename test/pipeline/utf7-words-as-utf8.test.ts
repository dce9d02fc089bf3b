import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { utf7WordsAsUtf8 } from '../../src/pipeline/utf7-words-as-utf8.js';

describe('utf7WordsAsUtf8', () => {
  it('lets mailparser read a UTF-7 name as a client that decodes UTF-7 shows it, and nothing else changed', async () => {
    const header =
      'To: =?utf-7?q?erik.lind+AEA-telia.com?= <anna@example.se>, =?UTF-7?B?K0FPVS1rZQ==?= <ake@example.se>\r\n' +
      'Subject: =?utf-8?q?Orderbekr=C3=A4ftelse?= +AEA- plain\r\n\r\n';
    const parsed = await simpleParser(utf7WordsAsUtf8(Buffer.from(header)));
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value.map(({ name, address }) => [name, address])).toEqual([
      ['erik.lind@telia.com', 'anna@example.se'],
      ['åke', 'ake@example.se'],
    ]);
    expect(parsed.subject).toBe('Orderbekräftelse +AEA- plain');
  });

  it('keeps a decoded quote or angle bracket inside the name, never in the address list', async () => {
    const header = 'To: =?utf-7?q?+ACI-erik+ACIAPA-erik+AEA-telia.com+AD4-?= <anna@example.se>\r\n\r\n';
    const parsed = await simpleParser(utf7WordsAsUtf8(Buffer.from(header)));
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ name: '"erik"<erik@telia.com>', address: 'anna@example.se' }]);
  });

  it('returns the header itself when it holds no UTF-7 word', () => {
    const header = Buffer.from('To: anna+AEA-x <anna@example.se>\r\n\r\n');
    expect(utf7WordsAsUtf8(header)).toBe(header);
  });
});
