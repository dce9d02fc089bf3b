import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  createFollowUpReport,
  createIncidentReport,
  type IncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { filedWithTwoAuthorities, refusal } from './shared-fixtures.js';

// A provider that is also controller files with PTS (Regulation 611/2013 Art. 2(2)) and IMY (GDPR
// Art. 33(1)) apart; the follow-up completes the first report (GDPR Art. 33(4), 611/2013 Art. 2(3)).
const both = filedWithTwoAuthorities;
const firstAt = '2026-12-01T12:00:00+01:00';
const laterAt = '2026-12-02T09:00:00+01:00';

// Each line as the Swedish and the English report state it.
const lines = {
  pts: ['Anmäld: ja, 2026-12-01 kl. 10.00 CET.', 'Notified: yes, 1 December 2026, 10:00 CET.'],
  imy: ['Anmäld: ja, 2026-12-02 kl. 08.30 CET', 'Notified: yes, 2 December 2026, 08:30 CET'],
  both: [
    'Incidenten anmäldes till PTS 2026-12-01 kl. 10.00 CET och IMY 2026-12-02 kl. 08.30 CET',
    'The breach was notified to PTS on 1 December 2026, 10:00 CET and IMY on 2 December 2026, 08:30 CET',
  ],
  unknown: [
    'Anmäld: okänt. En första anmälan 2026-12-01 kl. 10.00 CET är registrerad en gång för flera myndigheter',
    'Notified: not known. A first notification on 1 December 2026, 10:00 CET is recorded once for several authorities',
  ],
  register: [
    'en första anmälan 2026-12-01 kl. 10.00 CET är registrerad en gång för flera myndigheter',
    'a first notification on 1 December 2026, 10:00 CET is recorded once for several authorities',
  ],
} as const;
const wordsIn = (locale: 'sv' | 'en') =>
  Object.fromEntries(
    Object.entries(lines).map(([key, [swedish, english]]) => [key, locale === 'sv' ? swedish : english]),
  ) as Record<keyof typeof lines, string>;

/** A first report stored before filings were kept per authority: one date for PTS and IMY. */
function storedWithOneDate(locale: 'sv' | 'en'): IncidentReport {
  const report = createIncidentReport(
    { ...both, notifications: [{ authority: 'PTS', at: '2026-12-01T10:00:00+01:00' }] },
    { locale, now: firstAt },
  );
  const { notifications: _each, ...facts } = report.facts;
  return { ...report, facts: { ...facts, initialNotificationAt: '2026-12-01T09:00:00.000Z' } };
}

