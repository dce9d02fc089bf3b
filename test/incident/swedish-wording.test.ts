import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

describe('the Swedish report’s wording', () => {
  it('writes "även om" for a courtesy the law does not require, and the customer’s account, not bank jargon', () => {
    const report = createIncidentReport(
      { ...seedCase, measures: [{ id: 'profile-note', status: 'proposed' }] },
      { now },
    );
    const swedish = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(swedish).toContain('även om lagen inte kräver det');
    expect(swedish).not.toContain('fast lagen');
    expect(swedish).toContain('den som ringer om kundens konto');
    expect(swedish).not.toContain('engagemang');
    const english = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(english).toContain('though the law does not require it here');
  });
});
