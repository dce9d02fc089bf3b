import { describe, expect, it } from 'vitest';
import { renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { halsohandelnInput, halsohandelnOrder, unreadAttachmentInput } from './shared-fixtures.js';

// An order confirmation whose one order line no term classifies: a person must look at it, until
// they say they have (`needsReview: []`, an empty list: nothing left to review).
const facts = {
  ...halsohandelnInput(halsohandelnOrder('Presentkort Spa-paket 1 st 799 kr', '848 kr')),
  recipientConfirmedDeletion: true,
  recipient: 'trusted' as const,
};

const reviewWords = /granska|kunde inte klassas|could not be classified|must check|to be reviewed|review/i;

describe('a review the caller has cleared (needsReview: [])', () => {
  it('still asks for the review while nothing is said of it', async () => {
    const open = await reportMisdirected(facts, { now: '2024-03-11T11:00:00+01:00' });
    expect(open.inventory.notes.join(' ')).toMatch(reviewWords);
  });

  for (const locale of ['sv', 'en'] as const)
    it(`warns of nothing left to review, in the notes or the report (${locale})`, async () => {
      const cleared = await reportMisdirected(
        { ...facts, needsReview: [] },
        { locale, now: '2024-03-11T11:00:00+01:00' },
      );
      expect(cleared.assessment.needsReview).toBeUndefined();
      expect(cleared.inventory.notes.join(' ')).not.toMatch(reviewWords);
      expect(renderIncidentReport(cleared.report, { locale })).not.toMatch(
        /kunde inte klassas|could not be classified|måste granska|must check whether|preliminär|provisional/i,
      );
    });

  it('no longer asks for an unread attachment to be read once a person said what it held', async () => {
    const now = { now: '2024-10-01T12:00:00+02:00' };
    const open = await reportMisdirected(unreadAttachmentInput, now);
    expect(open.inventory.notes.join(' ')).toContain('was not read; check its content by hand');
    const read = await reportMisdirected(
      { ...unreadAttachmentInput, needsReview: [], dataCategories: ['financial'] },
      now,
    );
    expect(read.inventory.notes.join(' ')).not.toContain('check its content by hand');
    // Cleared without saying what it held, the attachment is still to be read.
    const unsaid = await reportMisdirected({ ...unreadAttachmentInput, needsReview: [] }, now);
    expect(unsaid.inventory.notes.join(' ')).toContain('check its content by hand');
  });
});
