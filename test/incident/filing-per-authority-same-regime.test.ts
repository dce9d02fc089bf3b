import { describe, expect, it } from 'vitest';
import { resolveFilings } from '../../src/incident/authority-filings.js';
import {
  createIncidentReport,
  findAuthority,
  type IncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// An organisation established in Sweden and in the United Kingdom files a GDPR breach with IMY and,
// under the UK GDPR, with the ICO: two authorities under one regime. A filing with one says nothing
// of the other (GDPR Art. 33(1); UK GDPR Art. 33(1)), so each finding is keyed by its authority.
const at = '2024-10-01T09:00:00+02:00';
const imy = findAuthority({ country: 'SE', regime: 'gdpr', at });
const ico = findAuthority({ country: 'GB', regime: 'gdpr', at });

describe('two authorities under the same regime', () => {
  it('takes a first filing with each, not the second for a repeat of the first', () => {
    const { filings, issues } = resolveFilings(
      {
        notifications: [
          { authority: 'ICO', at: '2024-10-01T12:00:00+02:00' },
          { authority: 'IMY', at: '2024-10-01T13:00:00+02:00' },
        ],
      },
      [imy, ico],
    );
    expect(issues).toEqual([]);
    expect(filings.map((filing) => filing.authority)).toEqual(['ICO', 'IMY']);
  });

  it('does not report IMY as notified on a filing with the ICO', () => {
    const report = createIncidentReport(
      {
        ...seedCase,
        regimes: ['gdpr'],
        dataCategories: ['name', 'national-id-number'],
        occurredAt: at,
        detectedAt: '2024-10-01T10:00:00+02:00',
      },
      { now: '2024-10-01T13:00:00+02:00' },
    );
    expect(report.decision?.notifyAuthorityUnder).toEqual(['gdpr']);
    // The same report as stored with the ICO beside IMY and the one filing with the ICO.
    const both: IncidentReport = {
      ...report,
      authorities: [imy, ico],
      facts: { ...report.facts, notifications: [{ authority: 'ICO', at: '2024-10-01T10:00:00.000Z' }] },
    };
    const text = renderIncidentReport(both, { locale: 'en' });
    const imyLine = text.split('\n').find((line) => line.includes('(IMY):')) ?? '';
    const icoLine = text.split('\n').find((line) => line.includes('(ICO):')) ?? '';
    expect(icoLine).toContain('Notified: yes');
    expect(imyLine).not.toContain('Notified: yes');
    expect(imyLine).toContain('To be notified by');
  });
});
