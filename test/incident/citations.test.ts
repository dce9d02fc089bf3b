import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessBreach } from '../../src/incident/index.js';

const base = {
  regimes: ['gdpr'] as ['gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  dataSubjects: 1,
};

describe('the sources a conclusion cites support it', () => {
  it('cites GDPR Art. 4(12) for a returned-unopened message, not EDPB Case No. 13 where the data was seen', () => {
    const assessment = assessBreach({
      ...base,
      dataCategories: ['name', 'national-id-number'],
      recipient: 'unknown-individual',
      returnedUnopened: true,
    });
    const source = assessment.reasons.find((reason) => reason.code === 'returned-unopened')?.source;
    expect(source).toContain('Art. 4(12)');
    expect(source).not.toContain('Case No. 13');
  });

  it('cites the ICO’s example, not EDPB Case No. 09, for a colleague who deleted health data', () => {
    const assessment = assessBreach({
      ...base,
      dataCategories: ['name', 'health'],
      recipient: 'internal',
      recipientConfirmedDeletion: true,
    });
    expect(assessment.reasons.find((reason) => reason.code === 'internal-recipient')?.source).toContain(
      'ICO, Personal data breach examples, case study 2',
    );
    const docs = readFileSync(new URL('../../docs/incident.md', import.meta.url), 'utf8');
    const row = docs
      .split('\n')
      .find((line) => line.includes('a colleague inside the organisation received it'));
    expect(row).toMatch(/ICO.*Case study 2/);
    expect(row).not.toContain('Case No. 09');
    const returned = docs.slice(
      docs.indexOf('(`returnedUnopened`)'),
      docs.indexOf('reason `returned-unopened`'),
    );
    expect(returned).not.toContain('Case No. 13');
  });
});