describe('the follow-up takes the filings per authority', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`adds the filing with IMY to the first report's with PTS (${locale})`, () => {
      const first = createIncidentReport(
        { ...both, notifications: [{ authority: 'PTS', at: '2026-12-01T10:00:00+01:00' }] },
        { locale, now: firstAt },
      );
      const followUp = createFollowUpReport(
        first,
        { notifications: [{ authority: 'IMY', at: '2026-12-02T08:30:00+01:00', reference: 'IMY-1' }] },
        { locale, now: laterAt },
      );
      const text = renderIncidentReport(followUp, { locale });
      for (const line of [wordsIn(locale).pts, wordsIn(locale).imy, wordsIn(locale).both])
        expect(text).toContain(line);
      expect(followUp.facts.notifications).toEqual([
        { authority: 'PTS', at: '2026-12-01T09:00:00.000Z' },
        { authority: 'IMY', at: '2026-12-02T07:30:00.000Z', reference: 'IMY-1' },
      ]);
      expect(followUp.followUp?.changes.map((change) => change.field)).toContain('facts.notifications');
      // The change names each filing, never JavaScript's "[object Object]".
      const filings = followUp.followUp?.changes.find((change) => change.field === 'facts.notifications');
      expect(filings?.after).toBe('PTS 2026-12-01T09:00:00.000Z, IMY 2026-12-02T07:30:00.000Z (IMY-1)');
      expect(text).not.toContain('[object Object]');
    });

    it(`does not put one date recorded for several authorities under each of them (${locale})`, () => {
      const stored = storedWithOneDate(locale);
      const text = renderIncidentReport(stored, { locale });
      expect(text).toContain(wordsIn(locale).unknown);
      expect(text).not.toContain(wordsIn(locale).pts);
      expect(incidentRegisterEntry(stored, { locale })).toContain(wordsIn(locale).register);
    });

    it(`replaces one date recorded for several authorities by the filings the follow-up gives (${locale})`, () => {
      const followUp = createFollowUpReport(
        storedWithOneDate(locale),
        {
          notifications: [
            { authority: 'PTS', at: '2026-12-01T10:00:00+01:00' },
            { authority: 'IMY', at: '2026-12-02T08:30:00+01:00' },
          ],
        },
        { locale, now: laterAt },
      );
      const text = renderIncidentReport(followUp, { locale });
      for (const line of [wordsIn(locale).pts, wordsIn(locale).imy]) expect(text).toContain(line);
      expect(text).not.toContain(wordsIn(locale).unknown);
    });
  }

  it('refuses one time beside the filings per authority of the first report, naming it', async () => {
    const first = createIncidentReport(
      { ...both, notifications: [{ authority: 'PTS', at: '2026-12-01T10:00:00+01:00' }] },
      { now: firstAt },
    );
    const error = await refusal(
      (async () =>
        createFollowUpReport(
          first,
          { initialNotificationAt: '2026-12-02T08:30:00+01:00' },
          { now: laterAt },
        ))(),
    );
    expect(error.issues).toEqual([
      {
        path: ['changes', 'initialNotificationAt'],
        message:
          'given beside filings kept per authority (notifications): give this filing in changes.notifications with its authority',
      },
    ]);
  });

  it('refuses a follow-up of one date recorded for several authorities, naming the field', async () => {
    const error = await refusal(
      (async () => createFollowUpReport(storedWithOneDate('en'), { summary: 'Done.' }, { now: laterAt }))(),
    );
    expect(error.issues).toEqual([
      {
        path: ['first', 'facts', 'initialNotificationAt'],
        message:
          'is one time recorded for several authorities, and which one it applies to is not recorded: give each filing in changes.notifications',
      },
    ]);
  });
});

// The ICO receives both the UK GDPR and the PECR notifications: one filing, one authority.
const british = {
  ...both,
  provider: { ...both.provider, country: 'GB' },
  dataCategories: [...both.dataCategories, 'health' as const],
};

describe('an authority under two regimes is filed with once', () => {
  it('stores one filing for the ICO and states it under both regimes', () => {
    const report = createIncidentReport(
      { ...british, notifications: [{ authority: 'ICO', at: '2026-12-01T10:00:00Z' }] },
      { now: firstAt },
    );
    expect(report.facts.notifications).toEqual([{ authority: 'ICO', at: '2026-12-01T10:00:00.000Z' }]);
    const text = renderIncidentReport(report, { locale: 'en' });
    expect(text.match(/Notified: yes, 1 December 2026, 10:00 GMT\./g)).toHaveLength(2);
    expect(buildTimeline(report).filter((step) => step.kind === 'authority-notified')).toHaveLength(1);
  });

  it('still reads a report stored with the ICO once per regime, and follows it up', () => {
    const report = createIncidentReport(
      { ...british, notifications: [{ authority: 'ICO', at: '2026-12-01T10:00:00Z' }] },
      { now: firstAt },
    );
    const stored: IncidentReport = {
      ...report,
      facts: {
        ...report.facts,
        notifications: [
          { authority: 'ICO', regime: 'eprivacy', at: '2026-12-01T10:00:00.000Z' },
          { authority: 'ICO', regime: 'gdpr', at: '2026-12-01T10:00:00.000Z' },
        ],
      },
    };
    const text = renderIncidentReport(stored, { locale: 'en' });
    expect(text.match(/Notified: yes, 1 December 2026, 10:00 GMT\./g)).toHaveLength(2);
    expect(buildTimeline(stored).filter((step) => step.kind === 'authority-notified')).toHaveLength(1);
    const followUp = createFollowUpReport(stored, { summary: 'Completed.' }, { now: laterAt });
    expect(followUp.facts.notifications).toEqual([{ authority: 'ICO', at: '2026-12-01T10:00:00.000Z' }]);
  });
});
