import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createIncidentReport,
  misdirectedEmailMeasureIds,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { noticeLacksMeasures } from '../../src/incident/report-conclusions.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';
// Health data with a stranger: a high risk, so the law requires the notice (GDPR Art. 34(1)).
const required = {
  ...seedCase,
  dataCategories: ['name' as const, 'health' as const],
  recipientConfirmedDeletion: undefined,
};
// Every usual measure declined: the measures given leave no proposal beside them.
const declined = misdirectedEmailMeasureIds.map((id) => ({ id, status: 'rejected' as const }));

describe('the measures of a notice the law requires', () => {
  it('writes proposed measures to the customer, not in the report’s third person', async () => {
    const report = createIncidentReport(
      {
        ...required,
        measures: [
          { id: 'seller-feedback', status: 'proposed' },
          { id: 'correct-address', status: 'proposed' },
        ],
      },
      { now },
    );
    expect(report.subscriberNotice.required).toBe(true);
    const en = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    const sv = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
    expect(en.text).toContain('We propose that:');
    expect(en.text).not.toContain('is to be');
    expect(en.text).not.toContain('the customer');
    expect(en.text).toContain('your correct');
    expect(sv.text).toContain('Vi föreslår att:');
    expect(sv.text).not.toContain(' ska ');
    expect(sv.text).not.toContain('kunden');
    expect(sv.text).toContain('din rätta');
  });

  it('words every proposed measure as a proposal, never as an intention or an instruction to the customer', async () => {
    const report = createIncidentReport(
      {
        ...required,
        measures: misdirectedEmailMeasureIds
          .filter((id) => id !== 'inform-customer')
          .map((id) => ({ id, status: 'proposed' as const })),
      },
      { now },
    );
    const proposedLines = (text: string, heading: string) =>
      text
        .slice(text.indexOf(heading) + heading.length)
        .split('\n\n')[0]
        ?.split('\n')
        .filter((line) => line.startsWith('- ')) ?? [];
    const sv = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
    const en = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    const svLines = proposedLines(sv.text, 'Vi föreslår att:');
    const enLines = proposedLines(en.text, 'We propose that:');
    expect(svLines.length).toBeGreaterThan(2);
    expect(enLines.length).toBe(svLines.length);
    for (const line of svLines) expect(line).toMatch(/^- vi [a-zåäö]+ /);
    for (const line of enLines) expect(line).toMatch(/^- we [a-z]+ /);
    expect(sv.text).toContain('- vi kontaktar');
    expect(sv.text).not.toContain('avser');
    expect(en.text).not.toContain('intend');
  });

  it('says in the report that Art. 34(2) asks for measures when none are recorded', () => {
    const report = createIncidentReport({ ...required, measures: declined }, { now });
    expect(report.subscriberNotice.required).toBe(true);
    expect(renderIncidentReport(report, { locale: 'en' })).toContain(
      'GDPR Art. 34(2) requires the notice to describe the measures taken or proposed',
    );
    expect(renderIncidentReport(report, { locale: 'sv' })).toContain(
      'dataskyddsförordningen artikel 34.2 kräver att underrättelsen beskriver vidtagna eller föreslagna åtgärder',
    );
  });

  it('says nothing of missing measures when telling the customer is recorded done', () => {
    const report = createIncidentReport(
      { ...required, customerCall: seedCustomerCall, measures: [{ id: 'inform-customer', status: 'done' }] },
      { now },
    );
    expect(report.subscriberNotice.required).toBe(true);
    expect(noticeLacksMeasures(report, 'en')).toBe(false);
    expect(noticeLacksMeasures(report, 'sv')).toBe(false);
    const en = renderIncidentReport(report, { locale: 'en' });
    const sv = renderIncidentReport(report, { locale: 'sv' });
    expect(en).toContain('The customer was told what happened');
    expect(en).not.toContain('GDPR Art. 34(2) requires the notice to describe the measures');
    expect(sv).toContain('Kunden har informerats om händelsen');
    expect(sv).not.toContain('artikel 34.2 kräver att underrättelsen beskriver');
  });

  it('still says it when telling the customer is only proposed, as the notice would describe no measure', () => {
    const report = createIncidentReport(
      {
        ...required,
        measures: [
          { id: 'inform-customer', status: 'proposed' },
          ...declined.filter((measure) => measure.id !== 'inform-customer'),
        ],
      },
      { now },
    );
    expect(noticeLacksMeasures(report, 'en')).toBe(true);
    expect(noticeLacksMeasures(report, 'sv')).toBe(true);
  });
});

