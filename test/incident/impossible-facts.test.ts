import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  assessBreach,
  buildCustomerNotice,
  createIncidentReport,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const message =
  'Date: Fri, 23 Feb 2018 13:36:12 +0100\r\nTo: anna.svensson185@gmail.com\r\nSubject: Orderbekräftelse\r\n\r\nHej Anna Svensson!\r\nKundnummer: 4711023\r\n';

const facts: ReportMisdirectedInput = {
  message,
  intended: 'anna.svensson1985@gmail.com',
  actual: 'anna.svensson185@gmail.com',
  customer: { id: '4711023', name: 'Anna Svensson' },
  organisation: { ...seedCase.provider, regimes: ['eprivacy', 'gdpr'], contact: seedCase.contact },
  reference: 'INC-2018-0042',
  detectedAt: '2018-02-23T13:45:00+01:00',
};

describe('impossible incident facts', () => {
  it('refuses a breach detected before it occurred', () => {
    const attempt = () =>
      createIncidentReport({
        ...seedCase,
        occurredAt: '2018-02-23T13:36:00+01:00',
        detectedAt: '2018-02-23T13:30:00+01:00',
      });
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'input.detectedAt' }));
    expect(() =>
      assessBreach({
        regimes: ['gdpr'],
        dataCategories: ['name'],
        dataSubjects: 1,
        recipient: 'unknown-individual',
        occurredAt: '2018-02-23T13:36:00+01:00',
        detectedAt: '2018-02-22T13:36:00+01:00',
      }),
    ).toThrow(expect.objectContaining({ field: 'facts.detectedAt' }));
  });

  it('refuses a first notification made before the breach was detected', () => {
    expect(() =>
      createIncidentReport({ ...seedCase, initialNotificationAt: '2018-02-23T12:00:00+01:00' }),
    ).toThrow(expect.objectContaining({ field: 'input.initialNotificationAt' }));
  });

  it('refuses a customer notice dated before the breach was detected', () => {
    expect(() =>
      createIncidentReport({ ...seedCase, subscriberNotice: { notifiedAt: '2018-02-22T12:00:00+01:00' } }),
    ).toThrow(expect.objectContaining({ field: 'input.subscriberNotice.notifiedAt' }));
  });

  it('accepts a breach detected the minute it occurred', () => {
    const report = createIncidentReport({
      ...seedCase,
      occurredAt: '2018-02-23T13:36:00+01:00',
      detectedAt: '2018-02-23T12:36:00Z',
    });
    expect(report.incident.detectedAt).toBe(report.incident.occurredAt);
  });

  it('refuses a misdirected message whose wrong address is the intended mailbox', async () => {
    for (const actual of [
      'anna.svensson1985@gmail.com',
      'Anna.Svensson1985@GMAIL.com',
      'annasvensson1985@gmail.com',
    ]) {
      expect(() =>
        createIncidentReport({
          ...seedCase,
          misdirected: { intended: 'anna.svensson1985@gmail.com', actual },
        }),
      ).toThrow(expect.objectContaining({ field: 'input.misdirected.actual' }));
      await expect(reportMisdirected({ ...facts, actual })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        field: 'input.actual',
      });
    }
  });

  it('refuses a report read back with impossible facts before writing a notice from it', async () => {
    const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });
    const broken = { ...report, incident: { ...report.incident, detectedAt: '2018-02-22T10:00:00.000Z' } };
    await expect(buildCustomerNotice(broken, { channel: 'phone-script' })).rejects.toMatchObject({
      field: 'report.incident.detectedAt',
    });
  });

  it('reports an empty message as an empty message, not as a missing time', async () => {
    for (const empty of ['', '   \r\n', new Uint8Array(0)]) {
      await expect(reportMisdirected({ ...facts, message: empty })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        field: 'input.message',
        issues: [{ path: ['input', 'message'], message: expect.stringMatching(/empty/) }],
      });
    }
  });

  it('writes in English unless asked for Swedish, like every other function', async () => {
    const result = await reportMisdirected(facts, { now: '2018-02-23T15:10:00+01:00' });
    expect(result.assessment.reasons.map((reason) => reason.message)).toContainEqual(
      expect.stringMatching(/^ENISA severity/),
    );
    expect(result.notices.phoneScript.text).toMatch(/^Hello/);
    const report = createIncidentReport(seedCase);
    expect((await buildCustomerNotice(report, { channel: 'phone-script' })).text).toMatch(/^Hello/);
    expect(renderIncidentReport(report)).toMatch(/^PERSONAL DATA BREACH/);
  });
});
