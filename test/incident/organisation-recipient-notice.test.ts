import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const at = { occurredAt: '2024-02-23T13:36:00+01:00', detectedAt: '2024-02-23T14:00:00+01:00' };
const now = '2024-02-24T10:00:00+01:00';

describe('the notice when another organisation received the data', () => {
  it.each([
    ['trusted', 'en', 'bound by confidentiality', 'could order goods in your name'],
    ['other-organisation', 'en', 'another company or organisation', 'could order goods in your name'],
    ['trusted', 'sv', 'tystnadsplikt', 'beställa varor i ditt namn'],
  ] as const)(
    'says a %s recipient is no stranger and tones the consequences down where the risk is unlikely (%s)',
    async (recipient, locale, said, stranger) => {
      const report = createIncidentReport({ ...seedCase, ...at, recipient }, { now });
      expect(report.assessment.risk).toBe('unlikely');
      const notice = await buildCustomerNotice(report, { channel: 'email', locale });
      expect(notice.text).toContain(said);
      expect(notice.text).not.toContain(stranger);
    },
  );

  it('keeps what a stranger could do where the risk is not unlikely', async () => {
    const report = createIncidentReport(
      { ...seedCase, ...at, recipient: 'other-organisation', recipientConfirmedDeletion: false },
      { now },
    );
    expect(report.assessment.risk).not.toBe('unlikely');
    const notice = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(notice.text).toContain('could order goods in your name');
  });
});