// A notice says a measure of the caller's own only in its own language (`texts`): one worded only in
// the other language is not in that notice, which then describes no measure (GDPR Art. 34(2)).
describe('a required notice whose only measure is worded in the other language', () => {
  const worded = (texts: { sv?: string; en?: string }) =>
    createIncidentReport(
      {
        ...required,
        measures: [...declined, { id: 'new-customer-number', status: 'done', forCustomer: true, texts }],
      },
      { now },
    );

  it.each([
    ['sv', 'en', 'We gave you a new customer number.', 'artikel 34.2 kräver att underrättelsen beskriver'],
    ['en', 'sv', 'Vi har gett dig ett nytt kundnummer.', 'GDPR Art. 34(2) requires the notice to describe'],
  ] as const)(
    'counts as lacking measures in the %s notice, and the report says so',
    async (locale, other, text, note) => {
      const report = worded({ [other]: text });
      expect(noticeLacksMeasures(report, locale)).toBe(true);
      expect(renderIncidentReport(report, { locale })).toContain(note);
      const notice = await buildCustomerNotice(report, { channel: 'email', locale });
      expect(notice.text).not.toContain(text);
    },
  );

  it.each([
    ['sv', 'Vi har gett dig ett nytt kundnummer.', 'artikel 34.2 kräver att underrättelsen beskriver'],
    ['en', 'We gave you a new customer number.', 'GDPR Art. 34(2) requires the notice to describe'],
  ] as const)(
    'does not count as lacking in the notice in its own language (%s)',
    async (locale, text, note) => {
      const report = worded({ [locale]: text });
      expect(noticeLacksMeasures(report, locale)).toBe(false);
      expect(renderIncidentReport(report, { locale })).not.toContain(note);
      const notice = await buildCustomerNotice(report, { channel: 'email', locale });
      expect(notice.text).toContain(text);
    },
  );
});

// The caller's own wording is a whole sentence ("We will offer you …"): after "We propose that:" it
// would read "We propose that: We will offer you …". Own-worded proposals stand under a heading
// that full sentences follow; the usual ones still continue "We propose that:".
describe('proposals in the caller’s own words', () => {
  const report = createIncidentReport(
    {
      ...required,
      measures: [
        ...declined.filter((measure) => measure.id !== 'seller-feedback'),
        { id: 'seller-feedback', status: 'proposed' },
        {
          id: 'new-customer-number',
          status: 'proposed',
          forCustomer: true,
          texts: { sv: 'Vi erbjuder dig ett nytt kundnummer.', en: 'We offer you a new customer number.' },
        },
      ],
    },
    { now },
  );

  it.each([
    [
      'sv',
      'Vi föreslår att:\n- vi går igenom det som hände, så att samma misstag inte upprepas.',
      'Vi föreslår också följande:\n- Vi erbjuder dig ett nytt kundnummer.',
    ],
    [
      'en',
      'We propose that:\n- we go through what happened so that the mistake is not repeated.',
      'We also propose the following:\n- We offer you a new customer number.',
    ],
  ] as const)(
    'are said as sentences of their own, apart from the usual ones (%s)',
    async (locale, usual, own) => {
      const notice = await buildCustomerNotice(report, { channel: 'email', locale });
      expect(notice.text).toContain(`${usual}\n\n${own}`);
    },
  );

  it.each([
    ['sv', 'Vi föreslår följande:\n- Vi erbjuder dig ett nytt kundnummer.', 'Vi föreslår att:'],
    ['en', 'We propose the following:\n- We offer you a new customer number.', 'We propose that:'],
  ] as const)(
    'stand under a heading of their own where no usual one is proposed (%s)',
    async (locale, own, usualHeading) => {
      const alone = createIncidentReport(
        {
          ...required,
          measures: [
            ...declined,
            ...report.measures.filter((measure) => measure.id === 'new-customer-number'),
          ],
        },
        { now },
      );
      const notice = await buildCustomerNotice(alone, { channel: 'phone-script', locale });
      expect(notice.text).toContain(own);
      expect(notice.text).not.toContain(usualHeading);
    },
  );
});
