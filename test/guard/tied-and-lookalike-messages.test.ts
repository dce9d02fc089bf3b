import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard } from '../../src/guard/create-guard.js';
import type { Finding, Locale } from '../../src/guard/verdict.js';

// What a salesperson reads when a domain is one slip from several real ones, and when an address is
// written in letters of another alphabet: the likeliest correction alone where there is one, a short
// list where corrections truly tie, and never another customer's address.

const ola: Customer = { id: 'C-20', name: 'Ola Ek', emails: ['ola.ek@telia.com'] };
const finding = (findings: readonly Finding[], code: Finding['code']) =>
  findings.find((item) => item.code === code);

async function check(entered: string, locale: Locale, others: Customer[] = []) {
  const guard = createGuard({ directory: createDirectory([ola, ...others]), locale });
  return guard.check({ entered, customerId: 'C-20' });
}

describe('a domain one slip from several real ones', () => {
  it.each([
    ['en', 'hotmail.s looks like a typo of one of hotmail.se and hotmail.es.'],
    ['sv', 'hotmail.s ser ut som ett skrivfel av en av hotmail.se och hotmail.es.'],
  ] as const)('names each of two tied corrections as one of them (%s)', async (locale, said) => {
    const verdict = await check('ola.ek@hotmail.s', locale);
    expect(verdict.suggestion).toBeUndefined();
    expect(finding(verdict.findings, 'domain-typo')?.message).toBe(said);
  });

  it.each([
    ['en', 'gmail.e looks like a typo of one of gmail.se, gmail.eu, gmail.de and 4 more domains.'],
    ['sv', 'gmail.e ser ut som ett skrivfel av en av gmail.se, gmail.eu, gmail.de och 4 domäner till.'],
  ] as const)('names at most three tied corrections and counts the rest (%s)', async (locale, said) => {
    const verdict = await check('ola.ek@gmail.e', locale);
    const typo = finding(verdict.findings, 'domain-typo');
    expect(typo).toMatchObject({ candidates: expect.arrayContaining(['gmail.se', 'gmail.me']) });
    expect(typo?.message).toBe(said);
  });

  it.each(['en', 'sv'] as const)('names a correction alone where it is the one best (%s)', async (locale) => {
    const verdict = await check('ola.ek@gmail.con', locale);
    expect(finding(verdict.findings, 'domain-typo')?.message).toBe(
      locale === 'en'
        ? 'gmail.con looks like a typo of gmail.com.'
        : 'gmail.con ser ut som ett skrivfel av gmail.com.',
    );
  });

  it.each(['en', 'sv'] as const)(
    'names none of the tied corrections when one of them is another customer’s address (%s)',
    async (locale) => {
      const other: Customer = { id: 'C-21', name: 'Ola Ek', emails: ['ola.ek@hotmail.es'] };
      const verdict = await check('ola.ek@hotmail.s', locale, [other]);
      const typo = finding(verdict.findings, 'domain-typo');
      expect(typo).toMatchObject({ candidates: [], correctionWithheld: 'other-customer' });
      expect(JSON.stringify(verdict)).not.toMatch(/hotmail\.es/);
    },
  );
});

describe('an address written in letters of another alphabet', () => {
  it.each(['en', 'sv'] as const)(
    'does not name what it reads as when that is another customer’s address (%s)',
    async (locale) => {
      const other: Customer = { id: 'C-22', name: 'Eva Lund', emails: ['eva.lund@gmail.com'] };
      // A Cyrillic е (U+0435) for the Latin e.
      const verdict = await check('\u0435va.lund@gmail.com', locale, [other]);
      expect(verdict.suggestion).toBeUndefined();
      const lookalike = finding(verdict.findings, 'confusable-characters');
      expect(lookalike?.message).toBeDefined();
      expect(verdict.findings.map(({ message }) => message).join(' ')).not.toContain('eva.lund@gmail.com');
    },
  );

  it.each([
    ['en', 'It reads as eva.lund@gmail.com but is a different address.'],
    ['sv', 'Den ser ut som eva.lund@gmail.com men är en annan adress.'],
  ] as const)('names what it reads as when that is no other customer’s (%s)', async (locale, said) => {
    const verdict = await check('\u0435va.lund@gmail.com', locale);
    expect(finding(verdict.findings, 'confusable-characters')?.message).toContain(said);
  });
});
