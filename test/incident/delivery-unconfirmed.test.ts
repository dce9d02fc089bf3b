import { describe, expect, it } from 'vitest';
import {
  incidentRegisterEntry,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { misdirectedInput } from './shared-fixtures.js';

// An address found in sent mail that no customer has on file: nothing shows it exists or received
// the message (`unconfirmed`), so nothing the customer or the authority reads may say it was seen.
const facts: ReportMisdirectedInput = { ...misdirectedInput, unconfirmed: true };

const asFact = {
  sv: [/har kunnat se/, /känner nu till/, /skickades av misstag till/, /kunnat se,/],
  en: [/could see these details/, /now knows/, /were sent to someone else/, /other person could see/],
} as const;

describe('a misdirected message whose delivery is not established', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`keeps every sentence of the notice, phone script and report conditional (${locale})`, async () => {
      const { report, notices } = await reportMisdirected(facts, {
        locale,
        now: '2018-02-23T15:10:00+01:00',
      });
      const rendered = renderIncidentReport(report, { locale });
      const documents = [notices.email.subject, notices.email.text, notices.phoneScript.text, rendered];
      for (const text of documents) for (const pattern of asFact[locale]) expect(text).not.toMatch(pattern);
      if (locale === 'sv') {
        expect(notices.email.subject).toBe('Uppgifter om dig kan av misstag ha kommit till en annan person');
        for (const text of [notices.email.text, notices.phoneScript.text]) {
          expect(text).toContain(
            'Om meddelandet kom fram kan den personen ha sett bland annat de här uppgifterna',
          );
          expect(text).toContain('om meddelandet kom fram känner personen till din adress');
        }
      } else {
        expect(notices.email.subject).toBe('Details about you may have reached someone else by mistake');
        for (const text of [notices.email.text, notices.phoneScript.text]) {
          expect(text).toContain('If the message arrived, that person may have seen these details about you');
          expect(text).toContain('If the message arrived, the person knows your address');
        }
      }
    });
  }

  it('says as fact what the other person saw once delivery is established', async () => {
    const { notices } = await reportMisdirected({ ...facts, unconfirmed: false }, { locale: 'sv' });
    expect(notices.email.subject).toBe('Uppgifter om dig skickades av misstag till en annan person');
    expect(notices.email.text).toContain('Den personen har kunnat se bland annat de här uppgifterna');
    expect(notices.email.text).toContain('personen känner nu till din adress');
  });

  it('keeps the assessment and the register line conditional when an identity number may have reached someone', async () => {
    // Issue 13: every draft of `audit --incidents` is unconfirmed, and its assessment said "An identity
    // number reached someone outside the organisation" beside a description that says it may have.
    const message = [
      'From: Butiken AB <order@butiken.se>',
      'To: anna.svensson185@gmail.com',
      'Subject: Order',
      'Date: Fri, 23 Feb 2018 13:36:12 +0100',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hej Anna! Personnummer: 19851205-1238. Leveransadress: Storgatan 12, 114 51 Stockholm',
      '',
    ].join('\r\n');
    for (const locale of ['sv', 'en'] as const) {
      const { report } = await reportMisdirected(
        { ...facts, message },
        { locale, now: '2018-02-23T15:10:00+01:00' },
      );
      const rendered = renderIncidentReport(report, { locale });
      const register = incidentRegisterEntry(report, { locale });
      if (locale === 'en') {
        expect(rendered).not.toMatch(/^- An identity number reached/m);
        expect(rendered).toContain(
          'If the message was delivered, an identity number reached someone outside the organisation',
        );
        expect(register).toContain(
          'e-mail to a wrong address (whether it reached anyone is not established)',
        );
        expect(register).not.toContain('wrong recipient');
      } else {
        expect(rendered).not.toMatch(/^- Ett personnummer/m);
        expect(rendered).toContain('Om meddelandet kom fram: ett personnummer');
        expect(register).toContain('e-post till fel adress (om den nådde någon är inte fastställt)');
        expect(register).not.toContain('fel mottagare');
      }
    }
  });
});
