import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  createFollowUpReport,
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

const timeline = [
  {
    at: '2018-02-23T13:52:00+01:00',
    what: 'Kundservice nådde mottagaren, som raderade meddelandet.',
    who: 'Kundservice',
    kind: 'contained' as const,
  },
  {
    at: '2018-02-23T13:45:00+01:00',
    what: 'Mottagaren ringde kundservice om en beställning hon inte gjort.',
    who: 'Kundservice',
    kind: 'detected' as const,
  },
];
const customerCall = seedCustomerCall;

describe('the timeline and the call', () => {
  const report = createIncidentReport(
    { ...seedCase, timeline, customerCall, initialNotificationAt: '2018-02-23T16:00:00+01:00' },
    // Written after the first notification it records.
    { now: '2018-02-23T16:10:00+01:00' },
  );

  it('puts the steps in order from the breach to each notification, adding those the report knows', () => {
    expect(buildTimeline(report).map((step) => [step.at, step.kind])).toEqual([
      ['2018-02-23T12:36:00.000Z', 'occurred'],
      ['2018-02-23T12:45:00.000Z', 'detected'],
      ['2018-02-23T12:52:00.000Z', 'contained'],
      ['2018-02-23T13:30:00.000Z', 'customer-called'],
      ['2018-02-23T15:00:00.000Z', 'authority-notified'],
    ]);
  });

  it('renders the timeline in order with who did what, and the customer’s answers', () => {
    const text = renderIncidentReport(report, { locale: 'sv' });
    const section = text.slice(text.indexOf('\nTidslinje\n'), text.indexOf('\nInternt referensnummer\n'));
    expect(section.trim().split('\n').slice(1)).toEqual([
      '  - 2018-02-23 kl. 13.36 CET – Meddelandet skickades till fel adress.',
      '  - 2018-02-23 kl. 13.45 CET – Mottagaren ringde kundservice om en beställning hon inte gjort. (Kundservice)',
      '  - 2018-02-23 kl. 13.52 CET – Kundservice nådde mottagaren, som raderade meddelandet. (Kundservice)',
      '  - 2018-02-23 kl. 14.30 CET – Kunden ringdes upp. (Erik Holm, kundservice)',
      '  - 2018-02-23 kl. 16.00 CET – Första anmälan till PTS.',
    ]);
    expect(text).toContain(
      'Samtal med kunden 2018-02-23 kl. 14.30 CET (Erik Holm, kundservice). Innan något berättades kontrollerades att det var kunden som svarade. Kundens svar:',
    );
    expect(text).toContain('  - Har du några frågor till oss? – Nej.');
  });
});

describe('createFollowUpReport', () => {
  const first = createIncidentReport(seedCase, { now });

  it('makes the complete report from the first, with what changed', () => {
    // A new password can have been sent only where the message carried login details.
    const withLogin = createIncidentReport(
      { ...seedCase, dataCategories: [...seedCase.dataCategories, 'credentials'] },
      { now },
    );
    const followUp = createFollowUpReport(
      withLogin,
      {
        initialNotificationAt: '2018-02-23T16:00:00+01:00',
        measures: [
          { id: 'new-password', status: 'done' },
          { id: 'seller-feedback', status: 'done' },
        ],
        customerCall,
        timeline: [
          { at: '2018-02-26T09:00:00+01:00', what: 'Säljaren fick återkoppling.', who: 'Teamledare' },
        ],
      },
      { now: '2018-02-26T10:00:00+01:00' },
    );
    expect(followUp.notification).toBe('follow-up');
    expect(followUp.reference).toBe(first.reference);
    expect(followUp.followUp).toEqual({
      firstCreatedAt: withLogin.createdAt,
      changes: [
        { field: 'facts.initialNotificationAt', after: '2018-02-23T15:00:00.000Z' },
        { field: 'measures.new-password', before: 'planned', after: 'done' },
        { field: 'measures.seller-feedback', before: 'proposed', after: 'done' },
        { field: 'customerCall', after: '2018-02-23T13:30:00.000Z' },
        { field: 'timeline', after: 'Säljaren fick återkoppling. (Teamledare)' },
      ],
    });
    // The complete notification is due three days after the first one (Regulation 611/2013 Art. 2(3)).
    expect(
      followUp.assessment.deadlines.find((deadline) => deadline.article === 'Regulation 611/2013 Art. 2(3)')
        ?.due,
    ).toBe('2018-02-26T15:00:00.000Z');
    const text = renderIncidentReport(followUp, { locale: 'sv' });
    expect(text).toContain('Kompletterande anmälan.');
    expect(text).toContain(
      'Kompletterar den första anmälan, upprättad 2018-02-23 kl. 15.10 CET. Ändrat sedan dess:',
    );
    expect(text).toContain('  - Åtgärd (nytt lösenord till kunden): planerad → genomförd');
    expect(text).toContain('  - Första anmälan: – → 2018-02-23 kl. 16.00 CET');
  });

  it('assesses again when the facts change, and says how the conclusion moved', () => {
    const followUp = createFollowUpReport(first, { dataCategories: [...first.data.categories, 'health'] });
    expect(followUp.followUp?.changes).toContainEqual({
      field: 'decision.risk',
      before: 'risk',
      after: 'high',
    });
  });

  it('names the field of a change that breaks its schema', () => {
    expect(() => createFollowUpReport(first, { dataSubjects: 0 })).toThrow(/changes\.dataSubjects/);
  });
});

describe('incidentRegisterEntry', () => {
  it('writes one line for the provider’s register of integrity incidents', () => {
    const report = createIncidentReport(
      { ...seedCase, initialNotificationAt: '2018-02-23T16:00:00+01:00' },
      { now: '2018-02-23T16:10:00+01:00' },
    );
    const entry = incidentRegisterEntry(report);
    // The seed's measures, and telling the customer as a courtesy proposed beside them.
    expect(entry).not.toContain('\n');
    expect(entry).toBe(
      '2018-02-23 | INC-2018-0042 | Integritetsincident | e-post till fel mottagare | 1 berörd | namn, postadress, kundnummer och beställningar med priser | risk | anmäld till PTS 2018-02-23 kl. 16.00 CET | underrättelse krävs inte, rekommenderas som service | åtgärder: 4 genomförda, 1 planerad, 2 föreslagna',
    );
    expect(incidentRegisterEntry(report, { locale: 'en', separator: '\t' }).split('\t')).toHaveLength(10);
  });
});
