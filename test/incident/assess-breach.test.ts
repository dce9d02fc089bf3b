import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { assessBreach, type BreachFacts, dataCategories } from '../../src/incident/index.js';

// The cases of EDPB Guidelines 01/2021 on Examples regarding Personal Data Breach Notification
// (version 2.0, adopted 14 December 2021). Section 6 "Mispostal" holds Cases 13 to 16; section 7
// "Other cases – social engineering" holds Case 17 (identity theft) and Case 18 (e-mail
// exfiltration). Each case's facts are encoded as the Guidelines state them, and the expected
// outcome is the "actions necessary" table closing the case: internal documentation always,
// notification to the supervisory authority and communication to the data subjects as marked.
describe('assessBreach reproduces the EDPB Guidelines 01/2021 mispostal cases', () => {
  it('documents but does not notify two swapped packing slips of a shoe shop (Case 13)', () => {
    // Two customers received each other's order and packing bill: name, address, items bought.
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'postal-address', 'order-details'],
      dataSubjects: 2,
      recipient: 'unknown-individual',
    });
    expect(assessment.risk).toBe('unlikely');
    expect(assessment.notifyAuthority).toBe(false);
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.deadlines.map((deadline) => deadline.article)).toEqual(['GDPR Art. 33(5)']);
  });

  it('tells the authority and 60 000 jobseekers whose identity numbers were attached to a mailing (Case 14)', () => {
    // An employment office attached a file with name, e-mail, postal address and social security
    // number of more than 60 000 jobseekers to an e-mail sent to all of them.
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'email-address', 'postal-address', 'national-id-number'],
      dataSubjects: 60_000,
      recipient: 'unknown-individual',
    });
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(true);
  });

  it('only documents a course list with two food intolerances sent to former participants (Case 15)', () => {
    // A list of 15 participants (names, e-mail addresses, food preferences; two lactose
    // intolerant) went to 15 former participants, who were at once asked to delete it.
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'email-address', 'health'],
      insight: 'minimal',
      dataSubjects: 15,
      recipient: 'trusted',
    });
    expect(assessment.risk).toBe('unlikely');
    expect(assessment.notifyAuthority).toBe(false);
    expect(assessment.notifyDataSubjects).toBe(false);
  });

  it('notifies the authority but not the policyholder when two insurance letters shared an envelope (Case 16)', () => {
    // Name, address, registration number, insurance rates, mileage and birth date of one
    // policyholder reached another; no health, bank or financial data.
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'postal-address', 'vehicle-registration', 'insurance', 'date-of-birth'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
    });
    expect(assessment.risk).toBe('risk');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(false);
  });

  it('tells everyone when an impostor obtained a telecom customer’s invoices (Case 17)', () => {
    // A caller posing as the customer had the e-mail address changed and received the invoices.
    const assessment = assessBreach({
      regimes: ['eprivacy', 'gdpr'],
      dataCategories: ['name', 'postal-address', 'customer-number', 'financial'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
      maliciousIntent: true,
    });
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(true);
  });

  it('tells everyone when a mailbox with invoices was exfiltrated (Case 18)', () => {
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'email-address', 'account-number', 'financial'],
      dataSubjects: 40,
      recipient: 'unknown-individual',
      maliciousIntent: true,
    });
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(true);
  });
});

// Article 29 Working Party, Guidelines on personal data breach notification (WP250 rev.01, endorsed
// by the EDPB), Annex B: "a direct marketing e-mail is sent to recipients in the 'to:' or 'cc:'
// fields": notify the authority when many people are affected or sensitive data is revealed; tell
// the data subjects depending on the scope and type of data.
describe('assessBreach follows WP250 on addresses shown in To or Cc instead of Bcc', () => {
  const cc = (dataSubjects: number, extra: BreachFacts['dataCategories'] = []) =>
    assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['email-address', ...extra],
      dataSubjects,
      recipient: 'unknown-individual',
    });

  it('only documents a newsletter that showed a dozen addresses', () => {
    expect(cc(12).notifyAuthority).toBe(false);
  });

  it('notifies the authority when thousands of addresses were shown', () => {
    const assessment = cc(4_000);
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('large-scale');
  });

  it('tells the patients when a therapist’s mailing list was shown to all of them', () => {
    const assessment = cc(40, ['health']);
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyDataSubjects).toBe(true);
  });
});

