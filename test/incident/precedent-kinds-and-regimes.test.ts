import { describe, expect, it } from 'vitest';
import { findPrecedents } from '../../src/incident/find-precedents.js';
import {
  assessBreach,
  type BreachFacts,
  breachDecisions,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// Names, e-mail addresses and an order, sent to about a hundred people outside the organisation.
const plainToMany: BreachFacts = {
  regimes: ['gdpr'],
  dataCategories: ['name', 'email-address', 'postal-address', 'order-details'],
  dataSubjects: 101,
  recipient: 'unknown-individual',
};

const all = (facts: BreachFacts) =>
  findPrecedents(facts, breachDecisions, 'en', undefined, breachDecisions.length);

describe('precedents compare the kinds of data honestly', () => {
  it('does not cite AP PVV Overijssel (political opinions) as the same data as names, addresses and an order', () => {
    const pvv = all(plainToMany).find((precedent) => precedent.id === 'ap-2021-pvv-overijssel');
    expect(pvv?.alike.sharedKinds).toEqual([]);
    expect(pvv?.why).not.toMatch(/the same kinds of data/);
    expect(pvv?.why).toMatch(
      /there the data also held special categories of data \(Art\. 9\), which was not recorded here/,
    );
  });

  it('does not cite the DPC’s broadband arrears case (financial data) as the same data as an order', () => {
    const ice = all(plainToMany).find(
      (precedent) => precedent.id === 'dpc-2010-case-study-1-broadband-disconnection-notice',
    );
    expect(ice?.alike.sharedKinds).toEqual([]);
    expect(ice?.why).toMatch(/there the data also held financial data, which was not recorded here/);
  });

  it('ranks EDPB Case No. 13 (a name, an address, an order) above decisions whose data held a special category or money', () => {
    const ids = all(plainToMany).map((precedent) => precedent.id);
    const order = ids.indexOf('edpb-01-2021-case-13');
    expect(order).toBeGreaterThanOrEqual(0);
    expect(order).toBeLessThan(ids.indexOf('ap-2021-pvv-overijssel'));
    expect(order).toBeLessThan(ids.indexOf('dpc-2010-case-study-1-broadband-disconnection-notice'));
  });

  it('still calls PVV Overijssel the same data where special categories were exposed here too', () => {
    const pvv = all({ ...plainToMany, dataCategories: ['name', 'email-address', 'special-category'] }).find(
      (precedent) => precedent.id === 'ap-2021-pvv-overijssel',
    );
    expect(pvv?.alike.sharedKinds).toEqual(['contact', 'sensitive']);
  });
});

describe('precedents for data made public', () => {
  const posted: BreachFacts = {
    regimes: ['gdpr'],
    dataCategories: ['name', 'postal-address', 'order-details'],
    dataSubjects: 1,
    recipient: 'public',
  };

  it('cites only decisions where the data reached the public or many, not one-person letters', () => {
    const { precedents } = assessBreach(posted);
    expect(precedents.length).toBeGreaterThan(0);
    for (const precedent of precedents)
      expect(
        precedent.alike.recipient === 'public' || precedent.alike.reachedMany === true,
        precedent.id,
      ).toBe(true);
  });

  it('cites no precedent when the table has none where the data reached the public or many', () => {
    const letters = breachDecisions.filter(
      (decision) => decision.facts.recipient !== 'public' && decision.kind !== 'cc-instead-of-bcc',
    );
    expect(assessBreach(posted, { decisions: letters }).precedents).toEqual([]);
  });
});

describe('the other reading and the regime of each precedent', () => {
  const seedFacts: BreachFacts = {
    regimes: ['eprivacy', 'gdpr'],
    dataCategories: ['name', 'phone-number', 'email-address', 'order-details'],
    dataSubjects: 1,
    recipient: 'unknown-individual',
  };

  it('lists the closest contrary decision (UODO P4) beside the agreeing ones', () => {
    const { precedents, notifyDataSubjects } = assessBreach(seedFacts);
    expect(notifyDataSubjects).toBe(false);
    const contrary = precedents.filter((precedent) => precedent.alike.sameConclusion === false);
    expect(contrary.map((precedent) => precedent.id)).toEqual(['uodo-dkn-5131-18-2022-p4']);
    expect(precedents.some((precedent) => precedent.alike.sameConclusion === true)).toBe(true);
    expect(contrary[0]?.why).toMatch(/the closest decision that went the other way/);
  });

  it('labels the regime each precedent was decided under', () => {
    for (const precedent of assessBreach(seedFacts).precedents)
      expect(precedent.regimes?.length, precedent.id).toBeGreaterThan(0);
    const report = createIncidentReport(seedCase, { now: '2018-02-23T15:30:00+01:00' });
    const text = renderIncidentReport(report, { locale: 'en', format: 'text' });
    const lines = text.split('\n').filter((line) => line.startsWith('  - ') && /Compared/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/decided under (the GDPR|Regulation 611\/2013|PECR)/);
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    for (const line of sv.split('\n').filter((entry) => /Jämförelse/.test(entry)))
      expect(line).toMatch(/beslutat enligt (dataskyddsförordningen|förordning 611\/2013)/);
  });

  it('never says "the same conclusion on notifying" for a decision under another regime', () => {
    const gdprOnly = findPrecedents(
      seedFacts,
      breachDecisions,
      'en',
      { notifyAuthority: true, notifyDataSubjects: false },
      breachDecisions.length,
    ).filter((precedent) => !(precedent.regimes ?? []).includes('eprivacy'));
    expect(gdprOnly.length).toBeGreaterThan(0);
    for (const precedent of gdprOnly)
      expect(precedent.why).not.toMatch(/same conclusion on notifying|matches this assessment/);
  });
});
