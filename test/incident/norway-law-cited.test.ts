import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

// Norway applies the GDPR through personopplysningsloven (LOV-2018-06-15-38) § 1, which makes it
// Norwegian law: the report cites that law, not the EEA decision addressed to the EEA States.
describe('a Norwegian organisation’s report', () => {
  it('cites personopplysningsloven (LOV-2018-06-15-38), not EEA Joint Committee Decision No 154/2018', () => {
    const report = createIncidentReport(
      {
        ...misdirectedOrderCase,
        provider: { name: 'Nordhandel AS', country: 'NO' },
        regimes: ['gdpr'],
        reference: 'NH-2024-0001',
      },
      { now: '2024-05-21T09:00:00+02:00' },
    );
    const text = renderIncidentReport(report, { locale: 'en' });
    expect(text).toContain('personopplysningsloven (LOV-2018-06-15-38)');
    expect(text).not.toContain('154/2018');
  });
});
