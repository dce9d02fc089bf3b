import { describe, expect, it } from 'vitest';
import type { BreachFacts } from '../../src/incident/index.js';
import {
  assessBreach,
  BreachCircumstancesSchema,
  buildCustomerNotice,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { refusedPaths as refused, stranger } from './shared-fixtures.js';

describe('a letter or e-mail returned unopened', () => {
  it('is recorded, not notified: nobody outside saw the data, even health data', () => {
    const assessment = assessBreach({
      ...stranger,
      dataCategories: ['name', 'postal-address', 'health'],
      returnedUnopened: true,
    });
    expect(assessment.risk).toBe('unlikely');
    expect(assessment.notifyAuthority).toBe(false);
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.exemptions).toEqual([]);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('returned-unopened');
  });

  it('writes a report and a notice that do not say anyone saw the data', async () => {
    const { measures: _measures, recipientConfirmedDeletion: _deleted, ...facts } = seedCase;
    const report = createIncidentReport(
      { ...facts, returnedUnopened: true },
      { now: '2018-02-24T10:00:00Z' },
    );
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).not.toMatch(/could call our customer service|high risk/);
    expect(en).toContain('came back unopened');
    const notice = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(notice.text).not.toContain('That person could see');
    expect(notice.text).toContain('came back to us unopened');
  });
});

describe('encryption whose key went to the recipient', () => {
  it('does not make the data unintelligible: no exemption, the risk of the data itself', () => {
    const facts = { ...stranger, dataCategories: ['name', 'national-id-number'] } satisfies BreachFacts;
    expect(assessBreach({ ...facts, encrypted: true }).risk).toBe('unlikely');
    const exposed = assessBreach({ ...facts, encrypted: true, keyExposed: true });
    expect(exposed.risk).toBe('high');
    expect(exposed.notifyDataSubjects).toBe(true);
    expect(exposed.exemptions).toEqual([]);
    expect(exposed.reasons.map((reason) => reason.code)).toContain('key-exposed');
    expect(exposed.reasons.map((reason) => reason.code)).not.toContain('unintelligible');
  });

  it('refuses a key exposed without encryption, naming both facts', () => {
    expect(refused(() => assessBreach({ ...stranger, dataCategories: ['name'], keyExposed: true }))).toEqual([
      'facts.keyExposed',
    ]);
  });
});

describe('CC instead of BCC to many customers', () => {
  it('is a risk to notify when 300 customers’ addresses reached each other (DPC, AP)', () => {
    const assessment = assessBreach({
      ...stranger,
      dataSubjects: 300,
      dataCategories: ['name', 'email-address'],
    });
    expect(assessment.risk).toBe('risk');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('many-people');
  });

  it('stays unlikely for a handful of visible addresses (APD 62/2022: 16 addresses)', () => {
    expect(assessBreach({ ...stranger, dataSubjects: 16, dataCategories: ['email-address'] }).risk).toBe(
      'unlikely',
    );
  });
});

describe('a password-reset link sent to the wrong person', () => {
  it('tells the customer even when the stranger says they deleted it: the link may have been used', () => {
    const assessment = assessBreach({
      ...stranger,
      dataCategories: ['name', 'email-address', 'credentials'],
      recipientConfirmedDeletion: true,
    });
    expect(assessment.risk).toBe('high');
    expect(assessment.notifyDataSubjects).toBe(true);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('account-takeover');
  });
});

describe('circumstances are strict and consistent', () => {
  it('refuses an unknown circumstance with the one it probably meant', () => {
    const result = BreachCircumstancesSchema.safeParse({ recipientConfirmedDeletio: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('did you mean "recipientConfirmedDeletion"');
  });

  it('names the fact a shortened key begins, as for `vulnerable`', () => {
    const result = BreachCircumstancesSchema.safeParse({ vulnerable: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(
      '"vulnerable" (did you mean "vulnerableDataSubjects"?)',
    );
  });

  it('refuses contradictory facts in assessBreach, naming the fields', () => {
    expect(
      refused(() =>
        assessBreach({
          ...stranger,
          recipient: 'public',
          dataCategories: ['name'],
          recipientConfirmedDeletion: true,
          dataRecovered: true,
        }),
      ),
    ).toEqual(['facts.recipientConfirmedDeletion', 'facts.dataRecovered']);
    expect(
      refused(() =>
        assessBreach({ ...stranger, recipient: 'public', dataCategories: ['name'], returnedUnopened: true }),
      ),
    ).toEqual(['facts.returnedUnopened']);
  });
});

describe('the strict reading cites every decision that takes it', () => {
  it('names each decision of the corpus marked strict in the profile reason', async () => {
    const { breachDecisions } = await import('../../src/incident/index.js');
    const source =
      assessBreach({ ...stranger, dataCategories: ['name'] }, { profile: 'strict' }).reasons.find(
        (reason) => reason.code === 'profile',
      )?.source ?? '';
    const strict = breachDecisions.filter((decision) => decision.profile === 'strict');
    expect(strict.length).toBeGreaterThan(2);
    for (const decision of strict) expect(source).toContain(decision.document);
  });
});

describe('a colleague who received health data and deleted it (ICO case study 2 against Datatilsynet (DK) on Randers)', () => {
  const colleague = {
    regimes: ['gdpr'],
    dataCategories: ['name', 'health', 'special-category'],
    dataSubjects: 1,
    recipient: 'internal',
  } satisfies BreachFacts;

  it('records it only under the default reading once deletion is confirmed, as the ICO does', () => {
    expect(assessBreach({ ...colleague, recipientConfirmedDeletion: true }).risk).toBe('unlikely');
  });

  it('assesses Randers as decided: high when deletion was only asked for, and under the strict reading', () => {
    expect(assessBreach({ ...colleague, recipientBoundBySecrecy: true }).risk).toBe('high');
    const strict = assessBreach({ ...colleague, recipientConfirmedDeletion: true }, { profile: 'strict' });
    expect(strict.risk).toBe('high');
    expect(strict.notifyDataSubjects).toBe(true);
  });
});
