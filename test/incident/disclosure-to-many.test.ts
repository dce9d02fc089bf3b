import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createIncidentReport,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { clinicCcInput } from './shared-fixtures.js';

const now = '2018-02-23T15:10:00+01:00';

// GDPR Art. 34(2) asks the notice to describe the nature of the breach: what was recorded, not a
// typo to one person when the data reached many, and never a cause nobody gave.
const madePublic = createIncidentReport(
  {
    ...seedCase,
    misdirected: { intended: 'info@kliniksoder.se', actual: 'patient02.namn@gmail.com', subject: 'Kallelse' },
    dataSubjects: 45,
    recipient: 'public',
    recipientConfirmedDeletion: undefined,
    measures: [],
  },
  { now },
);

describe('a disclosure to many is described as recorded', () => {
  it('says the data was made public, in the report and the notice, in English', async () => {
    const report = renderIncidentReport(madePublic, { locale: 'en' });
    expect(report).toContain('made public');
    expect(report).not.toContain('That person could read');
    expect(report).not.toContain('belongs to someone else');
    const notice = await buildCustomerNotice(madePublic, { channel: 'email', locale: 'en' });
    expect(notice.text).toContain('made public');
    expect(notice.text).not.toContain('That person');
    expect(notice.text).not.toContain('typed wrongly');
    expect(notice.text).not.toContain('wrong e-mail address');
    expect(notice.subject).not.toContain('someone else');
  });

  it('says the data was made public, in the report and the notice, in Swedish', async () => {
    const report = renderIncidentReport(madePublic, { locale: 'sv' });
    expect(report).toContain('offentliggjordes');
    expect(report).not.toContain('Den personen har därmed');
    expect(report).not.toContain('tillhör en annan person');
    const notice = await buildCustomerNotice(madePublic, { channel: 'email', locale: 'sv' });
    expect(notice.text).toContain('offentliggjordes');
    expect(notice.text).not.toContain('Den personen');
    expect(notice.text).not.toContain('skrevs fel');
    expect(notice.text).not.toContain('fel e-postadress');
    expect(notice.subject).not.toContain('en annan person');
  });

  it('says a message showed the addresses of everyone it went to, not one person who saw it', async () => {
    const { report } = await reportMisdirected(clinicCcInput, { now: '2024-10-01T12:00:00+02:00' });
    for (const locale of ['en', 'sv'] as const) {
      const text = renderIncidentReport(report, { locale });
      expect(text).toContain(
        locale === 'en' ? 'e-mail addresses of 45 people' : '45 personers e-postadresser',
      );
      expect(text).not.toContain(locale === 'en' ? 'That person could read' : 'Den personen har därmed');
      const notice = await buildCustomerNotice(report, { channel: 'email', locale });
      expect(notice.text).toContain(
        locale === 'en' ? 'e-mail addresses of 45 people' : '45 personers e-postadresser',
      );
      expect(notice.text).not.toContain(locale === 'en' ? 'That person' : 'Den personen');
      expect(notice.text).not.toContain(locale === 'en' ? 'wrong e-mail address' : 'fel e-postadress');
    }
  });

  it('gives no guessed cause for a wrong address that is not a small slip', async () => {
    const report = createIncidentReport(
      { ...seedCase, misdirected: { intended: 'anna.svensson1985@gmail.com', actual: 'kalle@example.org' } },
      { now },
    );
    const en = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    const sv = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
    expect(en.text).toContain('wrong e-mail address');
    expect(en.text).not.toContain('typed wrongly');
    expect(sv.text).not.toContain('skrevs fel');
  });
});
