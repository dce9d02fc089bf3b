import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// A misdirected e-mail reported without the two addresses (they are optional in the report).
const { misdirected: _omitted, ...withoutAddresses } = seedCase;
const report = createIncidentReport(withoutAddresses, { now: '2018-02-23T15:10:00+01:00' });

describe('the notice of a misdirected e-mail whose addresses the report does not give', () => {
  it('says the message reached another person before speaking of “that person”', async () => {
    const to = 'anna.svensson1985@gmail.com';
    const texts = {
      sv: [
        (await buildCustomerNotice(report, { channel: 'email', locale: 'sv', customerName: 'Anna', to }))
          .text,
        (await buildCustomerNotice(report, { channel: 'phone-script', locale: 'sv', customerName: 'Anna' }))
          .text,
      ],
      en: [
        (await buildCustomerNotice(report, { channel: 'email', locale: 'en', customerName: 'Anna', to }))
          .text,
        (await buildCustomerNotice(report, { channel: 'phone-script', locale: 'en', customerName: 'Anna' }))
          .text,
      ],
    };
    for (const text of texts.sv)
      expect(text).toContain(
        'Den 23 februari 2018 kl. 13.36 skickade vi av misstag ett e-postmeddelande med uppgifter om dig till en annan person.',
      );
    for (const text of texts.en)
      expect(text).toContain('we sent an e-mail with details about you to someone else by mistake.');
  });
});
