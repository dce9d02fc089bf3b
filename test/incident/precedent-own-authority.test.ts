import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts, breachDecisions } from '../../src/incident/index.js';
import { colleagueDeletedFacts } from './shared-fixtures.js';

// A Danish operator's e-mail with a customer's CPR number, sent to a stranger who deleted it.
const danish: BreachFacts = {
  ...colleagueDeletedFacts,
  country: 'DK',
  dataCategories: ['name', 'postal-address', 'national-id-number', 'customer-number'],
  recipient: 'unknown-individual',
};

describe('the decisions of the organisation’s own supervisory authority', () => {
  it('puts Datatilsynet’s decision on a CPR number sent to a stranger first for a Danish operator', () => {
    const [first] = assessBreach(danish).precedents;
    expect(first?.id).toBe('datatilsynet-dk-2021-442-13805-skatteforvaltningen');
  });

  it('puts Datatilsynet’s payslip example first for a Danish shop’s message a colleague deleted', () => {
    const [first] = assessBreach({
      ...danish,
      regimes: ['gdpr'],
      dataCategories: ['name', 'postal-address', 'order-details'],
      recipient: 'internal',
    }).precedents;
    expect(first?.id).toBe('datatilsynet-dk-vejledning-2018-hr-payslips');
  });

  it('does not put first a decision of the own authority on another kind of recipient or data', () => {
    // Randers Kommune (health data, a colleague) is no precedent for a CPR number sent to a stranger.
    const ids = assessBreach(danish).precedents.map((precedent) => precedent.id);
    expect(ids).not.toContain('datatilsynet-dk-2020-randers-kommune');
    // The same breach at a Swedish operator does not get the Danish decision first.
    const [swedish] = assessBreach({ ...danish, country: 'SE' }).precedents;
    expect(swedish?.id).not.toBe('datatilsynet-dk-2021-442-13805-skatteforvaltningen');
  });

  it('counts the decisions of every country notified as the own authority’s (SE and GB)', () => {
    // The Danish decision as if the ICO had taken it: for a Swedish operator that also notifies the
    // ICO, it is a decision of an authority the breach goes to, and comes first as IMY's would.
    const danishDecision = breachDecisions.find(
      (decision) => decision.id === 'datatilsynet-dk-2021-442-13805-skatteforvaltningen',
    );
    if (danishDecision === undefined) throw new Error('the Danish decision is in the table');
    const decisions = [
      ...breachDecisions.filter((decision) => decision !== danishDecision),
      { ...danishDecision, id: 'ico-as-datatilsynet', authority: 'ICO (GB)', country: 'GB' },
    ];
    const swedish = { ...danish, country: 'SE' };
    expect(assessBreach(swedish, { decisions }).precedents[0]?.id).not.toBe('ico-as-datatilsynet');
    expect(assessBreach(swedish, { decisions, countries: ['SE', 'GB'] }).precedents[0]?.id).toBe(
      'ico-as-datatilsynet',
    );
  });
});
