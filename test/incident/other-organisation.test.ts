import { describe, expect, it } from 'vitest';
import {
  assessBreach,
  type BreachFacts,
  BreachFactsSchema,
  buildCustomerNotice,
  type CreateIncidentReportInput,
  createIncidentReport,
  InvalidInputError,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case's order confirmation, sent to a company's shared mailbox after the GDPR applied.
const facts: BreachFacts = {
  regimes: ['gdpr'],
  country: 'SE',
  channel: 'email',
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  dataSubjects: 1,
  recipient: 'other-organisation',
  occurredAt: '2024-02-23T13:36:00+01:00',
};
const now = new Date('2025-01-01T00:00:00Z');
const assess = (changes: Partial<BreachFacts>, profile: 'default' | 'strict' = 'default') =>
  assessBreach({ ...facts, ...changes }, { now, profile });

describe('another organisation as the recipient', () => {
  it('is a recipient the facts accept', () => {
    expect(BreachFactsSchema.safeParse(facts).success).toBe(true);
  });

  it('weighs a written confirmation of deletion, which a private stranger’s does not lower, one level down', () => {
    const deleted = assess({ recipientConfirmedDeletion: true });
    expect(deleted.risk).toBe('unlikely');
    expect(deleted.reasons.map((reason) => reason.code)).toContain('other-organisation');
    expect(deleted.reasons.find((reason) => reason.code === 'other-organisation')?.source).toContain(
      'WP250 rev.01 section IV.B',
    );
    expect(assess({ recipient: 'unknown-individual', recipientConfirmedDeletion: true }).risk).toBe('risk');
  });

  it('weighs it as a stranger without the confirmation, and under the stricter reading', () => {
    expect(assess({}).risk).toBe(assess({ recipient: 'unknown-individual' }).risk);
    expect(assess({}).enisa.score).toBe(assess({ recipient: 'unknown-individual' }).enisa.score);
    expect(assess({ recipientConfirmedDeletion: true }, 'strict').risk).toBe('risk');
    // An identity number it kept is what identity theft needs, as in a stranger's hands.
    expect(assess({ dataCategories: ['name', 'national-id-number'] }).risk).toBe('high');
  });

  it('does not lower the risk of data high in itself even when deleted', () => {
    const health = assess({ dataCategories: ['name', 'health'], recipientConfirmedDeletion: true });
    expect(health.reasons.map((reason) => reason.code)).toContain('trusted-recipient-not-enough');
    expect(health.reasons.map((reason) => reason.code)).not.toContain('other-organisation');
  });

  it('refuses an organisation said to be bound by secrecy, which is a trusted recipient', () => {
    expect(() => assess({ recipientBoundBySecrecy: true })).toThrow(InvalidInputError);
    expect(() => assess({ recipientBoundBySecrecy: true })).toThrow(/recipientBoundBySecrecy.*"trusted"/s);
  });

  it('names another organisation in the report, the notice and the phone script, in Swedish and English', async () => {
    const { recipientConfirmedDeletion: _deleted, ...seed } = seedCase;
    const input: CreateIncidentReportInput = {
      ...seed,
      recipient: 'other-organisation',
      occurredAt: '2024-02-23T13:36:00+01:00',
      detectedAt: new Date('2024-02-23T12:45:00Z'),
    };
    const swedish = createIncidentReport(input, { locale: 'sv', now });
    const english = createIncidentReport(input, { locale: 'en', now });
    expect(renderIncidentReport(swedish, { locale: 'sv' })).toContain('som tillhör en annan organisation');
    expect(renderIncidentReport(english, { locale: 'en' })).toContain(
      'which belongs to another organisation',
    );
    const notice = await buildCustomerNotice(english, { channel: 'email', locale: 'en' });
    expect(notice.text).toContain('reached another company or organisation');
    const script = await buildCustomerNotice(swedish, { channel: 'phone-script', locale: 'sv' });
    expect(script.text).toContain('ett annat företag eller en annan organisation');
    expect(script.text).not.toContain('en annan person');
  });
});
