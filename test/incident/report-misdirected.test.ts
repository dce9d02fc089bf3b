import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, MessageUnreadableError } from '../../src/errors.js';
import {
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const facts: ReportMisdirectedInput = {
  message: readFileSync(new URL('../fixtures/order-multipart.eml', import.meta.url)),
  intended: 'anna.svensson1985@gmail.com',
  actual: 'anna.svensson185@gmail.com',
  customer: {
    id: '4711023',
    name: 'Anna Svensson',
    phones: ['070-123 45 67'],
    postalAddress: 'Storgatan 12, 123 45 Stockholm',
  },
  organisation: { ...seedCase.provider, regimes: ['eprivacy', 'gdpr'], contact: seedCase.contact },
  reference: 'INC-2018-0042',
  detectedAt: '2018-02-23T13:45:00+01:00',
};

describe('reportMisdirected', () => {
  it('takes the sent message and the facts to inventory, assessment, report and notices', async () => {
    const result = await reportMisdirected(facts, { now: '2018-02-23T15:10:00+01:00' });
    expect(result.inventory.categories).toEqual([
      'name',
      'postal-address',
      'phone-number',
      'customer-number',
      'order-details',
    ]);
    expect(result.report.data.categories).toEqual(result.inventory.categories);
    // The message's Date header is when it happened (Annex I: date and time of the incident).
    expect(result.report.incident.occurredAt).toBe('2018-02-23T12:36:12.000Z');
    expect(result.report.incident.misdirected?.subject).toBe('Orderbekräftelse och välkomstbrev');
    expect(result.assessment.notifyAuthority).toBe(true);
    expect(result.assessment.deadlines[0]).toMatchObject({
      to: 'authority',
      article: 'Regulation 611/2013 Art. 2(2)',
      due: '2018-02-24T12:45:00.000Z',
    });
    expect(result.notices.phoneScript.text).toContain('INC-2018-0042');
    expect((await simpleParser(result.notices.email.raw)).to).toMatchObject({
      text: 'anna.svensson1985@gmail.com',
    });
  });

  it('does not count the organisation’s own phone number as the customer’s data', async () => {
    const result = await reportMisdirected(facts);
    const phones = result.inventory.items.filter((item) => item.category === 'phone-number');
    expect(phones).toHaveLength(1);
    expect(phones[0]?.matchesCustomer).toBe(true);
  });

  it('only documents the breach under the GDPR alone when the stranger confirmed deleting a harmless message', async () => {
    const message =
      'Date: Fri, 22 Feb 2019 13:36:12 +0100\r\nTo: anna.svensson185@gmail.com\r\nSubject: Tack\r\n\r\nTack för din beställning!\r\n';
    const result = await reportMisdirected({
      ...facts,
      // After 25 May 2018: the GDPR applies and asks for the breach to be documented.
      detectedAt: '2019-02-22T13:45:00+01:00',
      message,
      organisation: { ...facts.organisation, regimes: ['gdpr'] },
      recipientConfirmedDeletion: true,
    });
    expect(result.report.data.categories).toEqual(['other']);
    expect(result.assessment.notifyAuthority).toBe(false);
    expect(renderIncidentReport(result.report, { locale: 'en' })).toContain('GDPR Art. 33(5)');
  });

  it('carries every circumstance the caller gave into the report and its assessment', async () => {
    // The welcome letter (a PDF nobody read) reviewed and found to hold nothing more.
    const result = await reportMisdirected({
      ...facts,
      maliciousIntent: true,
      insight: 'limited',
      needsReview: [],
    });
    expect(result.report.facts).toEqual({
      recipient: 'unknown-individual',
      maliciousIntent: true,
      insight: 'limited',
      needsReview: [],
    });
    expect(result.assessment.enisa.cb).toBe(1);
  });

  it('adds data categories found by hand in an attachment', async () => {
    const result = await reportMisdirected({ ...facts, dataCategories: ['national-id-number'] });
    expect(result.report.data.categories).toContain('national-id-number');
    // An identity number in a stranger's hands is what identity theft needs (EDPB 01/2021 Case No. 14).
    expect(result.assessment.risk).toBe('high');
  });

  it('asks for the time of sending when the message has no Date header', async () => {
    await expect(
      reportMisdirected({
        ...facts,
        message: 'To: anna.svensson185@gmail.com\r\nSubject: x\r\n\r\nHej Anna Svensson!\r\n',
      }),
    ).rejects.toMatchObject({ field: 'input.occurredAt' });
  });

  it('names each invalid fact', async () => {
    const attempt = reportMisdirected({ ...facts, actual: 'anna.svensson185', reference: '' });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      reportMisdirected({ ...facts, actual: 'anna.svensson185', reference: '' }),
    ).rejects.toMatchObject({
      issues: [
        { path: ['input', 'actual'], message: 'a single e-mail address', code: 'not-an-address' },
        { path: ['input', 'reference'], message: expect.any(String) },
      ],
    });
  });

  it('reports a message that is not a message as unreadable', async () => {
    await expect(reportMisdirected({ ...facts, message: { not: 'mail' } as never })).rejects.toBeInstanceOf(
      MessageUnreadableError,
    );
  });
});
