import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

// A breach in London in British summer time, written in London time.
const london = createIncidentReport(
  {
    ...misdirectedOrderCase,
    reference: 'INC-LONDON-1',
    provider: { name: 'Teleab Ltd', country: 'GB' },
    occurredAt: '2024-05-20T09:00:00+01:00',
    detectedAt: '2024-05-20T10:00:00+01:00',
  },
  { now: '2024-05-21T10:00:00+01:00' },
);

describe('the time zone a report names', () => {
  it('writes British summer time as UTC+1 in Swedish, not GMT+1', () => {
    const text = renderIncidentReport(london, { locale: 'sv', timeZone: 'Europe/London' });
    expect(text).toContain('2024-05-20 kl. 09.00 UTC+1');
    expect(text).not.toContain('GMT+1');
  });

  it('writes it as BST in English', () => {
    const text = renderIncidentReport(london, { locale: 'en', timeZone: 'Europe/London' });
    expect(text).toContain('20 May 2024, 09:00 BST');
  });

  it('keeps the Swedish names of the zones Swedish has them for', () => {
    expect(renderIncidentReport(london, { locale: 'sv', timeZone: 'Europe/Stockholm' })).toContain(
      '2024-05-20 kl. 10.00 CEST',
    );
  });
});
