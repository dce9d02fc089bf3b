import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The order confirmation sent to a processor's mailbox: a known party the organisation can hold to
// account (WP250 rev.01 section IV.B), not a private stranger.
const report = createIncidentReport(
  { ...seedCase, recipient: 'trusted', recipientBoundBySecrecy: true },
  { now: '2018-02-23T15:10:00+01:00' },
);

describe('the description of a trusted recipient', () => {
  it('says it is a recipient the organisation can hold to account, in Swedish', () => {
    const text = renderIncidentReport(report, { locale: 'sv' });
    expect(text).toContain(
      'som tillhör en mottagare som organisationen känner och kan hålla ansvarig (en samarbetspartner, ett personuppgiftsbiträde eller någon med tystnadsplikt) och som har tystnadsplikt. Mottagaren har därmed kunnat läsa kundens uppgifter.',
    );
    expect(text).not.toMatch(/tillhör en annan person|Den personen har/);
  });

  it('says it is a recipient the organisation can hold to account, in English', () => {
    const text = renderIncidentReport(report, { locale: 'en' });
    expect(text).toContain(
      'which belongs to a recipient the organisation knows and can hold to account (a partner, a processor or a professional bound by secrecy), and who is bound by secrecy. The recipient could read the customer’s details.',
    );
    expect(text).not.toMatch(/belongs to someone else|That person could/);
  });
});
