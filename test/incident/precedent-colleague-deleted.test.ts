import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';
import { colleagueDeletedFacts } from './shared-fixtures.js';

const colleague = colleagueDeletedFacts;

describe('the precedents of a message a colleague deleted at once', () => {
  it.each([
    ['a telecom', colleague],
    ['a shop', { ...colleague, regimes: ['gdpr'] } as BreachFacts],
  ])('cite the ICO’s case study 2 and Datatilsynet’s payslip example first (%s)', (_, facts) => {
    const ids = assessBreach(facts).precedents.map((precedent) => precedent.id);
    expect(ids.slice(0, 2).sort()).toEqual([
      'datatilsynet-dk-vejledning-2018-hr-payslips',
      'ico-breach-examples-case-2',
    ]);
    expect(ids).not.toContain('edpb-01-2021-case-09');
  });

  it('says that the data there held more than here, and that the authority still did not notify', () => {
    const [first] = assessBreach(colleague).precedents;
    expect(first?.id).toBe('ico-breach-examples-case-2');
    expect(first?.why).toBe(
      'the same kind of recipient (someone inside the organisation); the same kinds of data (names and contact details); there the data also held financial data and health data, which was not recorded here; a similar number of people (one person); the data was deleted or returned, as here; the authority reached the same conclusion on notifying as this assessment',
    );
  });

  it('does not put a lenient decision on more data first where the data here was kept, not deleted', () => {
    // APD 52/2024 found no risk in identity numbers a stranger deleted: no support for a stranger who kept them.
    const kept = assessBreach({
      ...colleague,
      recipient: 'unknown-individual',
      recipientConfirmedDeletion: false,
    });
    expect(kept.precedents[0]?.id).not.toBe('apd-52-2024-notary-wrong-addressee');
    expect(kept.precedents[0]?.id).not.toBe('ico-breach-examples-case-2');
  });
});
