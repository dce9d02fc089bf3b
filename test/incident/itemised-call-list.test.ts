import { describe, expect, it } from 'vitest';
import { inventoryMessage, reportMisdirected } from '../../src/incident/index.js';

// The officer's calls.mts: an itemised call list (samtalsspecifikation) e-mailed to a wrong address.
const callList = [
  '2024-03-03 18:22 070-987 65 43 12 min',
  '2024-03-04 07:10 08-555 123 45 3 min',
  '2024-03-05 23:41 0739-11 22 33 48 min',
];
const message = (intro: string) =>
  [
    'From: Teleab AB <faktura@teleab.se>',
    'To: erik.lindqvist@telia.com',
    'Subject: Din samtalsspecifikation',
    'Date: Tue, 02 Apr 2024 08:00:00 +0200',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hej Erik Lindqvist!',
    intro,
    ...callList,
  ].join('\r\n');

describe('an itemised call list is found as traffic data', () => {
  it('finds the numbers on each line of a Swedish call list (samtalsspecifikation) as traffic data', async () => {
    const inventory = await inventoryMessage(message('Här är din samtalsspecifikation för mars:'));
    expect(inventory.categories).toContain('traffic-data');
    expect(inventory.counts['traffic-data']).toBe(3);
    expect(
      inventory.items.filter((item) => item.category === 'traffic-data').map((item) => item.excerpt),
    ).toEqual([
      '2024-03-03 18:22 •••-••• •• 43 12 min',
      '2024-03-04 07:10 ••-••• ••• 45 3 min',
      '2024-03-05 23:41 ••••-•• •• 33 48 min',
    ]);
  });

  it('finds the numbers on each line of an English call list as traffic data', async () => {
    const inventory = await inventoryMessage(message('Here are your itemised calls for March:'));
    expect(inventory.counts['traffic-data']).toBe(3);
  });

  it('still finds a number in a sentence as a phone number', async () => {
    const inventory = await inventoryMessage(
      message('Ring oss på 070-987 65 43.').split('\r\n2024')[0] ?? '',
    );
    expect(inventory.categories).toContain('phone-number');
    expect(inventory.categories).not.toContain('traffic-data');
  });

  it('tells the subscriber under Regulation 611/2013 Art. 3(2) when a call list reached a stranger', async () => {
    const report = await reportMisdirected(
      {
        message: message('Här är din samtalsspecifikation för mars:'),
        intended: 'erik.lindqvist@telia.se',
        actual: 'erik.lindqvist@telia.com',
        customer: { id: '1', name: 'Erik Lindqvist' },
        organisation: {
          name: 'Teleab AB',
          country: 'SE',
          regimes: ['eprivacy', 'gdpr'],
          contact: { name: 'Sara Ek', email: 'dpo@teleab.se', phone: '08-700 00 00' },
        },
        reference: 'TA-2',
        detectedAt: '2024-04-02T09:30:00+02:00',
      },
      { locale: 'en', now: '2024-04-02T10:00:00+02:00' },
    );
    expect(report.inventory.categories).toContain('traffic-data');
    expect(report.assessment.notifyDataSubjects).toBe(true);
  });
});
