import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

// An order confirmation sent to a colleague's address, who deleted it at once.
const colleague = createIncidentReport(
  {
    ...misdirectedOrderCase,
    reference: 'INC-COLLEAGUE-1',
    misdirected: { intended: 'lars.nystrom@gmail.com', actual: 'lars.nystrom@teleab.se' },
    recipient: 'internal',
    recipientConfirmedDeletion: true,
  },
  { now: '2024-05-21T10:00:00+02:00' },
);

/** The consequences section and the description of a rendered text report. */
const section = (locale: 'sv' | 'en', heading: RegExp) => {
  const lines = renderIncidentReport(colleague, { locale }).split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line));
  return lines.slice(start + 1, end).join('\n');
};

describe('the consequences of a message a colleague received', () => {
  it('say what the colleague learnt, not what a stranger could do (Swedish)', () => {
    const text = section('sv', /^Bedömda konsekvenser/);
    expect(text).toContain(
      'En kollega inom organisationen, som inte skulle ha uppgifterna, har fått kännedom om kundens namn, postadress, kundnummer och beställningar med priser. Kollegan har raderat meddelandet, och uppgifterna har inte lämnat organisationen.',
    );
    expect(text).not.toMatch(/beställa varor i kundens namn|utge sig för att vara kunden/);
  });

  it('say what the colleague learnt, not what a stranger could do (English)', () => {
    const text = section('en', /^Assessed consequences|^Likely consequences|^Consequences/);
    expect(text).toContain('A colleague inside the organisation, who was not meant to have the data');
    expect(text).not.toMatch(/order goods in the customer’s name|call customer service as the customer/);
  });

  it('describe the address as a colleague’s, in both languages', () => {
    expect(section('sv', /^Beskrivning av incidenten/)).toContain(
      'som tillhör en kollega inom organisationen. Kollegan har därmed kunnat läsa kundens uppgifter.',
    );
    expect(renderIncidentReport(colleague, { locale: 'en' })).toContain(
      'which belongs to a colleague inside the organisation. The colleague could read the customer’s details.',
    );
  });

  it('still says what a stranger could do where the recipient is outside the organisation', () => {
    const stranger = createIncidentReport(
      { ...misdirectedOrderCase, reference: 'INC-STRANGER-1' },
      { now: '2024-05-21T10:00:00+02:00' },
    );
    expect(renderIncidentReport(stranger, { locale: 'sv' })).toContain(
      'Adressen kan användas för oönskade kontakter eller för att beställa varor i kundens namn.',
    );
  });
});
