import { describe, expect, it } from 'vitest';
import {
  createFollowUpReport,
  renderIncidentReport,
  reportMisdirected,
  reviewItemText,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { misdirectedInput } from './shared-fixtures.js';

/** An order confirmation whose sending server's clock stood at the epoch (RFC 5322 Date header). */
function messageDated(date: string): string {
  return `Date: ${date}\r\nTo: anna.svensson185@gmail.com\r\nSubject: Orderbekräftelse\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej Anna Svensson!\r\nLeveransadress: Storgatan 12, 123 45 Stockholm\r\nKundnummer: 4711023\r\n`;
}

const detectedIn2026 = {
  ...misdirectedInput,
  organisation: {
    ...seedCase.provider,
    country: 'SE',
    regimes: ['gdpr' as const],
    contact: seedCase.contact,
  },
  detectedAt: '2026-12-02T10:00:00+01:00',
};
const now = { now: '2026-12-02T12:00:00+01:00' };

describe('a Date header that would decide the law by itself', () => {
  for (const [label, date] of [
    ['the epoch', 'Thu, 01 Jan 1970 00:00:00 +0000'],
    ['a day before the GDPR applied', 'Sun, 20 May 2018 10:00:00 +0200'],
  ] as const) {
    it(`lists ${label} for review and reads the law as on the day of detection, in Swedish and English`, async () => {
      const sv = await reportMisdirected(
        { ...detectedIn2026, message: messageDated(date) },
        { ...now, locale: 'sv' },
      );
      expect(sv.report.incident.occurredAtUnconfirmed).toBe(true);
      expect(sv.report.facts.needsReview?.at(-1)).toMatchObject({ code: 'unconfirmed-sending-date' });
      expect(reviewItemText(sv.report.facts.needsReview?.at(-1) ?? '', 'sv')).toMatch(
        /^meddelandets datum \(.+\) är före den 25 maj 2018, då dataskyddsförordningen började tillämpas, men incidenten upptäcktes efter: bekräfta när meddelandet skickades/,
      );
      // The GDPR of the day of detection, never personuppgiftslagen on a date nobody confirmed.
      expect(sv.report.authorities?.[0]?.law.notificationDuty).toBe(true);
      expect(sv.assessment.reasons.map((reason) => reason.code)).not.toContain('gdpr-not-applicable');
      const svText = renderIncidentReport(sv.report, { format: 'text', locale: 'sv' });
      expect(svText).not.toContain('personuppgiftslagen');
      expect(svText).toContain(
        'datumet är inte bekräftat: lagen bedöms som den gällde när incidenten upptäcktes (2 december 2026)',
      );

      // A follow-up keeps the date unconfirmed: it does not go back to taking the header as the law's date.
      const followUp = createFollowUpReport(
        sv.report,
        { summary: 'Uppföljning.' },
        { now: '2026-12-03T12:00:00+01:00' },
      );
      expect(followUp.incident.occurredAtUnconfirmed).toBe(true);
      expect(renderIncidentReport(followUp, { format: 'text', locale: 'sv' })).not.toContain(
        'personuppgiftslagen',
      );

      const en = await reportMisdirected({ ...detectedIn2026, message: messageDated(date) }, now);
      expect(reviewItemText(en.report.facts.needsReview?.at(-1) ?? '', 'en')).toMatch(
        /^the message's date \(.+\) is before 25 May 2018, when the GDPR began to apply, but the breach was detected after: confirm when the message was sent/,
      );
      const enText = renderIncidentReport(en.report, { format: 'text', locale: 'en' });
      expect(enText).not.toMatch(/Personuppgiftslagen|personal data act/i);
      // A date to confirm is not an order line; the assessment made in English reads in Swedish.
      expect(enText).not.toMatch(/order lines? (was|were) not classified/);
      expect(renderIncidentReport(en.report, { format: 'text', locale: 'sv' })).toContain(
        'meddelandets datum (',
      );
      expect(enText).toContain(
        'the date is not confirmed: the law is read as in force when the breach was detected (2 December 2026)',
      );
    });
  }

  it('takes the date as given once the caller confirms it', async () => {
    const result = await reportMisdirected(
      {
        ...detectedIn2026,
        message: messageDated('Thu, 01 Jan 1970 00:00:00 +0000'),
        occurredAt: '2018-05-20T10:00:00+02:00',
      },
      now,
    );
    expect(result.report.incident.occurredAtUnconfirmed).toBeUndefined();
    expect(result.report.authorities?.[0]?.law.notificationDuty).toBe(false);
    expect(result.assessment.reasons.map((reason) => reason.code)).toContain('gdpr-not-applicable');
  });

  it('leaves the seed case alone: sent and detected the same day, both before the GDPR applied', async () => {
    const result = await reportMisdirected(misdirectedInput, { now: '2018-02-23T15:10:00+01:00' });
    expect(result.report.incident.occurredAtUnconfirmed).toBeUndefined();
    expect(result.report.incident.occurredAt).toBe('2018-02-23T12:36:12.000Z');
    expect(result.report.facts.needsReview ?? []).not.toContainEqual(expect.stringMatching(/Date|datum/));
  });
});
