import { describe, expect, it } from 'vitest';
import { createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { refusal } from './shared-fixtures.js';

describe('a confirmed deletion beside a recall that was not made', () => {
  it('refuses recall-and-delete rejected together with recipientConfirmedDeletion, naming both', async () => {
    const error = await refusal(
      (async () =>
        createIncidentReport(
          {
            ...seedCase,
            recipientConfirmedDeletion: true,
            measures: [
              { id: 'recall-and-delete', status: 'rejected', reason: 'Mottagaren gick inte att nå.' },
            ],
          },
          { locale: 'sv', now: '2018-02-23T15:30:00+01:00' },
        ))(),
    );
    expect(error.issues).toEqual([
      {
        path: ['input', 'recipientConfirmedDeletion'],
        message:
          'motsäger measures.0 (recall-and-delete) som är rejected: raderingen är bekräftad först när mottagaren har tillfrågats och svarat; markera åtgärden done (med doneAt) eller ta bort recipientConfirmedDeletion',
      },
    ]);
  });
});
