import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';
import { fixtureDecisions as decisions } from './fixture-decisions.js';

const toAnotherBank: BreachFacts = {
  regimes: ['gdpr'],
  dataCategories: ['name', 'national-id-number', 'financial'],
  dataSubjects: 3,
  recipient: 'trusted',
  recipientConfirmedDeletion: true,
};

describe('assessBreach lists the closest published decisions as precedents', () => {
  it('puts first the decision with the same recipient and the same kinds of data', () => {
    const [first] = assessBreach(toAnotherBank, { decisions }).precedents;
    expect(first?.id).toBe('fixture-identity-numbers-to-bank-bound-by-secrecy');
    expect(first?.decided).toBe('notify the authority: yes; tell the people: yes; risk: high');
    expect(first?.why).toMatch(/the same kind of recipient \(a known recipient who can be held to account\)/);
    expect(first?.why).toMatch(/identity numbers, financial data/);
    expect(first?.why).toMatch(/deleted or returned, as here/);
  });

  it('gives the same list whatever the order of the table', () => {
    const forward = assessBreach(toAnotherBank, { decisions }).precedents;
    const backward = assessBreach(toAnotherBank, { decisions: [...decisions].reverse() }).precedents;
    expect(backward).toEqual(forward);
    // The table's decision under Regulation 611/2013 states no risk level: it supports nothing for
    // a breach under the GDPR alone, and is not cited.
    expect(forward).toHaveLength(2);
  });

  it('says what was decided and why it is close in Swedish', () => {
    const [first] = assessBreach(toAnotherBank, { decisions, locale: 'sv' }).precedents;
    expect(first?.decided).toBe('anmälan till myndigheten: ja; underrätta de berörda: ja; risk: hög');
    expect(first?.why).toMatch(/samma slags mottagare/);
  });

  it('picks the order confirmation for a telecom operator’s misdirected order', () => {
    const [first] = assessBreach(
      {
        regimes: ['eprivacy', 'gdpr'],
        dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
        dataSubjects: 1,
        recipient: 'unknown-individual',
      },
      { decisions },
    ).precedents;
    expect(first?.id).toBe('fixture-eprivacy-single-order-email');
  });

  it('says when a precedent was decided under a stricter reading than the EDPB’s', () => {
    const strict = decisions.map((decision) => ({ ...decision, profile: 'strict' as const }));
    const [first] = assessBreach(toAnotherBank, { decisions: strict }).precedents;
    expect(first?.profile).toBe('strict');
    expect(first?.decided).toMatch(/a stricter reading than the EDPB’s$/);
  });

  it('refuses a table entry that is not a decision, naming it', () => {
    expect(() => assessBreach(toAnotherBank, { decisions: [{ id: 'x' } as never] })).toThrow(
      /options\.decisions\.0/,
    );
  });
});
