import { describe, expect, it } from 'vitest';
import { LEVEL_REASONS } from '../../src/incident/assess-breach.js';
import { notNotifiedReasonTexts } from '../../src/incident/data/not-notified-reasons.js';
import {
  type CreateIncidentReportInput,
  createIncidentReport,
  incidentRegisterEntry,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case's order confirmation after the GDPR applied, at a retailer (the GDPR alone).
const retailer: CreateIncidentReportInput = {
  ...seedCase,
  regimes: ['gdpr'],
  occurredAt: '2026-11-30T16:12:00+01:00',
  detectedAt: '2026-11-30T16:40:00+01:00',
};
const now = { now: '2026-12-01T09:00:00+01:00' };
const lineOf = (changes: Partial<CreateIncidentReportInput>, locale: 'sv' | 'en') =>
  incidentRegisterEntry(createIncidentReport({ ...retailer, ...changes }, now), { locale });

// GDPR Art. 33(5) and EDPB Guidelines 9/2022 §95: the record of a breach not notified says why.
describe('the register line of a breach not notified', () => {
  it('gives the reason that decided it: a supplier’s shared mailbox that confirmed deleting it', () => {
    const changes = { recipient: 'other-organisation' as const, recipientConfirmedDeletion: true };
    expect(createIncidentReport({ ...retailer, ...changes }, now).assessment.notReportedBecause).toBe(
      'other-organisation',
    );
    expect(lineOf(changes, 'sv')).toContain(
      '| anmäls inte, eftersom mottagaren, en annan organisation, har skriftligen bekräftat att uppgifterna raderats |',
    );
    expect(lineOf(changes, 'en')).toContain(
      '| not notified because the recipient, another organisation, confirmed in writing that the data was deleted |',
    );
  });

  it('gives the reason that decided it: a colleague who deleted it', () => {
    const changes = { recipient: 'internal' as const };
    expect(lineOf(changes, 'sv')).toContain(
      '| anmäls inte, eftersom mottagaren finns inom organisationen och har raderat uppgifterna |',
    );
    expect(lineOf(changes, 'en')).toContain(
      '| not notified because the recipient is inside the organisation and deleted the data |',
    );
  });

  it('gives the GDPR not yet applying as the reason before 25 May 2018', () => {
    const report = createIncidentReport(
      { ...seedCase, regimes: ['gdpr'] },
      { now: '2018-02-23T15:00:00+01:00' },
    );
    expect(incidentRegisterEntry(report, { locale: 'sv' })).toContain(
      '| anmäls inte, eftersom incidenten inträffade innan dataskyddsförordningen började tillämpas |',
    );
    expect(incidentRegisterEntry(report, { locale: 'en' })).toContain(
      '| not notified because the breach happened before the GDPR applied |',
    );
  });

  it('gives the responsible person’s own reason where they judged it', () => {
    const judgment = {
      by: 'Karin Berg, dataskyddsombud',
      reason: 'Mottagaren är kundens make och har raderat meddelandet.',
      risk: 'unlikely' as const,
    };
    expect(lineOf({ recipient: 'unknown-individual', judgment }, 'sv')).toContain(
      '| anmäls inte (den ansvarigas skäl: Mottagaren är kundens make och har raderat meddelandet) |',
    );
    expect(lineOf({ recipient: 'unknown-individual', judgment }, 'en')).toContain(
      "| not notified (the responsible person's reason: Mottagaren är kundens make och har raderat meddelandet) |",
    );
  });

  it('has words in Swedish and English for every reason the assessment can give', () => {
    for (const code of [
      ...LEVEL_REASONS,
      'gdpr-not-applicable',
      'eprivacy-not-applicable',
      'no-notification-duty',
    ]) {
      const texts = notNotifiedReasonTexts[code];
      expect(texts, code).toBeDefined();
      expect(texts?.[0], code).toMatch(/\p{L}/u);
      expect(texts?.[1], code).toMatch(/\p{L}/u);
    }
  });

  it('gives no reason not to notify when the authority is notified', () => {
    const report = createIncidentReport(retailer, now);
    expect(report.assessment.notifyAuthority).toBe(true);
    expect(report.assessment.notReportedBecause).toBeUndefined();
  });
});
