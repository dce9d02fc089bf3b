import { describe, expect, it } from 'vitest';
import {
  incidentRegisterEntry,
  renderIncidentReport,
  reportMisdirectedSms,
} from '../../src/incident/index.js';
import { misdirectedSmsInput } from './shared-fixtures.js';

const now = '2024-10-02T09:00:00+02:00';
const expiredCodeCalled = {
  ...misdirectedSmsInput,
  credentialsExpired: true,
  customerCall: { at: '2024-10-01T10:30:00+02:00', by: 'Erik Holm', identityChecked: true },
};

describe('a text message to a wrong number: the measures and the guardian', () => {
  it.each([
    ['sv', 'åtgärder: inga', 'Inga åtgärder har registrerats'],
    ['en', 'measures: none', 'No measures have been recorded'],
  ] as const)(
    'counts telling the customer as a measure taken when the code had expired (%s)',
    async (locale, noneInRegister, noneInReport) => {
      const { report } = await reportMisdirectedSms(expiredCodeCalled, { now, locale });
      const register = incidentRegisterEntry(report, { locale });
      expect(register).not.toContain(noneInRegister);
      expect(register).toContain(locale === 'sv' ? 'åtgärder: 1 genomförd' : 'measures: 1 done');
      expect(renderIncidentReport(report, { locale })).not.toContain(noneInReport);
    },
  );

  it.each(['en', 'sv'] as const)(
    "says the notice must reach a child's guardian, as the e-mail report does (%s)",
    async (locale) => {
      const child = { ...misdirectedSmsInput.customer, birthDate: '2012-03-01' };
      const result = await reportMisdirectedSms({ ...misdirectedSmsInput, customer: child }, { now, locale });
      expect(result.report.affected.minor).toBe(true);
      expect(result.inventory.notes.join('\n')).toContain(
        locale === 'sv' ? 'Se till att det når vårdnadshavaren' : 'Make sure it reaches the guardian',
      );
    },
  );

  it("sends the notice to the guardian's address when the child has none of their own", async () => {
    const { emails: _emails, ...child } = { ...misdirectedSmsInput.customer, birthDate: '2012-03-01' };
    const result = await reportMisdirectedSms(
      { ...misdirectedSmsInput, customer: { ...child, guardianEmail: 'eva.svensson@gmail.com' } },
      { now },
    );
    expect(result.notices.email?.to).toBe('eva.svensson@gmail.com');
    expect(result.inventory.notes.join('\n')).toContain(
      "it goes to the guardian's address eva.svensson@gmail.com",
    );
  });

  it('says how the guardian is reached when no e-mail address is known at all', async () => {
    const { emails: _emails, ...child } = { ...misdirectedSmsInput.customer, birthDate: '2012-03-01' };
    const result = await reportMisdirectedSms({ ...misdirectedSmsInput, customer: child }, { now });
    expect(result.notices.email).toBeUndefined();
    expect(result.inventory.notes.join('\n')).toContain('Make sure it reaches the guardian');
  });
});