describe('assessBreach under Regulation 611/2013', () => {
  const seed: BreachFacts = {
    regimes: ['eprivacy', 'gdpr'],
    dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
    dataSubjects: 1,
    recipient: 'unknown-individual',
    occurredAt: '2018-02-23T13:36:00+01:00',
    detectedAt: '2018-02-23T13:45:00+01:00',
  };

  it('tells the authority within 24 hours under Regulation 611/2013', () => {
    const assessment = assessBreach(seed);
    const first = assessment.deadlines.find(
      (deadline) => deadline.article === 'Regulation 611/2013 Art. 2(2)',
    );
    expect(assessment.notifyAuthority).toBe(true);
    expect(first?.to).toBe('authority');
    expect(Date.parse(first?.due ?? '') - Date.parse('2018-02-23T12:45:00Z')).toBe(24 * 3_600_000);
  });

  it('completes an incomplete notification within three days of the first one (Art. 2(3))', () => {
    const assessment = assessBreach({ ...seed, initialNotificationAt: '2018-02-23T16:00:00+01:00' });
    const complete = assessment.deadlines.find(
      (deadline) => deadline.article === 'Regulation 611/2013 Art. 2(3)',
    );
    expect(complete?.due).toBe(new Date(Date.parse('2018-02-23T15:00:00Z') + 72 * 3_600_000).toISOString());
  });

  it('leaves the three-day deadline undated until the first notification is made (Art. 2(3))', () => {
    const assessment = assessBreach(seed);
    const complete = assessment.deadlines.find(
      (deadline) => deadline.article === 'Regulation 611/2013 Art. 2(3)',
    );
    expect(complete).toEqual({
      to: 'authority',
      article: 'Regulation 611/2013 Art. 2(3)',
      within: 'complete notification within three days of the first, if the first was incomplete',
    });
  });

  it('notifies the authority even when the risk is unlikely, because every breach is notified', () => {
    const assessment = assessBreach({ ...seed, dataCategories: ['order-details'] });
    expect(assessment.risk).toBe('unlikely');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.deadlines.some((deadline) => deadline.article === 'GDPR Art. 33(1)')).toBe(false);
  });

  it('recommends, but does not require, telling the subscriber when a name, address and order reached one stranger (Art. 3(2))', () => {
    const assessment = assessBreach(seed);
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('impersonation');
    expect(assessment.reasons.map((reason) => reason.code)).toContain('subscriber-not-affected');
    expect(assessment.deadlines.map((deadline) => deadline.to)).not.toContain('subscribers');
    expect(assessment.recommendations.map((recommendation) => recommendation.code)).toEqual([
      'courtesy-notice',
    ]);
    expect(assessment.recommendations[0]?.message).toMatch(/posing as them/);
  });

  it('tells the subscriber whenever the risk is not unlikely under the strict reading', () => {
    const assessment = assessBreach(seed, { profile: 'strict' });
    expect(assessment.notifyDataSubjects).toBe(true);
    expect(assessment.deadlines.map((deadline) => deadline.to)).toContain('subscribers');
    expect(assessment.recommendations).toEqual([]);
    expect(assessment.profile).toBe('strict');
    expect(assessment.reasons.find((reason) => reason.code === 'profile')?.message).toMatch(
      /stricter reading/,
    );
  });

  it('tells the subscriber when identity numbers reached a stranger (Art. 3(2)(b))', () => {
    const assessment = assessBreach({ ...seed, dataCategories: ['name', 'national-id-number'] });
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyDataSubjects).toBe(true);
  });

  it('does not tell the subscriber when the data was unintelligible (Art. 4(2))', () => {
    const assessment = assessBreach({ ...seed, encrypted: true });
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.exemptions).toContain('Regulation 611/2013 Art. 4(2)');
  });
});

