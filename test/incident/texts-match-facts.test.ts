import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

describe('the texts say nothing the recorded facts contradict', () => {
  it('gives no impersonation or fraud warning for a message that came back unopened', async () => {
    const report = createIncidentReport(
      { ...seedCase, returnedUnopened: true, recipientConfirmedDeletion: undefined, measures: [] },
      { now },
    );
    expect(renderIncidentReport(report, { locale: 'en' })).not.toContain('pass as the customer');
    expect(renderIncidentReport(report, { locale: 'sv' })).not.toContain('utge sig för att vara kunden');
    const en = await buildCustomerNotice(report, {
      channel: 'phone-script',
      locale: 'en',
      customerName: 'Anna',
    });
    const sv = await buildCustomerNotice(report, {
      channel: 'phone-script',
      locale: 'sv',
      customerName: 'Anna',
    });
    expect(en.text).not.toContain('claiming to be from us');
    expect(sv.text).not.toContain('säger sig komma från oss');
  });

  it('gives no phishing warning when a colleague received the message and deleted it', () => {
    const report = createIncidentReport(
      {
        ...seedCase,
        recipient: 'internal',
        dataCategories: ['name', 'email-address', 'order-details'],
      },
      { now },
    );
    expect(renderIncidentReport(report, { locale: 'en' })).not.toContain('phishing');
    expect(renderIncidentReport(report, { locale: 'sv' })).not.toContain('nätfiske');
  });

  it('says the key went with the data wherever the encryption is stated', () => {
    const given = { ...seedCase, encrypted: true, keyExposed: true };
    const own = createIncidentReport(
      { ...given, protectionApplied: 'Bilagan var krypterad med AES-256.' },
      { now },
    );
    expect(renderIncidentReport(own, { locale: 'sv' })).toMatch(/AES-256\. Nyckeln eller lösenordet/);
    expect(renderIncidentReport(own, { locale: 'en' })).toMatch(/AES-256\. The key or password/);
    const generated = createIncidentReport(given, { now });
    expect(renderIncidentReport(generated, { locale: 'en' })).not.toContain('the key was not exposed');
    expect(renderIncidentReport(generated, { locale: 'sv' })).not.toContain('nyckeln röjdes inte');
  });
});
