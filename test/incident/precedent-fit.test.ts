import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';

// One Swedish customer's data with a stranger, under the GDPR, unless the case says otherwise.
const swedish = (facts: Partial<BreachFacts>): BreachFacts => ({
  regimes: ['gdpr'],
  dataCategories: ['name'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
  country: 'SE',
  ...facts,
});

// An operator's invoice (name, address, customer number, amount) sent by post to the wrong street
// address, which came back unopened.
const letterBack = swedish({
  regimes: ['eprivacy', 'gdpr'],
  dataCategories: ['name', 'postal-address', 'customer-number', 'financial'],
  returnedUnopened: true,
});

// A payslip (identity number, account, pay) sent to a colleague with nearly the same name, who deleted it.
const payslip = swedish({
  dataCategories: ['name', 'national-id-number', 'account-number', 'financial'],
  recipient: 'internal',
  recipientConfirmedDeletion: true,
});

describe('precedents that fit the breach, and likenesses that are true of both', () => {
  it('puts the recovered letters first for a letter that came back unopened, not a list that reached thousands', () => {
    const ids = assessBreach(letterBack).precedents.map((precedent) => precedent.id);
    expect(ids[0]).toBe('edpb-01-2021-case-13');
    expect(ids).toContain('apd-52-2024-notary-wrong-addressee');
    expect(ids).not.toContain('imy-di-2021-3422-indecap');
  });

  it('says a different recipient and number of people as differences, never as likenesses', () => {
    const mbank = assessBreach(payslip, { locale: 'sv' }).precedents.find(
      (precedent) => precedent.id === 'uodo-dkn-5131-1-2024-mbank',
    );
    expect(mbank?.why).toContain(
      'där var mottagaren en känd mottagare som kan hållas ansvarig, en annan slags mottagare än här',
    );
    expect(mbank?.why).not.toMatch(/^mottagaren var/);
    expect(mbank?.why).toContain('där berördes 2 personer, ett annat antal än här');
    const english = assessBreach(payslip).precedents.find(
      (precedent) => precedent.id === 'uodo-dkn-5131-1-2024-mbank',
    );
    expect(english?.why).toContain(
      'there the recipient was a known recipient who can be held to account, another kind than here',
    );
  });

  it('writes a large number of people with the language’s thousands separator', () => {
    const published = swedish({
      dataCategories: ['name', 'national-id-number', 'financial'],
      dataSubjects: 3,
      recipient: 'public',
    });
    const sv = assessBreach(published, { locale: 'sv' }).precedents.find(
      (precedent) => precedent.id === 'imy-di-2021-3422-indecap',
    );
    expect(sv?.why).toMatch(/där berördes 52\s364 personer/);
    const en = assessBreach(published).precedents.find(
      (precedent) => precedent.id === 'imy-di-2021-3422-indecap',
    );
    expect(en?.why).toContain('there 52,364 people were affected');
  });
});
