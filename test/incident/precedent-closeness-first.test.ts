import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case's facts as assessBreach reads them: one customer's name, address, customer number
// and order at a stranger's address, deleted on request, at a telecom operator.
const seed: BreachFacts = {
  regimes: [...seedCase.regimes],
  dataCategories: [...seedCase.dataCategories],
  dataSubjects: 1,
  recipient: seedCase.recipient,
  recipientConfirmedDeletion: true,
};

// The same order confirmation without the customer number, kept by the stranger: from 20 people
// the many-people rule decides the risk.
const kept: BreachFacts = {
  regimes: ['gdpr'],
  dataCategories: ['name', 'postal-address', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
};

const listed = (facts: BreachFacts) =>
  assessBreach(facts).precedents.map((precedent) => [precedent.id, precedent.why] as const);

describe('precedents are ordered by the kinds of data and the recipient first, the number of people after', () => {
  it('lists the same decisions in the same order for the seed case with 1 and with 300 customers', () => {
    const one = listed(seed);
    const many = listed({ ...seed, dataSubjects: 300 });
    expect(many.map(([id]) => id)).toEqual(one.map(([id]) => id));
    expect(many).toMatchInlineSnapshot(`
      [
        [
          "edpb-01-2021-case-13",
          "the same kind of recipient (a private person outside the organisation); the same kinds of data (names and contact details, orders); there 2 people were affected, another number than here; the data was deleted or returned, as here; the authority concluded otherwise than this assessment on notifying the authority under the GDPR: the closest decision that went the other way",
        ],
        [
          "edpb-01-2021-case-16",
          "the same kind of recipient (a private person outside the organisation); the same kinds of data (names and contact details); there one person was affected, another number than here; there the data was neither deleted nor recovered; the authority reached the same conclusion on notifying as this assessment",
        ],
        [
          "ico-pecr-sse-energy-supply-2018",
          "the same kind of recipient (a private person outside the organisation); the same kinds of data (names and contact details); there one person was affected, another number than here; there the data was neither deleted nor recovered; the authority reached the same conclusion on notifying as this assessment",
        ],
      ]
    `);
  });

  it('puts first, for 300 customers, the decisions with the same kinds of data and recipient, not those of many people', () => {
    const many = assessBreach({ ...kept, dataSubjects: 300 });
    expect(many.reasons.map((reason) => reason.code)).toContain('many-people');
    // The closest two share the recipient and every kind of data; a decision about many people whose
    // data held political opinions or arrears (AP PVV Overijssel, the DPC's case study 1) is not
    // close to a name, an address and an order, however many people it concerned.
    for (const precedent of many.precedents.slice(0, 2)) {
      expect(precedent.alike.kindsOnlyThere, precedent.id).toEqual([]);
      expect(precedent.alike.sameRecipient, precedent.id).toBe(true);
    }
    expect(many.precedents.map((precedent) => [precedent.id, precedent.why])).toMatchInlineSnapshot(`
      [
        [
          "apd-62-2022",
          "the same kind of recipient (a private person outside the organisation); the same kinds of data (names and contact details); there 16 people were affected, another number than here; the authority concluded otherwise than this assessment on notifying the authority: the closest decision that went the other way",
        ],
        [
          "edpb-01-2021-case-16",
          "the same kind of recipient (a private person outside the organisation); the same kinds of data (names and contact details); there one person was affected, another number than here; the authority reached the same conclusion on notifying as this assessment",
        ],
        [
          "edpb-01-2021-case-13",
          "the same kind of recipient (a private person outside the organisation); the same kinds of data (names and contact details, orders); there 2 people were affected, another number than here; there the data was deleted or recovered, which it was not here; the authority concluded otherwise than this assessment on notifying the authority",
        ],
      ]
    `);
  });
});
