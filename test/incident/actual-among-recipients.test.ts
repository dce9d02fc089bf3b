import { describe, expect, it } from 'vitest';
import { inventoryMessage, reportMisdirected } from '../../src/incident/index.js';
import { misdirectedInput, refusal } from './shared-fixtures.js';

const facts = misdirectedInput;
const sent = facts.message as Buffer;
const now = '2018-02-23T15:10:00+01:00';

describe('the address the message went to is one of its own recipients', () => {
  it('lists the message’s recipients from To, Cc, Bcc and the envelope headers', async () => {
    const raw = [
      'From: Nordkabel AB <order@nordkabel.se>',
      'To: Anna <anna@example.se>, team: bo@example.se, cia@example.se;',
      'Cc: dora@example.se',
      'Bcc: erik@example.se',
      'Delivered-To: fia@example.se',
      'X-Original-To: gun@example.se',
      'Envelope-To: hans@example.se',
      'Subject: Order',
      '',
      'Hej',
      '',
    ].join('\r\n');
    expect((await inventoryMessage(raw)).recipients).toEqual([
      'anna@example.se',
      'bo@example.se',
      'cia@example.se',
      'dora@example.se',
      'erik@example.se',
      'fia@example.se',
      'gun@example.se',
      'hans@example.se',
    ]);
  });

  it('refuses an actual address the message was never sent to, naming input.actual', async () => {
    const error = await refusal(reportMisdirected({ ...facts, actual: 'karin@example.se' }, { now }));
    expect(error.field).toBe('input.actual');
    expect(error.message).toContain('anna.svensson185@gmail.com');
    expect(error.message).toContain(
      "not among the message's own recipients (To, Cc, Bcc, Resent-To, Resent-Cc, Resent-Bcc, Delivered-To, X-Original-To, Envelope-To, X-Envelope-To)",
    );
  });

  it('takes an actual address that is the same mailbox as a recipient', async () => {
    const result = await reportMisdirected(
      { ...facts, actual: 'Anna.Svensson185+x@googlemail.com' },
      { now },
    );
    expect(result.report.incident.misdirected?.actual).toBe('Anna.Svensson185+x@googlemail.com');
  });

  it('takes an actual address found only in an envelope header', async () => {
    const message = `Delivered-To: anna.svensson185@gmail.com\r\n${sent.toString('utf8').replace(/^To: .*\r?\n/m, 'To: undisclosed-recipients:;\r\n')}`;
    const result = await reportMisdirected({ ...facts, message }, { now });
    expect(result.inventory.recipients).toEqual(['anna.svensson185@gmail.com']);
  });

  it.each([
    [
      'en',
      'the message names no recipient (To, Cc, Bcc, Resent-To, Resent-Cc, Resent-Bcc, Delivered-To, X-Original-To, Envelope-To, X-Envelope-To), so that it went to anna.svensson185@gmail.com cannot be checked',
    ],
    [
      'sv',
      'meddelandet har ingen mottagare (To, Cc, Bcc, Resent-To, Resent-Cc, Resent-Bcc, Delivered-To, X-Original-To, Envelope-To, X-Envelope-To), så att det gick till anna.svensson185@gmail.com kan inte kontrolleras',
    ],
  ] as const)(
    'refuses a message that names no recipient, naming input.message (%s)',
    async (locale, said) => {
      const message = sent.toString('utf8').replace(/^To: .*\r?\n/m, '');
      const error = await refusal(reportMisdirected({ ...facts, message }, { now, locale }));
      expect(error.field).toBe('input.message');
      expect(error.issues[0]?.code).toBe('message-names-no-recipient');
      expect(error.message).toContain(said);
    },
  );
});
