import { describe, expect, it } from 'vitest';
import {
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { healthShop } from './shared-fixtures.js';

// A web shop under the GDPR alone whose responsible person judged the risk unlikely and chose to tell
// the customer anyway: GDPR Art. 34(1) requires it only at a high risk, so the notice is the
// controller's choice, not a duty the report may claim.
const judgedUnlikelyButTold = {
  ...healthShop,
  judgment: {
    by: 'Karin Berg, dataskyddsombud',
    at: '2024-10-15T11:30:00+02:00',
    reason: 'Mottagaren bekräftade skriftligen inom en timme att meddelandet raderats.',
    risk: 'unlikely' as const,
    notifyAuthority: false,
    notifyDataSubjects: true,
  },
};
const conclusionOf = (locale: 'sv' | 'en') => {
  const text = renderIncidentReport(
    createIncidentReport(judgedUnlikelyButTold, { now: '2024-10-15T12:00:00+02:00' }),
    { locale, format: 'text' },
  );
  return text.slice(text.indexOf(locale === 'sv' ? 'Slutsats\n' : 'Conclusion\n'));
};

describe('a notice the responsible person chose where the law does not require one', () => {
  it('says the controller has chosen to tell the data subjects, not that they must be told (en)', () => {
    const conclusion = conclusionOf('en');
    expect(conclusion).toContain(
      'no notice is required at this risk, but the controller has chosen to tell the data subject',
    );
    expect(conclusion).not.toContain('must be told');
    expect(conclusion).not.toContain('the person concerned is to be told');
  });

  it('says the controller has chosen to inform the data subjects, not that they must be (sv)', () => {
    const conclusion = conclusionOf('sv');
    expect(conclusion).toContain(
      'information krävs inte vid denna risk, men den personuppgiftsansvariga har valt att informera den registrerade',
    );
    expect(conclusion).not.toContain('den registrerade ska informeras');
  });

  it('says in the register line that the notice is not required and given voluntarily', () => {
    const report = createIncidentReport(judgedUnlikelyButTold, { now: '2024-10-15T12:00:00+02:00' });
    expect(incidentRegisterEntry(report)).toContain(
      '| underrättelse krävs inte, de berörda ska underrättas frivilligt |',
    );
    expect(incidentRegisterEntry(report, { locale: 'en' })).toContain(
      '| notice not required, people concerned to be told voluntarily |',
    );
  });
});
