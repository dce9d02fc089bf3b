import { describe, expect, it } from 'vitest';
import {
  createFollowUpReport,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The follow-up's list of changes is read by the authority in the language the report is rendered
// in (Regulation 611/2013 Art. 2(3)): a follow-up made with `locale: 'en'` and rendered in Swedish
// words the item it cleared in Swedish, not in the English of the day it was made.
const first = createIncidentReport(
  { ...seedCase, needsReview: [{ code: 'unread-content', values: {} }] },
  { now: '2018-02-23T15:10:00+01:00' },
);

describe('the follow-up’s change list, worded when rendered', () => {
  for (const [made, rendered, words, foreign] of [
    ['en', 'sv', 'meddelandets innehåll', 'the message'],
    ['sv', 'en', 'the message', 'meddelandets innehåll'],
  ] as const)
    it(`words a cleared review item in the rendering language (${made} → ${rendered})`, () => {
      const followUp = createFollowUpReport(
        first,
        { needsReview: [] },
        { now: '2018-02-23T16:00:00+01:00', locale: made },
      );
      const text = renderIncidentReport(followUp, { locale: rendered });
      const list = text.slice(text.indexOf(rendered === 'sv' ? 'Ändrat sedan dess:' : 'Changed since:'));
      const line = list.split('\n').find((entry) => entry.includes('→')) ?? '';
      expect(line).toContain(words);
      expect(line).not.toContain(foreign);
    });
});
