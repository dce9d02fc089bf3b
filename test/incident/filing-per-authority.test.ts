import { describe, expect, it } from 'vitest';
import {
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { filedWithTwoAuthorities, refusal } from './shared-fixtures.js';

// A provider that is also controller files with PTS (Regulation 611/2013 Art. 2(2)) and with IMY
// (GDPR Art. 33(1)) separately: a filing with one is no filing with the other.
const both = filedWithTwoAuthorities;
const now = '2026-12-01T12:00:00+01:00';

const expected = {
  sv: {
    pts: 'Anmäld: ja, 2026-12-01 kl. 10.00 CET.',
    imyDue: 'Ska anmälas senast 2026-12-03 kl. 16.40 CET.',
    imyFiled: 'Anmäld: ja, 2026-12-01 kl. 11.30 CET',
    partly:
      'Incidenten anmäldes till PTS 2026-12-01 kl. 10.00 CET; den ska anmälas till IMY senast 2026-12-03 kl. 16.40 CET',
    both: 'Incidenten anmäldes till PTS 2026-12-01 kl. 10.00 CET och IMY 2026-12-01 kl. 11.30 CET',
    step: '2026-12-01 kl. 10.00 CET – Första anmälan till PTS.',
    imyStep: '2026-12-01 kl. 11.30 CET – Första anmälan till IMY.',
    register:
      'anmäld till PTS 2026-12-01 kl. 10.00 CET, ska anmälas till IMY senast 2026-12-03 kl. 16.40 CET',
  },
  en: {
    pts: 'Notified: yes, 1 December 2026, 10:00 CET.',
    imyDue: 'To be notified by 3 December 2026, 16:40 CET.',
    imyFiled: 'Notified: yes, 1 December 2026, 11:30 CET',
    partly:
      'The breach was notified to PTS on 1 December 2026, 10:00 CET; it is to be notified to IMY by 3 December 2026, 16:40 CET',
    both: 'The breach was notified to PTS on 1 December 2026, 10:00 CET and IMY on 1 December 2026, 11:30 CET',
    step: '1 December 2026, 10:00 CET – First notification to PTS.',
    imyStep: '1 December 2026, 11:30 CET – First notification to IMY.',
    register:
      'notified to PTS 1 December 2026, 10:00 CET, to be notified to IMY by 3 December 2026, 16:40 CET',
  },
} as const;

describe('a filing recorded per authority', () => {
  for (const locale of ['sv', 'en'] as const) {
    const words = expected[locale];
    it(`states PTS notified and IMY still to be notified (${locale})`, () => {
      const report = createIncidentReport(
        { ...both, notifications: [{ authority: 'PTS', at: '2026-12-01T10:00:00+01:00' }] },
        { locale, now },
      );
      const text = renderIncidentReport(report, { locale });
      expect(text).toContain(words.pts);
      expect(text).toContain(words.imyDue);
      expect(text).not.toContain(words.imyFiled);
      expect(text).toContain(words.partly);
      expect(text).toContain(words.step);
      expect(text).not.toMatch(/PTS (och|and) IMY/);
      expect(incidentRegisterEntry(report, { locale })).toContain(words.register);
    });

    it(`states each authority's own filing time (${locale})`, () => {
      const report = createIncidentReport(
        {
          ...both,
          notifications: [
            { authority: 'PTS', at: '2026-12-01T10:00:00+01:00' },
            { authority: 'imy', at: '2026-12-01T11:30:00+01:00', reference: 'IMY-2026-123' },
          ],
        },
        { locale, now },
      );
      const text = renderIncidentReport(report, { locale });
      for (const line of [words.pts, words.imyFiled, words.both, words.step, words.imyStep])
        expect(text).toContain(line);
    });
  }

  it('refuses one initialNotificationAt where two authorities are concerned, naming the field', async () => {
    const error = await refusal(
      (async () =>
        createIncidentReport({ ...both, initialNotificationAt: '2026-12-01T10:00:00+01:00' }, { now }))(),
    );
    expect(error.issues).toEqual([
      {
        path: ['input', 'initialNotificationAt'],
        message:
          "is one time, but the breach concerns several authorities (PTS, IMY): give each filing in notifications, for example [{ authority: 'PTS', at: … }]",
      },
    ]);
  });

  it('refuses a filing with an authority the breach does not concern', async () => {
    const error = await refusal(
      (async () =>
        createIncidentReport(
          { ...both, notifications: [{ authority: 'ICO', at: '2026-12-01T10:00:00+01:00' }] },
          { now },
        ))(),
    );
    expect(error.issues).toEqual([
      {
        path: ['input', 'notifications', 0, 'authority'],
        message: "ICO is none of the breach's authorities (PTS, IMY)",
      },
    ]);
  });

  it('keeps initialNotificationAt as the filing where one authority is concerned', () => {
    const report = createIncidentReport(
      { ...both, regimes: ['gdpr'], initialNotificationAt: '2026-12-01T11:30:00+01:00' },
      { locale: 'sv', now },
    );
    const text = renderIncidentReport(report, { locale: 'sv' });
    expect(text).toContain(expected.sv.imyFiled);
    expect(text).toContain('Incidenten anmäldes till IMY 2026-12-01 kl. 11.30 CET');
  });
});
