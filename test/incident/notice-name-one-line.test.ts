import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });

describe('the customer’s name in a notice', () => {
  it('stays on the greeting’s line when the record holds a line break in it', async () => {
    const customerName = 'Anna Lund\r\nBcc: evil@example.com\u2028Ps';
    const texts = [
      (
        await buildCustomerNotice(report, {
          channel: 'email',
          locale: 'sv',
          customerName,
          to: 'anna@example.se',
        })
      ).text,
      (await buildCustomerNotice(report, { channel: 'phone-script', locale: 'sv', customerName })).text,
    ];
    for (const text of texts) {
      expect(text.split(/\r?\n/).some((line) => line.startsWith('Bcc:'))).toBe(false);
      expect(text).toContain('Anna Lund Bcc: evil@example.com Ps');
      expect(text).not.toMatch(/\r(?!\n)|\u2028/);
    }
  });
});
