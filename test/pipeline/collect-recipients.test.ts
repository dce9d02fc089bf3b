import fc from 'fast-check';
import addressparser from 'nodemailer/lib/addressparser';
import { describe, expect, it } from 'vitest';
import { collectRecipients } from '../../src/pipeline/collect-recipients.js';

describe('collectRecipients', () => {
  it('keeps each To, Cc and Bcc text it parsed, as the address parser made it, for a later reading', () => {
    const parsedLists = new Map<string, ReturnType<typeof addressparser>>();
    const to = 'Anna <anna@example.se>, Team: bo@example.se, "Lind, F" <f@example.se>;';
    const recipients = collectRecipients(
      { to, cc: ['cecilia@example.se', { address: 'dan@example.se' }], headers: { Bcc: 'eva@example.se' } },
      { parsedLists },
    );
    expect([...parsedLists.keys()]).toEqual([to, 'cecilia@example.se']);
    expect(parsedLists.get(to)).toEqual(addressparser(to));
    // The list read from the kept parse is the one a fresh, flattened parse gives.
    expect(recipients.slice(0, 3)).toEqual(
      addressparser(to, { flatten: true }).map(({ name, address }) =>
        name ? { field: 'to', address, name } : { field: 'to', address },
      ),
    );
  });

  it('flattens strings, lists, objects, arrays and groups of every field, the envelope included', () => {
    const recipients = collectRecipients({
      to: 'Anna <anna@example.se>, bo@example.se',
      cc: [{ name: 'Cecilia', address: 'cecilia@example.se' }, ['dan@example.se']],
      bcc: 'Team: eva@example.se, "Lind, F" <f@example.se>;',
      envelope: { from: 'shop@example.se', to: 'g@example.se', bcc: ['h@example.se'] },
      headers: { Cc: 'i@example.se', 'X-Other': 'j@example.se' },
    });
    expect(recipients.map(({ field, address }) => `${field}:${address}`)).toEqual([
      'to:anna@example.se',
      'to:bo@example.se',
      'cc:cecilia@example.se',
      'cc:dan@example.se',
      'bcc:eva@example.se',
      'bcc:f@example.se',
      'cc:i@example.se',
      'envelope:g@example.se',
      'envelope:h@example.se',
    ]);
    expect(recipients[0]?.name).toBe('Anna');
  });

  it('reads an object with both an address and a group as nodemailer does: the address alone', () => {
    const shape = { address: 'stranger@example.com', group: [{ address: 'anna@example.se' }] };
    for (const sources of [{ to: shape }, { bcc: [shape] }, { envelope: { to: shape } }]) {
      expect(collectRecipients(sources).map(({ address }) => address)).toEqual(['stranger@example.com']);
    }
    expect(collectRecipients({ to: { name: 'Team', group: [{ address: 'anna@example.se' }] } })).toEqual([
      { field: 'to', address: 'anna@example.se' },
    ]);
  });

  it('reads a custom header named with odd case, spaces or a colon as the field nodemailer writes', () => {
    const headers = {
      'Bcc ': 'a@example.se',
      'bcc:': 'b@example.se',
      ' To:': 'c@example.se',
      'CC\t': 'd@example.se',
    };
    expect(collectRecipients({ headers }).map(({ field, address }) => `${field}:${address}`)).toEqual([
      'bcc:a@example.se',
      'bcc:b@example.se',
      'to:c@example.se',
      'cc:d@example.se',
    ]);
    expect(collectRecipients({ headers: [{ key: 'Bcc:', value: 'e@example.se' }] })).toEqual([
      { field: 'bcc', address: 'e@example.se' },
    ]);
  });

  it('keeps a value with a line break whole instead of splitting it into recipients', () => {
    const injected = 'anna@example.se\r\nBcc: thief@example.com';
    expect(collectRecipients({ to: injected })).toEqual([{ field: 'to', address: injected }]);
    expect(collectRecipients({ cc: { name: 'A\nB', address: 'a@example.se' } })).toEqual([
      { field: 'cc', address: 'A\nB <a@example.se>' },
    ]);
  });

  it('keeps a value with a TAB whole, since the address parser splits on it as on a space', () => {
    const tabbed = 'anna@example.se\terik@example.com';
    expect(collectRecipients({ to: tabbed })).toEqual([{ field: 'to', address: tabbed }]);
    expect(collectRecipients({ to: { name: 'erik@example.com\t', address: 'anna@example.se' } })).toEqual([
      { field: 'to', address: 'erik@example.com\t <anna@example.se>' },
    ]);
    expect(collectRecipients({ from: `shop@example.se\t${'erik@example.com'}` }).map((r) => r.field)).toEqual(
      ['from'],
    );
  });

  it('keeps an envelope entry with anything beside its address whole, the sender too', () => {
    expect(
      collectRecipients({
        envelope: {
          from: 'shop@example.se erik@example.com',
          to: [
            'anna@example.se erik@example.com',
            '<bo@example.se> NOTIFY=NEVER',
            'cf@example.se, df@example.se',
          ],
        },
      }),
    ).toEqual([
      { field: 'envelope', address: 'anna@example.se erik@example.com' },
      { field: 'envelope', address: '<bo@example.se> NOTIFY=NEVER' },
      { field: 'envelope', address: 'cf@example.se' },
      { field: 'envelope', address: 'df@example.se' },
      { field: 'envelope-from', address: 'shop@example.se erik@example.com' },
    ]);
  });

  it('reads an envelope entry with a plain display name as its address, as nodemailer delivers it', () => {
    // nodemailer's own documented envelope example.
    expect(
      collectRecipients({
        envelope: {
          from: 'Daemon <deamon@nodemailer.com>',
          to: ['alice@example.com', 'Bob <bob@example.net>'],
        },
      }),
    ).toEqual([
      { field: 'envelope', address: 'alice@example.com' },
      { field: 'envelope', address: 'bob@example.net', name: 'Bob' },
    ]);
  });

  it('lists an envelope entry written as text and as an object alike, its name kept', () => {
    const asText = collectRecipients({
      envelope: { to: ['Bob <bob@example.net>', '"Kund, Anna" <anna@example.se>'] },
    });
    const asObjects = collectRecipients({
      envelope: {
        to: [
          { name: 'Bob', address: 'bob@example.net' },
          { name: 'Kund, Anna', address: 'anna@example.se' },
        ],
      },
    });
    expect(asText).toEqual(asObjects);
    expect(asText).toEqual([
      { field: 'envelope', address: 'bob@example.net', name: 'Bob' },
      { field: 'envelope', address: 'anna@example.se', name: 'Kund, Anna' },
    ]);
  });

  it('refuses an envelope entry whose name shows another address alike as text and as an object', () => {
    const name = '=?utf-8?q?erik=40example.com?=';
    const asText = collectRecipients({ envelope: { to: `${name} <anna@example.se>` } });
    const asObject = collectRecipients({ envelope: { to: { name, address: 'anna@example.se' } } });
    expect(asText.map(({ address }) => address)).toEqual(asObject.map(({ address }) => address));
    expect(asText).toEqual([{ field: 'envelope', address: `${name} <anna@example.se>` }]);
  });

  it('keeps an envelope entry whole whose name shows an address or that has words beside a bare one', () => {
    const entries = [
      'erik@example.com <anna@example.se>',
      'anna@example.se NOTIFY=NEVER',
      'Bob <bob@example.net> NOTIFY=NEVER',
    ];
    expect(collectRecipients({ envelope: { to: entries } })).toEqual(
      entries.map((address) => ({ field: 'envelope', address })),
    );
  });

  it('refuses an envelope object whose name shows an address, though nodemailer drops the name', () => {
    expect(
      collectRecipients({
        envelope: {
          to: [
            { name: 'erik@example.com', address: 'anna@example.se' },
            { name: 'Bo', address: 'bo@example.se' },
          ],
        },
      }),
    ).toEqual([
      { field: 'envelope', address: 'erik@example.com <anna@example.se>' },
      { field: 'envelope', address: 'bo@example.se', name: 'Bo' },
    ]);
  });

  it('lists a custom header only when its value, prepared or not, holds a line break', () => {
    const injected = 'x\r\nBcc: thief@example.com';
    expect(
      collectRecipients({
        to: 'a@example.se',
        headers: {
          'X-Plain': 'ok',
          'X-Prepared': { prepared: true, value: injected },
          'X-List': ['ok', 'y\nz'],
        },
      }),
    ).toEqual([
      { field: 'to', address: 'a@example.se' },
      { field: 'header', address: injected, header: 'X-Prepared' },
      { field: 'header', address: 'y\nz', header: 'X-List' },
    ]);
  });

  it('lists an originator field only when it holds a line break', () => {
    expect(
      collectRecipients({ to: 'a@example.se', from: 'Shop <shop@example.se>', replyTo: 'x@example.se' }),
    ).toEqual([{ field: 'to', address: 'a@example.se' }]);
    expect(
      collectRecipients({ to: 'a@example.se', replyTo: 'x@example.se\r\nBcc: y@example.com' }).map(
        (r) => r.field,
      ),
    ).toEqual(['to', 'reply-to']);
  });

  it('keeps a token that names no address, so it is refused rather than dropped', () => {
    expect(collectRecipients({ to: 'anna.example.se, bo@example.se' }).map((r) => r.address)).toEqual([
      'anna.example.se',
      'bo@example.se',
    ]);
    // mailparser's reading of the same list: the token is a name with an empty address.
    const parsed = {
      value: [
        { address: '', name: 'anna.example.se' },
        { address: 'bo@example.se', name: '' },
      ],
    };
    expect(collectRecipients({ to: parsed }).map((r) => r.address)).toEqual([
      'anna.example.se',
      'bo@example.se',
    ]);
  });

  it('survives cyclic arrays and ignores empty values', () => {
    const cyclic: unknown[] = ['a@example.se'];
    cyclic.push(cyclic);
    expect(collectRecipients({ to: cyclic, cc: '', bcc: null })).toEqual([
      { field: 'to', address: 'a@example.se' },
    ]);
  });

  it('never throws, and every line break given comes out in some recipient whole', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (value, text) => {
        const recipients = collectRecipients({ to: value, cc: text });
        if (/[\r\n]/.test(text))
          expect(recipients.some((recipient) => recipient.address === text)).toBe(true);
      }),
    );
  });
});
