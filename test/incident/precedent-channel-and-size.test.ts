import { describe, expect, it } from 'vitest';
import {
  assessBreach,
  breachDecisions,
  type CreateIncidentReportInput,
  createIncidentReport,
  InvalidInputError,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case at a Swedish operator after the GDPR applied: one order confirmation to one stranger.
const swedishSeed: CreateIncidentReportInput = {
  ...seedCase,
  provider: { ...seedCase.provider, country: 'SE' },
  occurredAt: '2024-02-23T13:36:00+01:00',
  detectedAt: new Date('2024-02-23T12:45:00Z'),
};
const withIdentityNumber: CreateIncidentReportInput = {
  ...swedishSeed,
  dataCategories: ['name', 'postal-address', 'national-id-number'],
};
// The same customer's details in one letter to one stranger, who kept it.
const { misdirected: _address, recipientConfirmedDeletion: _deleted, ...withoutAddress } = withIdentityNumber;
const letter: CreateIncidentReportInput = { ...withoutAddress, circumstances: 'misdirected-post' };
const now = new Date('2025-01-01T00:00:00Z');

function firstPrecedent(input: CreateIncidentReportInput) {
  return createIncidentReport(input, { locale: 'en', now }).assessment.precedents[0];
}

describe('precedents that fit the breach’s size and channel', () => {
  it('lists first a decision about one e-mail for the seed case at a Swedish operator', () => {
    const first = firstPrecedent(swedishSeed);
    expect(first?.alike.channel).toBe('email');
    expect(first?.alike.reachedMany).toBe(false);
  });

  it('does not put IMY’s Indecap decision, a file sent to thousands, first for one e-mail with an identity number', () => {
    const first = firstPrecedent(withIdentityNumber);
    expect(first?.id).not.toBe('imy-di-2021-3422-indecap');
    expect(first?.alike.channel).toBe('email');
    expect(first?.alike.reachedMany).toBe(false);
  });

  it('lists first a decision about one letter for a single letter', () => {
    const first = firstPrecedent(letter);
    expect(first?.id).not.toBe('imy-di-2021-3422-indecap');
    expect(first?.alike.channel).toBe('post');
    expect(first?.alike.reachedMany).toBe(false);
  });

  it('puts a decision about another channel after those about the same one', () => {
    const channels = createIncidentReport(letter, { locale: 'en', now }).assessment.precedents.map(
      (precedent) => precedent.alike.channel,
    );
    const firstOther = channels.findIndex((channel) => channel !== undefined && channel !== 'post');
    const lastSame = channels.lastIndexOf('post');
    expect(lastSame).toBeGreaterThanOrEqual(0);
    if (firstOther >= 0) expect(firstOther).toBeGreaterThan(lastSame);
  });

  it('still lists the decisions on CC instead of BCC first for 40 customers shown to each other', () => {
    const cc = new Set(
      breachDecisions.filter((decision) => decision.kind === 'cc-instead-of-bcc').map(({ id }) => id),
    );
    const precedents = assessBreach({
      regimes: ['gdpr'],
      country: 'SE',
      channel: 'email',
      exposure: 'cc',
      dataCategories: ['name', 'email-address'],
      dataSubjects: 40,
      recipient: 'unknown-individual',
      occurredAt: '2024-02-23T13:36:00+01:00',
    }).precedents;
    expect(precedents.slice(0, 2).every((precedent) => cc.has(precedent.id))).toBe(true);
  });

  it('says in the Swedish and English reports how the precedent’s data went astray', () => {
    const report = createIncidentReport(letter, { locale: 'sv', now });
    const swedish = renderIncidentReport(report, { locale: 'sv' });
    const english = renderIncidentReport(createIncidentReport(letter, { locale: 'en', now }), {
      locale: 'en',
    });
    expect(swedish).toContain('skickat på samma sätt (med post)');
    expect(english).toContain('sent the same way (by post)');
    expect(swedish).not.toContain('Indecap');
    expect(english).not.toContain('Indecap');
  });
});

describe('the channel among the other facts', () => {
  it('refuses addresses shown in CC for a letter, which has no CC line', () => {
    const letterInCc = () =>
      assessBreach({
        regimes: ['gdpr'],
        channel: 'post',
        exposure: 'cc',
        dataCategories: ['name', 'postal-address'],
        dataSubjects: 40,
        recipient: 'unknown-individual',
      });
    expect(letterInCc).toThrow(InvalidInputError);
    expect(letterInCc).toThrow(/exposure.*contradicts channel "post"/s);
  });
});

describe('the other reading', () => {
  it('is a decision about the same channel where one went the other way', () => {
    // A telecom's order confirmation e-mailed to a stranger who confirmed the deletion: before, the
    // other reading was EDPB Case No. 13, misposted letters, though UODO's P4 decision on an e-mail
    // under both regimes went the other way too.
    const email: CreateIncidentReportInput = { ...swedishSeed, recipientConfirmedDeletion: true };
    const { precedents } = createIncidentReport(email, { locale: 'en', now }).assessment;
    const other = precedents.find((precedent) => precedent.alike.otherReading === true);
    expect(other?.id).toBe('uodo-dkn-5131-18-2022-p4');
    expect(other?.alike.channel).toBe('email');
  });
});
