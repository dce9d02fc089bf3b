import { describe, expect, it } from 'vitest';
import { reportMisdirected } from '../../src/incident/index.js';
import { misdirectedInput, refusal } from './shared-fixtures.js';

// The seed message's Date header: Fri, 23 Feb 2018 13:36:12 +0100.
const now = '2018-02-23T15:10:00+01:00';

describe('a misdirected message’s breach dated before the message was sent', () => {
  it('is refused, naming the breach’s date and the Date header’s, in English', async () => {
    const error = await refusal(
      reportMisdirected({ ...misdirectedInput, occurredAt: '1970-01-01T00:00:00Z' }, { now }),
    );
    expect(error.field).toBe('input.occurredAt');
    expect(error.message).toContain(
      'the incident is dated 1970-01-01T00:00:00.000Z, before the message was sent according to its Date header, 2018-02-23T12:36:12.000Z',
    );
  });

  it('is refused in Swedish with the same two dates', async () => {
    const error = await refusal(
      reportMisdirected(
        { ...misdirectedInput, occurredAt: '2018-02-20T12:00:00+01:00' },
        { now, locale: 'sv' },
      ),
    );
    expect(error.message).toContain(
      'händelsen är daterad 2018-02-20T11:00:00.000Z, före meddelandet skickades enligt dess datumrad (Date) 2018-02-23T12:36:12.000Z',
    );
  });

  it('allows a sending clock or a time zone some hours off', async () => {
    const result = await reportMisdirected(
      { ...misdirectedInput, occurredAt: '2018-02-23T02:36:12+01:00' },
      { now },
    );
    expect(result.report.incident.occurredAt).toBe('2018-02-23T01:36:12.000Z');
  });
});
