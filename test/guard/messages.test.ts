import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { type FindingFacts, messageFor } from '../../src/guard/messages.js';
import { find } from '../support/verdict-findings.js';

// A finding's message says only what its facts hold: a field a caller left out is never printed as
// "undefined", and a comparison with something not on record is not claimed.

describe('a look-alike finding without its reading', () => {
  // Built by a caller (a stored finding read back, a policy test) with neither `lookalike` nor
  // `correctionWithheld`.
  const facts: FindingFacts = {
    code: 'confusable-characters',
    action: 'block',
    severity: 'critical',
    characters: [
      {
        character: '\u0435',
        codePoint: 'U+0435',
        script: 'Cyrillic',
        looksLike: 'e',
        part: 'local',
        index: 0,
      },
    ],
  };

  it.each([
    [
      'en',
      'The address contains characters from another alphabet that look like ordinary letters: \u0435 (Cyrillic U+0435). It passes for an address in ordinary letters, but is a different address.',
    ],
    [
      'sv',
      'Adressen innehåller tecken från ett annat alfabet som liknar vanliga bokstäver: \u0435 (kyrillisk U+0435). Den ser ut som en adress med vanliga bokstäver men är en annan adress.',
    ],
  ] as const)('says what it is without naming a reading it does not have (%s)', (locale, said) => {
    const message = messageFor(facts, locale);
    expect(message).not.toContain('undefined');
    expect(message).toBe(said);
  });
});

describe('an address that fits another customer’s name, entered for a customer with no name', () => {
  const directory = createDirectory([
    { id: 'K-101924', name: 'Oskar Wallin', emails: ['oskar.wallin46375@live.se'] },
  ]);

  it.each([
    [
      'en',
      "One slip from o***@live.se, the address of another customer whose name it fits; this customer has no name on record to compare it with: check that it is not that customer's address.",
    ],
    [
      'sv',
      'Ett skrivfel från o***@live.se, adressen till en annan kund, vars namn adressen passar; den här kunden har inget namn registrerat att jämföra med: kontrollera att det inte är den andra kundens adress.',
    ],
  ] as const)('does not claim it fits that name better than a name there is none of (%s)', (locale, said) => {
    const verdict = checkRecipient(
      { entered: 'oskar.wallin46376@live.se', customer: { id: 'new' }, directory },
      { locale },
    );
    const finding = find(verdict, 'near-miss-other-name');
    expect(finding).toMatchObject({ customerNameless: true });
    expect(finding.message).toBe(said);
  });

  it('still compares the two names when this customer has one', () => {
    const verdict = checkRecipient({
      entered: 'oskar.wallin46376@live.se',
      customer: { id: 'K-900004', name: 'Erik Lind' },
      directory,
    });
    const finding = find(verdict, 'near-miss-other-name');
    expect(finding).not.toHaveProperty('customerNameless');
    expect(finding.message).toContain("whose name it fits better than this customer's");
  });
});