// The three errors of issue 10: the assessment overruled the regulators' own examples.
describe('assessBreach weighs the recipient against what the data was', () => {
  it('records internally only when a colleague received health data and deleted it at once', () => {
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'health'],
      dataSubjects: 1,
      recipient: 'internal',
      recipientConfirmedDeletion: true,
    });
    expect(assessment.risk).toBe('unlikely');
    expect(assessment.notifyAuthority).toBe(false);
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('internal-recipient');
    expect(assessment.deadlines.map((deadline) => deadline.to)).toEqual(['record']);
  });

  it('still notifies a colleague’s receipt of health data under the strict reading', () => {
    const assessment = assessBreach(
      {
        regimes: ['gdpr'],
        dataCategories: ['name', 'health'],
        dataSubjects: 1,
        recipient: 'internal',
        recipientConfirmedDeletion: true,
      },
      { profile: 'strict' },
    );
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('trusted-recipient-not-enough');
  });

  it('tells the people when identity numbers with account data reached another bank bound by secrecy', () => {
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'national-id-number', 'account-number', 'financial'],
      dataSubjects: 2,
      recipient: 'trusted',
      recipientBoundBySecrecy: true,
      recipientConfirmedDeletion: true,
      dataRecovered: true,
    });
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(true);
    expect(assessment.exemptions).toEqual([]);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('trusted-recipient-not-enough');
  });

  it('still lowers the risk of ordinary customer data held by a trusted recipient who deleted it', () => {
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'postal-address', 'insurance'],
      dataSubjects: 20,
      recipient: 'trusted',
      recipientBoundBySecrecy: true,
      recipientConfirmedDeletion: true,
    });
    expect(assessment.notifyAuthority).toBe(false);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('trusted-recipient');
  });

  it('says which reading it applied, and refuses a profile it does not know', () => {
    const facts: BreachFacts = {
      regimes: ['gdpr'],
      dataCategories: ['name'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
    };
    expect(assessBreach(facts).reasons[0]).toMatchObject({ code: 'profile' });
    expect(assessBreach(facts).reasons[0]?.message).toMatch(/EDPB and most authorities/);
    expect(() => assessBreach(facts, { profile: 'lenient' as never })).toThrow(InvalidInputError);
    try {
      assessBreach(facts, { profile: 'lenient' as never });
    } catch (error) {
      expect((error as InvalidInputError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'options.profile',
      ]);
    }
  });

  it('recommends nothing when the data never left the organisation', () => {
    const assessment = assessBreach({
      regimes: ['eprivacy', 'gdpr'],
      dataCategories: ['name', 'customer-number'],
      dataSubjects: 1,
      recipient: 'internal',
      recipientConfirmedDeletion: true,
    });
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.recommendations).toEqual([]);
  });
});

// What reaching a private stranger makes possible, by the kind of data: the regulators in the corpus
// treat financial data and login details in a stranger's hands as a high risk in themselves (HDPA
// 6/2022 Piraeus Bank; Persónuvernd 2021122409 Nova; UODO on a bailiff's attachment of earnings).
describe('assessBreach weighs what a stranger can do with the data', () => {
  it('tells the customer when bank alerts with account spending reached a stranger (HDPA 6/2022)', () => {
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'financial'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
    });
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(true);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('financial-loss');
  });

  it('treats the means to log in reaching a stranger as a high risk (Persónuvernd 2021122409)', () => {
    const assessment = assessBreach({
      regimes: ['eprivacy', 'gdpr'],
      dataCategories: ['phone-number', 'credentials'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
    });
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyDataSubjects).toBe(true);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('account-takeover');
  });

  it('keeps the lower risk when the stranger deleted the financial data, or it gives little insight', () => {
    const deleted = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'financial'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
      recipientConfirmedDeletion: true,
    });
    expect(deleted.risk).not.toBe('high');
    expect(deleted.reasons.map((reason) => reason.code)).not.toContain('financial-loss');
    const minimal = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'financial'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
      insight: 'minimal',
    });
    expect(minimal.reasons.map((reason) => reason.code)).not.toContain('financial-loss');
    const colleague = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'financial'],
      dataSubjects: 1,
      recipient: 'internal',
      recipientConfirmedDeletion: true,
    });
    expect(colleague.notifyAuthority).toBe(false);
  });

  it('does not count a stranger’s deletion of login details under either reading: the link may have been used first', () => {
    const facts: BreachFacts = {
      regimes: ['gdpr'],
      dataCategories: ['name', 'credentials'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
      recipientConfirmedDeletion: true,
    };
    expect(assessBreach(facts).reasons.map((reason) => reason.code)).toContain('account-takeover');
    expect(assessBreach(facts).risk).toBe('high');
    expect(assessBreach(facts, { profile: 'strict' }).risk).toBe('high');
  });
});

