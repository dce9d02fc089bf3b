import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ReportMisdirectedInput, reportMisdirected } from '../../src/incident/index.js';

// A plain order confirmation (name, address, phone, customer number, order) sent by e-mail to a
// mistyped address: the decisions on the same plain data are its precedents, before those whose data
// held an identity number (UODO's ERGO Hestia, a PESEL) or financial data (HDPA's Piraeus Bank).
const input: ReportMisdirectedInput = {
  message: readFileSync(new URL('../fixtures/incident/coffee-maker-order.eml', import.meta.url)),
  intended: 'karin.lindqvist@gmail.com',
  actual: 'karin.lindqvist@gmial.com',
  customer: { id: '100234', name: 'Karin Lindqvist', emails: ['karin.lindqvist@gmail.com'] },
  organisation: {
    name: 'Hemhandel AB',
    country: 'SE',
    customerServicePhone: '031-700 10 00',
    regimes: ['gdpr'],
    contact: { name: 'Eva Dahl', email: 'dpo@hemhandel.se', phone: '031-700 10 99' },
  },
  reference: 'HH-INC-2026-0031',
  detectedAt: '2026-12-03T09:05:00+01:00',
  needsReview: [],
};

describe('precedents for a plain order confirmation', () => {
  it('lists EDPB Cases No. 13 and 16 before UODO ERGO Hestia and HDPA Piraeus Bank', async () => {
    const { assessment } = await reportMisdirected(input, { now: '2026-12-03T18:00:00+01:00' });
    const ids = assessment.precedents.map((precedent) => precedent.id);
    expect(ids).toContain('edpb-01-2021-case-13');
    expect(ids).toContain('edpb-01-2021-case-16');
    expect(ids).not.toContain('uodo-dkn-5131-3-2021-ergo-hestia');
    expect(ids).not.toContain('hdpa-6-2022-piraeus-bank');
    // Every precedent listed held no kind of data high in itself that this message did not.
    expect(assessment.precedents.flatMap((precedent) => precedent.alike.kindsOnlyThere)).toEqual([]);
  });
});
