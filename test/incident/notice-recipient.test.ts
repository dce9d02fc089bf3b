import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { refusal } from './shared-fixtures.js';

const report = createIncidentReport(
  {
    ...seedCase,
    misdirected: { intended: 'anna@example.se', actual: 'ana@example.se', subject: 'Orderbekräftelse' },
  },
  { now: '2018-02-23T15:10:00+01:00' },
);

const gmailReport = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });

describe('the notice never goes to the stranger who received the data', () => {
  it('refuses options.to equal to the address the message wrongly reached', async () => {
    const error = await refusal(buildCustomerNotice(report, { channel: 'email', to: 'ana@example.se' }));
    expect(error.field).toBe('options.to');
    expect(error.message).toMatch(/wrongly received|misdirected\.actual/);
  });

  it('compares as mailboxes: case, Unicode normalisation, and the provider’s dots and +tags', async () => {
    for (const to of ['ANA@Example.SE', ' ana@example.se']) {
      expect((await refusal(buildCustomerNotice(report, { channel: 'email', to }))).field).toBe('options.to');
    }
    for (const to of ['Anna.Svensson185@gmail.com', 'annasvensson185+kund@googlemail.com']) {
      expect((await refusal(buildCustomerNotice(gmailReport, { channel: 'email', to }))).field).toBe(
        'options.to',
      );
    }
    const nfd = createIncidentReport(
      { ...seedCase, misdirected: { intended: 'anna@example.se', actual: 'åsa@example.se' } },
      { now: '2018-02-23T15:10:00+01:00' },
    );
    const decomposed = 'a\u030asa@example.se';
    expect((await refusal(buildCustomerNotice(nfd, { channel: 'email', to: decomposed }))).field).toBe(
      'options.to',
    );
  });

  it('still sends to the customer’s own address', async () => {
    const notice = await buildCustomerNotice(report, { channel: 'email', to: 'anna@example.se' });
    expect(notice.to).toBe('anna@example.se');
  });
});
