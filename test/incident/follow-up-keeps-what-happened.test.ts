import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  type CreateIncidentReportInput,
  createFollowUpReport,
  createIncidentReport,
} from '../../src/incident/index.js';

// A follow-up completes the first report (GDPR Art. 33(4); Regulation 611/2013 Art. 2(3)): what the
// first recorded as done cannot become undone by a later change.
const base: CreateIncidentReportInput = {
  reference: 'HH-INC-2026-0040',
  provider: { name: 'Hemhandel AB', country: 'SE', customerServicePhone: '031-700 10 00' },
  contact: { name: 'Eva Dahl', email: 'dpo@hemhandel.se', phone: '031-700 10 99' },
  regimes: ['gdpr'],
  occurredAt: '2026-12-01T08:12:00+01:00',
  detectedAt: '2026-12-01T09:05:00+01:00',
  circumstances: 'misdirected-email',
  misdirected: { intended: 'karin.lindqvist@gmail.com', actual: 'karin.lindqvist@gmial.com' },
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
};
const firstAt = { now: '2026-12-01T12:00:00+01:00' };
const laterAt = { now: '2026-12-02T12:00:00+01:00' };

describe('createFollowUpReport keeps what the first report recorded as done', () => {
  const first = createIncidentReport(
    {
      ...base,
      measures: [{ id: 'correct-address', status: 'done', doneAt: '2026-12-01T10:00:00+01:00' }],
      subscriberNotice: { notifiedAt: '2026-12-01T11:00:00+01:00', means: ['email'] },
    },
    firstAt,
  );

  it('refuses a done measure set back to proposed, naming the change', () => {
    const run = () =>
      createFollowUpReport(first, { measures: [{ id: 'correct-address', status: 'proposed' }] }, laterAt);
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(/changes\.measures\.0\.status.*correct-address.*done/s);
  });

  it('says it in Swedish under locale sv', () => {
    const run = () =>
      createFollowUpReport(
        first,
        { measures: [{ id: 'correct-address', status: 'planned' }] },
        { ...laterAt, locale: 'sv' },
      );
    expect(run).toThrow(/changes\.measures\.0\.status.*utförd/s);
  });

  it('accepts a done measure found later to have failed, with its reason', () => {
    const report = createFollowUpReport(
      first,
      { measures: [{ id: 'correct-address', status: 'failed', reason: 'the CRM reverted it' }] },
      laterAt,
    );
    expect(report.measures.find((measure) => measure.id === 'correct-address')?.status).toBe('failed');
  });

  it('refuses a notice to the customer taken back, naming the field', () => {
    const run = () => createFollowUpReport(first, { subscriberNotice: { means: ['email'] } }, laterAt);
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(/changes\.subscriberNotice\.notifiedAt/);
  });

  it('accepts a corrected notice time, and lists it as a change', () => {
    const report = createFollowUpReport(
      first,
      { subscriberNotice: { notifiedAt: '2026-12-01T11:30:00+01:00', means: ['email'] } },
      laterAt,
    );
    expect(report.followUp?.changes.map((change) => change.field)).toContain('subscriberNotice.notifiedAt');
    expect(report.subscriberNotice.notifiedAt).toBeDefined();
  });
});

describe('createFollowUpReport keeps a filing reference the change does not replace', () => {
  it('keeps the authority reference when only the filing time is corrected', () => {
    const filed = createIncidentReport(
      {
        ...base,
        notifications: [{ authority: 'IMY', at: '2026-12-01T11:00:00+01:00', reference: 'IMY-2026-77' }],
      },
      firstAt,
    );
    const report = createFollowUpReport(
      filed,
      { notifications: [{ authority: 'IMY', at: '2026-12-01T10:00:00+01:00' }] },
      laterAt,
    );
    expect(report.facts.notifications).toEqual([
      expect.objectContaining({ authority: 'IMY', at: expect.anything(), reference: 'IMY-2026-77' }),
    ]);
  });
});
