import { describe, expect, it } from 'vitest';
import { createFollowUpReport, renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';

// A web shop's confirmation whose order lines no term classifies: the assessment cannot conclude yet.
const message = [
  'From: Hälsohandeln AB <order@halsohandeln.se>',
  'To: maria.lind77@gmail.com',
  'Subject: =?UTF-8?Q?Orderbekr=C3=A4ftelse?=',
  'Date: Tue, 15 Oct 2024 09:12:00 +0200',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hej Maria Lind!',
  'Ordernummer: 552211',
  'Tena Lady Normal 12 st 89 kr',
  'Handduk blå 99 kr',
].join('\r\n');

const report = (judgment?: { risk: 'risk'; by: string; reason: string }) =>
  reportMisdirected({
    message,
    intended: 'maria.lind1977@gmail.com',
    actual: 'maria.lind77@gmail.com',
    customer: { id: 'K-1', name: 'Maria Lind' },
    organisation: {
      name: 'Hälsohandeln AB',
      customerServicePhone: '010-200 30 40',
      regimes: ['gdpr'],
      contact: { name: 'Karin Berg', email: 'dpo@halsohandeln.se', phone: '08-123 456 00' },
    },
    reference: 'HH-2024-1015',
    detectedAt: '2024-10-15T10:00:00+02:00',
    ...(judgment === undefined ? {} : { judgment }),
  });

describe('a conclusion that waits for order lines to be reviewed', () => {
  it('says in the JSON what the text says: the conclusion is provisional until the lines are reviewed', async () => {
    const { report: waiting } = await report();
    expect(waiting.decision?.provisionalUntilReviewed).toBe(true);
    // Not the open conclusions of a message nobody could read: this conclusion is stated.
    expect(waiting.decision?.provisional).toBeUndefined();
    expect(renderIncidentReport(waiting, { locale: 'en' })).toContain('This conclusion is provisional');
    const reviewed = createFollowUpReport(waiting, { needsReview: [] });
    expect(reviewed.decision?.provisionalUntilReviewed).toBeUndefined();
    expect(renderIncidentReport(reviewed, { locale: 'en' })).not.toContain('This conclusion is provisional');
    const { report: judged } = await report({
      risk: 'risk',
      by: 'Karin Berg',
      reason: 'An incontinence pad may reveal health: weighed as a risk without waiting for the review.',
    });
    expect(judged.decision?.provisionalUntilReviewed).toBeUndefined();
    expect(renderIncidentReport(judged, { locale: 'en' })).not.toContain('This conclusion is provisional');
  });

  it('says under the conclusion that it is provisional and names the lines to review', async () => {
    const result = await report();
    expect(result.assessment.needsReview).toBe(true);
    const sv = renderIncidentReport(result.report, { locale: 'sv' });
    const svConclusion = sv.slice(sv.indexOf('Slutsats\n'), sv.indexOf('Tidslinje\n'));
    expect(svConclusion).toContain('Slutsatsen är preliminär');
    expect(svConclusion).toContain('Tena Lady Normal 12 st 89 kr; Handduk blå 99 kr');
    const en = renderIncidentReport(result.report, { locale: 'en' });
    const enConclusion = en.slice(en.indexOf('Conclusion\n'), en.indexOf('Timeline\n'));
    expect(enConclusion).toContain('This conclusion is provisional');
    expect(enConclusion).toContain('Tena Lady Normal 12 st 89 kr; Handduk blå 99 kr');
  });
});
