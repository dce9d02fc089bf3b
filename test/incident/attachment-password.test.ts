import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

describe('a password that opened an encrypted attachment', () => {
  it('is named as the attachment’s password, with the kinds of data in it, not as account access', async () => {
    const report = createIncidentReport(
      {
        ...seedCase,
        dataCategories: ['name', 'financial', 'credentials'],
        encrypted: true,
        keyExposed: true,
        recipientConfirmedDeletion: undefined,
        measures: [],
      },
      { now },
    );
    const en = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    const sv = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
    expect(en.text).not.toContain('access to your account');
    expect(en.text).toContain('The password in the message opens the encrypted attachment');
    expect(en.text).toMatch(/opens the encrypted attachment[^\n]*financial/);
    expect(sv.text).not.toContain('tillgång till ditt konto');
    expect(sv.text).toContain('lösenordet i meddelandet öppnar den krypterade bilagan');
  });
});
