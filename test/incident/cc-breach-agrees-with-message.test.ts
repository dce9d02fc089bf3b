import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { buildCustomerNotice, renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { clinicCcInput } from './shared-fixtures.js';

const now = '2024-10-01T12:00:00+02:00';

describe('a message in Cc instead of Bcc: the report agrees with the message', () => {
  it('refuses fewer people than the addresses the message showed, naming dataSubjects', async () => {
    const refused = await reportMisdirected({ ...clinicCcInput, dataSubjects: 5 }, { now }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).field).toBe('input.dataSubjects');
    expect((refused as Error).message).toContain('45');
  });

  it('takes as many people as the message showed, or more', async () => {
    const { report } = await reportMisdirected({ ...clinicCcInput, dataSubjects: 50 }, { now });
    expect(report.affected.dataSubjects).toBe(50);
  });

  it.each([
    ['en', ['The recipient of the misdirected message', 'to the wrong address'], 'those who received it'],
    ['sv', ['Mottagaren av det felskickade meddelandet', 'till den felaktiga adressen'], 'de som fick det'],
  ] as const)(
    'speaks of everyone who received it in the measures, not of one recipient (%s)',
    async (locale, one, many) => {
      const { report } = await reportMisdirected(clinicCcInput, { now, locale });
      const text = renderIncidentReport(report, { locale });
      const measures = text.slice(text.indexOf(locale === 'sv' ? '\nÅtgärder\n' : '\nMeasures\n'));
      const section = measures.slice(0, measures.indexOf('\n\n'));
      for (const phrase of one) expect(section).not.toContain(phrase);
      expect(section).toContain(many);
    },
  );

  it('writes a notice of their own to the group member named as actual: their address was right too', async () => {
    const { report } = await reportMisdirected(clinicCcInput, { now });
    const notice = await buildCustomerNotice(report, { channel: 'email', to: clinicCcInput.actual });
    expect(notice.to).toBe(clinicCcInput.actual);
  });

  it('promises no notice to each person where the report concludes they are not told', async () => {
    const group = ['eva.ek@example.se', 'per.lind@example.se', 'sara.berg@example.se'] as const;
    const { report, notices } = await reportMisdirected(
      {
        ...clinicCcInput,
        message: [
          'From: Kliniken Söder AB <info@kliniksoder.se>',
          `To: ${group[0]}`,
          `Cc: ${group[1]}, ${group[2]}`,
          'Subject: Nya öppettider',
          'Date: Tue, 01 Oct 2024 09:10:00 +0200',
          '',
          'Hej! Från den 1 november har vi öppet 8-17.',
        ].join('\r\n'),
        intended: group[0],
        actual: group[1],
        customer: { id: 'P-1', emails: [group[0]] },
      },
      { now },
    );
    expect(report.decision?.notifyDataSubjects).toBe(false);
    expect(renderIncidentReport(report, { locale: 'en' })).toContain('the people concerned are not told');
    expect(report.measures.map((measure) => measure.id)).not.toContain('inform-customer');
    expect(notices.email.text).not.toContain('write separately to each person');
    expect(notices.phoneScript.text).not.toContain('contact each person');
  });
});
