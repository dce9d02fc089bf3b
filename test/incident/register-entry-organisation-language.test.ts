import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentRegisterEntry, reportMisdirected } from '../../src/incident/index.js';

// A British shop's order confirmation to a mistyped address in British summer time: its register
// line is in the organisation's language, English, and names the zone as the United Kingdom does (BST).
describe('incidentRegisterEntry for a British organisation', () => {
  it('is in English by default and names British summer time BST, not UTC+1', async () => {
    const message = readFileSync(new URL('../fixtures/incident/uk-order.eml', import.meta.url));
    const to = /^To: .*?<?([^\s<>]+@[^\s<>]+)>?\s*$/m.exec(message.toString())?.[1] ?? '';
    const { report } = await reportMisdirected(
      {
        message,
        intended: 'intended.customer@example.co.uk',
        actual: to,
        customer: { id: 'C-1', name: 'A Customer' },
        organisation: {
          name: 'Oak Furniture Ltd',
          country: 'GB',
          regimes: ['gdpr'],
          contact: { name: 'Data Protection Officer', email: 'dpo@oak.example', phone: '+44 20 7946 0000' },
        },
        reference: 'OF-2026-0001',
        detectedAt: '2027-07-02T10:00:00+01:00',
        needsReview: [],
      },
      { now: '2027-07-03T09:00:00+01:00' },
    );
    const entry = incidentRegisterEntry(report);
    expect(entry).toContain('BST');
    expect(entry).not.toContain('UTC+');
    expect(entry).not.toContain(' kl. ');
  });
});
