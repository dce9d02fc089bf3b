import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });

describe('the customer’s name in a notice', () => {
  it('stays on the greeting’s line when the record holds a line break in it', async () => {
    for (const channel of ['email', 'phone-script'] as const) {
      const notice = await buildCustomerNotice(report, {
        channel,
        locale: 'sv',
        customerName: 'Anna Lund\r\nBcc: evil@example.com\u2028Ps',
        ...(channel === 'email' ? { to: 'anna.svensson1985@gmail.com' } : {}),
      });
      const lines = notice.text.split(/\r?\n/);
      expect(lines.some((line) => line.startsWith('Bcc:'))).toBe(false);
      expect(notice.text).toContain('Anna Lund Bcc: evil@example.com Ps');
      expect(notice.text).not.toMatch(/[\r\u2028](?!\n)/);
    }
  });
});
