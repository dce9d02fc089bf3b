import { describe, expect, it } from 'vitest';
import { createIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { misdirectedInput, refusal } from './shared-fixtures.js';

// A recipient who confirmed the deletion received the message: beside a delivery that is not
// established, the notice would state the confirmation among sentences saying it may not have arrived.
describe('a confirmed deletion beside a delivery that is not established', () => {
  it('refuses misdirected.unconfirmed together with recipientConfirmedDeletion, naming both (sv)', async () => {
    const error = await refusal(
      (async () =>
        createIncidentReport(
          {
            ...seedCase,
            misdirected: {
              intended: 'anna.karlsson@example.se',
              actual: 'anna.karlson@example.se',
              unconfirmed: true,
            },
            recipientConfirmedDeletion: true,
          },
          { locale: 'sv', now: '2018-02-23T15:30:00+01:00' },
        ))(),
    );
    expect(error.issues).toEqual([
      {
        path: ['input', 'recipientConfirmedDeletion'],
        message:
          'motsäger misdirected.unconfirmed: en mottagare som har bekräftat raderingen har fått meddelandet; ta bort misdirected.unconfirmed eller recipientConfirmedDeletion',
      },
    ]);
  });

  it('refuses the pair given to reportMisdirected (en)', async () => {
    const error = await refusal(
      reportMisdirected(
        { ...misdirectedInput, unconfirmed: true, recipientConfirmedDeletion: true },
        { locale: 'en', now: '2018-02-23T15:30:00+01:00' },
      ),
    );
    expect(error.issues.map((issue) => issue.message)).toContainEqual(
      expect.stringContaining('recipientConfirmedDeletion'),
    );
    expect(error.issues.map((issue) => issue.message)).toContainEqual(expect.stringContaining('unconfirmed'));
  });
});
