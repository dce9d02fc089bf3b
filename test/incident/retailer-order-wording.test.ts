import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

describe('a web shop’s Swedish report', () => {
  // The label of `order-details` is shared by the report, the register entry and both notices, and
  // says what every seller has: orders and prices, not the telecom operator's "services".
  it('names ordered goods, not services, for a retailer under the GDPR alone', () => {
    const report = createIncidentReport(
      {
        ...seedCase,
        provider: { name: 'Hälsohandeln AB', customerServicePhone: '010-200 30 40' },
        regimes: ['gdpr'],
        occurredAt: '2024-10-15T09:12:00+02:00',
        detectedAt: '2024-10-15T10:00:00+02:00',
        dataCategories: ['name', 'postal-address', 'order-details', 'health'],
      },
      { now: '2024-10-15T11:00:00+02:00' },
    );
    const text = renderIncidentReport(report, { locale: 'sv' });
    expect(text).not.toContain('beställda tjänster');
    expect(text).toContain('beställningar med priser');
  });
});
