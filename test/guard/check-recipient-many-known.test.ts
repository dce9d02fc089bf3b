import { describe, expect, it } from 'vitest';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import type { FindingCode } from '../../src/guard/verdict.js';
import { expectLinearGrowth } from '../support/growth.js';
import { codes, find } from '../support/verdict-findings.js';

// The findings that name one of the customer's known addresses.
const ABOUT_A_KNOWN_ADDRESS: ReadonlySet<FindingCode> = new Set([
  'near-miss',
  'other-first-name',
  'number-changed',
  'name-reordered',
  'possible-typo',
  'sibling-domain',
]);

const numbered = (count: number) => ({
  id: 'C-255',
  name: 'Maria Lund',
  emails: Array.from({ length: count }, (_, i) => `maria.lund${i}@telia.com`),
});

const aboutKnown = (entered: string, count: number) =>
  checkRecipient({ entered, customer: numbered(count) }).findings.filter((finding) =>
    ABOUT_A_KNOWN_ADDRESS.has(finding.code),
  );

describe('a customer with many known addresses', () => {
  it('lists the three closest known addresses and counts the rest, not one finding each', () => {
    const verdict = checkRecipient({ entered: 'maria.lund@telia.com', customer: numbered(255) });
    expect(verdict.action).toBe('block');
    const listed = verdict.findings.filter((finding) => ABOUT_A_KNOWN_ADDRESS.has(finding.code));
    expect(listed).toHaveLength(3);
    expect(verdict.findings.length).toBeLessThanOrEqual(5);
    const unverified = find(verdict, 'unverified-address');
    expect(unverified.closeKnownAddresses).toBe(255);
    expect(unverified.message).toBe(
      "This is not one of the customer's known addresses, though it is close to 255 of them (the 3 closest are listed): read it back to the customer before anything is sent.",
    );
  });

  it('says it in Swedish', () => {
    const verdict = checkRecipient(
      { entered: 'maria.lund@telia.com', customer: numbered(255) },
      { locale: 'sv' },
    );
    expect(find(verdict, 'unverified-address').message).toBe(
      'Adressen är inte en av kundens kända adresser, men den liknar 255 av dem (de 3 närmaste visas): läs upp den för kunden innan något skickas.',
    );
  });

  it('keeps the closest first and suggests it as before', () => {
    const verdict = checkRecipient({ entered: 'maria.lund1000@telia.com', customer: numbered(255) });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('maria.lund100@telia.com');
    expect(verdict.findings[0]).toMatchObject({
      code: 'near-miss',
      known: 'maria.lund100@telia.com',
      distance: 1,
    });
    expect(verdict.findings.filter((finding) => ABOUT_A_KNOWN_ADDRESS.has(finding.code))).toHaveLength(3);
  });

  it('adds no count while every close known address is listed', () => {
    const verdict = checkRecipient({ entered: 'maria.lund@telia.com', customer: numbered(2) });
    expect(codes(verdict)).toEqual(['near-miss', 'near-miss', 'unverified-address']);
    expect(find(verdict, 'unverified-address').closeKnownAddresses).toBeUndefined();
  });

  it('gives as many findings at 240 known addresses as at 60, in time that grows linearly', async () => {
    expect(aboutKnown('maria.lund@telia.com', 240)).toHaveLength(
      aboutKnown('maria.lund@telia.com', 60).length,
    );
    await expectLinearGrowth({
      n: 60,
      make: numbered,
      run: (customer) => {
        for (let i = 0; i < 20; i++) checkRecipient({ entered: `maria.lund${1000 + i}@telia.com`, customer });
      },
    });
  });
});
