import { describe, expect, it } from 'vitest';
import { authorityName } from '../../src/incident/authority-name.js';
import {
  breachDecisions,
  buildCustomerNotice,
  type CreateIncidentReportInput,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// English that reached the Swedish report through its citations: the EDPB's and ENISA's titles, the
// Article 29 Working Party's annex, the DPC's, ICO's, HDPA's and Persónuvernd's documents, the
// Cyprus authority's English name and the corpus documents the stricter reading cites.
const LEAKS = [
  /\bGuidelines\b/,
  /\bRecommendations\b/,
  /\bmethodology\b/,
  /\bseverity\b/,
  /\bpersonal data\b/i,
  /\bAnnex\b/,
  /\bcase study\b/i,
  /\bAnnual Report\b/,
  /\bexamples\b/,
  /\bCommissioner\b/,
  /\bdecision\b/i,
  /\bCase No\b/,
  /\bcase \d/,
  /\bsection\b/,
  /\bas summarised\b/,
  /\breported by\b/,
  /\bmachine-translated\b/,
  /\bits own\b/,
  /\bdo not require\b/,
  /\band\b/,
  /\bof the\b/,
];

const later: Partial<CreateIncidentReportInput> = {
  regimes: ['gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  recipientConfirmedDeletion: false,
};
const cases: Record<string, CreateIncidentReportInput> = {
  'the seed case': seedCase,
  'the seed case under the GDPR': { ...seedCase, ...later },
  'card data kept by a stranger (the Cyprus decision is close)': {
    ...seedCase,
    ...later,
    dataCategories: ['name', 'financial', 'payment-card'],
  },
  'many customers’ e-mail addresses in CC': {
    ...seedCase,
    ...later,
    dataSubjects: 300,
    dataCategories: ['name', 'email-address'],
  },
  'forty customers’ orders by wrong attachment': {
    ...seedCase,
    ...later,
    dataSubjects: 40,
    dataCategories: ['name', 'postal-address', 'order-details'],
  },
  'health data to a colleague who deleted it': {
    ...seedCase,
    ...later,
    recipientConfirmedDeletion: true,
    recipient: 'internal',
    dataCategories: ['name', 'health'],
  },
  'a password-reset link to a stranger': { ...seedCase, ...later, dataCategories: ['name', 'credentials'] },
  'identity numbers with account data to another bank': {
    ...seedCase,
    ...later,
    recipient: 'trusted',
    recipientBoundBySecrecy: true,
    dataCategories: ['name', 'national-id-number', 'account-number'],
  },
};

/** The text without links and e-mail addresses, which are not Swedish or English. */
function words(text: string): string {
  return text.replace(/https?:\/\/\S+/g, '').replace(/\S+@\S+/g, '');
}

describe('the Swedish report and notice cite in Swedish', () => {
  for (const [name, input] of Object.entries(cases))
    for (const profile of ['default', 'strict'] as const)
      it(`leaves no English citation in the report of ${name} (${profile} reading)`, async () => {
        const report = createIncidentReport(input, { now: '2025-01-01T00:00:00Z', profile });
        const texts = [
          renderIncidentReport(report, { locale: 'sv' }),
          (await buildCustomerNotice(report, { channel: 'email', locale: 'sv' })).text,
          (await buildCustomerNotice(report, { channel: 'phone-script', locale: 'sv' })).text,
        ];
        for (const text of texts.map(words))
          for (const leak of LEAKS) {
            const line = text.split('\n').find((candidate) => leak.test(candidate));
            expect(line, String(leak)).toBeUndefined();
          }
      });

  it('names the EDPB guidelines in Swedish with their number', () => {
    const text = renderIncidentReport(createIncidentReport(seedCase), { locale: 'sv' });
    expect(text).toContain('EDPB:s riktlinjer 01/2021 om exempel på anmälan av personuppgiftsincidenter');
    expect(text).toContain('ENISA:s rekommendationer');
  });

  it('names every authority of the corpus in Swedish text by its own name, not an English one', () => {
    for (const decision of breachDecisions) {
      const named = authorityName(decision.authority, decision.country, 'sv');
      for (const leak of LEAKS) expect(named, `${decision.id}: ${String(leak)}`).not.toMatch(leak);
      expect(named).not.toMatch(/\b(Commissioner|Protection|Office|Authority)\b/);
    }
    expect(authorityName('Commissioner for Personal Data Protection (CY)', 'CY', 'sv')).toBe(
      'Kommissionären för skydd av personuppgifter (CY)',
    );
    expect(authorityName('Commissioner for Personal Data Protection (CY)', 'CY', 'en')).toBe(
      'Commissioner for Personal Data Protection (CY)',
    );
  });
});