describe('assessBreach under the GDPR', () => {
  const base: BreachFacts = {
    regimes: ['gdpr'],
    dataCategories: ['name', 'email-address', 'national-id-number'],
    dataSubjects: 3,
    recipient: 'unknown-individual',
    detectedAt: '2026-03-28T22:30:00+01:00',
  };

  it('gives the authority 72 hours from awareness, across a change to summer time', () => {
    const assessment = assessBreach(base);
    const deadline = assessment.deadlines.find((entry) => entry.article === 'GDPR Art. 33(1)');
    expect(Date.parse(deadline?.due ?? '') - Date.parse('2026-03-28T21:30:00Z')).toBe(72 * 3_600_000);
  });

  it('lowers the risk when a trusted recipient confirmed the deletion (EDPB Case 9)', () => {
    const stranger = assessBreach(base);
    const partner = assessBreach({ ...base, recipient: 'trusted', recipientConfirmedDeletion: true });
    expect(stranger.notifyAuthority).toBe(true);
    expect(partner.notifyAuthority).toBe(false);
    expect(partner.reasons.map((reason) => reason.code)).toContain('trusted-recipient');
  });

  it('spares the data subjects under Art. 34(3)(a) when the data was encrypted', () => {
    const assessment = assessBreach({ ...base, dataCategories: ['health', 'name'], encrypted: true });
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.exemptions).toContain('GDPR Art. 34(3)(a)');
  });

  it('spares the data subjects under Art. 34(3)(b) when the data was recovered before use', () => {
    const facts: BreachFacts = { ...base, dataCategories: ['name', 'health'], dataSubjects: 2 };
    expect(assessBreach(facts).notifyDataSubjects).toBe(true);
    const recovered = assessBreach({ ...facts, dataRecovered: true, recipientConfirmedDeletion: true });
    expect(recovered.exemptions).toContain('GDPR Art. 34(3)(b)');
    expect(recovered.notifyDataSubjects).toBe(false);
  });

  it('informs the public instead under Art. 34(3)(c) when individual contact is disproportionate', () => {
    const facts: BreachFacts = { ...base, dataCategories: ['name', 'health'], dataSubjects: 2 };
    const assessment = assessBreach({ ...facts, individualContactDisproportionate: true });
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.exemptions).toEqual(['GDPR Art. 34(3)(c)']);
    expect(assessment.deadlines.find((deadline) => deadline.to === 'data-subjects')?.article).toBe(
      'GDPR Art. 34(3)(c)',
    );
  });

  it('treats a risk to someone’s safety as high', () => {
    const assessment = assessBreach({
      ...base,
      dataCategories: ['name', 'postal-address'],
      safetyRisk: true,
    });
    expect(assessment.risk).toBe('high');
  });

  it('computes the ENISA score as DPC × EI + CB', () => {
    const { enisa } = assessBreach({ ...base, maliciousIntent: true });
    expect(enisa.score).toBe(enisa.dpc * enisa.ei + enisa.cb);
    expect(enisa.cb).toBe(1);
  });

  it('writes its reasons in Swedish when asked', () => {
    const assessment = assessBreach(base, { locale: 'sv' });
    expect(assessment.reasons.find((reason) => reason.code === 'gdpr-authority')?.message).toMatch(
      /tillsynsmyndigheten/,
    );
  });

  it('names every invalid fact', () => {
    const attempt = () =>
      assessBreach({ regimes: [], dataCategories: ['name'], dataSubjects: 0, recipient: 'someone' } as never);
    expect(attempt).toThrow(InvalidInputError);
    try {
      attempt();
    } catch (error) {
      const paths = (error as InvalidInputError).issues.map((issue) => issue.path.join('.'));
      expect(paths).toEqual(['facts.regimes', 'facts.dataSubjects', 'facts.recipient']);
    }
  });

  it('never sets a deadline before the breach was detected, and the 24-hour one never after the 72-hour one', () => {
    fc.assert(
      fc.property(
        fc.subarray([...dataCategories], { minLength: 1 }),
        // From the first day of Regulation 611/2013 (25 August 2013, Art. 7), whose 24 hours these are.
        fc.date({
          min: new Date('2013-08-26T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(
          'internal' as const,
          'trusted' as const,
          'unknown-individual' as const,
          'public' as const,
        ),
        (categories, detectedAt, recipient) => {
          const assessment = assessBreach(
            {
              regimes: ['eprivacy', 'gdpr'],
              dataCategories: categories,
              dataSubjects: 1,
              recipient,
              detectedAt,
            },
            // Assessed at the moment of detection, so that a date in this century's future is possible.
            { now: detectedAt },
          );
          const due = (article: string) =>
            Date.parse(assessment.deadlines.find((deadline) => deadline.article === article)?.due ?? 'NaN');
          const dues = assessment.deadlines.flatMap((deadline) =>
            deadline.due ? [Date.parse(deadline.due)] : [],
          );
          expect(dues.every((time) => time > detectedAt.getTime())).toBe(true);
          expect(due('Regulation 611/2013 Art. 2(2)')).toBe(detectedAt.getTime() + 24 * 3_600_000);
          if (assessment.deadlines.some((deadline) => deadline.article === 'GDPR Art. 33(1)'))
            expect(due('Regulation 611/2013 Art. 2(2)')).toBeLessThan(due('GDPR Art. 33(1)'));
        },
      ),
    );
  });

  it('never lowers the risk when more people are concerned', () => {
    const order = ['unlikely', 'risk', 'high'];
    fc.assert(
      fc.property(
        fc.subarray([...dataCategories], { minLength: 1 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.constantFrom(
          'internal' as const,
          'trusted' as const,
          'unknown-individual' as const,
          'public' as const,
        ),
        (categories, a, b, recipient) => {
          const facts = { regimes: ['gdpr' as const], dataCategories: categories, recipient };
          const fewer = assessBreach({ ...facts, dataSubjects: Math.min(a, b) });
          const more = assessBreach({ ...facts, dataSubjects: Math.max(a, b) });
          return order.indexOf(more.risk) >= order.indexOf(fewer.risk);
        },
      ),
    );
  });
});

describe('a recipient who means harm', () => {
  const facts = {
    country: 'SE',
    regimes: ['gdpr' as const],
    dataCategories: ['name' as const, 'customer-number' as const, 'national-id-number' as const],
    dataSubjects: 1,
    recipient: 'unknown-individual' as const,
    maliciousIntent: true,
    occurredAt: '2026-11-30T09:00:00Z',
    detectedAt: '2026-11-30T10:00:00Z',
  };

  it('is not taken at their word that the data was deleted or returned', () => {
    const now = '2026-12-01T00:00:00Z';
    const without = assessBreach(facts, { now });
    for (const claim of [{ recipientConfirmedDeletion: true }, { dataRecovered: true }]) {
      const withClaim = assessBreach({ ...facts, ...claim }, { now });
      expect(withClaim.risk).toBe(without.risk);
      expect(withClaim.risk).toBe('high');
      expect(withClaim.notifyDataSubjects).toBe(true);
      expect(withClaim.enisa.score).toBe(without.enisa.score);
      expect(withClaim.reasons.map((reason) => reason.code)).toContain('bad-faith-deletion');
    }
  });
});
