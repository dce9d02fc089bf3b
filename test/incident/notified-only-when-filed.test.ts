import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = { now: '2018-02-23T15:30:00+01:00' };
const render = (locale: 'sv' | 'en', input = seedCase) =>
  renderIncidentReport(createIncidentReport(input, now), { locale, format: 'text' });

describe('a report says the authority was notified only when a filing is recorded', () => {
  it('says "to be notified by" the deadline before any filing, in English and Swedish', () => {
    const en = render('en');
    expect(en).not.toContain('Notified: yes');
    expect(en).toContain('To be notified by 24 February 2018, 13:45 CET.');
    const sv = render('sv');
    expect(sv).not.toContain('Anmäls: ja');
    expect(sv).toContain('Ska anmälas senast 2018-02-24 kl. 13.45 CET.');
  });

  it('says notified, with the date, once the first notification is recorded', () => {
    const filed = { ...seedCase, initialNotificationAt: '2018-02-23T15:00:00+01:00' };
    expect(render('en', filed)).toContain('Notified: yes, 23 February 2018, 15:00 CET.');
    expect(render('sv', filed)).toContain('Anmäld: ja, 2018-02-23 kl. 15.00 CET.');
  });
});
