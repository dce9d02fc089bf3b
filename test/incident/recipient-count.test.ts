import { describe, expect, it } from 'vitest';
import { reportMisdirected } from '../../src/incident/index.js';

const organisation = {
  name: 'Butiken AB',
  regimes: ['gdpr' as const],
  contact: { name: 'Karin Berg', email: 'dpo@butiken.se', phone: '08-123 456 00' },
};

/** A newsletter sent with every customer in To and Cc, the shop's own address among them. */
function groupMessage(count: number): string {
  const cc = Array.from({ length: count }, (_, index) => `kund${String(index).padStart(3, '0')}@example.se`);
  return [
    'From: Butiken AB <info@butiken.se>',
    `To: info@butiken.se, ${cc[0]}`,
    `Cc: ${cc.slice(1).join(', ')}`,
    'Subject: Nyhetsbrev',
    'Date: Tue, 01 Oct 2024 09:00:00 +0200',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hej! Här kommer höstens erbjudanden.',
  ].join('\r\n');
}

// A message to many at once reached each of them: the report records how many, for its texts to
// speak of that number of recipients and not of one (GDPR Art. 33(3)(a)).
describe('the number of recipients of a message sent to many', () => {
  it('records the 300 addresses in To and Cc, without the organisation’s own', async () => {
    const { report } = await reportMisdirected(
      {
        message: groupMessage(300),
        intended: 'kund000@example.se',
        actual: 'kund001@example.se',
        customer: { id: 'K-0', name: 'Kund Noll', emails: ['kund000@example.se'] },
        organisation: { ...organisation, noticeFrom: 'info@butiken.se' },
        reference: 'B-2024-1001',
        detectedAt: '2024-10-01T10:00:00+02:00',
      },
      { now: '2024-10-01T12:00:00+02:00', ignore: ['info@butiken.se'] },
    );
    expect(report.incident.misdirected?.recipients).toBe(300);
    expect(report.affected.dataSubjects).toBe(300);
  });

  it('records nothing for a message to one address', async () => {
    const { report } = await reportMisdirected(
      {
        message:
          'From: info@butiken.se\r\nTo: kund001@example.se\r\nSubject: Order\r\nDate: Tue, 01 Oct 2024 09:00:00 +0200\r\n\r\nHej Kund Noll!\r\n',
        intended: 'kund000@example.se',
        actual: 'kund001@example.se',
        customer: { id: 'K-0', name: 'Kund Noll' },
        organisation,
        reference: 'B-2024-1002',
        detectedAt: '2024-10-01T10:00:00+02:00',
      },
      { now: '2024-10-01T12:00:00+02:00' },
    );
    expect(report.incident.misdirected?.recipients).toBeUndefined();
  });
});
