import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  type CreateIncidentReportInput,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { refusedPaths } from './shared-fixtures.js';

// A retailer under the GDPR alone; one customer's name and address to a stranger.
const base: CreateIncidentReportInput = {
  reference: 'INC-7',
  provider: { name: 'Hälsohandeln AB', country: 'SE', customerServicePhone: '0771-11 22 33' },
  contact: { name: 'Eva Lund', role: 'dataskyddsombud', email: 'dpo@example.se', phone: '08-111 222 33' },
  regimes: ['gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  circumstances: 'misdirected-email',
  misdirected: { intended: 'anna.svensson1@example.se', actual: 'anna.svensson@example.se' },
  dataCategories: ['name', 'postal-address', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
};
const now = '2024-10-02T12:00:00+02:00';
const locales = ['en', 'sv'] as const;

describe('the documents state only what was recorded', () => {
  it.each(locales)('says the recipient confirmed the deletion, and nothing more (%s)', async (locale) => {
    const report = createIncidentReport({ ...base, recipientConfirmedDeletion: true }, { now });
    const notice = await buildCustomerNotice(report, { channel: 'email', locale });
    expect(notice.text).toContain(
      locale === 'sv'
        ? 'Personen som fick meddelandet har bekräftat för oss att det är raderat.'
        : 'The person who received the message has confirmed to us that it was deleted.',
    );
    expect(notice.text).not.toMatch(/passed on|skickats vidare|sparats|not kept/);
  });

  it.each(locales)(
    'does not say the address was checked with the customer when no contact is recorded (%s)',
    (locale) => {
      const report = createIncidentReport(
        { ...base, measures: [{ id: 'correct-address', status: 'done' }] },
        { now },
      );
      const text = renderIncidentReport(report, { locale });
      expect(text).toContain(
        locale === 'sv'
          ? 'Den felaktiga e-postadressen har tagits bort och kundens rätta adress har lagts in.'
          : 'The wrong e-mail address was removed and the customer’s correct address entered.',
      );
      expect(text).not.toMatch(/checking it with the customer|kontroll med kunden/);
    },
  );

  it.each(locales)('says "not stated" for other Member States and providers never given (%s)', (locale) => {
    const report = createIncidentReport(base, { now });
    expect(report.affected.otherMemberStates).toBeUndefined();
    expect(report.otherProviders).toBeUndefined();
    const text = renderIncidentReport(report, { locale });
    const notStated = locale === 'sv' ? 'Inte angivet.' : 'Not stated.';
    expect(text).not.toMatch(/\n {2}(None|Inga|No|Nej)\.\n/);
    expect(text.split(notStated).length - 1).toBe(2);
    const given = createIncidentReport(
      { ...base, otherMemberStates: [], otherProviders: { involved: false } },
      { now },
    );
    const answered = renderIncidentReport(given, { locale });
    expect(answered).toContain(locale === 'sv' ? '  Inga.' : '  None.');
    expect(answered).toContain(locale === 'sv' ? '  Nej.' : '  No.');
  });

  it.each(locales)('lists a rejected measure as decided against, with its reason (%s)', (locale) => {
    const report = createIncidentReport(
      {
        ...base,
        measures: [
          { id: 'recall-and-delete', status: 'rejected', reason: 'the recipient cannot be reached' },
        ],
      },
      { now },
    );
    const text = renderIncidentReport(report, { locale });
    expect(text).not.toMatch(/No measures have been recorded yet|Inga åtgärder har registrerats ännu/);
    expect(text).toContain(
      locale === 'sv'
        ? '(beslutat att inte göra detta: ”the recipient cannot be reached”)'
        : '(decided not to do this: the recipient cannot be reached)',
    );
  });

  it.each(locales)(
    'gives the measures and the contact point in a notice the law requires (%s)',
    async (locale) => {
      // Health data with a stranger: high risk, the data subject must be told (GDPR Art. 34(1)).
      const report = createIncidentReport({ ...base, dataCategories: ['name', 'health'] }, { now });
      expect(report.subscriberNotice.required).toBe(true);
      const notice = await buildCustomerNotice(report, { channel: 'email', locale });
      // GDPR Art. 34(2) with Art. 33(3)(b) and (d): the contact point and the measures taken or proposed.
      expect(notice.text).toContain('Eva Lund');
      expect(notice.text).toContain('dpo@example.se');
      expect(notice.text).toContain(locale === 'sv' ? 'Vi föreslår att:' : 'We propose that:');
      const text = renderIncidentReport(report, { locale });
      expect(text).toContain(
        locale === 'sv'
          ? 'vilka åtgärder som föreslås, vad kunden bör vara uppmärksam på, samt dataskyddsombudets eller kontaktpunktens kontaktuppgifter och referensnummer.'
          : 'which measures are proposed, what the customer should watch for, and gives the contact details of the data protection officer or contact point and the reference number.',
      );
    },
  );

  it('refuses a required notice without its contact point, naming the field', async () => {
    const report = createIncidentReport({ ...base, dataCategories: ['name', 'health'] }, { now });
    const { contact: _, ...without } = report;
    const paths = await (async () => {
      try {
        await buildCustomerNotice(without as typeof report, { channel: 'email' });
      } catch (error) {
        return refusedPaths(() => {
          throw error;
        });
      }
      return [];
    })();
    expect(paths).toContain('report.contact');
  });
});
